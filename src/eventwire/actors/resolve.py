"""Find actor noun phrases in a parsed article and resolve them to CAMEO actor codes.

How it works, in one pass over the tokens plus one over the noun phrases:

1. *Anchors*: longest dictionary matches (countries, demonyms, organisations, leaders,
   role nouns, titles) found by token-tuple lookups.
2. *Segments*: spaCy noun chunks, cut at paragraph breaks, widened to whole anchors and
   joined across "of/for/to" after a title ("UN Special Envoy of the Secretary-General for
   Syria Staffan de Mistura"). Anchors outside any chunk ("IS", tagged as a verb by the
   small model) become segments of their own. Segments never overlap.
3. *Resolution*: a segment whose head is an anchor or a name is one actor, coded from
   what it contains (leader > organisation > role + country > country). A segment whose
   head is not an actor ("IS-held town", "Russian air strikes") yields its modifier
   anchors as small actors instead.
4. *Coreference*: names resolved once ("Jihad Makdissi") resolve later surnames
   ("Makdissi"); "Name (ACR)" makes the acronym an alias.
5. *Country context*: roles without a country ("the regime", "police") take the
   article's main country (most mentioned by names, demonyms and places) when clear.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from eventwire.actors import doc_tools
from eventwire.actors.doc_tools import NAME_LABELS
from eventwire.actors.lexicon import Entry, Lexicon, default_lexicon
from eventwire.model import Actor
from eventwire.nlp import Parsed

PROPER_NAME_TYPES = ("leader", "org", "country", "capital", "people", "demonym")  # written capitalised in cased text
COUNTRY_TYPES = frozenset({"country", "demonym", "people", "capital"})
TITLE_LINKS = frozenset({"of", "for", "to"})
PORTFOLIO_LINKS = ("for", "of")
OUT_OF_OFFICE = frozenset({"former", "ex", "ex-", "ousted", "deposed", "exiled"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my", "your"})
# Between an official's description and the name set after it: "the commissioner, X", "the commissioner
# (detective department) X", "the deputy commissioner of police (I), detective department, X".
DESCRIPTION_GAP = re.compile(r"\s*(?:\([^()\n]{1,40}\))?\s*(?:,(?:\s*[^,()\n]{1,40},)?)?\s*")
LOCAL_DIVISIONS = frozenset({"county", "township", "parish", "borough"})
MIN_CONTEXT_COUNT = 2  # mentions a country needs to be the article's country when others compete
# A mention's weight in that count; a place name other countries' places share ("Alexandria": Egypt, Virginia)
# weighs this for the most populous and 1 for each other, so the article's other mentions decide
MENTION_WEIGHT = 2


@dataclass(frozen=True, slots=True)
class Anchor:
    """A dictionary match over tokens ``[start, end)``; ``entry`` is the chosen reading."""

    start: int
    end: int
    entry: Entry
    confidence: float = 1.0


@dataclass
class _Alias:
    """What a name resolved to, for later mentions of the same name in the document."""

    name: str
    code: str | None
    country: str | None
    role: str | None
    kind: str | None


@dataclass
class ActorResolver:
    """Resolves actors with the shipped dictionaries plus optional user dictionaries.

    ``extra_dictionaries`` are paths (TSV/JSON of this package's format, or PETRARCH/TABARI
    actor or agent dictionaries) or lists of ``(phrase, code)`` pairs; their entries win
    over the shipped ones for the same phrase.
    """

    extra_dictionaries: Sequence[str | Path | Iterable[tuple[str, str]]] = ()
    lexicon: Lexicon = field(init=False)

    def __post_init__(self) -> None:
        if not self.extra_dictionaries:
            self.lexicon = default_lexicon()
            return
        from eventwire.actors.user_dictionary import extend_lexicon

        self.lexicon = extend_lexicon(default_lexicon(), self.extra_dictionaries)

    # ------------------------------------------------------------------ public

    def find_actors(self, parsed: Parsed) -> list[Actor]:
        try:
            return self._find_actors(parsed)
        finally:
            doc_tools.forget(parsed.doc)

    def _find_actors(self, parsed: Parsed) -> list[Actor]:
        doc = parsed.doc
        date = parsed.article.date
        anchors = self._anchors(doc, date)
        main_country = self._main_country(doc, anchors)
        segments = self._segments(doc, anchors)
        by_start = {a.start: a for a in anchors}
        aliases: dict[tuple[str, ...], _Alias] = {}
        actors: list[Actor] = []
        for seg_start, seg_end in segments:
            inside = [by_start[i] for i in range(seg_start, seg_end) if i in by_start and by_start[i].end <= seg_end]
            parts = self._split_coordination(doc, seg_start, seg_end, inside)
            head_part = parts[-1]
            head_anchors = [a for a in inside if head_part[0] <= a.start]
            for start, end in parts:
                own = [a for a in inside if start <= a.start and a.end <= end]
                if (start, end) != head_part:
                    # Each coordinated country takes the shared head's role words.
                    own = own + [a for a in head_anchors if a.entry.type in ("role", "title")]
                found = self._resolve_segment(parsed, start, end, own, main_country, aliases, head_part[1] - 1)
                for actor in found:
                    self._describe_by_appositive(doc, parsed.article.text, actors, actor, aliases)
                found = [self._name_after_description(doc, parsed.article.text, actors, actor, aliases)
                         for actor in found]
                actors.extend(_resolve_possessive(doc, actor, actors) for actor in found)
        return actors

    def _describe_by_appositive(
        self, doc: Doc, text: str, actors: list[Actor], actor: Actor, aliases: dict[tuple[str, ...], _Alias]
    ) -> None:
        """"Jihad Makdissi, a Syrian opposition activist, …": a name nobody's dictionary knows takes the
        code of the description set beside it (and so do its later mentions, "Makdissi")."""
        if not actors or actor.code is None:
            return
        named = actors[-1]
        between = text[named.span.end:actor.span.start]  # the article's text: Doc.text rebuilds it on every access
        if named.kind != "person" or named.code is not None or between.strip() != ",":
            return
        after = text[actor.span.end:actor.span.end + 2]
        if after[:1] not in (",", ".", ";", "") and not after.startswith((" (", " -")):
            return  # "Makdissi, Syria and Iran …": a list, not a description
        described = replace(named, code=actor.code, country=actor.country, role=actor.role,
                            confidence=round(min(named.confidence, actor.confidence) * 0.9, 2), rule="appositive")
        actors[-1] = described
        tokens = doc.char_span(named.span.start, named.span.end, alignment_mode="expand")
        if tokens is not None:
            self._remember(doc, tokens.start, tokens.end, described, aliases)

    def _name_after_description(
        self, doc: Doc, text: str, actors: list[Actor], actor: Actor, aliases: dict[tuple[str, ...], _Alias]
    ) -> Actor:
        """"The city police commissioner, P C Pande, said", "deputy commissioner (detective department)
        Soumen Mitra said": a name nobody's dictionary knows, set right after an official's description,
        is that official (and so are its later mentions, "Pande")."""
        if not actors or actor.code is not None or actor.kind not in ("person", "organisation", None):
            return actor
        described = actors[-1]
        if described.code is None or described.role is None:
            return actor
        tokens = doc.char_span(actor.span.start, actor.span.end, alignment_mode="expand")
        before = doc.char_span(described.span.start, described.span.end, alignment_mode="expand")
        if tokens is None or before is None or not all(t.pos_ == "PROPN" or t.ent_type_ for t in tokens):
            return actor
        if described.kind != "person" and not _titles_in(doc, before.start, before.end, self.lexicon):
            return actor  # "the police, Pande": an organisation is nobody's description ("commissioner of police" is)
        if any(t.pos_ == "PROPN" for t in before) and (
            actor.kind != "person" or any(t.ent_type_ == "PERSON" for t in before)
            or not _ends_in_title(doc, before.start, before.end, self.lexicon)
        ):
            # "Prime Minister Modi, Pande …": a named person and a list; "Deputy Minister, Economic Development
            # and Trade, …": a capitalised description, where the parser's labels can be trusted, describes a person
            return actor
        if not DESCRIPTION_GAP.fullmatch(text[described.span.end:actor.span.start]):
            return actor
        after = text[actor.span.end:actor.span.end + 1]
        if after not in (",", ".", ";", ")", "") and tokens.root.dep_ not in ("nsubj", "nsubjpass", "appos"):
            return actor  # "the police commissioner, Modi and the minister": a list
        named = replace(actor, code=described.code, country=described.country, role=described.role, kind="person",
                        confidence=round(min(actor.confidence, described.confidence) * 0.9, 2),
                        rule="appositive-title")
        self._remember(doc, tokens.start, tokens.end, named, aliases)
        if len(tokens) > 1:  # a surname alone later ("Mitra said"), whatever label the parser gave the name
            aliases.setdefault((tokens[-1].text,), _Alias(named.name, named.code, named.country, named.role, "person"))
        return named

    # ------------------------------------------------------------------ anchors

    def _anchors(self, doc: Doc, date: dt.date | None) -> list[Anchor]:
        """Greedy longest matches, left to right, never across a line break."""
        lexicon = self.lexicon
        texts = [t.text for t in doc]
        lowers = [t.lower() for t in texts]
        blank = [t.is_space or "\n" in t.whitespace_ for t in doc]  # a phrase may end, not run, across a break
        anchors: list[Anchor] = []
        lowercase_text = doc_tools.all_lower(doc)
        mentioned = set(lowers) if lexicon.in_context else set()
        i, n = 0, len(doc)
        while i < n:
            longest = lexicon.first.get(lowers[i], 0)
            found: Anchor | None = None
            for length in range(min(longest, n - i), 0, -1):
                if any(blank[i : i + length - 1]) or blank[i + length - 1] and texts[i + length - 1].isspace():
                    continue
                entries = lexicon.lookup(tuple(texts[i : i + length]), tuple(lowers[i : i + length]))
                if not entries and length == 1 and lowercase_text and len(texts[i]) >= 3:
                    # Lower-cased archives: "bjp", "hamas", "advani" stand for "BJP", "Hamas", "Advani".
                    entries = lexicon.exact.get((texts[i].upper(),)) or lexicon.exact.get((texts[i].title(),), [])
                if not entries:  # "deputies" in an article about a sheriff's office
                    entries = [e for word, e in lexicon.in_context.get(tuple(lowers[i : i + length]), ()) if word in mentioned]
                if entries:
                    found = self._choose(doc, i, i + length, entries, date)
                    if found:
                        break
            if found:
                anchors.append(found)
                i = found.end
            else:
                i += 1
        return anchors

    def _choose(self, doc: Doc, start: int, end: int, entries: list[Entry], date: dt.date | None) -> Anchor | None:
        """Pick one reading of a match, or reject it (all-caps headlines, lowercase "us")."""
        first = doc[start]
        if end - start == 1 and first.text.isupper() and doc_tools.shouting(doc, start):
            return None
        if end - start == 1 and entries[0].type in ("leader", "org") and first.is_lower and not doc_tools.all_lower(doc):
            return None
        if start and doc[start - 1].like_num and all(e.type == "title" for e in entries):
            return None  # "at 5 PM": a clock time, not the prime minister
        if first.ent_type_ == "PERSON" and first.ent_iob_ == "I":
            # inside a person's name, after its first word, a title is a surname: "Actress Jaime King"
            entries = [e for e in entries if e.type != "title"]
            if not entries:
                return None
        if all(t.ent_type_ == "PERSON" for t in doc[start:end]) and end < len(doc) and doc[end].ent_type_ == "PERSON":
            # the first name of a person ("Douglas Devananda", "Jordan Henderson"), not a capital or a country
            entries = [e for e in entries if e.type not in ("country", "capital")]  # "Bosnian Serbs" stays BIH
            if not entries:
                return None
        if end < len(doc) and doc[end].lower_ in LOCAL_DIVISIONS:
            # "Hamilton County", "Lebanon Township": a local area named after a capital or a country, most often
            # far from it (the article's own country still applies to its officials)
            entries = [e for e in entries if e.type not in ("country", "capital")]
            if not entries:
                return None
        if not any(c.isupper() for t in doc[start:end] for c in t.text) and not doc_tools.all_lower(doc):
            # a name written in lower case in cased text is a common word: "turkey", "china", "the island"
            entries = [e for e in entries if e.type not in PROPER_NAME_TYPES]
            if not entries:
                return None
        leaders = [e for e in entries if e.type == "leader"]
        if leaders:
            current = [e for e in leaders if e.in_office(date) is not False]
            if current:
                return Anchor(start, end, current[0], 0.95)
            rest = [e for e in entries if e.type != "leader"]
            if rest and end - start == 1:
                return Anchor(start, end, rest[0], 0.9)
            # Out of office on the article's date: a former (or future) leader is one of the
            # country's elites (CAMEO ELI), not its government.
            leader = leaders[0]
            if self._after_title(doc, start) and (start < 2 or doc[start - 2].lower_ not in ("former", "ex", "ousted", "late")):
                return Anchor(start, end, leader, 0.7)  # "President Obama": the text says he holds the office
            if leader.country:
                leader = replace(leader, code=f"{leader.country} ELI", role="ELI")
            else:
                leader = replace(leader, code=None, role=None)  # a former UN chief is no longer the UN
            confidence = 0.7 if end - start > 1 else 0.5
            return Anchor(start, end, leader, confidence)
        priority = {"user": 0, "org": 1, "country": 2, "capital": 3, "people": 3, "demonym": 3, "title": 4, "role": 5}
        entry = min(entries, key=lambda e: priority.get(e.type, 9))
        return Anchor(start, end, entry, 0.9)

    def _after_title(self, doc: Doc, i: int) -> bool:
        """"President Obama": a title right before a surname vouches for the person."""
        if i == 0:
            return False
        return any(e.type == "title" for e in self.lexicon.folded.get((doc[i - 1].lower_,), ()))

    # ------------------------------------------------------------------ country context

    def _main_country(self, doc: Doc, anchors: list[Anchor]) -> str | None:
        """The article's country: most mentioned by names, demonyms, leaders and places."""
        counts: Counter[str] = Counter()
        covered = set()
        for a in anchors:
            covered.update(range(a.start, a.end))
            if a.entry.country and a.entry.type != "role":
                counts[a.entry.country] += MENTION_WEIGHT
        places = self.lexicon.places
        lowercase_text = doc_tools.all_lower(doc)
        texts = [t.text for t in doc]
        lowers = [t.lower() for t in texts]
        for i, text in enumerate(texts):
            if i in covered or not (text[:1].isupper() or lowercase_text and text.isalpha()):
                continue
            for length in (3, 2, 1):
                key = tuple(lowers[i : i + length])
                if len(key) == length and key in places:
                    first, *others = places[key]
                    counts[first] += MENTION_WEIGHT
                    counts.update(others)
                    break
        if not counts:
            return None
        ranked = counts.most_common(2)
        top, top_count = ranked[0]
        if len(ranked) == 1:
            return top  # the only country the text names (measured: helps even in one sentence)
        if top_count < MENTION_WEIGHT * MIN_CONTEXT_COUNT or len(ranked) > 1 and ranked[1][1] == top_count:
            return None
        return top

    # ------------------------------------------------------------------ segments

    def _segments(self, doc: Doc, anchors: list[Anchor]) -> list[tuple[int, int]]:
        spans: list[tuple[int, int]] = []
        country_spans = {(a.start, a.end) for a in anchors if a.entry.type in ("country", "capital")}
        for chunk in doc_tools.noun_chunks(doc):
            start, end = doc_tools.cut_at_breaks(doc, chunk.start, chunk.end, chunk.root.i)
            # "Iraqi President Saddam Hussein's proposal": the possessor is a phrase of its own.
            for i in range(start, end):
                if doc[i].tag_ == "POS" and i < chunk.root.i:
                    owner = doc_tools.trim(doc, start, i)
                    if owner in country_spans or (owner[0] + 1, owner[1]) in country_spans:
                        continue  # "Sudan's government": the country's own institution
                    if owner[0] < owner[1]:
                        spans.append(owner)
                    start = i + 1
            piece = doc_tools.trim(doc, start, end)
            if piece[0] < piece[1]:
                spans.append(piece)
        for ent in doc_tools.name_ents(doc):  # names the chunker split or missed
            piece = doc_tools.trim(doc, *doc_tools.cut_at_breaks(doc, ent.start, ent.end, ent.end - 1))
            if piece[0] < piece[1]:
                spans.append(piece)
        spans.extend((a.start, a.end) for a in anchors)
        # Widen to whole anchors (they never overlap each other, so only the two edge
        # tokens can sit inside one), then merge overlaps.
        covering: dict[int, Anchor] = {}
        for a in anchors:
            for i in range(a.start, a.end):
                covering[i] = a
        widened = []
        for s, e in spans:
            first, last = covering.get(s), covering.get(e - 1)
            widened.append((min(s, first.start) if first else s, max(e, last.end) if last else e))
        merged = self._join_adjacent(doc, doc_tools.merge(widened), anchors)
        return _split_body_before_name(doc, self._join_titles(doc, merged, anchors), anchors)

    def _join_adjacent(self, doc: Doc, segments: list[tuple[int, int]], anchors: list[Anchor]) -> list[tuple[int, int]]:
        """"U.S." + "Secretary of State" + "Warren Christopher": modifiers the parser cut off a name."""
        type_by_start = {a.start: a.entry.type for a in anchors}
        by_end = {a.end: a for a in anchors}
        modifier = {"country", "demonym", "org", "title"}
        out: list[tuple[int, int]] = []
        for seg in segments:
            if out and out[-1][1] == seg[0] and "\n" not in doc[seg[0] - 1].whitespace_:
                left = out[-1]
                right_starts_name = type_by_start.get(seg[0]) == "title" or (
                    doc[seg[0]].ent_type_ == "PERSON" and doc[seg[0]].ent_iob_ == "B"
                )
                left_last = by_end.get(left[1])
                if left_last is not None and left_last.start >= left[0] and left_last.entry.type in modifier and right_starts_name:
                    out[-1] = (left[0], seg[1])
                    continue
            out.append(seg)
        return out

    def _split_coordination(
        self, doc: Doc, start: int, end: int, anchors: list[Anchor]
    ) -> list[tuple[int, int]]:
        """"Hungarian and Romanian officials": one part per country, sharing the head."""
        country_at = {a.start: a for a in anchors if a.entry.type in COUNTRY_TYPES}
        parts, left = [], start
        for i in range(start + 1, end - 1):
            if doc[i].lower_ in ("and", ",", "&") and any(a.end == i for a in country_at.values()) and (i + 1) in country_at:
                parts.append((left, i))
                left = i + 1
        parts.append((left, end))
        return parts

    def _join_titles(self, doc: Doc, segments: list[tuple[int, int]], anchors: list[Anchor]) -> list[tuple[int, int]]:
        """Join "<title> of/for/to <segment>" so a long official designation stays one actor."""
        title_ends = {a.end for a in anchors if a.entry.type == "title"}
        title_starts = {a.start for a in anchors if a.entry.type == "title"}
        countries = {(a.start, a.end) for a in anchors if a.entry.type in ("country", "capital")}
        out: list[tuple[int, int]] = []
        for seg in segments:
            if out:
                ps, pe = out[-1]
                linked = seg[0] == pe + 1 and doc[pe].lower_ in TITLE_LINKS
                if linked and pe in title_ends:
                    out[-1] = (ps, seg[1])
                    continue
                if linked and doc[pe].lower_ == "of" and seg in countries and any(i in title_starts for i in range(ps, pe)):
                    out[-1] = (ps, seg[1])  # "King Hassan of Morocco"
                    continue
            out.append(seg)
        return out

    # ------------------------------------------------------------------ resolution

    def _resolve_segment(
        self,
        parsed: Parsed,
        start: int,
        end: int,
        anchors: list[Anchor],
        main_country: str | None,
        aliases: dict[tuple[str, ...], _Alias],
        shared_head: int | None = None,
    ) -> list[Actor]:
        doc = parsed.doc
        head = end - 1 if shared_head is None or shared_head < end else shared_head
        of_country = next((a for a in anchors if a.end == end and a.entry.type in ("country", "capital")
                           and a.start - 1 > start and doc[a.start - 1].lower_ == "of"), None)
        if of_country is not None and any(a.entry.type == "title" and a.end < of_country.start for a in anchors):
            head = of_country.start - 2  # "King Hassan of Morocco": a person of that country, not the country
        head_anchor = next((a for a in anchors if a.start <= head < a.end), None)
        name_head = doc[head].ent_type_ in NAME_LABELS or doc[head].pos_ == "PROPN"
        if head_anchor is None and not name_head:
            # "police commissioner of ahmedabad": the head is the title before the link word.
            head_anchor = next(
                (a for a in anchors if a.entry.type in ("role", "title") and a.end < end and doc[a.end].lower_ in TITLE_LINKS),
                None,
            )
        if head_anchor is None and not name_head:
            # "deputy commissioner of police dj patel" in uncased text: the name after a title is that official
            head_anchor = next((a for a in anchors if a.entry.type == "title" and a.end < end
                                and _uncased_name(doc, a.end, end)), None)
        alias = aliases.get(tuple(t.text for t in doc[start:end] if not doc_tools.is_det(t)))
        if head_anchor is None and not name_head and alias is None:
            return self._modifier_actors(parsed, anchors, main_country, aliases)
        actor = self._code(parsed, start, end, anchors, head_anchor, main_country, aliases, alias)
        if actor is None:
            return []
        self._remember(doc, start, end, actor, aliases)
        return [actor]

    def _code(
        self,
        parsed: Parsed,
        start: int,
        end: int,
        anchors: list[Anchor],
        head_anchor: Anchor | None,
        main_country: str | None,
        aliases: dict[tuple[str, ...], _Alias],
        alias: _Alias | None,
    ) -> Actor | None:
        doc = parsed.doc
        span = parsed.span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
        sentence = parsed.sentence_of_token(start)
        head_is_person = head_anchor is None or head_anchor.entry.type in ("leader", "title") or (
            head_anchor.entry.kind == "person"
        )

        def make(name, code, country, role, kind, confidence, rule) -> Actor:
            return Actor(span, sentence, name, code, country, role, kind, round(confidence, 2), rule)

        leader = next((a for a in anchors if a.entry.type == "leader"), None)
        if leader:
            e = leader.entry
            return make(e.name, e.code, e.country, e.role, "person", leader.confidence, e.source)
        if head_anchor is not None and head_anchor.entry.type in COUNTRY_TYPES:
            # "NATO-member Norway", "Tehran": the head names the country.
            e = head_anchor.entry
            if e.type == "capital":
                if doc_tools.acts(doc[head_anchor.end - 1]):  # "Tehran rejected": the government
                    return make(e.name, f"{e.country} GOV", e.country, "GOV", "country", 0.6, "capital-metonymy")
                return make(e.name, e.country, e.country, None, "country", 0.6, e.source)
            residence = next((a for a in anchors if a.start < head_anchor.start and a.entry.type in ("country", "demonym")
                              and a.entry.country != e.country), None) if e.type in ("people", "demonym") else None
            if residence is not None:
                # "Bosnian Serbs", "Russian Jews": CAMEO codes a people by where they live (BIH, not SRB)
                c = residence.entry.country
                return make(doc_tools.text(doc, start, end), c, c, None, "collective", 0.7, "residence+people")
            kind = "collective" if e.type == "people" else "country"
            return make(e.name, e.country, e.country, None, kind, 0.85, e.source)
        user = [a for a in anchors if a.entry.type == "user"]
        if user:
            e = user[-1].entry
            return make(e.name, e.code, e.country, e.role, e.kind, user[-1].confidence, e.source)
        orgs = [a for a in anchors if a.entry.type == "org"]
        roles = [a for a in anchors if a.entry.type in ("role", "title")]
        if orgs:
            e = orgs[-1].entry
            kind = "person" if head_anchor is not None and head_anchor.entry.type == "title" else e.kind
            if head_anchor is None and doc[end - 1].ent_type_ == "PERSON":
                kind = "person"
            return make(e.name, e.code, e.country, e.role, kind, orgs[-1].confidence, e.source)
        country = _segment_country(doc, start, end, anchors)
        if head_anchor is not None and head_anchor.entry.type == "title" and all(
            doc_tools.is_det(t) for t in doc[start:head_anchor.start]
        ):
            titled = aliases.get(("title:" + head_anchor.entry.name,))
            if titled is not None:  # "the envoy" after "UN Special Envoy ... Staffan de Mistura"
                return make(titled.name, titled.code, titled.country, titled.role, titled.kind, 0.7, "coref-title")
        if alias is not None and not roles:
            return make(alias.name, alias.code, alias.country, alias.role, alias.kind, 0.8, "coref")
        strong = [a for a in roles if not a.entry.weak and a.entry.role]
        weak = [a for a in roles if a.entry.weak and a.entry.role]
        if roles and not strong and not weak:  # "army officers" handled above; "Russian delegation"
            if country:
                return make(doc_tools.text(doc, start, end), country, country, None, roles[-1].entry.kind, 0.7, "countries")
            roles = []
        if roles:
            body = _affiliation(doc, roles)
            role_anchor = body or (strong or weak)[-1]
            source = "affiliation" if body is not None else role_anchor.entry.source
            role = _portfolio_role(doc, role_anchor, end, self.lexicon) or role_anchor.entry.role
            if role_anchor.entry.role == "GOV" and any(t.lower_ in OUT_OF_OFFICE for t in doc[start:role_anchor.start]):
                role = "ELI"  # "former president Carlos Menem": one of the country's elites, as CAMEO codes him
            if body is not None:
                kind = "person"  # "the president of the company": one person, coded by the body he heads
            else:
                kind = role_anchor.entry.kind if head_anchor is role_anchor else ("person" if head_is_person else "group")
            name = doc_tools.text(doc, start, end)
            if country:
                return make(name, f"{country} {role}", country, role, kind, 0.9, f"{source}+countries")
            possessed = any(t.lower_ in POSSESSIVE_PRONOUNS for t in doc[start:end])
            if role_anchor.entry.contextual and main_country and not possessed:
                return make(name, f"{main_country} {role}", main_country, role, kind, 0.6, f"{source}+article-country")
            return make(name, role, None, role, kind, 0.5, source)
        if country and head_anchor is not None and head_anchor.entry.type in COUNTRY_TYPES:
            e = head_anchor.entry
            kind = "collective" if e.type == "people" else "country"
            confidence = 0.85 if e.type != "capital" else 0.6
            return make(e.name, country, country, None, kind, confidence, e.source)
        label = doc[end - 1].ent_type_
        if country and label not in NAME_LABELS:  # "Iraqi Kurds"
            return make(doc_tools.text(doc, start, end), country, country, None, "collective", 0.5, "countries")
        if label == "ORG":
            role = next((self.lexicon.org_keywords[t.lower_] for t in doc[start:end] if t.lower_ in self.lexicon.org_keywords), None)
            if role:  # "Moro Islamic Liberation Front": REB of the article's country
                where = country or main_country
                code = f"{where} {role}" if where else role
                return make(doc_tools.name(doc, start, end), code, where, role, "organisation", 0.5 if country else 0.4, "org-name-words")
        if label in NAME_LABELS:
            kind = "person" if label == "PERSON" else "organisation"
            if country:  # "Syrian Jihad Makdissi": a national without a known role
                return make(doc_tools.text(doc, start, end), country, country, None, kind, 0.5, "countries")
            return make(doc_tools.name(doc, start, end), None, None, None, kind, 0.3, "ner-unresolved")
        place = self._place_country(doc, start, end, main_country)
        if place:  # "Tel Aviv", "Jericho": a place standing for its country, as CAMEO codes it
            return make(doc_tools.name(doc, start, end), place, place, None, "place", 0.4, "places")
        return None

    def _place_country(self, doc: Doc, start: int, end: int, main_country: str | None = None) -> str | None:
        """Country of a GPE/LOC name found in the places table (provinces and large cities): the article's
        own country when it has a place so named (a US article's Alexandria), else the most populous."""
        while start < end and doc_tools.is_det(doc[start]):
            start += 1
        if start >= end or doc[end - 1].ent_type_ not in ("GPE", "LOC"):
            return None
        countries = self.lexicon.places.get(tuple(t.lower_ for t in doc[start:end]))
        if not countries:
            return None
        return main_country if main_country in countries else countries[0]

    def _modifier_actors(
        self, parsed: Parsed, anchors: list[Anchor], main_country: str | None, aliases: dict
    ) -> list[Actor]:
        """Actors inside a phrase that is not itself one ("IS-held town", "Israeli army bulldozers")."""
        out: list[Actor] = []
        doc = parsed.doc
        runs: list[list[Anchor]] = []
        for a in sorted(anchors, key=lambda a: a.start):
            if runs and runs[-1][-1].end == a.start:
                runs[-1].append(a)
            else:
                runs.append([a])
        singles = []
        for run in runs:
            if len(run) > 1 and run[-1].entry.type in ("role", "title") and run[-1].entry.role:
                # "Israeli army" in "Israeli army bulldozers": a full actor phrase of its own.
                actor = self._code(parsed, run[0].start, run[-1].end, run, run[-1], main_country, aliases, None)
                if actor is not None:
                    out.append(actor)
                    continue
            singles.extend(run)
        for a in singles:
            e = a.entry
            span = parsed.span(doc[a.start].idx, doc[a.end - 1].idx + len(doc[a.end - 1]))
            sentence = parsed.sentence_of_token(a.start)
            if e.type in ("org", "leader", "user"):
                out.append(Actor(span, sentence, e.name, e.code, e.country, e.role, e.kind, 0.8, e.source))
            elif e.type in COUNTRY_TYPES:
                out.append(Actor(span, sentence, e.name, e.country, e.country, None, "country", 0.5, e.source))
            elif e.type == "role" and e.contextual:
                country = main_country
                code = f"{country} {e.role}" if country else e.role
                out.append(Actor(span, sentence, e.name, code, country, e.role, e.kind, 0.4, f"{e.source}+modifier"))
        return out

    def _remember(self, doc: Doc, start: int, end: int, actor: Actor, aliases: dict[tuple[str, ...], _Alias]) -> None:
        """Let later mentions of this name ("Makdissi", "HNC") resolve the same way."""
        ents = doc_tools.ents_within(doc, start, end)
        # every person's full name counts, resolved or not, in telling whether a surname is shared
        shared = {ent.start for ent in ents if ent.label_ == "PERSON" and _surname_shared(ent, aliases)}
        if actor.code is None:
            return
        alias = _Alias(actor.name, actor.code, actor.country, actor.role, actor.kind)
        for ent in ents:
            words = tuple(t.text for t in ent if not doc_tools.is_det(t))
            if words:
                aliases.setdefault(words, alias)
                if ent.label_ == "PERSON" and len(words) > 1 and ent.start not in shared:
                    aliases.setdefault(words[-1:], alias)
        if actor.kind == "person" and doc[end - 1].pos_ == "PROPN":
            for title in _titles_in(doc, start, end, self.lexicon):
                aliases["title:" + title,] = alias
        # "the High Negotiations Committee (HNC)": the acronym in brackets right after.
        if (end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")" and doc[end + 1].text.isupper()
                and len(doc[end + 1]) > 1):  # not the "(I)" of "deputy commissioner of police (I)"
            aliases.setdefault((doc[end + 1].text,), alias)


# ---------------------------------------------------------------------- helpers


def _split_body_before_name(doc: Doc, segments: list[tuple[int, int]], anchors: list[Anchor]) -> list[tuple[int, int]]:
    """"Witnesses told police Jones got upset": a body's name in lower case ("police", "the army") right
    before a person's name that ends the phrase is no title of that person (titles are: "Police Chief Jones"),
    only the parser running two arguments together; they are two actors."""
    bodies = {a.end: a for a in anchors if a.entry.type == "role" and a.entry.kind in ("organisation", "collective")}
    anchored = {i for a in anchors for i in range(a.start, a.end)}
    out: list[tuple[int, int]] = []
    for start, end in segments:
        # the body's bare word, in lower case, opening the phrase ("Alexandria Police Spokeswoman Ashley Hildebrandt"
        # is a designation, "French engineering company Alstom" an apposition), and no title or role inside the
        # name ("Secretary General of Parliament Dhammika Dassanayake")
        cut = next((i for i in range(start + 1, end) if i in bodies and bodies[i].start == start
                    and doc[i - 1].is_lower and doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "B"
                    and all(t.ent_type_ == "PERSON" and t.i not in anchored for t in doc[i:end])), None)
        if cut is None:
            out.append((start, end))
        else:
            out.extend(((start, cut), (cut, end)))
    return out


def _surname_shared(ent: SpacySpan, aliases: dict[tuple[str, ...], _Alias]) -> bool:
    """Whether another person of the article bears this name's surname ("Charles S. Williams" … "Prosecutor
    Colleen Williams"): then "Williams" alone is either of them, and resolves to neither. The first full name
    seen owns the surname; a different one makes it shared and withdraws its alias."""
    words = tuple(t.text for t in ent if not doc_tools.is_det(t))
    if len(words) < 2:
        return False
    key = ("surname:" + words[-1],)
    owner = aliases.setdefault(key, _Alias(" ".join(words), None, None, None, "surname-owner"))
    if owner.name == " ".join(words):
        return False
    aliases.pop(words[-1:], None)
    return True


def _uncased_name(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` can be a name the parser did not see as one (lower-case text:
    "dj patel", "(south) b l soni"): nouns and adjectives, and a bracketed remark."""
    depth, words = 0, 0
    for t in doc[start:end]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0:
            if t.pos_ not in ("NOUN", "PROPN", "ADJ") or t.is_stop:
                return False
            words += 1
    return depth == 0 and words > 0


def _titles_in(doc: Doc, start: int, end: int, lexicon: Lexicon) -> list[str]:
    """Title words inside a phrase ("envoy" in "UN Special Envoy"), for "the envoy" later."""
    lowers = [t.lower_ for t in doc[start:end]]
    titles = []
    for i in range(len(lowers)):
        for j in range(i + 1, min(len(lowers), i + 4) + 1):
            for entry in lexicon.folded.get(tuple(lowers[i:j]), ()):
                if entry.type == "title":
                    titles.append(entry.name)
    return titles


def _ends_in_title(doc: Doc, start: int, end: int, lexicon: Lexicon) -> bool:
    """Whether a phrase ends in a title, a role or a title's portfolio ("The Benue State Commissioner for
    Health"): capitalised words that describe an office, not a name."""
    lowers = tuple(t.lower_ for t in doc[start:end])
    for i in range(len(lowers)):
        tail = lowers[i:]
        if any(e.type in ("title", "role") for e in lexicon.folded.get(tail, ())):
            return True
        if i and lowers[i - 1] in PORTFOLIO_LINKS and tail in lexicon.portfolios:
            return True
    return False


def _affiliation(doc: Doc, roles: list[Anchor]) -> Anchor | None:
    """The body a titled person heads or speaks for ("the president of the company", "the chairman of the
    ruling party"): the person takes its role, as CAMEO codes an organisation's officials."""
    for title in roles:
        if title.entry.type != "title" or title.end >= len(doc) or doc[title.end].lower_ not in PORTFOLIO_LINKS:
            continue
        body = next((a for a in roles if a.start > title.end and a.entry.role
                     and a.entry.kind in ("organisation", "collective")), None)
        if body is not None:
            return body
    return None


def _portfolio_role(doc: Doc, title: Anchor, end: int, lexicon: Lexicon) -> str | None:
    """The role of a title's portfolio ("the Commissioner for Health" is GOV, where a bare commissioner is
    police): the portfolio, not the bare title, says what the official does."""
    link = title.end
    if title.entry.type != "title" or link + 1 >= end or doc[link].lower_ not in PORTFOLIO_LINKS:
        return None
    first = link + 2 if doc[link + 1].lower_ == "the" else link + 1
    words = tuple(t.lower_ for t in doc[first:end])
    return next((lexicon.portfolios[words[:n]] for n in range(len(words), 0, -1) if words[:n] in lexicon.portfolios), None)


def _resolve_possessive(doc: Doc, actor: Actor, earlier: list[Actor]) -> Actor:
    """"the Russian military said its aircraft": "its" is the last organisation of the sentence."""
    first = actor.span.text.split(" ", 1)[0].lower()
    if actor.country or not actor.role or first not in POSSESSIVE_PRONOUNS or first in ("his", "her"):
        return actor
    for prior in reversed(earlier):
        if prior.sentence != actor.sentence:
            break
        if prior.country and prior.kind in ("organisation", "country", "group", "collective"):
            return replace(actor, code=f"{prior.country} {actor.role}", country=prior.country, confidence=0.6,
                           rule=f"{actor.rule}+possessive")
    return actor


def _segment_country(doc: Doc, start: int, end: int, anchors: list[Anchor]) -> str | None:
    """The country a phrase names: the first one before any "of/for/to", else the one after "of"."""
    link = next((i for i in range(start, end) if doc[i].lower_ in TITLE_LINKS), end)
    countries = [a for a in anchors if a.entry.type in COUNTRY_TYPES]
    before = [a for a in countries if a.start < link]
    if before:
        return before[0].entry.country
    if link < end and doc[link].lower_ == "of" and countries:
        return countries[0].entry.country
    return None


_DEFAULT: ActorResolver | None = None


def find_actors(parsed: Parsed) -> list[Actor]:
    """Actor mentions of an article, each with a token-aligned span and a CAMEO-style code.

    Spans never overlap; ``code`` is None only for names no dictionary or rule resolves.
    """
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = ActorResolver()
    return _DEFAULT.find_actors(parsed)
