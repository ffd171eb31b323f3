"""Feeds saved as files: every RSS/Atom entry is one article, or a failure with its reason."""

from eventwire.ingest import read_inputs
from eventwire.ingest.feed import html_fragment_text
from eventwire.model import Failure

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Example Wire</title>
  <language>en</language>
  <item>
    <title>Syrian army seizes hills overlooking Palmyra</title>
    <link>https://example.org/palmyra</link>
    <guid>ex-1</guid>
    <pubDate>Wed, 23 Mar 2016 10:00:00 GMT</pubDate>
    <content:encoded><![CDATA[<p>The Syrian army seized hills near Palmyra, a source said.</p><p>Air strikes hit the town.</p>]]></content:encoded>
  </item>
  <item>
    <title>Police arrest 40 after clashes</title>
    <description>Police arrested 40 people after clashes on Tuesday.</description>
  </item>
  <item><link>https://example.org/empty</link></item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Atom Desk</title>
  <entry>
    <title>UN envoy arrives in Geneva</title>
    <link rel="alternate" href="https://example.org/geneva"/>
    <id>tag:example.org,2016:geneva</id>
    <published>2016-03-23T09:00:00Z</published>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The envoy arrived in Geneva for talks.</p></div></content>
  </entry>
  <entry>
    <title>Short item</title>
    <summary type="html">&lt;b&gt;Protesters&lt;/b&gt; marched in Cairo on Friday.</summary>
  </entry>
</feed>
"""


def test_rss_items_become_articles_with_their_metadata(tmp_path):
    path = tmp_path / "wire.rss"
    path.write_text(RSS, encoding="utf-8")
    first, second, third = list(read_inputs([str(path)]))
    assert first.input_ref == f"{path}#1" and first.kind == "feed"
    assert first.text.split("\n\n") == ["Syrian army seizes hills overlooking Palmyra",
                                        "The Syrian army seized hills near Palmyra, a source said.",
                                        "Air strikes hit the town."]
    assert (first.url, first.doc_id, first.source, first.language) == (
        "https://example.org/palmyra", "ex-1", "Example Wire", "en")
    assert first.date == "2016-03-23T10:00:00+00:00"  # RFC 822 passed on as ISO
    assert second.text.endswith("Police arrested 40 people after clashes on Tuesday.")
    assert isinstance(third, Failure) and third.input_ref == f"{path}#3" and "no" in third.reason


def test_atom_entries_and_a_feed_saved_as_xml_are_read_by_content(tmp_path):
    path = tmp_path / "desk.xml"  # no feed suffix: the root element says it is a feed
    path.write_text(ATOM, encoding="utf-8")
    first, second = list(read_inputs([str(path)]))
    assert first.text == "UN envoy arrives in Geneva\n\nThe envoy arrived in Geneva for talks."
    assert (first.url, first.date, first.source) == ("https://example.org/geneva", "2016-03-23T09:00:00Z", "Atom Desk")
    assert second.text == "Short item\n\nProtesters marched in Cairo on Friday."  # escaped HTML unescaped once


def test_a_feed_without_entries_or_that_is_broken_fails_whole(tmp_path):
    empty = tmp_path / "empty.rss"
    empty.write_text('<rss version="2.0"><channel><title>x</title></channel></rss>', encoding="utf-8")
    broken = tmp_path / "broken.atom"
    broken.write_bytes(b"\x00\x01 not xml")
    results = list(read_inputs([str(empty), str(broken)]))
    assert [type(r) for r in results] == [Failure, Failure]
    assert "no entries" in results[0].reason
    assert results[1].input_ref == str(broken)


def test_fragment_text_keeps_paragraphs_and_drops_scripts():
    text = html_fragment_text("<p>One <b>two</b>.</p><script>x()</script><p>Three<br>four.</p>")
    assert text == "One two.\n\nThree\nfour."


def test_a_feed_is_known_by_its_first_element_not_by_a_mention():
    from eventwire.ingest.feed import looks_like_feed

    assert looks_like_feed(b'<?xml version="1.0"?>\n<!-- generated -->\n<rss version="2.0"><channel/></rss>')
    assert looks_like_feed(b'\xef\xbb\xbf<feed xmlns="http://www.w3.org/2005/Atom"></feed>')
    assert not looks_like_feed(b'<!DOCTYPE html><html><head><link href="/feed.rss"></head><body><rss></body></html>')
