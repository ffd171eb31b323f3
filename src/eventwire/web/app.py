"""The web explorer: a FastAPI app over one eventwire database, opened read-only.

The page (``/``) uses only the JSON API under ``/api``; ``/api/openapi.json`` describes
it. Defences, because the corpus is untrusted text from the web: the database is opened
read-only with external file access switched off; every parameter is validated and bound;
article text is sent as JSON data and the page inserts it with ``textContent``; a strict
Content-Security-Policy forbids inline script; the Host header must be a loopback name
unless the caller says otherwise (DNS-rebinding); static files come from an in-memory
allow-list, never from a path in the request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Path as PathParam, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.middleware.trustedhost import TrustedHostMiddleware

from eventwire import __version__
from eventwire.web import queries
from eventwire.web.assets import load_assets
from eventwire.web.filters import MAX_PAGE, MAX_PAGE_SIZE, Bucket, EventFilter, SortKey, SortOrder, event_filter

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1")
ARTICLE_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


def cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """One cursor per request: a DuckDB connection must not be shared across threads."""
    cur = request.app.state.con.cursor()
    try:
        yield cur
    finally:
        cur.close()


Cursor = Annotated[duckdb.DuckDBPyConnection, Depends(cursor)]
Filters = Annotated[EventFilter, Depends(event_filter)]
ArticleId = Annotated[str, PathParam(pattern=ARTICLE_ID_PATTERN)]


def open_read_only(db_path: str | Path) -> duckdb.DuckDBPyConnection:
    """A connection that can neither write the database nor read any other file."""
    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"no eventwire database at {path}")
    return duckdb.connect(str(path), read_only=True,
                          config={"enable_external_access": False, "lock_configuration": True})


def create_app(db_path: str | Path, allowed_hosts: Sequence[str] = LOOPBACK_HOSTS) -> FastAPI:
    """The explorer for the database at ``db_path``.

    ``allowed_hosts`` are the Host header values accepted; pass ``["*"]`` only when
    deliberately serving beyond this machine.
    """
    con = open_read_only(db_path)
    assets = load_assets()

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        con.close()

    app = FastAPI(
        lifespan=lifespan,
        title="eventwire explorer API",
        version=__version__,
        description="Read-only JSON API over an eventwire database: events, their evidence and source articles.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # the stock docs pages load scripts from a CDN: no network here, and the CSP forbids it
        redoc_url=None,
    )
    app.state.con = con
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.get("/api/stats", tags=["corpus"])
    def get_stats(cur: Cursor) -> dict[str, Any]:
        """Row counts, and how many events have a place and a date."""
        return queries.stats(cur)

    @app.get("/api/facets", tags=["corpus"])
    def get_facets(cur: Cursor) -> dict[str, Any]:
        """Values to filter by (event types, quad classes, actor codes, countries) and the date range."""
        return queries.facets(cur)

    @app.get("/api/events", tags=["events"])
    def get_events(
        cur: Cursor,
        filters: Filters,
        sort: SortKey = "date",
        order: SortOrder = "asc",
        page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
        page_size: Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)] = 50,
    ) -> dict[str, Any]:
        """One page of the events matching the filters."""
        return queries.list_events(cur, filters, sort, order, page, page_size)

    @app.get("/api/map", tags=["events"])
    def get_map(cur: Cursor, filters: Filters) -> dict[str, Any]:
        """Located events matching the filters, as map points."""
        return queries.map_points(cur, filters)

    @app.get("/api/timeline", tags=["events"])
    def get_timeline(cur: Cursor, filters: Filters, bucket: Bucket = "auto") -> dict[str, Any]:
        """Events per day (or week, month, year: ``auto`` fits the span) and PLOVER type for the filters."""
        return queries.timeline(cur, filters, bucket)

    @app.get("/api/events/{article_id}/{idx}", tags=["events"])
    def get_event(cur: Cursor, article_id: ArticleId,
                  idx: Annotated[int, PathParam(ge=0, le=2**31 - 1)]) -> dict[str, Any]:
        """Every stored field of one event."""
        event = queries.event_detail(cur, article_id, idx)
        if event is None:
            raise HTTPException(404, "no such event")
        return event

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def get_article(cur: Cursor, article_id: ArticleId) -> dict[str, Any]:
        """Cleaned text, highlight spans by kind (code-point offsets), and the article's events."""
        view = queries.article_view(cur, article_id)
        if view is None:
            raise HTTPException(404, "no such article")
        return view

    @app.get("/api/{rest:path}", include_in_schema=False)
    def api_not_found(rest: str) -> JSONResponse:
        return JSONResponse({"detail": "unknown API endpoint"}, status_code=404)

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> Response:
        return _asset_response(assets, "index.html")

    @app.api_route("/static/{name}", methods=["GET", "HEAD"], include_in_schema=False)
    def static(name: str) -> Response:
        return _asset_response(assets, name)

    return app


def _asset_response(assets: dict, name: str) -> Response:
    asset = assets.get(name)
    if asset is None:
        raise HTTPException(404, "not found" if name != "index.html" else
                            "the page is not built: run `npm ci && npm run build` in web/")
    return Response(asset.body, media_type=asset.media_type, headers={"Cache-Control": "no-cache"})
