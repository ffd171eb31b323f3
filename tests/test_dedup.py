"""Near-duplicate stories (MinHash/LSH), event merging, and the schema migration they need."""

from __future__ import annotations

import datetime as dt

import duckdb

from eventwire.dedup import EventMention, event_id, find_article_groups, merge_events, outlet, shingles
from eventwire.store import MIGRATIONS, SCHEMA_VERSION, Store

STORY = (
    "Government forces recaptured the northern town after three days of heavy fighting, the army said on "
    "Sunday. Residents who fled the clashes described streets littered with debris and burned vehicles. "
    "A military spokesman said engineers were clearing mines left behind by the retreating fighters.\n\n"
    "Aid agencies warned that thousands of displaced families still lacked food, water and shelter. The "
    "United Nations called for safe passage for convoys carrying medical supplies into the area.\n\n"
    "The rebels said in a statement that they had withdrawn to avoid civilian casualties and vowed to "
    "continue their campaign. Independent verification of the claims was not possible."
)
OTHER = (
    "The central bank raised its benchmark interest rate by half a percentage point on Thursday, citing "
    "stubborn inflation in food and energy prices. Analysts had expected a smaller increase. The currency "
    "rose against the dollar after the announcement, while shares of lenders fell in afternoon trading.\n\n"
    "The governor said further tightening could follow if price pressures did not ease by the summer."
)


def test_shingles_ignore_case_and_punctuation():
    assert shingles("The army, said: Sunday!") == shingles("the ARMY said sunday")
    assert shingles("") == set()


def test_light_edits_group_and_different_stories_do_not():
    reworded = STORY.replace("recaptured", "retook").replace("heavy", "fierce").replace("warned", "said")
    cut = "\n\n".join(STORY.split("\n\n")[:2])  # last paragraph dropped
    wire = "BEIRUT (Reuters) - " + STORY + "\n\nReporting by staff; editing by the desk."
    groups = find_article_groups([("a", STORY), ("b", OTHER), ("c", reworded), ("d", cut), ("e", wire)])
    by_member = {m: g for g in groups for m in g.members}
    assert by_member["a"].members == ("a", "c", "d", "e")
    assert by_member["a"].group_id == "a"  # named after its first article
    assert by_member["b"].members == ("b",)
    assert by_member["a"].similarity["a"] == 1.0 and by_member["a"].similarity["c"] < 1.0


def test_threshold_controls_grouping():
    half = STORY.split("\n\n")[0] + "\n\n" + OTHER
    strict = find_article_groups([("a", STORY), ("h", half)], threshold=0.95)
    assert len(strict) == 2


def _m(aid: str, idx: int, day: int, src="SYR MIL", code="190", loc=170252, out="wire a", negated=False):
    return EventMention(aid, idx, dt.date(2016, 3, day), src, None, code, loc, out, negated)


def test_merge_counts_mentions_sources_articles():
    merged = merge_events([
        _m("a1", 0, 23), _m("a1", 3, 23), _m("a2", 0, 24, out="wire b"), _m("a3", 1, 24, out=None),
        _m("a4", 0, 26),  # more than a day after the first mention: a new event
        _m("a5", 0, 23, code="0211"),  # a different action
        _m("a6", 0, 23, negated=True),  # "did not attack" stays apart
        EventMention("a7", 0, dt.date(2016, 3, 23), None, None, "190", None, None),  # no actor: alone
        _m("a8", 0, 23, loc=None), _m("a9", 0, 23, loc=None),  # one actor, no place: too vague to merge
        EventMention("b1", 0, dt.date(2016, 3, 23), "SYR MIL", "SYR REB", "190", None, "x"),  # both actors:
        EventMention("b2", 0, dt.date(2016, 3, 24), "SYR MIL", "SYR REB", "190", None, "y"),  # merge unplaced
    ])
    by_first = {m.members[0]: m for m in merged}
    big = by_first[("a1", 0)]
    assert (big.num_mentions, big.num_articles, big.num_sources) == (4, 3, 3)  # unknown outlet counts as one
    assert big.group_id == event_id("a1", 0)
    assert by_first[("a4", 0)].num_mentions == 1
    assert by_first[("a8", 0)].num_mentions == by_first[("a9", 0)].num_mentions == 1
    assert by_first[("b1", 0)].num_mentions == 2 and by_first[("b1", 0)].num_sources == 2
    assert len(merged) == 8


def test_event_id_is_stable_and_fits_bigint():
    assert event_id("abc", 1) == event_id("abc", 1) != event_id("abc", 2)
    assert 0 <= event_id("abc", 1) < 2**63


def test_outlet_is_the_domain_then_the_publisher():
    assert outlet("Demo Wire", "https://www.x.example/a") == "x.example"
    assert outlet("Demo Wire", None) == "demo wire"
    assert outlet(" ", None) is None and outlet(None, None) is None


def test_version_1_database_migrates_to_groups(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
    for sql in MIGRATIONS[1]:
        con.execute(sql)
    con.execute("INSERT INTO schema_version VALUES (1, now())")
    con.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION == 2
        assert store.count("article_groups") == 0 and store.count("event_groups") == 0
