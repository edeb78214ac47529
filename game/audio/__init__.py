"""Sound for the game: the earcon synthesiser and (elsewhere) playback."""
