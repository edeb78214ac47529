"""The desktop-bundle test builds with PyInstaller (about two minutes): it runs only when asked.

    SANGO_TEST_BUNDLE=1 uv run pytest tests/packaging/test_bundle.py

Without the variable the module is not collected at all, so nothing shows as skipped.
"""

from __future__ import annotations

import os

collect_ignore = [] if os.environ.get("SANGO_TEST_BUNDLE") == "1" else ["test_bundle.py"]
