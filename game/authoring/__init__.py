"""Tools for content authors: the starter level, the careful-child autoplayer that previews and
measures levels, the quiet stage they are drawn on, and the watcher behind `sango play --watch`.

`starter`, `levels` and `new_level` never load pygame (the content pipeline uses them); the
autoplayer, the stage, the screen measure (`fit`) and the watcher are for the game's own tools.
"""
