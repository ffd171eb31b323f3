"""Choosing the gazetteer entry each toponym refers to.

A common-sense ranker, in two passes: first each name gets its prior best (feature
importance + population), then the article's context (which countries and first-level
areas the other names, demonyms and the dateline point to) re-ranks every name.
Explicit containers ("Alexandria, Louisiana") override almost everything. All mentions
of one name in an article get one reading ("one sense per discourse"), unless a
container says otherwise.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from eventwire.geo.gazetteer import ABBR, ALT, MAIN, Candidate, Gazetteer
from eventwire.geo.lexicon import Lexicon
from eventwire.geo.recognize import Toponym

W_POP = 0.9
W_COUNTRY = 5.0
W_ADMIN1 = 5.0
W_CONTAINER = 8.0
W_COHERE = 3.0
VOTE_WEIGHT = {"ADM1": 2.0, "PCLI": 1.0, "ADM2": 1.5}
ALT_PENALTY = 1.0
SEAT_BONUS = 2.5
# Extra for a million-people city named like its own state: "New York" in news is the city
# unless the article says otherwise (a list of states, see LISTED_AREA_BONUS).
BIG_SEAT_BONUS = 1.5
LISTED_AREA_BONUS = 4.0  # a name listed with states ("Missouri, New York and Virginia") is a state
_LIST_GAP = re.compile(r"^\s*(,|;|and|or|&|, and|, or)\s*$")
SHORT_ALT = 6  # alternate names shorter than this are trusted only for big places
ALT_SIZE_RATIO = 10.0
# Readings that get no coherence bonus: a state is not made likelier by its many namesake
# towns ("Washington" the state over the capital because Freeland, WA exists).
NO_COHERE = frozenset({"PCLI", "CONT", "ADM1"})
BIG_ALT = 100_000  # an alternate-name reading this populous always stays a candidate
WORLD_FEATURES = frozenset({"CONT", "OCN", "SEA", "GULF", "RGN", "DSRT"})  # places in no single country
# How a bare upper-case code ("US", "UK") may have been found and still be read as a code: named by
# NER, as the first word of an organisation ("US Army"), or as a repeat of a code named before.
# A name after an opponent cue ("against Portland") read as its most populous city when that city is
# at least this big: clubs bear big cities' names, small namesakes field no teams in the news.
TEAM_CITY_MIN = 300_000
_LAST_WORD = re.compile(r"(\S+)\s+$")
CODE_ORIGINS = frozenset({"ner", "ner-trimmed", "ner-split", "ner-relabelled", "org-prefix", "same-name", "dateline"})


@dataclass(slots=True)
class Resolution:
    candidate: Candidate
    confidence: float
    rule: str


def _prior(c: Candidate, lex: Lexicon) -> float:
    score = lex.feature_weights.get(c.fcode, 0.0) + W_POP * math.log10(c.population + 1)
    if c.kind == ALT:
        score -= ALT_PENALTY
    return score


class Resolver:
    def __init__(self, gaz: Gazetteer, lex: Lexicon):
        self.gaz = gaz
        self.lex = lex

    def candidates(self, t: Toponym, written: str) -> list[Candidate]:
        if t.admin1_code:
            area = self.gaz.admin1_entry(*t.admin1_code)
            return [area] if area else []
        out = []
        # Codes ("US", "UK", "U.S.") only when written as a bare upper-case code that NER called a place.
        bare = written.replace(".", "")
        code_ok = bare.isupper() and bare.isalpha() and t.origin in CODE_ORIGINS
        for c in self.gaz.lookup(t.norm_text):
            if c.kind == ABBR and not code_ok:
                continue
            if c.kind == ALT and len(t.norm_text) < SHORT_ALT and c.population < 100_000 and c.fclass == "P":
                continue
            out.append(c)
        main_pop = max((c.population for c in out if c.kind == MAIN), default=0)
        if main_pop:
            # A small town's old or variant name ("Washington" for Watervliet, NY) does not
            # compete with a place ten times its size that bears the name as its own.
            out = [c for c in out if c.kind != ALT or c.fclass != "P"
                   or c.population >= min(main_pop / ALT_SIZE_RATIO, BIG_ALT)]
        countries = {c.country for c in out if c.kind == MAIN and c.fcode == "PCLI"}
        if countries:
            # A country's own name is not the alternate name of one of its cities: "Mexico" is the
            # country even in a "MEXICO CITY (AP)" story, whose dateline votes for the capital's area.
            out = [c for c in out if c.kind != ALT or c.fclass != "P" or c.country not in countries]
        if any(c.fcode in WORLD_FEATURES for c in out):
            # A village named like a continent, ocean or world region ("Middle East", MD;
            # "Atlantic", IA) does not compete with it: context votes by country cannot
            # support the region, which lies in no single country.
            out = [c for c in out if c.fclass != "P" or c.population >= BIG_ALT]
        if code_ok and len(bare) <= 3 and any(c.kind == ABBR for c in out):
            # "US" written as a code is the code's place, not the French village "Us".
            out = [c for c in out if c.kind == ABBR]
        return out

    @staticmethod
    def _seat_bonus(cs: list[Candidate]) -> dict[int, float]:
        """A town sharing its name with its own province/county is usually meant as the town.

        ("Geneva" the city, not the canton; "Tadmur" the town, not the district.)
        """
        areas = {(c.country, c.admin1) for c in cs if c.fcode == "ADM1"}
        return {c.id: SEAT_BONUS + (BIG_SEAT_BONUS if c.population >= 1_000_000 else 0.0)
                for c in cs if c.fclass == "P" and (c.country, c.admin1) in areas}

    def _team_cities(self, toponyms: list[Toponym], cands: list[list[Candidate]], text: str | None) -> dict[str, Candidate]:
        """Names written as a sports opponent ("at home against Portland") -> their biggest city.

        Why: context votes for the article's own region ("Portland" -> Portland, Texas in a
        Dallas sports story), but a team is named after its big city. Only when that city is
        big (TEAM_CITY_MIN) and the name is no country, nor a state of the city's own country
        ("against Iran", "against Washington" stay as they are).
        """
        if not text or not self.lex.opponent_cues:
            return {}
        out: dict[str, Candidate] = {}
        for t, cs in zip(toponyms, cands):
            if not cs or t.container or t.demonym_of or t.norm_text in out:
                continue
            m = _LAST_WORD.search(text[max(0, t.start - 30):t.start])
            if not m or m.group(1).lower() not in self.lex.opponent_cues:
                continue
            city = max((c for c in cs if c.fclass == "P"), key=lambda c: c.population, default=None)
            if city is None or city.population < TEAM_CITY_MIN:
                continue
            # A country, or a state of the city's own country, may field the team ("against Washington").
            if any(c.fcode in ("PCLI", "CONT") or (c.fcode == "ADM1" and c.country == city.country) for c in cs):
                continue
            out[t.norm_text] = city
        return out

    def demonym_place(self, target: str) -> Candidate | None:
        if len(target) == 2 and target.isupper():
            return self.gaz.country_entry(target)
        if len(target) > 3 and target[2] == "-" and target[:2].isupper():  # "US-OH" from "Ohioans"
            return self.gaz.admin1_entry(target[:2], target[3:])
        hits = [c for c in self.gaz.lookup(target.lower()) if c.kind == MAIN]
        return max(hits, key=lambda c: c.population) if hits else None

    @staticmethod
    def _listed_with_areas(toponyms: list[Toponym], first: dict[str, Candidate], text: str | None) -> set[int]:
        """Indexes of names in a list whose neighbours are first-level areas or countries.

        Why: "Missouri, New York, North Carolina and Virginia" lists states, so "New York"
        there is the state, while "flights between New York and St. Petersburg" are cities.
        """
        if not text:
            return set()
        listed: set[int] = set()
        for i in range(len(toponyms) - 1):
            a, b = toponyms[i], toponyms[i + 1]
            if a.norm_text == b.norm_text or not _LIST_GAP.match(text[a.end:b.start]):
                continue
            ca, cb = first.get(a.norm_text), first.get(b.norm_text)
            if cb is not None and cb.fcode == "ADM1":
                listed.add(i)
            if ca is not None and ca.fcode == "ADM1":
                listed.add(i + 1)
        return listed

    def __call__(self, toponyms: list[Toponym], texts: list[str], dateline: list[Toponym] | None = None,
                 dateline_texts: list[str] | None = None, text: str | None = None) -> list[Resolution | None]:
        """Resolve every toponym; ``text`` (the article) lets lists of states be seen."""
        cands = [self.candidates(t, w) if not t.demonym_of else [] for t, w in zip(toponyms, texts)]
        demonyms = [self.demonym_place(t.demonym_of) if t.demonym_of else None for t in toponyms]

        # Pass 1: prior picks, one per distinct name.
        first: dict[str, Candidate] = {}
        for t, cs in zip(toponyms, cands):
            if cs and t.norm_text not in first:
                first[t.norm_text] = max(cs, key=lambda c: self._score(c, t, None, None))
        teams = self._team_cities(toponyms, cands, text)
        first.update(teams)
        listed = self._listed_with_areas(toponyms, first, text)
        # Context that does not depend on the picks: demonyms, "X, Louisiana" containers, datelines.
        base_country: Counter[str] = Counter()
        base_admin: Counter[tuple[str, str]] = Counter()
        for t, c in zip(toponyms, demonyms):
            if c is not None and c.country:
                base_country[c.country] += 0.5
        for t in toponyms:
            if t.container:
                base_country[t.container[0]] += 1.0
                if t.container[1]:
                    base_admin[(t.container[0], t.container[1])] += 1.0
        in_text = [(t, w) for t, w in zip(toponyms, texts) if t.origin == "dateline"]
        dateline = list(dateline or []) + [t for t, _ in in_text]
        dateline_texts = list(dateline_texts or []) + [w for _, w in in_text]
        for key, c in self._dateline(dateline, dateline_texts):
            base_country[c.country] += 2.0
            if c.fcode != "PCLI":
                base_admin[(c.country, c.admin1)] += 2.0

        # Coherence: which first-level areas each distinct name *could* be in. A reading that
        # shares its area with other names' possible readings is likely ("Paris" + "Henry County"
        # -> both in Tennessee), even before anything is decided.
        area_sets: dict[str, set[tuple[str, str]]] = {}
        for t, cs in zip(toponyms, cands):
            if cs and t.norm_text not in area_sets:
                area_sets[t.norm_text] = {(c.country, c.admin1) for c in cs if c.fcode not in ("PCLI", "CONT")}
        cohere_votes: Counter[tuple[str, str]] = Counter()
        for key, areas in area_sets.items():
            for a in areas:
                cohere_votes[a] += 1.0 / math.sqrt(len(areas))
        cohere_total = sum(1.0 / math.sqrt(len(a)) for a in area_sets.values() if a) or 1.0
        contained = {t.norm_text: t.container for t in toponyms if t.container}  # "Alexandria, La." rules later "Alexandria"

        def rank(picks: dict[str, Candidate]) -> list[Resolution | None]:
            """Re-rank every name with the article's context given each name's current pick
            (minus each name's own vote)."""
            country_votes, admin_votes = base_country.copy(), base_admin.copy()
            own: dict[str, tuple[str, tuple[str, str] | None, float]] = {}
            for key, c in picks.items():
                w = VOTE_WEIGHT.get(c.fcode, 1.0)  # a named state or country is firmer evidence than a town
                country_votes[c.country] += w
                a = (c.country, c.admin1) if c.fclass != "A" or c.fcode != "PCLI" else None
                if a:
                    admin_votes[a] += w
                own[key] = (c.country, a, w)
            chosen: dict[tuple[str, tuple | None, bool], Resolution | None] = {}
            results: list[Resolution | None] = []
            for i, (t, cs, dem) in enumerate(zip(toponyms, cands, demonyms)):
                if t.demonym_of:
                    results.append(Resolution(dem, 0.9, "demonym") if dem else None)
                    continue
                if not cs:
                    results.append(None)
                    continue
                container = t.container or contained.get(t.norm_text)
                if not container and t.norm_text in teams:
                    results.append(Resolution(teams[t.norm_text], 0.8, "team"))
                    continue
                memo_key = (t.norm_text, container, i in listed)
                if memo_key not in chosen:
                    cv, av = country_votes.copy(), admin_votes.copy()
                    if t.norm_text in own:
                        country, a, w = own[t.norm_text]
                        cv[country] -= w
                        if a:
                            av[a] -= w
                    own_areas = area_sets.get(t.norm_text, set())
                    own_w = 1.0 / math.sqrt(len(own_areas)) if own_areas else 0.0
                    co = {a: cohere_votes[a] - own_w for a in own_areas}
                    co_total = max(cohere_total - own_w, 1.0)
                    ctx = (cv, sum(v for v in cv.values() if v > 0) or 1.0, av,
                           sum(v for v in av.values() if v > 0) or 1.0, co, co_total)
                    seat = self._seat_bonus(cs)
                    if i in listed:
                        seat = {c.id: seat.get(c.id, 0.0) + (LISTED_AREA_BONUS if c.fcode == "ADM1" else 0.0) for c in cs}
                    scored = sorted(((self._score(c, t, ctx, container) + seat.get(c.id, 0.0), c) for c in cs),
                                    key=lambda x: -x[0])
                    best = scored[0]
                    margin = best[0] - scored[1][0] if len(scored) > 1 else 5.0
                    confidence = round(1 / (1 + math.exp(-margin)), 3)
                    rule = "container" if container and self._in_container(best[1], container) else (
                        "context" if len(scored) > 1 else "unique")
                    chosen[memo_key] = Resolution(best[1], confidence, rule)
                results.append(chosen[memo_key])
            return results

        # Pass 2 votes with the prior picks; pass 3 votes again with pass 2's picks, so that a
        # name read out of context at first ("Parkland" -> Washington state) no longer drags
        # the others ("Washington" -> the state) once the context has corrected it.
        results = rank(first)
        second: dict[str, Candidate] = {}
        for t, r in zip(toponyms, results):
            if r is not None and not t.demonym_of and not t.container and t.norm_text not in second:
                second[t.norm_text] = r.candidate
        second = {k: second.get(k, c) for k, c in first.items()}
        if any(second[k].id != c.id for k, c in first.items()):
            results = rank(second)
        return results

    def _dateline(self, toponyms: list[Toponym], texts: list[str]):
        for t, w in zip(toponyms, texts):
            cs = self.candidates(t, w)
            if cs:
                yield t.norm_text, max(cs, key=lambda c: self._score(c, t, None, t.container))

    @staticmethod
    def _in_container(c: Candidate, container: tuple[str, str | None]) -> bool:
        country, admin1 = container
        return c.country == country and (admin1 is None or c.admin1 == admin1)

    def _score(self, c: Candidate, t: Toponym, ctx, container) -> float:
        score = _prior(c, self.lex)
        if ctx is not None:
            cv, ctotal, av, atotal, co, co_total = ctx
            score += W_COUNTRY * max(cv.get(c.country, 0.0), 0.0) / ctotal
            score += W_ADMIN1 * max(av.get((c.country, c.admin1), 0.0), 0.0) / atotal
            if c.fcode not in NO_COHERE:
                score += W_COHERE * max(co.get((c.country, c.admin1), 0.0), 0.0) / co_total
        if container:
            if self._in_container(c, container) and not (c.fcode == "ADM1" and container[1]):
                score += W_CONTAINER
            elif c.country != container[0]:
                score -= W_CONTAINER / 2
        return score
