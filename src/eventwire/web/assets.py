"""The built front-end, held in memory under an allow-list of names.

Requests name an asset, never a path: the server looks the name up in a dict built at
start-up from the files shipped in ``eventwire/web/static``, so no request can reach
any other file however it is spelled.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources

ASSET_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,100}$")
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}


@dataclass(frozen=True, slots=True)
class Asset:
    body: bytes
    media_type: str


def load_assets() -> dict[str, Asset]:
    """Every shipped static file with a known type, by file name."""
    folder = resources.files("eventwire.web").joinpath("static")
    out: dict[str, Asset] = {}
    if not folder.is_dir():
        return out
    for item in folder.iterdir():
        name = item.name
        suffix = name[name.rfind("."):] if "." in name else ""
        if item.is_file() and ASSET_NAME.match(name) and suffix in MEDIA_TYPES:
            out[name] = Asset(item.read_bytes(), MEDIA_TYPES[suffix])
    return out
