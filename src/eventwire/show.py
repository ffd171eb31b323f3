"""Terminal views of stored articles and events (``eventwire show`` / ``events``)."""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from eventwire.store import Store

# Highlight styles by what was found; later layers win where spans overlap.
STYLES = {
    "mention": "underline",
    "place": "bold green",
    "timex": "bold cyan",
    "actor": "bold yellow",
    "quote": "italic magenta",
    "trigger": "bold white on red",
}


def find_article(store: Store, key: str) -> tuple[Any, ...] | None:
    """An article by id, unique id prefix, or input reference."""
    rows = store.con.execute(
        "SELECT id, title, date, date_source, url, input_ref, status, text, dateline, notes FROM articles "
        "WHERE id = ? OR starts_with(id, ?) OR input_ref = ? ORDER BY processed_at LIMIT 2",
        [key, key, key],
    ).fetchall()
    exact = [r for r in rows if r[0] == key or r[5] == key]
    if exact:
        return exact[0]
    return rows[0] if len(rows) == 1 else None


def render_article(store: Store, key: str) -> list[RenderableType] | None:
    row = find_article(store, key)
    if row is None:
        return None
    aid, title, date, date_source, url, input_ref, status, text, dateline, notes = row
    out: list[RenderableType] = []
    header = Table.grid(padding=(0, 2))
    # article data are plain text: a "[" in a title or quote is no markup ("[/]" would not even parse)
    header.add_row("[bold]id", Text(aid))
    header.add_row("[bold]title", Text(title or ""))
    header.add_row("[bold]date", Text(f"{date or 'unknown'} (from {date_source})"))
    for label, value in (("url", url), ("input", input_ref), ("dateline", dateline)):
        if value:
            header.add_row(f"[bold]{label}", Text(str(value)))
    if status != "processed" or notes:
        header.add_row("[bold]status", Text(f"{status} {'; '.join(notes or [])}"))
    out.append(header)

    body = Text(text)
    q = store.con.execute
    for s, e in q("SELECT start_char, end_char FROM mentions WHERE article_id = ?", [aid]).fetchall():
        body.stylize(STYLES["mention"], s, e)
    for s, e in q("SELECT content_start_char, content_end_char FROM quotes WHERE article_id = ?", [aid]).fetchall():
        body.stylize(STYLES["quote"], s, e)
    for table, style in (("places", "place"), ("timexes", "timex"), ("actors", "actor")):
        for s, e in q(f"SELECT start_char, end_char FROM {table} WHERE article_id = ?", [aid]).fetchall():
            body.stylize(STYLES[style], s, e)
    for s, e in q("SELECT trigger_start_char, trigger_end_char FROM events WHERE article_id = ?", [aid]).fetchall():
        body.stylize(STYLES["trigger"], s, e)
    out.append(Text("\n"))
    out.append(body)
    legend = Text("\nlegend: ")
    for name, style in STYLES.items():
        legend.append(name, style=style)
        legend.append("  ")
    out.append(legend)

    for title_, sql in (
        ("entities", "SELECT label, text, origin FROM mentions WHERE article_id = ? ORDER BY idx"),
        ("actors", "SELECT text, code, name, rule FROM actors WHERE article_id = ? ORDER BY idx"),
        ("places", "SELECT text, name, country, round(lat, 2), round(lon, 2), rule FROM places WHERE article_id = ? ORDER BY idx"),
        ("times", "SELECT text, type, value, start_date, end_date FROM timexes WHERE article_id = ? ORDER BY idx"),
        ("quotes", "SELECT source_text, speaker_code, cue_text, left(content_text, 70) FROM quotes WHERE article_id = ? ORDER BY idx"),
    ):
        cur = q(sql, [aid])
        rows = cur.fetchall()
        if rows:
            t = Table(*[d[0] for d in cur.description], title=title_)
            for r in rows:
                t.add_row(*[Text("" if v is None else str(v)) for v in r])
            out.append(t)
    out.append(events_table(store, article=aid))
    return out


def events_table(store: Store, limit: int = 1000, article: str | None = None) -> Table:
    sql = (
        "SELECT e.article_id, e.sentence, e.source_code, e.source_text, e.trigger_text, e.target_code, e.target_text, "
        "e.cameo_code, e.event_type, e.mode, e.modality, e.location_name, e.date_start, e.date_end, e.confidence "
        "FROM events e JOIN articles a ON a.id = e.article_id "
    )
    params: list[Any] = []
    where = ""
    if article:
        where = "WHERE e.article_id = ? OR starts_with(e.article_id, ?) "
        params += [article, article]
    (total,) = store.con.execute(f"SELECT count(*) FROM events e {where}", params).fetchone()
    sql += where + "ORDER BY a.processed_at, e.article_id, e.idx LIMIT ?"
    table = Table(
        "article", "sent", "source", "action", "target", "CAMEO", "PLOVER", "modality", "where", "when", "conf",
        title="events",
        # a cut list must say so: a user counting events should not take the first page for all of them
        caption=f"{min(limit, total):,} of {total:,} events" + (" (raise --limit to see more)" if total > limit else ""),
    )
    params = [*params, limit]
    for r in store.con.execute(sql, params).fetchall():
        (aid, sent, scode, stext, trig, tcode, ttext, cameo, etype, mode, modality, loc, ds, de, conf) = r
        when = "" if ds is None else (str(ds) if ds == de or de is None else f"{ds}…{de}")
        table.add_row(
            aid[:8], str(sent), f"{scode or '—'}\n[dim]{escape(stext or '')}", escape(trig or ""),
            f"{tcode or '—'}\n[dim]{escape(ttext or '')}",
            cameo or "[dim]uncoded", f"{etype or '—'}{escape(f' [{mode}]') if mode else ''}", modality or "", loc or "", when,
            f"{conf:.2f}" if conf is not None else "",
        )
    return table
