"""Tools for content authors: the starter level, the careful-child autoplayer that previews and
measures levels, the quiet stage they are drawn on, and the watcher behind `sango play --watch`.

Only `starter` and `levels` are free of pygame; the rest is imported by the game's own tools.
"""
