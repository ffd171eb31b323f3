"""News feeds saved as files (RSS 2.0, RSS 1.0/RDF, Atom): every entry is one article.

A feed entry carries its headline and either the whole story (``content:encoded``, Atom
``content``) or a summary. The article is the headline and that text; eventwire fetches
nothing unless asked: an entry's link is kept as the article's ``url``, and with
``follow_links`` (``--follow-links``) the linked page is fetched and read instead of the summary. Each entry is referenced as ``path#N`` (its position
in the feed, from 1); an entry with no text at all is a failure with its reason, so a feed's
count adds up.
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Callable, Iterator
from pathlib import Path

from lxml import etree, html as lxml_html

from eventwire.ingest.base import IngestError, RawDoc
from eventwire.model import Failure

ATOM = "http://www.w3.org/2005/Atom"
RSS1 = "http://purl.org/rss/1.0/"
NS = {
    "atom": ATOM,
    "rss1": RSS1,
    "content": "http://purl.org/rss/1.0/modules/content/",
    "dc": "http://purl.org/dc/elements/1.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
}
# Elements after which a feed's HTML fragment breaks a line or a paragraph.
BLOCKS = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "tr"}
# the document's first element, after an XML declaration, processing instructions, comments or a doctype
_FEED_ROOT = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(rss|feed|rdf:RDF)\b",
                        re.IGNORECASE | re.DOTALL)
_MARKUP = re.compile(r"<[a-zA-Z/!][^>]*>")


def looks_like_feed(data: bytes) -> bool:
    """Whether a document's first element is an RSS, RDF or Atom root (an HTML page that mentions one is not)."""
    return _FEED_ROOT.match(data[:4096]) is not None


def read_feed(data: bytes, ref: str, page: Callable[[str], RawDoc] | None = None) -> Iterator[RawDoc | Failure]:
    """Every entry of a feed document, as a RawDoc or a Failure.

    With ``page`` (fetch and read an address), an entry that links to its story becomes that
    page's article, with the entry's headline, date and id; a page that cannot be read makes
    the entry a failure saying why, rather than quietly falling back to the summary."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise IngestError(f"feed could not be parsed: {exc}") from exc
    if root is None:
        raise IngestError("feed could not be parsed: no XML element")
    if etree.QName(root).localname == "feed":
        source = _text(root.find("atom:title", NS))
        language = root.get("{http://www.w3.org/XML/1998/namespace}lang")
        entries = [_atom_entry(e) for e in root.findall("atom:entry", NS)]
    else:
        channel = root.find("channel")
        if channel is None:
            channel = root.find("rss1:channel", NS)
        source = _first_text(channel, "title", "rss1:title")
        language = _first_text(channel, "language", "dc:language")
        items = root.findall("channel/item") or root.findall("item") or root.findall("rss1:item", NS)
        entries = [_rss_item(i) for i in items]
    if not entries:
        raise IngestError("feed has no entries")
    for n, (title, link, date, body, entry_id) in enumerate(entries, start=1):
        entry_ref = f"{ref}#{n}"
        if page is not None and link:
            try:
                raw = page(link)
            except IngestError as exc:
                yield Failure(entry_ref, f"linked page {link}: {exc}")
                continue
            yield RawDoc(text=raw.text, input_ref=entry_ref, url=link, title=title or raw.title, date=date or raw.date,
                         source=source or raw.source, language=language or raw.language, doc_id=entry_id, kind="feed")
            continue
        text = _article_text(title, body)
        if not text:
            yield Failure(entry_ref, "feed entry has neither a title nor any text")
            continue
        yield RawDoc(text=text, input_ref=entry_ref, url=link, title=title, date=date, source=source,
                     language=language, doc_id=entry_id, kind="feed")


def _rss_item(item) -> tuple[str | None, str | None, str | None, str, str | None]:
    body = _first_text(item, "content:encoded", "description", "rss1:description") or ""
    date = _first_text(item, "pubDate", "dc:date")
    link = _first_text(item, "link", "rss1:link") or item.get(f"{{{NS['rdf']}}}about")
    return _first_text(item, "title", "rss1:title"), link, _iso_date(date), body, _first_text(item, "guid")


def _first_text(el, *paths: str) -> str | None:
    """The text of the first of ``paths`` under ``el`` that has some (RSS 2.0 and RSS 1.0 name things apart)."""
    if el is None:
        return None
    for p in paths:
        value = _text(el.find(p, NS))
        if value:
            return value
    return None


def _atom_entry(entry) -> tuple[str | None, str | None, str | None, str, str | None]:
    link = None
    for el in entry.findall("atom:link", NS):
        if el.get("rel", "alternate") == "alternate" and el.get("href"):
            link = el.get("href")
            break
    content = entry.find("atom:content", NS)
    summary = entry.find("atom:summary", NS)
    body = _atom_text(content) or _atom_text(summary) or ""
    date = _text(entry.find("atom:published", NS)) or _text(entry.find("atom:updated", NS))
    return _text(entry.find("atom:title", NS)), link, date, body, _text(entry.find("atom:id", NS))


def _atom_text(el) -> str:
    """An Atom text construct: type "xhtml" holds markup as elements, "html" and "text" as text."""
    if el is None:
        return ""
    if el.get("type") == "xhtml":
        return "".join(etree.tostring(c, encoding="unicode") for c in el)
    return el.text or ""


def _text(el) -> str | None:
    if el is None or el.text is None:
        return None
    return el.text.strip() or None


def _iso_date(value: str | None) -> str | None:
    """RSS dates are RFC 822 ("Wed, 23 Mar 2016 10:00:00 GMT"); pass on ISO so no reader guesses."""
    if not value:
        return None
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return value  # dc:date is ISO already; anything else the date stage reads or ignores


def _article_text(title: str | None, body: str) -> str:
    text = html_fragment_text(body) if _MARKUP.search(body) else _plain(body)
    title = _plain(title or "")
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}" if text else title
    return text.strip()


def _plain(text: str) -> str:
    return "\n\n".join(" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip())


def html_fragment_text(fragment: str) -> str:
    """Text of a feed's HTML fragment, its paragraphs kept apart (no boilerplate removal:
    a feed entry holds only the story, unlike a web page)."""
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _plain(_MARKUP.sub(" ", fragment))
    for bad in root.xpath(".//script|.//style"):
        bad.drop_tree()
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
