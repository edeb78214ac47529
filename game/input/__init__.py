"""Input: devices become Actions; a focus ring and a scanner move between focusables."""
