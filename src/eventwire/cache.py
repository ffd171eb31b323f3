"""Where eventwire keeps what it builds once per machine (gazetteer, tokenized dictionaries)."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path:
    """``$EVENTWIRE_CACHE``, else ``~/.cache/eventwire`` (not created here)."""
    base = os.environ.get("EVENTWIRE_CACHE")
    return Path(base) if base else Path.home() / ".cache" / "eventwire"
