"""The screens of the game. Each gets the Context and can run alone, headless, in a test."""
