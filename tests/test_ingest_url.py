"""http(s) inputs, served by a local server in the test (no outside network): pages, feeds, failures."""

import http.server
import threading

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
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{srv.server_address[1]}"
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
