"""The explorer as a researcher uses it, in Debian's headless Chromium.

pytest builds the test corpus, starts ``eventwire serve`` on a free loopback port, and
runs ``web/e2e/run.mjs`` (node + playwright-core driving /usr/bin/chromium): load the
page, filter by actor, click an event, check the article view highlights exactly its
evidence, brush the timeline. The run writes docs/screenshots/map.png and article.png.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")
from test_web_api_corpus import build_web_db  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "web"
CHROMIUM = Path("/usr/bin/chromium")
NODE = shutil.which("node")
SHOTS = ROOT / "docs" / "screenshots"

pytestmark = [
    pytest.mark.skipif(NODE is None, reason="node is not installed (apt-get install -y nodejs npm)"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian chromium is not installed (apt-get install -y chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _ensure_node_modules() -> None:
    """The driver needs web/node_modules; install it from the lockfile if missing."""
    if (WEB / "node_modules" / "playwright-core").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("web/node_modules is missing and npm is not installed: run `npm ci` in web/")
    subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=WEB, check=True, timeout=300)


def _build_demo_db(db: Path) -> None:
    """What `make demo` writes: the pipeline run on the bundled sample articles."""
    from importlib import resources

    from eventwire.runner import run

    samples = Path(str(resources.files("eventwire").joinpath("data", "samples")))
    stats = run([str(samples)], db=db)
    assert stats.processed == 4 and stats.events > 20


@pytest.fixture()
def server(tmp_path: Path):
    db = tmp_path / "corpus.duckdb"
    build_web_db(db)
    yield from _serve(db)


@pytest.fixture()
def demo_server(tmp_path: Path):
    db = tmp_path / "demo.duckdb"
    _build_demo_db(db)
    yield from _serve(db)


def _serve(db: Path):
    port = _free_port()
    eventwire = Path(sys.executable).with_name("eventwire")
    cmd = [str(eventwire)] if eventwire.exists() else [sys.executable, "-m", "eventwire.cli"]
    proc = subprocess.Popen([*cmd, "serve", "--db", str(db), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(url + "api/stats", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    out = proc.stdout.read() if proc.poll() is not None else ""
                    pytest.fail(f"eventwire serve did not start: {out}")
                time.sleep(0.2)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def test_committed_bundle_is_built_from_web_src(tmp_path: Path) -> None:
    """The package ships the built page; it must be what web/src builds to today."""
    _ensure_node_modules()
    subprocess.run([NODE, "build.mjs", "--out", str(tmp_path)], cwd=WEB, check=True, capture_output=True, timeout=120)
    shipped = ROOT / "src" / "eventwire" / "web" / "static"
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == sorted(p.name for p in shipped.iterdir())
    stale = [n for n in names if (tmp_path / n).read_bytes() != (shipped / n).read_bytes()]
    assert not stale, f"rebuild the page: cd web && npm ci && npm run build ({stale} differ)"


def _drive(url: str, shots: Path) -> dict:
    _ensure_node_modules()
    env = {**os.environ, "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD": "1"}
    done = subprocess.run(
        [NODE, "e2e/run.mjs", "--url", url, "--shots", str(shots), "--chromium", str(CHROMIUM)],
        cwd=WEB, capture_output=True, text=True, timeout=120, env=env,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    assert lines, f"no result from the browser driver:\n{done.stdout}\n{done.stderr}"
    result = json.loads(lines[-1])
    assert result["ok"], result["failures"]
    assert done.returncode == 0
    for name in ("map.png", "article.png"):
        shot = shots / name
        assert shot.stat().st_size > 10_000 and time.time() - shot.stat().st_mtime < 300
    return result


def test_filter_click_event_and_see_its_evidence(server: str, tmp_path: Path) -> None:
    """On a hand-made corpus (hostile HTML, emoji before a highlight, undated events)."""
    result = _drive(server, tmp_path / "shots")
    assert result["selected_evidence"] == "Syrian troops pounded Islamic State positions near Palmyra"
    assert result["filtered_rows"] == 3 and result["offsite_requests"] == []


def test_demo_database_in_the_browser(demo_server: str) -> None:
    """The demo database as `make demo` writes it; its screenshots are the README's."""
    result = _drive(demo_server, SHOTS)
    assert result["selected_evidence"] and result["filtered_rows"] > 5
    assert result["offsite_requests"] == [] and result["page_errors"] == []
