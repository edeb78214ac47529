"""The text service: fonts, scale, spacing, wrapping and a bounded render cache."""
