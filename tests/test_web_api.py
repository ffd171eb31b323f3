"""The explorer's JSON API: answers, filters, and hostile requests (always a clear 4xx, never a 500)."""

from __future__ import annotations

import datetime as dt
import hashlib
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from test_web_api_corpus import CORPUS, HOSTILE, build_web_db

from eventwire.web import create_app
from eventwire.web.queries import pick_bucket


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("web") / "web.duckdb"
    build_web_db(path)
    return path


@pytest.fixture(scope="module")
def client(db: Path):
    with TestClient(create_app(db), base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c


def ok(client: TestClient, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.text
    return response.json()


N_EVENTS = sum(len(d.events) for d in CORPUS)


def test_stats_and_facets(client: TestClient) -> None:
    stats = ok(client, "/api/stats")
    assert stats["articles"] == len(CORPUS) and stats["events"] == N_EVENTS
    assert stats["events_located"] == sum(1 for d in CORPUS for e in d.events if e.place)
    facets = ok(client, "/api/facets")
    assert {t["value"]: t["n"] for t in facets["types"]}["ASSAULT"] == 2
    assert "SYR GOV" in {a["value"] for a in facets["actors"]}
    assert facets["date_min"] == "2016-03-14" and facets["date_max"] == "2016-03-24"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", N_EVENTS),
        ("actor=SYR", 3),  # a prefix: SYR MIL, SYR GOV, SYR OPP
        ("actor=SYR%20GOV", 1),
        ("country=BE", 2),  # location ISO-2
        ("country=TUR", 1),  # actor ISO-3
        ("type=ASSAULT", 2),
        ("quad=4", 3),
        ("date_from=2016-03-18&date_to=2016-03-22", 3),
        ("date_from=2016-03-23", 1),
        ("q=BRUSSELS", 2),  # case-insensitive, over evidence, actors, places, titles
        ("q=madaya&type=AID", 1),
        ("q=%25", 0),  # LIKE wildcards are plain characters
        ("q=_", 0),
        ("q=%25'%20OR%20'1'%3D'1", 0),
    ],
)
def test_event_filters(client: TestClient, query: str, expected: int) -> None:
    res = ok(client, "/api/events?" + query)
    assert res["total"] == expected
    assert len(res["items"]) == expected


def test_sorting_and_pages(client: TestClient) -> None:
    res = ok(client, "/api/events?sort=date&order=desc")
    days = [e["day"] for e in res["items"] if e["day"]]
    assert days == sorted(days, reverse=True)
    assert res["items"][-1]["day"] is None  # undated last either way
    confs = [e["goldstein"] for e in ok(client, "/api/events?sort=quad&order=asc")["items"]]
    assert confs[0] == 1.0
    for key in ("type", "cameo", "quad", "source", "target", "location", "confidence", "article"):
        assert ok(client, f"/api/events?sort={key}&order=desc")["total"] == N_EVENTS
    pages = [ok(client, f"/api/events?page_size=3&page={p}")["items"] for p in (1, 2, 3, 4)]
    keys = [(e["article_id"], e["idx"]) for page in pages for e in page]
    assert [len(p) for p in pages] == [3, 3, 1, 0]
    assert len(set(keys)) == N_EVENTS


def map_points(client: TestClient, url: str) -> list[dict]:
    res = ok(client, url)
    return [dict(zip(res["fields"], row)) for row in res["points"]]


def test_map_and_timeline(client: TestClient) -> None:
    points = map_points(client, "/api/map")
    assert len(points) == 6 and all(p["lat"] is not None for p in points)
    assert {p["location_name"] for p in map_points(client, "/api/map?type=ASSAULT")} == {"Palmyra", "Brussels"}
    tl = ok(client, "/api/timeline")
    assert sum(c["n"] for c in tl["counts"]) + tl["undated"] == N_EVENTS
    assert {"day": "2016-03-22", "type": "ASSAULT", "n": 2} in tl["counts"]
    assert ok(client, "/api/timeline?country=BE")["counts"] == [
        {"day": "2016-03-22", "type": "ASSAULT", "n": 1}, {"day": "2016-03-24", "type": "COERCE", "n": 1}]


def test_timeline_buckets_fit_the_span(client: TestClient) -> None:
    assert ok(client, "/api/timeline")["bucket"] == "day"  # ten days of news
    months = ok(client, "/api/timeline?bucket=month")
    assert months["counts"] == [{"day": "2016-03-01", "type": t, "n": n} for t, n in
                                (("AID", 1), ("ASSAULT", 2), ("COERCE", 1), ("CONSULT", 1), ("REJECT", 1))]
    weeks = ok(client, "/api/timeline?bucket=week")["counts"]
    assert {c["day"] for c in weeks} == {"2016-03-14", "2016-03-21"}  # ISO weeks start on Monday
    assert pick_bucket(dt.date(2002, 3, 1), dt.date(2019, 12, 1)) == "month"
    assert pick_bucket(dt.date(1950, 1, 1), dt.date(2020, 1, 1)) == "year"
    assert pick_bucket(None, None) == "day"


def test_article_view_has_text_highlights_and_cards(client: TestClient) -> None:
    palmyra = ok(client, "/api/events?type=ASSAULT&q=palmyra")["items"][0]
    view = ok(client, f"/api/articles/{palmyra['article_id']}")
    text = view["article"]["text"]
    assert HOSTILE in text  # delivered as JSON data, verbatim; the page inserts it as text
    kinds = {h["kind"] for h in view["highlights"]}
    assert {"actor", "place", "timex", "quote", "quote-source", "quote-cue", "evidence", "trigger"} <= kinds
    evidence = next(h for h in view["highlights"] if h["kind"] == "evidence")
    assert text[evidence["start"]:evidence["end"]] == palmyra["evidence_text"]  # code-point offsets
    card = view["events"][0]
    assert card["rule"] == "test-rule" and card["cameo_code"] == "190" and card["confidence"] == 0.75
    detail = ok(client, f"/api/events/{palmyra['article_id']}/0")
    assert detail["evidence_text"] == palmyra["evidence_text"] and detail["location_name"] == "Palmyra"


HOSTILE_REQUESTS = [
    "/api/events?actor=%27%20OR%201%3D1%20--",
    "/api/events?actor=syr",  # codes are upper case; the page upper-cases what people type
    "/api/events?actor=" + "A" * 21,
    "/api/events?country=SY%3BDROP%20TABLE%20events",
    "/api/events?type=ASSAULT%27--",
    "/api/events?quad=5",
    "/api/events?quad=1%20OR%201%3D1",
    "/api/events?page=0",
    "/api/events?page=" + "9" * 40,
    "/api/events?page=1000001",
    "/api/events?page_size=501",
    "/api/events?page_size=-1",
    "/api/events?page_size=1e9",
    "/api/events?sort=day%3B%20DROP%20TABLE%20events",
    "/api/events?sort=evidence_text",
    "/api/events?order=sideways",
    "/api/events?date_from=2016-02-30",
    "/api/events?date_from=2016-3-1",
    "/api/events?date_from=99999-01-01",
    "/api/events?date_to=2016-03-22T00%3A00",
    "/api/events?date_from=..%2F..%2Fetc%2Fpasswd",
    "/api/events?date_from=2016-03-24&date_to=2016-03-01",
    "/api/events?q=" + "x" * 201,
    "/api/events?q=a%00b",
    "/api/map?date_to=yesterday",
    "/api/timeline?actor=%3Cscript%3E",
    "/api/timeline?bucket=hour",
    "/api/timeline?bucket=day%27)%3B--",
    "/api/events/abc/-1",
    "/api/events/abc/2147483648",
    "/api/events/abc/zero",
    "/api/events/x%27%20OR%20%271%27%3D%271/0",
    "/api/articles/x%27%20OR%20%271%27%3D%271",
    "/api/articles/" + "a" * 129,
]


@pytest.mark.parametrize("url", HOSTILE_REQUESTS)
def test_hostile_parameters_get_a_clear_422(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 422, (url, response.status_code, response.text)
    assert response.json()["detail"]


@pytest.mark.parametrize(
    "url",
    [
        "/api/articles/..%2F..%2Fetc%2Fpasswd",
        "/api/articles/../../etc/passwd",
        "/api/articles/nonexistent",
        "/api/events/nonexistent/0",
        "/api/nothing/here",
        "/static/..%2F..%2F..%2Fpyproject.toml",
        "/static/../app.py",
        "/static/app.py",
        "/static/%2Fetc%2Fpasswd",
        "/etc/passwd",
    ],
)
def test_paths_never_reach_files(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404, (url, response.status_code)
    assert b"root:" not in response.content and b"[project]" not in response.content


def test_hostile_requests_leave_the_database_untouched(client: TestClient, db: Path) -> None:
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for url in HOSTILE_REQUESTS:
        client.get(url)
    assert ok(client, "/api/stats")["events"] == N_EVENTS
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_connection_is_read_only_and_cannot_read_files(client: TestClient) -> None:
    con = client.app.state.con.cursor()
    with pytest.raises(Exception, match="read-only|read only"):
        con.execute("DELETE FROM events")
    with pytest.raises(Exception, match="disabled|Permission"):
        con.execute("SELECT * FROM read_csv('/etc/passwd')")


def test_security_headers_and_loopback_host(client: TestClient, db: Path) -> None:
    for url in ("/", "/api/stats", "/static/app.js", "/api/nothing"):
        headers = client.get(url).headers
        assert "default-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
    assert client.get("/api/stats", headers={"Host": "evil.example"}).status_code == 400  # DNS rebinding
    with TestClient(create_app(db), base_url="http://localhost:8000") as local:
        assert local.get("/api/stats").status_code == 200


def test_page_and_assets_are_packaged(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'src="static/app.js"' in page.text and "<script>" not in page.text  # no inline script
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "javascript" in js.headers["content-type"] and len(js.content) > 10_000
    assert client.get("/static/app.css").status_code == 200
    static = Path(__file__).parents[1] / "src" / "eventwire" / "web" / "static"
    assert sum(f.stat().st_size for f in static.iterdir()) < 2 * 1024 * 1024


def test_openapi_schema_documents_the_validation(client: TestClient) -> None:
    schema = ok(client, "/api/openapi.json")
    params = {p["name"]: p["schema"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"actor", "country", "type", "date_from", "date_to", "q", "sort", "order", "page", "page_size"} <= set(params)
    assert params["page_size"]["maximum"] == 500
    assert {"/api/articles/{article_id}", "/api/events/{article_id}/{idx}", "/api/timeline", "/api/facets",
            "/api/stats", "/api/map"} <= set(schema["paths"])


def test_concurrent_requests_each_get_their_own_cursor(client: TestClient) -> None:
    from concurrent.futures import ThreadPoolExecutor

    urls = ["/api/events?sort=confidence", "/api/map?type=ASSAULT", "/api/timeline", "/api/facets"] * 10
    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(lambda u: client.get(u).status_code, urls))
    assert codes == [200] * len(urls)


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no eventwire database"):
        create_app(tmp_path / "absent.duckdb")
