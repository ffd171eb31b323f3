"""The ``eventwire`` command."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from eventwire import __version__

app = typer.Typer(
    help="Turn news articles into evidence-linked event data: who did what to whom, where, when.",
    no_args_is_help=True,
    add_completion=False,
)
gazetteer_app = typer.Typer(help="The offline gazetteer used to resolve place names.", no_args_is_help=True)
app.add_typer(gazetteer_app, name="gazetteer")

def _console(stderr: bool = False) -> Console:
    """Rich sizes output to the terminal; piped output (make demo, logs) gets a readable width."""
    stream = sys.stderr if stderr else sys.stdout
    width = None if stream.isatty() else int(os.environ.get("COLUMNS", "160"))
    return Console(stderr=stderr, width=width)


console = _console()
err = _console(stderr=True)

DbOption = typer.Option("eventwire.duckdb", "--db", help="DuckDB database file.")
EXPORT_FORMATS = ("jsonl", "parquet", "csv", "gdelt-events", "gdelt-mentions", "gkg", "plover", "parquet-by-day")


def _version(value: bool) -> None:
    if value:
        console.print(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True, help="Show the version."),
) -> None:
    """eventwire command line."""


@app.command()
def run(
    paths: list[str] = typer.Argument(..., help="Files, folders (recursive), http(s) addresses or - for stdin: .txt, .html, .jsonl(.gz), .warc(.gz), RSS/Atom feeds."),
    db: str = DbOption,
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
    batch_size: int = typer.Option(32, "--batch-size", "-b", min=1, help="Articles per batch (one transaction each)."),
    max_chars: int = typer.Option(300_000, "--max-chars", min=1000, help="Longer documents are truncated (and recorded)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    lang: str = typer.Option("en", "--lang", help="Languages to process, comma-separated (others are recorded as skipped); 'any' for no filter."),
    engine: str = typer.Option("local", "--engine", help="local (processes on this machine) or dask (a Dask cluster)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local Dask cluster."),
    out_dir: Optional[Path] = typer.Option(None, "--out-dir", help="Sharded run: Parquet per shard + DuckDB catalogue here (required with --engine dask)."),
    files_per_shard: int = typer.Option(64, "--files-per-shard", min=1, help="Sharded run: one-article files per shard (JSONL/WARC files are a shard each)."),
    follow_links: bool = typer.Option(False, "--follow-links", help="Feeds: fetch and read the page each entry links to, not its summary."),
    actors_dict: list[Path] = typer.Option([], "--actors-dict", exists=True, dir_okay=False, help="Extra actor dictionary (TSV/JSON phrase→code, or a PETRARCH/TABARI .actors/.agents file); repeatable."),
) -> None:
    """Process articles into the database; already-stored articles are skipped."""
    from eventwire.ingest import HTML_SUFFIXES, TEXT_SUFFIXES, expand_paths
    from eventwire.runner import RunStats
    from eventwire.runner import run as run_paths

    languages = None if lang.strip().lower() == "any" else tuple(x.strip() for x in lang.split(",") if x.strip())
    if engine not in ("local", "dask"):
        err.print(f"[red]Unknown engine {engine!r}[/]; choose local or dask.")
        raise typer.Exit(2)
    if engine == "dask" or out_dir is not None:
        _run_sharded(paths, out_dir, engine, workers, scheduler, files_per_shard, batch_size, max_chars, languages,
                     tuple(str(p) for p in actors_dict), follow_links)
        return

    files = list(expand_paths(paths))
    single_doc = all(p != "-" and (Path(p).suffix.lower() in HTML_SUFFIXES | TEXT_SUFFIXES) for p in files)
    total = len(files) if single_doc else None

    progress = Progress(
        SpinnerColumn(),
        TextColumn("[bold]articles"),
        BarColumn(),
        MofNCompleteColumn() if total else TextColumn("{task.completed}"),
        TextColumn("{task.fields[rate]:.1f}/s · {task.fields[failed]} failed · {task.fields[skipped]} skipped"),
        TimeElapsedColumn(),
        console=err,
        disable=quiet or not err.is_terminal and not _force_progress(),
    )
    task = progress.add_task("run", total=total, rate=0.0, failed=0, skipped=0)

    def on_progress(stats: RunStats) -> None:
        progress.update(task, completed=stats.seen, rate=stats.articles_per_s, failed=stats.failed, skipped=stats.skipped)

    _stop_on_sigterm()
    try:
        with progress:
            stats = run_paths(paths, db=db, workers=workers, batch_size=batch_size, max_chars=max_chars,
                              progress=on_progress, languages=languages,
                              actor_dictionaries=tuple(str(p) for p in actors_dict), follow_links=follow_links)
    except KeyboardInterrupt:
        err.print("[yellow]Interrupted.[/] Finished batches are stored; run the same command again to resume.")
        raise typer.Exit(130)
    _print_run_summary(stats, db)
    if stats.processed == 0 and stats.skipped == 0:
        raise typer.Exit(1)


def _run_sharded(paths: list[str], out_dir: Optional[Path], engine: str, workers: int, scheduler: Optional[str],
                 files_per_shard: int, batch_size: int, max_chars: int, languages: Optional[tuple[str, ...]],
                 actor_dictionaries: tuple[str, ...] = (), follow_links: bool = False) -> None:
    """Shards → Parquet files + catalogue, on local processes or Dask (see docs/cluster.md)."""
    from eventwire.engines.shards import run_sharded

    if out_dir is None:
        err.print("[red]--engine dask writes Parquet shards:[/] give --out-dir (a folder every worker can reach).")
        raise typer.Exit(2)
    _stop_on_sigterm()
    try:
        stats = run_sharded(paths, out_dir, engine=engine, workers=workers, scheduler=scheduler,
                            files_per_shard=files_per_shard, languages=languages,
                            options={"batch_size": batch_size, "max_chars": max_chars,
                                     "actor_dictionaries": actor_dictionaries, "follow_links": follow_links})
    except KeyboardInterrupt:
        err.print("[yellow]Interrupted.[/] Finished shards are kept; run the same command again to resume.")
        raise typer.Exit(130)
    table = Table(title=f"eventwire run ({engine}) → {out_dir}", show_header=False)
    table.add_row("shards", f"{stats.shards:,} ({stats.resumed:,} done earlier)")
    table.add_row("processed", f"{stats.processed:,}")
    table.add_row("skipped", f"{stats.skipped:,}")
    table.add_row("failed", f"{stats.failed:,}")
    table.add_row("events", f"{stats.events:,}")
    table.add_row("time", f"{stats.elapsed:.1f} s")
    table.add_row("catalogue", f"{stats.catalogue} (use it as --db)")
    console.print(table)
    if stats.processed == 0 and stats.skipped == 0:
        raise typer.Exit(1)


def _stop_on_sigterm() -> None:
    """Treat `kill` like Ctrl-C: finish cleanly so worker processes do not outlive the run."""
    import signal

    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)


def _force_progress() -> bool:
    import os

    return bool(os.environ.get("EVENTWIRE_PROGRESS"))


def _print_run_summary(stats: object, db: str) -> None:
    from eventwire.runner import RunStats

    assert isinstance(stats, RunStats)
    table = Table(title=f"eventwire run → {db}", show_header=False)
    table.add_row("processed", f"{stats.processed:,}" + (f" ({stats.truncated:,} truncated)" if stats.truncated else ""))
    table.add_row("skipped (already seen)", f"{stats.skipped:,}")
    table.add_row("failed", f"{stats.failed:,}")
    table.add_row("events", f"{stats.events:,}")
    table.add_row("time", f"{stats.elapsed:.1f} s ({stats.articles_per_s:.1f} articles/s)")
    console.print(table)
    for f in stats.failures[:20]:
        console.print(f"  [red]failed[/] {escape(f'{f.input_ref}: {f.reason}')}", soft_wrap=True, highlight=False)
    if len(stats.failures) > 20:
        console.print(f"  … and {len(stats.failures) - 20} more (see the failures table)")


@app.command()
def show(
    article: str = typer.Argument(..., help="Article id (or a unique prefix), or the input it came from."),
    db: str = DbOption,
) -> None:
    """Print an article's cleaned text with what was found in it."""
    from eventwire.show import render_article
    from eventwire.store import Store

    with _open_read(db) as store:
        rendered = render_article(store, article)
    if rendered is None:
        err.print(f"[red]No article matches {escape(repr(article))}[/] (try `eventwire articles --db {db}`).")
        raise typer.Exit(1)
    for part in rendered:
        console.print(part)


@app.command()
def articles(db: str = DbOption, limit: int = typer.Option(20, min=1)) -> None:
    """List stored articles."""
    with _open_read(db) as store:
        rows = store.con.execute(
            "SELECT id, date, date_source, title, n_events, input_ref FROM articles ORDER BY processed_at, id LIMIT ?",
            [limit],
        ).fetchall()
    table = Table("id", "date", "from", "title", "events", "input")
    for r in rows:
        table.add_row(r[0][:12], str(r[1] or ""), r[2], escape((r[3] or "")[:60]), str(r[4]), escape(r[5] or ""))
    console.print(table)


@app.command()
def events(db: str = DbOption, limit: int = typer.Option(50, min=1), article: Optional[str] = None) -> None:
    """List coded events."""
    from eventwire.show import events_table

    with _open_read(db) as store:
        console.print(events_table(store, limit=limit, article=article))


@app.command()
def summary(db: str = DbOption) -> None:
    """Counts of everything stored, and how every input ended."""
    from eventwire.schema import TABLES

    with _open_read(db) as store:
        table = Table("table", "rows", title=db)
        for name in TABLES:
            table.add_row(name, f"{store.count(name):,}")
        console.print(table)
        by_status = store.con.execute("SELECT status, count(*) FROM inputs GROUP BY 1 ORDER BY 1").fetchall()
        console.print("inputs: " + ", ".join(f"{s} {n:,}" for s, n in by_status))


@app.command()
def export(
    format: str = typer.Option(..., "--format", "-f", help=f"One of: {', '.join(EXPORT_FORMATS)}."),
    out: Path = typer.Option(..., "--out", "-o", help="Output folder (one file per table)."),
    db: str = DbOption,
) -> None:
    """Write every table to files, or GDELT 2.0 / GKG 2.1 TSV, PLOVER JSON lines, day-partitioned Parquet."""
    from eventwire.export.tables import export_tables

    if format not in EXPORT_FORMATS:
        err.print(f"[red]Unknown format {format!r}[/]; choose one of {', '.join(EXPORT_FORMATS)}.")
        raise typer.Exit(2)
    with _open_read(db) as store:
        if format in ("jsonl", "parquet", "csv"):
            written = export_tables(store, out, format)
        else:
            from eventwire.export.formats import export_format

            written = export_format(store.con, out, format)
    for path, rows in written:
        console.print(f"{path}  ({rows:,} rows)")


@app.command()
def dedup(
    db: str = DbOption,
    threshold: float = typer.Option(0.8, "--threshold", min=0.1, max=1.0, help="Similarity at which two articles are one story."),
) -> None:
    """Group near-duplicate articles into stories and merge events reported by several articles."""
    from eventwire.dedup import dedup_store
    from eventwire.store import Store

    with Store(db) as store:
        try:
            stats = dedup_store(store, threshold=threshold)
        except RuntimeError as exc:  # e.g. the optional datasketch is not installed
            err.print(f"[red]{escape(str(exc))}[/]")
            raise typer.Exit(1) from exc
    console.print(
        f"{stats.articles:,} articles: {stats.duplicate_articles:,} near-duplicates in {stats.article_groups:,} stories; "
        f"{stats.event_mentions:,} event mentions merged into {stats.events:,} events"
    )


@app.command()
def serve(
    db: str = DbOption,
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on; the default is this machine only."),
) -> None:
    """Open a local web page to explore the events: map, timeline, table, and each article with its evidence."""
    try:
        import uvicorn

        from eventwire.web import create_app
    except ImportError as exc:
        err.print(f"[red]The web explorer needs the web extra:[/] pip install 'eventwire[web]' ({exc})")
        raise typer.Exit(1) from exc
    loopback = host in ("127.0.0.1", "localhost", "::1")
    try:
        web_app = create_app(db) if loopback else create_app(db, allowed_hosts=["*"])
    except Exception as exc:
        raise _cannot_open(db, exc) from exc
    if not loopback:
        err.print(f"[yellow]Listening on {host}: anyone who can reach this address can read the database.[/]")
    console.print(f"eventwire explorer on http://{'localhost' if loopback else host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


@gazetteer_app.command("build")
def gazetteer_build(force: bool = typer.Option(False, "--force", help="Rebuild even if present.")) -> None:
    """Build the offline gazetteer from the installed GeoNames-derived packages."""
    try:
        from eventwire.geo import gazetteer
    except ImportError:
        err.print("[yellow]The geo stage is not installed in this build.[/]")
        raise typer.Exit(1)
    path = gazetteer.build(force=force)
    console.print(f"gazetteer: {path}")


def _open_read(db: str):  # noqa: ANN202
    from eventwire.store import Store

    try:
        return Store(db, read_only=True)
    except Exception as exc:
        raise _cannot_open(db, exc) from exc


def _cannot_open(db: str, exc: Exception) -> typer.Exit:
    """Say why a database cannot be read, and exit 1."""
    if isinstance(exc, FileNotFoundError):
        err.print(f"[red]{escape(str(exc))}[/] (create it with `eventwire run PATH --db {db}`)")
    else:  # e.g. locked by a running `eventwire run`
        err.print(f"[red]Cannot open {escape(db)}:[/] {escape(str(exc))}")
    return typer.Exit(1)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(app())
