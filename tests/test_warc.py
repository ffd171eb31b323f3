"""WARC input: each HTML response record is an article; other records and languages are accounted for."""

from __future__ import annotations

import gzip
import uuid

import pytest

from eventwire.ingest import read_inputs
from eventwire.ingest.base import RawDoc
from eventwire.model import Failure

pytest.importorskip("fastwarc")

PARAS = [
    "Government forces recaptured the northern town of Tal Abyad after three days of heavy fighting, "
    "the army said on Sunday, in the biggest advance of the year.",
    "Residents who fled the clashes described streets littered with debris and burned vehicles, and said "
    "that engineers were clearing mines left behind by the retreating fighters.",
    "Aid agencies warned that thousands of displaced families still lacked food, water and shelter, and "
    "the United Nations called for safe passage for convoys carrying medical supplies.",
]
GERMAN = [
    "Die Regierungstruppen haben die Stadt im Norden nach drei Tagen heftiger Kämpfe zurückerobert, "
    "teilte die Armee am Sonntag mit. Es ist der größte Vormarsch des Jahres.",
    "Bewohner, die vor den Gefechten geflohen waren, berichteten von Trümmern und ausgebrannten Autos "
    "auf den Straßen der Stadt.",
    "Hilfsorganisationen warnten, dass Tausende vertriebene Familien weiterhin ohne Nahrung, Wasser und "
    "Unterkunft seien.",
]


def _html(title: str, paras: list[str], lang: str = "") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paras)
    attr = f' lang="{lang}"' if lang else ""
    return (f"<!DOCTYPE html><html{attr}><head><title>{title}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1>{body}</article><footer>Copyright</footer></body></html>").encode()


def _record(url: str, payload: bytes, content_type: str, warc_type: str = "response",
            status: str = "200 OK") -> bytes:
    if warc_type == "response":
        http = (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(payload)}\r\n\r\n"
                ).encode() + payload
        ctype = "application/http; msgtype=response"
    else:
        http = f"GET {url} HTTP/1.1\r\nHost: example.org\r\n\r\n".encode()
        ctype = "application/http; msgtype=request"
    head = (f"WARC/1.0\r\nWARC-Type: {warc_type}\r\nWARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
            f"WARC-Date: 2019-11-14T10:00:00Z\r\nWARC-Target-URI: {url}\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(http)}\r\n\r\n").encode()
    return head + http + b"\r\n\r\n"


def _records() -> list[bytes]:
    return [
        _record("https://news.example/a", b"", "", warc_type="request"),  # not a response: not an input
        _record("https://news.example/a", _html("Army retakes Tal Abyad", PARAS), "text/html; charset=utf-8"),
        _record("https://news.example/logo.png", b"\x89PNG\r\n", "image/png"),
        _record("https://news.example/old", _html("Moved", ["See the new page."]), "text/html",
                status="301 Moved Permanently"),
        _record("https://nachrichten.example/b", _html("Armee erobert Stadt", GERMAN), "text/html; charset=utf-8"),
    ]


@pytest.fixture(params=["warc", "warc.gz"])
def warc_path(request, tmp_path):
    path = tmp_path / f"crawl.{request.param}"
    if request.param == "warc":
        path.write_bytes(b"".join(_records()))
    else:  # one gzip member per record, as crawlers write them
        path.write_bytes(b"".join(gzip.compress(r) for r in _records()))
    return path


def test_records_become_articles_or_reasoned_failures(warc_path):
    items = list(read_inputs([str(warc_path)]))
    docs = [i for i in items if isinstance(i, RawDoc)]
    fails = [i for i in items if isinstance(i, Failure)]
    assert len(docs) == 2 and len(fails) == 2
    assert docs[0].url == "https://news.example/a" and "Tal Abyad" in docs[0].text and "Copyright" not in docs[0].text
    assert docs[0].input_ref.startswith(f"{warc_path}#<urn:uuid:")
    assert docs[0].date and docs[0].date.startswith("2019-11-14")
    assert "not an HTML page" in fails[0].reason and "image/png" in fails[0].reason
    assert fails[1].reason.startswith("HTTP status 301")


def test_run_accounts_for_every_record(tmp_path):
    from eventwire.runner import run
    from eventwire.store import Store

    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(b"".join(gzip.compress(r) for r in _records()))
    db = tmp_path / "ew.duckdb"
    stats = run([str(path)], db=db, stages=())
    assert (stats.processed, stats.failed, stats.skipped) == (1, 2, 1)
    with Store(db, read_only=True) as store:
        outcomes = dict(store.con.execute("SELECT status, reason FROM inputs").fetchall())
        assert set(outcomes) == {"processed", "failed", "skipped"}
        assert outcomes["skipped"].startswith("language de")
        assert store.con.execute("SELECT language FROM articles").fetchone()[0] == "en"
    again = run([str(path)], db=db, stages=())  # resumable: nothing is processed twice
    assert again.processed == 0
