"""Compiled catalogs (.mo), built from the .po files on demand, never edited by hand.

The .po files are the source; .mo files are not committed. When the game starts in a language,
a missing or stale .mo is compiled beside its .po, or in the user cache folder when the
locales folder is read-only (an installed game). A fresh clone therefore needs no manual step.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

CACHE_APP_NAME = "sango"


def po_path(locales_dir: Path, locale: str, domain: str) -> Path:
    """Where the translations of one domain in one language live."""
    return locales_dir / locale / "LC_MESSAGES" / f"{domain}.po"


def cache_root() -> Path:
    """The folder for catalogs compiled when the locales folder cannot be written."""
    override = os.environ.get("SANGO_CACHE_DIR")
    if override:
        return Path(override).expanduser()
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(CACHE_APP_NAME, appauthor=False))


def _fresh(mo: Path, po: Path) -> bool:
    try:
        return mo.stat().st_mtime_ns >= po.stat().st_mtime_ns
    except OSError:
        return False


def compile_po(po: Path, mo: Path) -> None:
    """Compile one .po into a .mo, written atomically. Fuzzy and empty entries are left out, so
    the game shows the English source for them rather than a guess or a blank.

    Raises:
        OSError: The .mo cannot be written.
        ValueError: The .po cannot be parsed.
    """
    with po.open("rb") as stream:
        catalog = read_po(stream, abort_invalid=True)
    mo.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{mo.name}.", dir=mo.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            write_mo(stream, catalog, use_fuzzy=False)
        os.replace(temporary, mo)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def compiled_catalog(locales_dir: Path, locale: str, domain: str) -> Path | None:
    """The up-to-date .mo for a domain and language, compiling it first when needed.

    Returns None when the language has no .po for this domain (English then shows).
    """
    po = po_path(locales_dir, locale, domain)
    if not po.is_file():
        return None
    beside = po.with_suffix(".mo")
    if _fresh(beside, po):
        return beside
    # One cache folder per locales folder, so two copies of the game never share stale files.
    origin = hashlib.sha256(str(locales_dir.resolve()).encode("utf-8")).hexdigest()[:12]
    cached = cache_root() / "locales" / origin / locale / "LC_MESSAGES" / f"{domain}.mo"
    if _fresh(cached, po):
        return cached
    try:
        compile_po(po, beside)
        return beside
    except OSError:
        compile_po(po, cached)
        return cached
