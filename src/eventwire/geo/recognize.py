"""Finding toponyms: NER labels corrected by gazetteer lookups and context cues.

spaCy's small model misses or mislabels many places ("Palmyra" as PERSON, "Laurel
County Sheriff's Office" as one ORG, towns after "near" as nothing). We keep its
GPE/LOC spans, rescue other spans and untagged capitalised runs when the gazetteer knows
the name *and* the context says "place" (a cue word before it, or a ", State" after it),
take place names that open organisation names, and map demonyms to countries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan

from eventwire.geo.gazetteer import ABBR, ALT, Gazetteer
from eventwire.geo.lexicon import Lexicon
from eventwire.geo.normalize import norm
from eventwire.nlp import Parsed

PLACE_LABELS = {"GPE", "LOC"}
RESCUE_LABELS = {"PERSON", "ORG", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
ORG_LABELS = {"ORG", "FAC"}
MAX_NGRAM = 4
BIG_PLACE = 50_000
# "COLUMBUS, Ohio (AP) —", "CHARLESTON, W.Va. --", "CORSICANA —" at the start of the story
# (or right after a headline sentence): the newsroom's own location.
DATELINE = re.compile(
    r"(?:^|(?<=\. )|(?<=\n))([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})"
    r"(?:, ([A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?))?\s*"
    # "BEIRUT (AP) - ..." or, with a one-word agency in brackets, no dash at all ("MEXICO CITY (AP) Mexico's ...").
    r"(?:(?:\([A-Za-z .]+\)\s*)?(?:—|–|--|-)\s|\([A-Z][A-Za-z]{1,9}\)\s)"
)
DATELINE_WINDOW = 400
PROPAGATING = {"ner", "dateline", "ner-trimmed", "org-prefix", "cue"}  # origins firm enough to spread to same-name mentions  # a weak cue ("in", "from") is enough only for places at least this big


@dataclass(slots=True)
class Toponym:
    """A stretch of text that names a place (not yet resolved)."""

    start: int  # char offsets into the cleaned text
    end: int
    tok_start: int
    tok_end: int
    origin: str  # how it was found: "ner", "cue", "org-prefix", "demonym", "admin-pair", ...
    demonym_of: str | None = None  # ISO-2 country (or gazetteer name) for demonyms
    container: tuple[str, str | None] | None = None  # (country, admin1) from "X, Louisiana"

    norm_text: str = ""  # the folded name, the gazetteer lookup key
    admin1_code: tuple[str, str] | None = None  # a state abbreviation ("La.") names this area outright


def _is_cap(tok) -> bool:
    text = tok.text
    return bool(text) and text[0].isupper() and any(c.isalpha() for c in text)


def _cue_before(doc: Doc, tok_start: int, lex: Lexicon) -> str | None:
    """"strong"/"weak" when a cue phrase ends right before token ``tok_start``."""
    for n in (2, 1):
        if tok_start - n < 0:
            continue
        words = tuple(norm(t.text) for t in doc[tok_start - n: tok_start])
        if words in lex.strong_cues:
            return "strong"
        if n == 1 and words in lex.weak_cues:
            return "weak"
    return None


def _importance(gaz: Gazetteer, key: str) -> tuple[int, bool]:
    """(largest population, has an admin/country entry) among MAIN/ALT matches of ``key``."""
    best, admin = 0, False
    for c in gaz.lookup(key):
        if c.kind == ABBR:
            continue
        if c.kind == ALT and len(key) < 6 and c.population < 100_000:
            continue
        best = max(best, c.population)
        admin = admin or c.fclass in ("A", "L")
    return best, admin


def _known(gaz: Gazetteer, key: str) -> bool:
    return any(c.kind != ABBR for c in gaz.lookup(key))


class Recognizer:
    def __init__(self, gaz: Gazetteer, lex: Lexicon):
        self.gaz = gaz
        self.lex = lex

    def __call__(self, parsed: Parsed) -> list[Toponym]:
        doc = parsed.doc
        taken = [False] * len(doc)
        found: list[Toponym] = []
        self._found_ref = found

        def add(tok_start: int, tok_end: int, origin: str, demonym_of: str | None = None,
                admin1_code: tuple[str, str] | None = None) -> None:
            # NER spans can carry paragraph-break tokens at their edges ("Palmyra\n\n").
            while tok_end > tok_start and doc[tok_end - 1].is_space:
                tok_end -= 1
            while tok_start < tok_end and doc[tok_start].is_space:
                tok_start += 1
            if tok_start == tok_end:
                return
            span = doc[tok_start:tok_end]
            found.append(Toponym(span.start_char, span.end_char, tok_start, tok_end, origin, demonym_of,
                                 norm_text=norm(span.text), admin1_code=admin1_code))
            for i in range(tok_start, tok_end):
                taken[i] = True

        for ent in doc.ents:
            if any(taken[ent.start:ent.end]):  # already part of a longer name ("Trinidad and Tobago")
                continue
            if ent.label_ in PLACE_LABELS:
                for s, e in self._parts(ent):
                    s, e = self._longer_name(doc, s, e, taken)
                    self._ner_place(doc, s, e, add)
            elif ent.label_ == "NORP":
                if not self._demonym(doc, ent.start, ent.end, add, inhabitants=True):
                    self._rescue(doc, ent, add)
            elif ent.label_ in RESCUE_LABELS:
                self._rescue(doc, ent, add)
        self._dateline(doc, taken, add)
        self._state_abbreviations(doc, taken, add)
        self._scan_untagged(doc, taken, add)
        self._propagate(doc, taken, add)
        found.sort(key=lambda t: t.start)
        self._containers(doc, found)
        return found

    # -- NER spans -------------------------------------------------------------------------
    def _known_main(self, span) -> bool:
        return any(c.kind == 0 for c in self.gaz.lookup(norm(span.text)))

    def _longer_name(self, doc: Doc, s: int, e: int, taken: list[bool]) -> tuple[int, int]:
        """The longest known name around an NER place part: NER often tags only part of one
        ("Trinidad" of "Trinidad and Tobago", "MEXICO" of "MEXICO CITY", "California" of
        "Baja California"). Only a main gazetteer name counts, and only capitalised words."""
        if s > 0 and not taken[s - 1] and _is_cap(doc[s - 1]) and self._known_main(doc[s - 1:e]):
            s -= 1
        if e < len(doc) - 1 and doc[e].lower_ == "and":
            for k in (1, 2):
                end = e + 1 + k
                if end <= len(doc) and all(_is_cap(t) for t in doc[e + 1:end]) and self._known_main(doc[s:end]):
                    return s, end
        if e < len(doc) and _is_cap(doc[e]) and self._known_main(doc[s:e + 1]):
            return s, e + 1
        return s, e

    def _parts(self, ent: SpacySpan) -> list[tuple[int, int]]:
        """Split "Alexandria, Louisiana" into its parts and drop a leading "the".

        A name the gazetteer knows whole ("Trinidad and Tobago", "Bosnia and Herzegovina")
        is not split at its "and".
        """
        whole = ent[1:] if len(ent) > 1 and ent[0].lower_ == "the" else ent
        if any(t.lower_ == "and" for t in whole) and not any(t.text in {",", ";", "/"} for t in whole) \
                and any(c.kind == 0 for c in self.gaz.lookup(norm(whole.text))):
            return [(whole.start, whole.end)]
        parts, start = [], ent.start
        for tok in ent:
            if tok.text in {",", ";", "/"} or tok.lower_ == "and":
                if tok.i > start:
                    parts.append((start, tok.i))
                start = tok.i + 1
        if ent.end > start:
            parts.append((start, ent.end))
        out = []
        doc = ent.doc
        for s, e in parts:
            while s < e and (doc[s].lower_ in {"the", "'s"} or not any(c.isalnum() for c in doc[s].text)):
                s += 1
            while e > s and (doc[e - 1].text in {"'s", "’s", "'", "’"} or not any(c.isalnum() for c in doc[e - 1].text)):
                e -= 1
            if e > s:
                out.append((s, e))
        return out

    def _ner_place(self, doc: Doc, s: int, e: int, add) -> None:
        """A GPE/LOC part: kept as is when known; else trimmed of "North"/"City" or read as a demonym."""
        if not any(_is_cap(t) for t in doc[s:e]):
            return
        key = norm(doc[s:e].text)
        if key in self.lex.stoplist and not self._place_context(doc, s, e, key):
            return
        if _known(self.gaz, key):
            add(s, e, "ner")
            return
        if e - s == 1 and self._demonym(doc, s, e, add):  # "Sri Lankan" tagged GPE
            return
        if e - s >= 2 and self._demonym(doc, s, e, add):
            return
        # "Northeast Georgia", "South Arlington", "Fargo City": the known core is the place.
        if e - s >= 2 and norm(doc[s].text) in self.lex.modifiers and _known(self.gaz, norm(doc[s + 1:e].text)):
            add(s + 1, e, "ner-trimmed")
            return
        if e - s >= 2 and norm(doc[e - 1].text) in self.lex.modifiers and _known(self.gaz, norm(doc[s:e - 1].text)):
            add(s, e - 1, "ner-trimmed")
            return
        if key in self.lex.stoplist:
            return
        hyphens = [i for i in range(s + 1, e - 1) if doc[i].text in {"-", "\u2013"}]
        if hyphens:  # "U.S.-Mexico border"
            bounds = [s, *hyphens, e]
            for a, b in zip(bounds, bounds[1:]):
                a = a if a == s else a + 1
                if b > a and _known(self.gaz, norm(doc[a:b].text)):
                    add(a, b, "ner-split")
            return
        add(s, e, "ner")  # unknown to the gazetteer: kept, resolved to nothing

    def _demonym(self, doc: Doc, s: int, e: int, add, inhabitants: bool = False) -> bool:
        text = doc[s:e].text
        target = self._demonym_target(text, inhabitants)
        if target:
            add(s, e, "demonym", target)
            return True
        return False

    def _demonym_target(self, text: str, inhabitants: bool = False) -> str | None:
        """Country code (or area name) a demonym points to: "Syrian", "Iraqis", "Ohioans"."""
        key = norm(text)
        if not key or not text[:1].isupper():
            return None
        for k in (key, key[:-1] if key.endswith("s") else None):
            if not k:
                continue
            target = self.lex.demonyms.get(k) or self.gaz.demonym(k)
            if target:
                return target
        if not inhabitants:
            return None
        # Inhabitants of states and provinces: "Ohioans", "Minnesotans", "Georgians".
        for suffix in ("ians", "ans", "ns", "ian", "an", "n"):
            if key.endswith(suffix) and len(key) - len(suffix) >= 4:
                stem = key[: -len(suffix)]
                for c in self.gaz.lookup(stem):
                    if c.kind == 0 and c.fcode == "ADM1":
                        return f"{c.country}-{c.admin1}"
        return None

    def _rescue(self, doc: Doc, ent: SpacySpan, add) -> None:
        """A non-place entity that is really a place, or that opens with one."""
        start = ent.start
        while start < ent.end and doc[start].lower_ in {"the", "a", "an"}:
            start += 1
        if start >= ent.end:
            return
        key = norm(doc[start:ent.end].text)
        if _known(self.gaz, key) and key not in self.lex.stoplist and len(key) >= 3 and not doc[ent.end - 1].text.endswith("-"):
            # "according to Nelson": a weak cue is not enough to make a PERSON a place.
            if self._place_context(doc, start, ent.end, key, weak_ok=ent.label_ != "PERSON"):
                add(start, ent.end, "cue")
                return
            if ent.label_ != "PERSON" and self._main_name_of_notable(key):
                add(start, ent.end, "ner-relabelled")  # "Fargo" tagged ORG
                return
        if ent.label_ == "PERSON":
            if ent.end - start == 1 and self._modifies_common_noun(doc[start]) and self._main_name_of_notable(key, 10_000):
                add(start, ent.end, "person-relabelled")  # "a Gainesville resident", "Alexandria man"
            return
        if doc[start].lower_ in self.lex.modifiers and ent.end - start > 2:
            start += 1  # "Northeast Georgia Medical Center"
        # "Laurel County Sheriff's Office", "the Gainesville Police Department", "Metro Nashville".
        for n in range(min(MAX_NGRAM, ent.end - start - 1), 0, -1):
            if self._org_part(doc, start, start + n, ent.end) and self._institution(doc, start + n, ent.end, start, n):
                add(start, start + n, "org-prefix")
                return
        for n in range(min(MAX_NGRAM, ent.end - start - 1), 0, -1):
            s = ent.end - n
            tail = norm(doc[s:ent.end].text)
            if tail in self.lex.institution_words and doc[s - 1].lower_ not in {"of", "in"}:
                continue  # "Cancer Centre": the institution word is no place (Burkina Faso's Centre region)
            if doc[s - 1].lower_ in {"of", "in"} or self._main_name_of_notable(tail, admin_only=True):
                if self._org_part(doc, s, ent.end, ent.end):
                    add(s, ent.end, "org-suffix")  # "United Way of America", "Education Minnesota"
                    return

    @staticmethod
    def _modifies_common_noun(tok) -> bool:
        """A name used as a noun modifier of a lower-case noun: people's names rarely are."""
        head = tok.head
        return (tok.dep_ in {"compound", "nmod", "amod"} and head.i == tok.i + 1 and head.pos_ == "NOUN"
                and head.text.islower())

    def _institution(self, doc: Doc, s: int, e: int, place_start: int, width: int) -> bool:
        """The rest of an ORG names an institution of a place ("... Police Department")
        or the place is a county/state/country (which rarely open an unrelated name)."""
        if any(norm(t.text) in self.lex.institution_words for t in doc[s:e]):
            return True
        key = norm(doc[place_start:place_start + width].text)
        return any(c.kind == 0 and c.fcode in ("ADM1", "ADM2", "PCLI") for c in self.gaz.lookup(key))

    def _org_part(self, doc: Doc, s: int, e: int, ent_end: int) -> bool:
        sub = doc[s:e]
        if not all(_is_cap(t) for t in sub):
            return False
        k = norm(sub.text)
        if k in self.lex.stoplist or len(k) < 4 or (e < ent_end and doc[e].text in {"-", "'s", "’s"}):
            return False
        if not any(c.kind == 0 for c in self.gaz.lookup(k)):
            return False
        if self._demonym_target(sub.text):
            return False
        return self._main_name_of_notable(k, threshold=1_000)

    def _main_name_of_notable(self, key: str, threshold: int = BIG_PLACE, admin_only: bool = False) -> bool:
        """The key is the main name of a country, state, county or (unless ``admin_only``) a sizeable town."""
        for c in self.gaz.lookup(key):
            if c.kind != 0:
                continue
            if c.fcode in ("PCLI", "ADM1", "CONT") or (c.fcode == "ADM2" and not admin_only):
                return True
            if not admin_only and c.fclass == "P" and c.population >= threshold:
                return True
        return False

    def _place_context(self, doc: Doc, s: int, e: int, key: str, weak_ok: bool = True) -> bool:
        cue = _cue_before(doc, s, self.lex)
        if cue == "strong":
            return True
        pop, admin = _importance(self.gaz, key)
        if weak_ok and cue == "weak" and (admin or pop >= BIG_PLACE):
            return True
        return self._followed_by_container(doc, e)

    def _followed_by_container(self, doc: Doc, e: int) -> bool:
        if e + 1 < len(doc) and doc[e].text == ",":
            nxt = doc[e + 1]
            if self._abbreviation_at(doc, e + 1):
                return True
            if _is_cap(nxt):
                return any(c.fcode in ("ADM1", "PCLI") and c.kind != ABBR for c in self.gaz.lookup(norm(nxt.text)))
        return False

    def _abbreviation_at(self, doc: Doc, i: int) -> tuple[str, str] | None:
        """(country, admin1) when tokens at ``i`` spell a state abbreviation ("La.", "W. Va.")."""
        for n in (2, 1):
            if i + n <= len(doc):
                text = doc[i: i + n].text
                hit = self.lex.state_abbreviations.get(text) or self.lex.state_abbreviations.get(text + ".")
                if hit:
                    return hit
        return None

    def _state_abbreviations(self, doc: Doc, taken: list[bool], add) -> None:
        """ "Alexandria, La." : the abbreviation after a comma is a place itself."""
        for i in range(1, len(doc)):
            if doc[i - 1].text != "," or taken[i]:
                continue
            for n in (2, 1):
                if i + n <= len(doc) and not any(taken[i:i + n]):
                    hit = self.lex.state_abbreviations.get(doc[i:i + n].text)
                    if hit:
                        add(i, i + n, "state-abbreviation", admin1_code=hit)
                        break
        # NER may have taken "La." as part of a GPE: relabel it.
        for t in self._found_ref:
            if t.admin1_code is None:
                text = doc[t.tok_start:t.tok_end].text
                hit = self.lex.state_abbreviations.get(text) or self.lex.state_abbreviations.get(text + ".")
                if hit:
                    t.admin1_code = hit

    def _dateline(self, doc: Doc, taken: list[bool], add) -> None:
        m = DATELINE.search(doc.text[:DATELINE_WINDOW])
        if not m or len(m.group(1)) < 3:
            return
        span = doc.char_span(m.start(1), m.end(1), alignment_mode="expand")
        if span is None or not _known(self.gaz, norm(span.text)):
            return
        if any(taken[i] for i in range(span.start, span.end)):
            for t in self._found_ref:
                if t.tok_start < span.end and span.start < t.tok_end:
                    t.origin = "dateline"
            return
        add(span.start, span.end, "dateline")

    def _propagate(self, doc: Doc, taken: list[bool], add) -> None:
        """One sense per discourse: once a name is a place here, its other mentions are too.

        Why: the small model tags the same "Alexandria" as GPE once and PERSON five times.
        A name that ends a longer PERSON ("George Washington") is left alone.
        """
        names: dict[str, int] = {}
        for t in self._found_ref:
            if t.origin in PROPAGATING and not t.demonym_of and t.admin1_code is None and _known(self.gaz, t.norm_text):
                names[doc[t.tok_start:t.tok_end].text] = t.tok_end - t.tok_start
        if not names:
            return
        person_tail = set()
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                person_tail.update(range(ent.start + 1, ent.end))
                names.pop(doc[ent.end - 1].text, None)  # "Mr. Turner" elsewhere: a surname here
        i, n = 0, len(doc)
        while i < n:
            if taken[i] or not _is_cap(doc[i]):
                i += 1
                continue
            hit = 0
            for text, width in names.items():
                if i + width <= n and doc[i:i + width].text == text and not any(taken[i:i + width]):
                    if any(k in person_tail for k in range(i, i + width)):
                        continue
                    hit = max(hit, width)
            if hit:
                add(i, i + hit, "same-name")
                i += hit
            else:
                i += 1

    # -- untagged text ---------------------------------------------------------------------
    def _scan_untagged(self, doc: Doc, taken: list[bool], add) -> None:
        i, n = 0, len(doc)
        while i < n:
            if taken[i] or not _is_cap(doc[i]) or doc[i].text.endswith("-"):
                i += 1
                continue
            j = i
            while j < n and not taken[j] and j - i < MAX_NGRAM and (
                _is_cap(doc[j]) or (doc[j].text == "-" and j + 1 < n)
                or (doc[j].text in self.lex.name_particles and j + 1 < n and _is_cap(doc[j + 1]))
            ):
                j += 1
            matched = False
            for e in range(j, i, -1):
                span = doc[i:e]
                key = norm(span.text)
                if len(key) < 3 or key in self.lex.stoplist or span.text.endswith("-"):
                    continue
                if self._demonym_target(span.text) and e - i == 1:
                    add(i, e, "demonym", self._demonym_target(span.text))
                    matched = True
                    break
                if _known(self.gaz, key) and self._untagged_ok(doc, i, e, key):
                    add(i, e, "cue")
                    matched = True
                    break
            i = j if matched or j > i else i + 1

    def _untagged_ok(self, doc: Doc, s: int, e: int, key: str) -> bool:
        if self._place_context(doc, s, e, key):
            return True
        if len(key) >= 4 and self._listed_after_place(doc, s):
            return True
        # Countries, states and continents named plainly, even sentence-initially.
        return any(c.kind == 0 and c.fcode in ("PCLI", "ADM1", "CONT") and c.population >= BIG_PLACE
                   for c in self.gaz.lookup(key))

    def _listed_after_place(self, doc: Doc, s: int) -> bool:
        """Next in a list of places: "Homs, Hama and Aleppo"."""
        if s < 2 or doc[s - 1].text not in {",", "and", "or", "&"}:
            return False
        prev = s - 2 if doc[s - 1].text != "," or doc[s - 2].text != "," else s - 3
        return any(t.tok_start <= prev < t.tok_end and not t.demonym_of for t in self._found_ref)

    # -- "X, Louisiana" ----------------------------------------------------------------------
    def _containers(self, doc: Doc, found: list[Toponym]) -> None:
        by_start = {t.tok_start: t for t in found}
        for t in found:
            e = t.tok_end
            if e + 1 >= len(doc) or doc[e].text != ",":
                continue
            abbr = self._abbreviation_at(doc, e + 1)
            if abbr:
                t.container = abbr
                continue
            nxt = by_start.get(e + 1)
            if nxt is None or nxt.demonym_of:
                continue
            for c in self.gaz.lookup(nxt.norm_text):
                if c.kind == ABBR and not doc[nxt.tok_start:nxt.tok_end].text.replace(".", "").isupper():
                    continue
                if c.fcode == "ADM1":
                    t.container = (c.country, c.admin1)
                    break
                if c.fcode == "PCLI" and t.container is None:
                    t.container = (c.country, None)
