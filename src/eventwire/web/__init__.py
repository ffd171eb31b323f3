"""``eventwire serve``: a local page to explore events, with their evidence, on a map and a timeline.

Needs the ``web`` extra (FastAPI, uvicorn). The front-end is built from ``web/`` at the
repository root into ``static/`` here and shipped in the package, so no npm is needed to run it.
"""

from __future__ import annotations

__all__ = ["create_app"]


def create_app(*args, **kwargs):  # noqa: ANN002, ANN003, ANN201
    """Imported lazily so ``import eventwire.web`` does not need FastAPI."""
    from eventwire.web.app import create_app as _create_app

    return _create_app(*args, **kwargs)
