"""http(s) inputs, served by a local server in the test (no outside network): pages, feeds, failures."""

import http.server
import threading
import urllib.request

import pytest

from eventwire.ingest import expand_paths, read_inputs
from eventwire.model import Failure

from test_ingest_feed import RSS

ARTICLE = ("<html><head><title>Clashes in the north</title></head><body><nav>Home | World</nav><article>"
           + "".join(f"<p>Government forces and rebels clashed near the northern town on Sunday, officials said, "
                     f"in the {n}th day of fighting that has displaced thousands of families.</p>" for n in range(5))
           + "</article></body></html>")


@pytest.fixture(autouse=True)
def no_proxy_for_the_local_server(monkeypatch):
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")


@pytest.fixture(scope="module")
def server():
    pages = {"/wire.rss": (RSS.encode(), "application/rss+xml"), "/story.html": (ARTICLE.encode(), "text/html"),
             "/data.bin": (b"\x89PNG....", "image/png")}
    linked = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Linked Wire</title>'
              '<item><title>Clashes in the north</title><link>{base}/story.html</link><guid>s1</guid>'
              '<description>Short summary.</description></item>'
              '<item><title>Gone</title><link>{base}/gone.html</link><description>Summary of a lost page.</description></item>'
              '<item><title>No link</title><description>Police arrested 40 people on Tuesday.</description></item>'
              '</channel></rss>')

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            if self.path not in pages:
                self.send_error(404, "Not Found")
                return
            body, kind = pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    pages["/linked.rss"] = (linked.format(base=base).encode(), "application/rss+xml")
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield base
    srv.shutdown()


def test_a_page_address_becomes_its_article(server):
    (raw,) = list(read_inputs([f"{server}/story.html"]))
    assert raw.input_ref == raw.url == f"{server}/story.html"
    assert "Government forces and rebels clashed" in raw.text and "Home | World" not in raw.text


def test_a_feed_address_becomes_its_entries(server):
    results = list(read_inputs([f"{server}/wire.rss"]))
    assert [r.input_ref for r in results] == [f"{server}/wire.rss#{n}" for n in (1, 2, 3)]
    assert results[0].title == "Syrian army seizes hills overlooking Palmyra"
    assert isinstance(results[2], Failure)


def test_unreachable_missing_and_unreadable_addresses_fail_with_reasons(server):
    missing, binary = list(read_inputs([f"{server}/gone.html", f"{server}/data.bin"]))
    assert isinstance(missing, Failure) and "404" in missing.reason
    assert isinstance(binary, Failure) and "image/png" in binary.reason


def test_addresses_are_not_walked_as_folders():
    assert list(expand_paths(["https://example.org/feed"])) == ["https://example.org/feed"]


def test_following_a_feeds_links_reads_each_linked_page_and_says_which_failed(server, tmp_path):
    feed = f"{server}/linked.rss"
    summary, gone, unlinked = list(read_inputs([feed]))
    assert summary.text == "Clashes in the north\n\nShort summary."  # by default, the entry's own text
    page, gone, unlinked = list(read_inputs([feed], follow_links=True))
    assert "Government forces and rebels clashed" in page.text
    assert (page.input_ref, page.url, page.title, page.doc_id, page.source) == (
        f"{feed}#1", f"{server}/story.html", "Clashes in the north", "s1", "Linked Wire")
    assert isinstance(gone, Failure) and "linked page" in gone.reason and "404" in gone.reason
    assert unlinked.text.endswith("Police arrested 40 people on Tuesday.")  # nothing to follow: its own text
    saved = tmp_path / "linked.rss"  # a saved feed file follows its links the same way
    with urllib.request.urlopen(feed) as response:
        saved.write_bytes(response.read())
    assert "Government forces" in next(iter(read_inputs([str(saved)], follow_links=True))).text
