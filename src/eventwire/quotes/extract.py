"""Find attributions: direct quotes by their marks, indirect speech by its cue verb.

Direct quotes are found first, from quotation marks, and tied to the nearest cue verb
outside the marks in the same sentence (or the short clause right after it); the two
halves of an interrupted quote (“…,” he said, “…”) share that cue and become one
attribution with two content spans. Indirect speech is then read off the parse: a cue
verb with a complement clause ("X said that …"), a parenthetical cue ("…, he said, …")
and "according to X, …". Each candidate gets a source phrase (the cue's subject),
and the source is resolved to a speaker.

A learned pass (:mod:`eventwire.quotes.learned`, weights trained on PolNeAR dev) then
drops rule readings it finds unlikely, runs contents the parser cut short on to their
sentence end, and adds attributions beyond the cue lexicon (beliefs, plans, polls) where
the rules left the words unclaimed. Last, if a model is installed (none is shipped: in
5-fold CV it gained 0.002 content F1 for 10-15 ms per article), a token tagger
(:mod:`eventwire.quotes.tagger`, a CRF) re-bounds contents and adds tagged spans nothing claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from eventwire.model import Actor, Quote
from eventwire.nlp import Parsed
from eventwire.quotes.boundary import ASIDE_MARKS, back_start, close_quote
from eventwire.quotes.colon import colon_attributions, label_before
from eventwire.quotes.headline import headline_attributions, headline_span
from eventwire.quotes.learned import (
    CueModel,
    LearnedModels,
    Taken,
    _holder,
    clashes,
    extension,
    extension_features,
    load_models,
    propose,
    proposal_cue,
    rule_features,
    select,
)
from eventwire.quotes.lexicon import Lexicon, load_lexicon
from eventwire.quotes.marks import Quoted, find_quoted
from eventwire.quotes.speakers import resolve_speaker
from eventwire.quotes.tagger import ContentTagger, tag_spans
from eventwire.quotes.syntax import (
    TokenRange,
    content_child,
    coordinated_complement_end,
    cue_range,
    cue_verb,
    noun_content,
    noun_source,
    object_complements_end,
    source_range,
    subject_of,
    subtree_range,
    trim,
)

MIN_UNATTRIBUTED_TOKENS = 8  # a cue-less quote shorter than this is a scare quote or a title
MIN_DIRECT_TOKENS = 1
CONTINUE_MAX_CHARS = 300  # “…,” <cue clause up to this long> “…” is one attribution
PARAGRAPH_BREAK = re.compile(r"\n\s*")
FOLLOW_GAP_CHARS = 4
SCARE_QUOTE_WORDS = 4  # a quote this short is reported speech only when the cue governs it
MIXED_MIN_WORDS = 1  # words of the clause outside the marks that make a quote partial (mixed)
SENTENCE_CLOSERS = " .,;:!?)"  # with the lexicon's closing quote marks, what may follow a report's last word
UNIVOCAL_OVERLAP = 0.2  # share of the smaller content that makes two candidates compete  # a cue sentence starting this close after the closing mark belongs to it


@dataclass(slots=True)
class Candidate:
    content: list[tuple[int, int]]  # char ranges
    kind: str
    verb: Token | None
    cue: TokenRange | None
    subject: Token | None
    rule: str
    confidence: float
    quotes: list[Quoted] = field(default_factory=list)
    source_range: TokenRange | None = None  # when the source phrase is not a parse subtree

    @property
    def start(self) -> int:
        return min(a for a, _ in self.content)

    @property
    def end(self) -> int:
        return max(b for _, b in self.content)


def _chars(doc: Doc, rng: TokenRange) -> tuple[int, int]:
    return doc[rng[0]].idx, doc[rng[1]].idx + len(doc[rng[1]])


def _tokens_in(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _in_quoted(char: int, quoted: list[Quoted]) -> bool:
    return any(q.start <= char < q.end for q in quoted)


def _cue_window(parsed: Parsed, q: Quoted) -> tuple[int, int]:
    """Token window where the cue of quote ``q`` may be: its sentences, plus a short
    following sentence when the parser split “…,” he said. off the quote, plus a
    preceding sentence ending in a colon (He said: “…”)."""
    doc = parsed.doc
    sents = parsed.sentences
    first = parsed.sentence_of_char(q.start)
    last = parsed.sentence_of_char(max(q.start, q.end - 1))
    if last + 1 < len(sents) and sents[last + 1].span.start - q.end <= FOLLOW_GAP_CHARS:
        nxt = sents[last + 1].span
        if not nxt.text[:1] in "“\"«‘'" and nxt.end - nxt.start < 200:
            last += 1
    if first > 0 and parsed.article.text[sents[first - 1].span.start : q.start].rstrip().endswith(":"):
        first -= 1
    text = parsed.article.text
    lo, hi = sents[first].span.start, sents[last].span.end
    # The parser's sentences can run over paragraph breaks; a cue never does, except
    # for a paragraph that ends in a colon and introduces the quote.
    p_start = text.rfind("\n", 0, q.start) + 1
    lo = max(lo, p_start)
    if not text[p_start : q.start].strip() and text[:p_start].rstrip().endswith(":"):
        # the paragraph before introduces this one: "Sanders made the following comment:"
        lo = text.rfind("\n", 0, len(text[:p_start].rstrip())) + 1
    p_end = text.find("\n", max(q.start, q.end - 1))
    hi = min(hi, len(text) if p_end < 0 else p_end)
    window = _tokens_in(doc, lo, hi)
    return (window.start, window.stop) if window else (0, 0)


def _linked(verb: Token, q: Quoted) -> bool:
    """The parse ties the verb to the quote: it governs a token inside, or hangs off one."""
    for t in verb.subtree:
        if q.start <= t.idx < q.end:
            return True
    return q.start <= verb.head.idx < q.end


def _governs(verb: Token, q: Quoted) -> bool:
    """The cue takes the quoted words as its complement: called it “a disaster”."""
    for child in verb.children:
        if child.dep_ in ("ccomp", "dobj", "oprd", "xcomp", "attr", "npadvmod") and q.start <= child.idx < q.end:
            return True
    return False


def _best_cue(parsed: Parsed, q: Quoted, quoted: list[Quoted], lexicon: Lexicon) -> Token | None:
    doc = parsed.doc
    lo, hi = _cue_window(parsed, q)
    best: tuple[float, Token] | None = None
    for i in range(lo, hi):
        tok = doc[i]
        if _in_quoted(tok.idx, quoted):
            continue
        if cue_verb(tok, lexicon) is None and not _according(tok):
            continue
        distance = q.start - (tok.idx + len(tok)) if tok.idx < q.start else tok.idx - q.end
        score = distance - (200 if _linked(tok, q) else 0)
        if subject_of(tok) is not None:
            score -= 50
        if best is None or score < best[0]:
            best = (score, tok)
    return best[1] if best else None


def _according(tok: Token) -> bool:
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return tok.lower_ == "according" and nxt is not None and nxt.lower_ == "to"


def _according_source(tok: Token) -> Token | None:
    to = tok.nbor(1)
    for child in list(to.children) + list(tok.children):
        if child.dep_ == "pobj":
            return child
    return None


def _in_evidence(parsed: Parsed, tok: Token, lexicon: Lexicon) -> Candidate | None:
    """"In the latest poll, Clinton led Trump by 5 points": what a poll, survey or study found, with the finding
    as source and "in" as cue. Not when the clause's own verb is a cue ("In a report, the ministry said …")."""
    finding = next((c for c in tok.children if c.dep_ == "pobj"), None)
    head = tok.head
    if finding is None or finding.lemma_.lower() not in lexicon.evidence_nouns or head.pos_ not in ("VERB", "AUX"):
        return None
    if cue_verb(head, lexicon) is not None:
        return None
    content = {t.i for t in head.subtree} - {t.i for t in tok.subtree}
    ranges = _clip_to_paragraph(parsed.article.text, _content_ranges(parsed.doc, content), tok.idx)
    if not ranges:
        return None
    return Candidate(ranges, "indirect", tok, (tok.i, tok.i), finding, "in-evidence", 0.6)


ACCORDING_SOURCE_POS = frozenset({"PROPN", "NOUN", "PRON"})


def _according_by_commas(parsed: Parsed, tok: Token) -> Candidate | None:
    """"According to X, Y." / "Y, according to X." read off the commas when the parse
    is broken: the parser sometimes makes "According" the root of the sentence or reads
    "according to show insiders" as a verb "show", and then no subtree gives the content.
    The source is the phrase up to the next comma; the content the rest of the sentence."""
    doc, text = parsed.doc, parsed.article.text
    sent = parsed.sentences[parsed.sentence_of_token(tok.i)].span
    span = doc.char_span(sent.start, sent.end, alignment_mode="expand")
    if span is None:
        return None
    end = tok.i + 2
    while end < span.end and doc[end].text not in (",", ";", ".", "?", "!") and not doc[end].is_space:
        end += 1
    phrase = [t for t in doc[tok.i + 2 : end] if t.pos_ in ACCORDING_SOURCE_POS]
    if not phrase:
        return None
    source = phrase[-1]
    before = [t.i for t in doc[span.start : tok.i] if not t.is_space]
    after = [t.i for t in doc[end + 1 : span.end] if not t.is_space] if end < span.end and doc[end].text == "," else []
    while before and (doc[before[-1]].is_punct and not doc[before[-1]].is_quote):
        before.pop()
    lead = [i for i in before if not (doc[i].is_punct or doc[i].pos_ == "CCONJ")]
    if lead and after:  # "Y, according to X, Z": both sides
        content = set(before) | set(after)
    elif lead:
        content = set(before)
    elif after:
        content = set(after)
    else:
        return None
    ranges = _clip_to_paragraph(text, _content_ranges(doc, content), tok.idx)
    if not ranges:
        return None
    return Candidate(ranges, "indirect", tok, (tok.i, tok.i + 1), source, "according-to", 0.6,
                     source_range=(tok.i + 2, end - 1))


SIGNATURE_DASHES = "―—–-"
SIGNED = "direct-signed"  # the rule of a signed quote, “…” ― Name


def _signature_after(parsed: Parsed, q: Quoted, ents: tuple[SpacySpan, ...]) -> tuple[int, Token, TokenRange] | None:
    """(dash token index, name head, name tokens) when the quote is signed: “…” ― Name."""
    doc = parsed.doc
    text = parsed.article.text
    i = q.end
    while i < len(text) and text[i].isspace() and i - q.end < 4:  # a no-break space too: ”\xa0― Name
        i += 1
    if i >= len(text) or text[i] not in SIGNATURE_DASHES:
        return None
    dash = doc.char_span(i, i + 1, alignment_mode="expand")
    if dash is None:
        return None
    for ent in ents:
        if ent.label_ == "PERSON" and 0 < ent.start_char - (i + 1) <= 3:
            return dash.start, ent.root, (ent.start, ent.end - 1)
    # a name the parser did not label ("― Beck Pimentel"): capitalised proper nouns right after the dash, to the line end
    first = dash.end
    while first < len(doc) and doc[first].is_space and "\n" not in doc[first].text:  # "―\xa0Christina …"
        first += 1
    j = first
    while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].text[:1].isupper():
        j += 1
    line_ends = j == len(doc) or doc[j].is_punct or "\n" in doc[j - 1].whitespace_ + doc[j].text
    if j - first >= 2 and 0 < doc[first].idx - (i + 1) <= 3 and line_ends:
        return dash.start, doc[j - 1], (first, j - 1)
    return None


def _direct_candidates(
    parsed: Parsed, targets: list[Quoted], quoted: list[Quoted], lexicon: Lexicon, ents: tuple[SpacySpan, ...]
) -> list[Candidate]:
    doc = parsed.doc
    text = parsed.article.text
    out: list[Candidate] = []
    titles: list[Quoted] = []  # quoted names of shows, films, books: no speech of anyone's
    marks = "".join(p.open + p.close for p in lexicon.unambiguous_marks())  # one between two quotes parts them
    for q in targets:
        toks = _tokens_in(doc, q.start, q.end)
        # a short Title Case quote is a name of a show, film or book, not speech
        title = len(toks) < MIN_UNATTRIBUTED_TOKENS and _titled(doc, q)
        verb = _best_cue(parsed, q, quoted, lexicon)
        prev = out[-1] if out else None
        if prev is not None and prev.start <= q.start and q.end <= prev.end:
            prev.quotes.append(q)  # already inside a mixed content
            continue
        if verb is not None and prev is not None and prev.verb is not None and prev.verb.i == verb.i:
            if title:
                titles.append(q)
                continue  # said on CNN's “State of the Union.”: a title after the cue, not a second half
            # “…,” he said, “…”: the second half of an interrupted quote
            prev.content.append((q.start, q.end))
            prev.quotes.append(q)
            continue
        if verb is None:
            signed = _signature_after(parsed, q, ents)
            if signed is not None:
                # “…” ― Pamela Padilla: the vox-pop / epigraph convention
                dash, name, name_range = signed
                out.append(Candidate([(q.start, q.end)], "direct", None, (dash, dash), name, SIGNED, 0.8, [q],
                                     name_range))
                continue
            if title:
                titles.append(q)
                continue
            between = _without(text, prev.end, q.start, titles) if prev else ""
            if (
                prev is not None
                and prev.kind == "direct"
                and prev.verb is not None
                and len(between) <= CONTINUE_MAX_CHARS
                and len(PARAGRAPH_BREAK.findall(between)) <= 1
                and not any(mark in between for mark in marks)
                and not _someone_else_between(doc, prev, q.start)
            ):
                # “…,” he said, “…” and a quote paragraph right after an attributed
                # one: the same speaker goes on, one attribution with several spans
                prev.content.append((q.start, q.end))
                prev.quotes.append(q)
                continue
            if len(toks) < MIN_UNATTRIBUTED_TOKENS:
                continue
            if prev is not None and text[prev.end : q.start].count("\n") <= 2 and "\n" in text[prev.end : q.start] and not text[prev.end : q.start].strip():
                # a paragraph of quotation right after an attributed one continues it
                out.append(Candidate([(q.start, q.end)], "direct", None, None, prev.subject, "direct-continued", 0.5, [q]))
                continue
            speaker = _paragraph_subject_before(doc, text, q.start)
            if speaker is not None:
                # Sen. Bernie Sanders … identified young voters' exhaustion … “The younger people are …”
                out.append(Candidate([(q.start, q.end)], "direct", None, None, speaker, "direct-paragraph-subject", 0.5, [q]))
                continue
            out.append(Candidate([(q.start, q.end)], "direct", None, None, None, "direct-unattributed", 0.3, [q]))
            continue
        if _according(verb):
            subject = _according_source(verb)
            cue = (verb.i, verb.i + 1)
        else:
            subject = _same_paragraph(text, subject_of(verb), verb)
            cue = cue_range(verb, lexicon)
        conf = 0.9 if subject is not None else 0.6
        clause = _clause_around(parsed, verb, q, lexicon)
        if clause is not None:
            # He said there remains a “significant difference”: the quote is part of the content
            out.append(Candidate([clause], "mixed", verb, cue, subject, "mixed-cue", conf, [q]))
            continue
        if _words(text[q.start : q.end]) <= SCARE_QUOTE_WORDS and not _governs(verb, q):
            continue  # a scare quote or a title near a cue, not what the cue reports
        out.append(Candidate([(q.start, q.end)], "direct", verb, cue, subject, "direct-cue", conf, [q]))
    return out


def _paragraph_subject_before(doc, text: str, start: int) -> Token | None:
    """The named subject of the sentence just before a quote, in the same paragraph: news introduces
    a speaker with what they did and then quotes them."""
    before = [s for s in doc.sents if s.end_char <= start]
    if not before:
        return None
    sent = before[-1]
    if "\n" in text[sent.end_char:start] or not text[sent.end_char:start].strip() == "":
        return None
    subj = next((t for t in sent if t.dep_ == "nsubj" and t.head == sent.root), None)
    if subj is None or subj.pos_ != "PROPN" or subj.ent_type_ not in ("PERSON", "ORG", "NORP"):
        return None
    return subj


def _titled(doc, q: Quoted) -> bool:
    """A short quote right after a preposition or a possessive is a name ("on CNN's
    “State of the Union,”", "On “Face the Nation,”"), not speech. (Not after an article: "called him
    a “bully”" is an epithet someone used.)"""
    first = doc.char_span(q.start, min(q.end, q.start + 1), alignment_mode="expand")
    if first is None or first.start == 0:
        return False
    return doc[first.start - 1].tag_ in ("IN", "POS")


def _without(text: str, start: int, end: int, titles: list[Quoted]) -> str:
    """``text[start:end]`` with the titles in it blanked (their marks are no quotation)."""
    chars = list(text[start:end])
    for t in titles:
        for i in range(max(start, t.start), min(end, t.end)):
            chars[i - start] = " "
    return "".join(chars)


def _someone_else_between(doc, prev: Candidate, end: int) -> bool:
    """A sentence between two quotes, other than the last cue's own, whose subject is a name
    ("Sen. Bernie Sanders … identified …"): the next quote is that person's, not a continuation."""
    for sent in doc.sents:
        if sent.start_char < prev.end or sent.end_char > end:
            continue
        if prev.verb is not None and sent.start <= prev.verb.i < sent.end:
            continue
        if any(t.dep_ in ("nsubj", "nsubjpass") and t.head == sent.root and t.ent_type_ in ("PERSON", "ORG")
               for t in sent):
            return True
    return False


def _cut_trailing_commentary(head: Token, end: int) -> int:
    """End the content before a trailing ", implicitly putting …" participle: the parser
    hangs the writer's own comment on the reported clause, but it is not reported."""
    for child in head.rights:
        if (
            child.dep_ in ("advcl", "xcomp", "conj")
            and child.tag_ == "VBG"
            and child.left_edge.i > head.i
            and child.doc[child.left_edge.i - 1].text == ","
        ):
            return min(end, child.left_edge.i - 2)
    return _cut_trailing_aside(head, end)


def _cut_trailing_aside(head: Token, end: int) -> int:
    """End the content before a trailing ", which …" (", who …", ", where …") relative clause or
    ", although …" clause that runs to its end: the writer's background ("the test, which state
    media claimed …"; "a close contest in the state, where 18 electoral votes are up for grabs";
    "was smart, although he again refused to …"), not what was reported."""
    last = end
    while last > head.i and head.doc[last].is_punct:
        last -= 1  # a closing comma or full stop does not end the aside
    for t in head.subtree:
        if t.i <= head.i or t.left_edge.i <= head.i or t.right_edge.i < last:
            continue
        first = t.doc[t.left_edge.i]
        comma = t.doc[t.left_edge.i - 1].text == ","
        relative = t.dep_ == "relcl" and first.tag_ in ("WDT", "WP", "WP$", "WRB") and first.lower_ != "that"
        aside = t.dep_ == "advcl" and first.lower_ in ASIDE_MARKS
        if comma and (relative or aside):
            return min(end, t.left_edge.i - 2)
    return end


FINITE_PAST_OR_PRESENT = ("VBD", "VBZ")


def _reports_a_clause(verb: Token) -> bool:
    """"suggested that …", "warned North Korea to refrain …": a report of its own. Without a
    clause ("refused to drop the gun", "called it an ailment") the conjunct is more often
    part of what was reported."""
    deps = {c.dep_ for c in verb.children}
    return "ccomp" in deps or {"dobj", "xcomp"} <= deps


def _cut_coordinated_report(head: Token, end: int) -> int:
    """End the content before "… and said/suggested …": a finite reporting verb coordinated
    with the reported clause, without a subject of its own and reporting a clause itself, is
    the speaker's next report ("said it was opposed to the test and warned North Korea to
    refrain …"), not part of this one. After a clause with a modal, any finite conjunct without
    a subject is the speaker's: "said he would order a review and warned against hackers" (the
    reported clause would go on "and warn"). So is a reporting infinitive coordinated with a
    reported one: "refuses [to release his tax records] or explain [how his wife became a citizen]"."""
    lexicon = load_lexicon()
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    for child in head.rights:
        if (
            child.dep_ == "conj"
            and (child.tag_ in FINITE_PAST_OR_PRESENT or child.tag_ == head.tag_ == "VB" and head.dep_ == "xcomp")
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
            and (modal and child.lemma_ != "be" or cue_verb(child, lexicon) is not None and _reports_a_clause(child))
        ):
            cut = child.left_edge.i - 1
            while cut > head.i and (child.doc[cut].dep_ == "cc" or child.doc[cut].is_punct):
                cut -= 1
            return min(end, cut)
    return end


def _split_clause_rest(verb: Token, end: int) -> int:
    """The end of a reported clause the parser split in two, hanging its second half on the
    cue as one more complement ("said that he had a source who told him the nominee |
    hadn't paid any taxes"; "understands that it needs a plan in case | Mexico's partner
    were to turn hostile"): on PolNeAR dev the annotators ran the content on over such a
    second clause 21 times in 23."""
    doc = verb.doc
    for sibling in verb.rights:
        start = sibling.left_edge.i
        if sibling.dep_ != "ccomp" or start <= end:
            continue
        gap = doc[end + 1 : start]
        if all(t.text == "," for t in gap) and len(gap) <= 1 and "\n" not in doc[end : start + 1].text:
            end = sibling.right_edge.i
    return end


def _clause_range(parsed: Parsed, verb: Token, child: Token) -> tuple[int, int] | None:
    """Char range of the complement ``child`` of cue ``verb``.

    When the cue comes after its content ("X, but Y, another source said") the parser
    often hangs only the last conjunct on the verb; the content then runs from the
    sentence start to just before the cue clause.
    """
    doc = parsed.doc
    a, b = subtree_range(child)
    if child.i > verb.i:
        if child.dep_ == "dobj":
            b = object_complements_end(verb, b, load_lexicon().object_prepositions)
        if child.dep_ in ("ccomp", "dobj"):
            b = _split_clause_rest(verb, b)
        if child.dep_ in ("xcomp", "dobj"):
            b = coordinated_complement_end(verb, a, b)
    b = _cut_trailing_commentary(child, b)
    if child.i > verb.i:
        b = _cut_coordinated_report(child, b)
    marks = [m.i for m in child.children if m.dep_ == "mark" and m.lower_ == "that" and a < m.i]
    if child.i > verb.i and marks:
        a = marks[0]  # "told reporters [on Friday] that …": what precedes "that" modifies the telling
    if (child.dep_ in ("oprd", "xcomp") or child.lower_ == "as") and child.i > verb.i:
        objects = [t for t in verb.children if t.dep_ == "dobj" and t.i < child.i]
        if objects:  # called [the senator a "nasty guy"], urged [Russia to stop]
            a = min(a, objects[0].left_edge.i)
    if child.i < verb.i:
        subjects = [t.left_edge.i for t in verb.lefts if t.i > b and t.dep_ in ("nsubj", "nsubjpass")]
        a = min(a, verb.sent.start)
        b = max(b, min(subjects + [verb.i]) - 1)
    rng = trim(doc, (a, b))
    return _chars(doc, rng) if rng is not None else None


def _clause_around(parsed: Parsed, verb: Token, q: Quoted, lexicon: Lexicon) -> tuple[int, int] | None:
    """The cue's complement clause when it holds the quote and clearly more (a partial quote)."""
    entry = cue_verb(verb, lexicon)
    if entry is None:
        return None
    found = content_child(verb, entry)
    if found is None:
        return None
    clause = _clause_range(parsed, verb, found[0])
    if clause is None:
        return None
    a, b = clause
    if not (a <= q.start + 1 and q.end - 1 <= b):
        return None
    outside = parsed.article.text[a : q.start] + " " + parsed.article.text[q.end : b]
    if _words(outside) < MIXED_MIN_WORDS:
        return None
    return min(a, q.start), max(b, q.end)


def _content_ranges(doc: Doc, tokens: set[int]) -> list[tuple[int, int]]:
    """Contiguous runs of ``tokens`` as trimmed char ranges."""
    runs: list[tuple[int, int]] = []
    for i in sorted(tokens):
        if runs and runs[-1][1] == i - 1:
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    out = []
    for run in runs:
        rng = trim(doc, run)
        if rng is not None:
            out.append(_chars(doc, rng))
    return out


def _same_paragraph(text: str, subject: Token | None, verb: Token) -> Token | None:
    """Drop a subject the parser found across a paragraph break."""
    if subject is None:
        return None
    a, b = sorted((subject.idx, verb.idx))
    return None if "\n" in text[a:b] else subject


def _clip_to_paragraph(text: str, ranges: list[tuple[int, int]], anchor: int) -> list[tuple[int, int]]:
    """Indirect content stays in the cue's paragraph: the parser's sentences sometimes
    run over a paragraph break (a stray "Advertisement" line), speech does not."""
    p_start = text.rfind("\n", 0, anchor) + 1
    p_end = text.find("\n", anchor)
    p_end = len(text) if p_end < 0 else p_end
    out = []
    for a, b in ranges:
        a, b = max(a, p_start), min(b, p_end)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            out.append((a, b))
    return out


def _noun_candidate(parsed: Parsed, noun: Token, lexicon: Lexicon) -> Candidate | None:
    """"his claim that …", "Trump's criticism of …": a reporting noun with its content."""
    entry = lexicon.cue_nouns.get(noun.lemma_.lower())
    if entry is None:
        return None
    found = noun_content(noun, entry)
    if found is None:
        return None
    child, how = found
    a, b = subtree_range(child)
    rng = trim(parsed.doc, (a, b))
    if rng is None:
        return None
    ranges = _clip_to_paragraph(parsed.article.text, [_chars(parsed.doc, rng)], noun.idx)
    if not ranges:
        return None
    source = _same_paragraph(parsed.article.text, noun_source(noun), noun)
    if source is None and how == "noun-prep":
        return None  # "support for", "criticism of" with nobody holding it is rarely a report
    cue_end = child.head.i if how == "noun-prep" else noun.i
    return Candidate(ranges, "indirect", noun, (noun.i, cue_end), source, how, 0.5)


def _that_clause_candidate(parsed: Parsed, verb: Token, lexicon: Lexicon) -> Candidate | None:
    """Any verb outside the lexicon with a subject and a "that"-clause ("Republicans have
    expressed concern that …", "the poll finds that …") reports a stance or a claim."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() in lexicon.non_cue_verbs:
        return None
    for child in verb.children:
        if child.dep_ == "ccomp" and child.i > verb.i and any(
            g.dep_ == "mark" and g.lower_ == "that" and g.i == child.left_edge.i for g in child.children
        ):
            subject = subject_of(verb)
            if subject is None or subject.lower_ in ("it", "this", "there"):
                return None
            clause = _clause_range(parsed, verb, child)
            if clause is None:
                return None
            ranges = _clip_to_paragraph(parsed.article.text, [clause], verb.idx)
            if not ranges:
                return None
            subject = _same_paragraph(parsed.article.text, subject, verb)
            return Candidate(ranges, "indirect", verb, cue_range(verb, lexicon), subject, "indirect-that", 0.45)
    return None


def _indirect_candidates(
    parsed: Parsed, quoted: list[Quoted], lexicon: Lexicon, used: set[int]
) -> list[Candidate]:
    doc = parsed.doc
    out: list[Candidate] = []
    for tok in doc:
        if tok.i in used or _in_quoted(tok.idx, quoted):
            continue
        if _according(tok):
            source = _according_source(tok)
            head = tok.head if tok.head.i != tok.i else None
            if head is None or source is None:
                fallback = _according_by_commas(parsed, tok)
                if fallback is not None:
                    out.append(fallback)
                continue
            drop = {t.i for t in tok.subtree} | {tok.i, tok.i + 1}
            content = {t.i for t in head.subtree} - drop
            ranges = _clip_to_paragraph(parsed.article.text, _content_ranges(doc, content), tok.idx)
            if ranges:
                out.append(Candidate(ranges, "indirect", tok, (tok.i, tok.i + 1), source, "according-to", 0.75))
            continue
        if tok.lower_ == "in" and tok.dep_ == "prep":
            found_in = _in_evidence(parsed, tok, lexicon)
            if found_in is not None:
                out.append(found_in)
            continue
        if tok.pos_ == "NOUN":
            noun_cand = _noun_candidate(parsed, tok, lexicon)
            if noun_cand is not None:
                out.append(noun_cand)
            continue
        entry = cue_verb(tok, lexicon)
        if entry is None:
            generic = _that_clause_candidate(parsed, tok, lexicon)
            if generic is not None:
                out.append(generic)
            continue
        found = content_child(tok, entry)
        if found is not None:
            child, how = found
            clause = _clause_range(parsed, tok, child)
            if clause is None:
                continue
            ranges = [clause]
            rule = f"indirect-{how}"
            conf = 0.8 if how == "ccomp" else 0.6
        elif tok.dep_ == "parataxis" and tok.head.i != tok.i:
            # "The army, he said, will win."
            content = {t.i for t in tok.head.subtree} - {t.i for t in tok.subtree}
            ranges = _content_ranges(doc, content)
            rule, conf = "indirect-parenthetical", 0.7
        elif "clause" in entry.complements and _as_parenthetical(tok):
            # "As the senator noted, the bill has no chance."
            content = {t.i for t in tok.head.subtree} - {t.i for t in tok.subtree}
            ranges = _content_ranges(doc, content)
            rule, conf = "indirect-as-clause", 0.7
        else:
            continue
        ranges = _clip_to_paragraph(parsed.article.text, ranges, tok.idx)
        if not ranges:
            continue
        subject = _same_paragraph(parsed.article.text, subject_of(tok), tok)
        cue = cue_range(tok, lexicon)
        if found is not None and found[1] in ("for", "prep"):
            cue = (cue[0], max(cue[1], found[0].head.i))  # "called for", "talked about"
        kind = "mixed" if any(a <= q.start and q.end <= b for q in quoted for a, b in ranges) else "indirect"
        out.append(Candidate(ranges, kind, tok, cue, subject, rule, conf))
    return out


def _as_parenthetical(verb: Token) -> bool:
    """"as the senator noted": a cue in an "as" clause reports the clause it hangs on (not "as the
    agency continues to tackle …", whose verb has a complement of its own)."""
    children = list(verb.children)
    return (
        verb.dep_ == "advcl"
        and verb.head.i != verb.i
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in children)
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in children)
        and not any(c.dep_ in ("ccomp", "xcomp") for c in children)
    )


def _colon_candidates(
    parsed: Parsed, quoted: list[Quoted], lexicon: Lexicon, ents: tuple[SpacySpan, ...]
) -> list[Candidate]:
    """"He added: …", "PENCE: …" with unquoted content (quoted content is a direct quote),
    and the turns of a transcript printed inside quote marks."""
    doc = parsed.doc
    text = parsed.article.text
    out = []
    for report in colon_attributions(doc, lexicon, ents):
        colon = report.colon
        a = report.content[0][0]
        if report.quoted_turn:
            label = label_before(doc, colon, ents, lexicon)
            out.append(Candidate(list(report.content), "direct", colon, (colon.i, colon.i), label, "colon-turn", 0.9,
                                 source_range=_label_range(colon, label)))
            continue
        if _in_quoted(colon.idx, quoted) or text[a : a + 1] in "“\"«‘'":
            continue
        if report.verb is not None:
            subject = _same_paragraph(text, subject_of(report.verb), report.verb)
            cue = cue_range(report.verb, lexicon)
            out.append(Candidate(list(report.content), "indirect", report.verb, cue, subject, "colon-cue", 0.6))
        else:
            label = label_before(doc, colon, ents, lexicon)
            out.append(Candidate(list(report.content), "indirect", colon, (colon.i, colon.i), label, "colon-label", 0.5,
                                 source_range=_label_range(colon, label)))
    return out


def _label_range(colon: Token, label: Token | None) -> TokenRange | None:
    """The label's words ("Sen. Bernie Sanders"), not the parse subtree of its head, which
    in a transcript line often runs over the colon into the turn."""
    if label is None:
        return None
    doc = colon.doc
    start = label.i
    while start > 0 and not (doc[start - 1].is_space or doc[start - 1].is_quote or "\n" in doc[start - 1].whitespace_):
        start -= 1
    return (start, colon.i - 1)


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(ch.isalnum() for ch in w))


def _absorb(text: str, q: Quoted, indirect: list[Candidate]) -> bool:
    """A partial quote inside an indirect content (He called it a “disaster” that …)
    is part of that attribution, which becomes mixed, not an attribution of its own."""
    hosts = [
        c
        for c in indirect
        if c.start <= q.start + 1
        and q.end - 1 <= c.end
        and _words(text[c.start : q.start] + " " + text[q.end : c.end]) >= MIXED_MIN_WORDS
    ]
    if not hosts:
        return False
    host = min(hosts, key=lambda c: c.end - c.start)
    host.kind = "mixed"
    return True


def _overlap(a: Candidate, b: Candidate) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a.content for s2, e2 in b.content)


def _drop_overlaps(cands: list[Candidate], text: str, closers: str) -> list[Candidate]:
    """Keep the more confident of two candidates whose contents overlap.

    Attribution is treated as univocal (each word belongs to one attribution, as in
    PolNeAR): a report nested inside another's content is left to the outer one, however
    confident the inner reading ("Clinton says she admired what she calls a “war of words”").
    """
    kept: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (-_nesting_depth(c, cands, text, closers), -c.confidence)):
        size = sum(e - s for s, e in cand.content)
        clash = False
        for other in kept:
            ov = _overlap(cand, other)
            other_size = sum(e - s for s, e in other.content)
            if ov and ov >= UNIVOCAL_OVERLAP * min(size, other_size):
                clash = True
                break
        if not clash:
            kept.append(cand)
    return sorted(kept, key=lambda c: c.start)


def _cue_inside(inner: Candidate, outer: Candidate, text: str, closers: str) -> bool:
    """Is ``inner`` reported inside ``outer``'s content (its cue and its words, give or take
    the closing marks)?"""
    if inner is outer or inner.verb is None:
        return False
    at = inner.verb.idx
    return (
        any(a <= at < b for a, b in outer.content)
        and outer.start <= inner.start
        and not text[outer.end : inner.end].strip(closers)
    )


def _nesting_depth(cand: Candidate, cands: list[Candidate], text: str, closers: str) -> int:
    """0 for an outermost report; -1 for one whose cue lies in another's content ("X says
    she admired what she calls a “war of words”"). The outer report owns those words."""
    return -1 if any(_cue_inside(cand, other, text, closers) for other in cands) else 0


def _cue_lemma(cand: Candidate, lexicon: Lexicon) -> str | None:
    """The cue's lexicon entry, recorded in ``Quote.rule`` as ``;cue=LEMMA`` so the events
    stage can tell a statement from an accusation or a demand (:func:`statement_class`)."""
    verb = cand.verb
    if verb is None:
        return None
    if _according(verb):
        return "according to"
    lemma = verb.lemma_.lower()
    if lemma in lexicon.cue_verbs or lemma in lexicon.cue_nouns:
        return lemma
    return None


def _to_quote(
    parsed: Parsed,
    cand: Candidate,
    actors: list[Actor],
    lexicon: Lexicon,
    quoted_chars: list[tuple[int, int]],
    ents: tuple[SpacySpan, ...],
) -> Quote:
    doc = parsed.doc
    source_span = cue_span = None
    speaker_name = speaker_code = None
    anonymous = False
    confidence = cand.confidence
    rule = cand.rule
    if cand.cue is not None:
        a, b = _chars(doc, cand.cue)
        if cand.rule == SIGNED:  # the dash alone, where the tokenizer kept it with the closing mark: ”―
            a = next((i for i in range(a, b) if parsed.article.text[i] in SIGNATURE_DASHES), a)
            b = a + 1
        cue_span = parsed.span(a, b)
    if cand.subject is not None:
        rng = cand.source_range or source_range(cand.subject)
        a, b = _chars(doc, rng)
        source_span = parsed.span(a, b)
        head = cand.subject
        if not rng[0] <= head.i <= rng[1]:  # the phrase starts after a dateline the parser made its head
            head = doc[rng[0] : rng[1] + 1].root
        speaker = resolve_speaker(doc, rng, head, actors, lexicon, quoted_chars, ents)
        speaker_name, speaker_code, anonymous = speaker.name, speaker.code, speaker.anonymous
        confidence = round(confidence * (0.5 + 0.5 * speaker.confidence), 3)
        rule = f"{rule}+{speaker.rule}"
    lemma = _cue_lemma(cand, lexicon)
    if lemma:
        rule = f"{rule};cue={lemma}"
    content = tuple(parsed.span(a, b) for a, b in sorted(cand.content))
    anchor = cand.verb.i if cand.verb is not None else None
    sentence = parsed.sentence_of_token(anchor) if anchor is not None else parsed.sentence_of_char(cand.start)
    return Quote(
        content=content,
        sentence=sentence,
        kind=cand.kind,  # type: ignore[arg-type]
        source=source_span,
        cue=cue_span,
        speaker=speaker_name,
        speaker_code=speaker_code,
        anonymous=anonymous,
        confidence=confidence,
        rule=rule,
    )


DEFAULT_MODELS = "packaged"


def find_quotes(
    parsed: Parsed, actors: list[Actor] | None = None, *, learned: LearnedModels | str | None = DEFAULT_MODELS
) -> list[Quote]:
    """Every attribution in the article, in text order.

    ``actors`` (from the actors stage) lets speakers carry canonical names and codes;
    without them speakers are resolved from spaCy entities and nominal heads.
    ``Quote.sentence`` is the sentence of the cue (of the content when there is none),
    which is where a statement event belongs.
    ``learned`` is the learned pass (:mod:`eventwire.quotes.learned`): the packaged
    models by default, ``None`` for the rules alone, or other :class:`LearnedModels`
    (cross-validation trains them per fold).
    """
    lexicon = load_lexicon()
    actors = list(actors or [])
    ents = tuple(parsed.doc.ents)
    quoted = find_quoted(parsed.article.text, lexicon)
    cands = rule_candidates(parsed, lexicon, quoted, ents)
    rule_contents = [list(c.content) for c in cands]
    models = load_models() if learned == DEFAULT_MODELS else learned
    if isinstance(models, LearnedModels):
        if models.keep is not None:
            cands = [c for c in cands if models.keep.probability(candidate_features(parsed, c, lexicon, quoted))
                     >= models.keep.threshold]
        if models.extend is not None:
            cands = _extend_contents(parsed, cands, quoted, models.extend)
        if models.add is not None:
            cands = sorted(cands + _learned_candidates(parsed, lexicon, quoted, cands, models.add), key=lambda c: c.start)
        if models.tagger is not None:
            cands = _apply_tagger(parsed, lexicon, quoted, cands, rule_contents, models.tagger)
    quoted_chars = [(q.start, q.end) for q in quoted]
    return [_to_quote(parsed, c, actors, lexicon, quoted_chars, ents) for c in cands]


def rule_candidates(
    parsed: Parsed, lexicon: Lexicon, quoted: list[Quoted], ents: tuple[SpacySpan, ...]
) -> list[Candidate]:
    """The rules' attributions, univocal, in text order (before any learned pass)."""
    colon = _colon_candidates(parsed, quoted, lexicon, ents)
    turns = [c.verb.idx for c in colon if c.rule == "colon-turn"]
    # the quote marks around a transcript are the print convention, not one quotation
    quoted_speech = [q for q in quoted if not any(q.start <= t < q.end for t in turns)]
    indirect = _indirect_candidates(parsed, quoted_speech, lexicon, set()) + colon
    standalone = [q for q in quoted_speech if not _absorb(parsed.article.text, q, indirect)]
    direct = _direct_candidates(parsed, standalone, quoted, lexicon, ents)
    used = {c.verb.i for c in direct if c.verb is not None}
    indirect = [c for c in indirect if c.kind == "mixed" or c.verb is None or c.verb.i not in used]
    heads = _headline_candidates(parsed, lexicon, ents)
    if heads:  # the parser's reading of a Title Case headline is not to be trusted
        h0, h1 = headline_span(parsed.article.text) or (0, 0)
        direct = [c for c in direct if not (h0 <= c.start < h1)]
        indirect = [c for c in indirect if not (h0 <= c.start < h1)]
    return _close_quotes(_start_after_cues(parsed, _drop_overlaps(direct + indirect + heads, parsed.article.text,
                                                                   SENTENCE_CLOSERS + lexicon.closing_marks)), quoted)


def _close_quotes(cands: list[Candidate], quoted: list[Quoted]) -> list[Candidate]:
    """A content that opens a quotation ends with its closing mark."""
    for cand in cands:
        last = _last_piece(cand)
        cand.content = with_piece(cand, last, close_quote(cand.content[last], quoted))
    return cands


def candidate_features(parsed: Parsed, cand: Candidate, lexicon: Lexicon, quoted: list[Quoted]) -> dict[str, float]:
    """The re-scorer's view of a rule's candidate (also used to train it)."""
    return rule_features(cand.rule, cand.kind, cand.verb, cand.subject, cand.content, cand.confidence,
                         lexicon, quoted, parsed.article.text)


def _headline_candidates(parsed: Parsed, lexicon: Lexicon, ents: tuple[SpacySpan, ...]) -> list[Candidate]:
    doc = parsed.doc
    out = []
    names = [(e.start_char, e.end_char) for e in ents if e.label_ in ("ORG", "GPE", "FAC", "WORK_OF_ART", "LAW")]

    def in_name(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in names)

    for h in headline_attributions(parsed.article.text, lexicon, in_name):
        cue = doc.char_span(*h.cue, alignment_mode="expand")
        source = doc.char_span(*h.source, alignment_mode="expand") if h.source else None
        if cue is None:
            continue
        out.append(
            Candidate([h.content], "indirect", None, (cue.start, cue.end - 1), source.root if source is not None else None,
                      h.rule, 0.6, source_range=(source.start, source.end - 1) if source is not None else None)
        )
    return out


PLACE_ENTITY_TYPES = frozenset({"GPE", "LOC", "FAC"})


def _learned_candidates(
    parsed: Parsed, lexicon: Lexicon, quoted: list[Quoted], kept: list[Candidate], model: CueModel
) -> list[Candidate]:
    """Attributions the model finds where the rules found none (they never replace a rule's)."""
    out = []
    contents = [c.content for c in kept]
    for p, prob in select(propose(parsed, lexicon, quoted, contents, UNIVOCAL_OVERLAP), model, [c.content for c in kept], UNIVOCAL_OVERLAP):
        if not _plausible_learned(p, lexicon):
            continue
        kind = "mixed" if any(a <= q.start and q.end <= b for q in quoted for a, b in p.content) else "indirect"
        cue = proposal_cue(p, lexicon)
        out.append(Candidate(list(p.content), kind, p.cue_token, cue, p.subject, f"learned-{p.how}", round(prob, 3)))
    return out


def _apply_tagger(
    parsed: Parsed, lexicon: Lexicon, quoted: list[Quoted], cands: list[Candidate],
    rule_contents: list[list[tuple[int, int]]], tagger: ContentTagger,
) -> list[Candidate]:
    """Re-bound contents to the tagged spans they overlap, and make attributions of tagged
    spans nothing claims (their cue is the head the span hangs from, its holder the source)."""
    scored = tag_spans(tagger, parsed.doc, lexicon, quoted, rule_contents)
    spans = [span for span, _ in scored]
    used: set[int] = set()
    if tagger.settings.rebound:
        for n, cand in enumerate(cands):
            for k, piece in enumerate(cand.content):
                best = max(range(len(spans)), key=lambda j: _char_overlap(piece, spans[j]), default=None)
                if best is None or best in used or not _same_reading(piece, spans[best]):
                    continue
                if spans[best] == piece:  # the tagger agrees (most often): nothing to test
                    used.add(best)
                    continue
                content = with_piece(cand, k, spans[best])
                others = [c.content for m, c in enumerate(cands) if m != n]
                if not clashes(content, others, UNIVOCAL_OVERLAP):
                    cand.content = content
                    used.add(best)
    if tagger.settings.add:
        added = []
        taken = Taken([c.content for c in cands], UNIVOCAL_OVERLAP)
        for j, (span, score) in enumerate(scored):
            if j in used or score < tagger.settings.add_score or taken.clashes([span]):
                continue
            cand = _tagged_candidate(parsed, lexicon, quoted, span, score)
            if cand is not None and (cand.subject is not None or not tagger.settings.add_needs_holder):
                added.append(cand)
                taken.add(cand.content)
        cands = sorted(cands + added, key=lambda c: c.start)
    return cands


def _char_overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _same_reading(piece: tuple[int, int], span: tuple[int, int]) -> bool:
    """The tagged span is a re-bounding of ``piece``: they share half the longer one."""
    return _char_overlap(piece, span) >= 0.5 * max(piece[1] - piece[0], span[1] - span[0])


def _tagged_candidate(
    parsed: Parsed, lexicon: Lexicon, quoted: list[Quoted], span: tuple[int, int], score: float
) -> Candidate | None:
    doc = parsed.doc
    inside = doc.char_span(span[0], span[1], alignment_mode="expand")
    if inside is None or not len(inside):
        return None
    root = inside.root
    head = root.head if root.head.i != root.i and not (inside.start <= root.head.i < inside.end) else None
    if head is not None and _in_quoted(head.idx, quoted):
        head = None
    subject = _holder(head) if head is not None else None
    if subject is not None and "\n" in parsed.article.text[min(subject.idx, head.idx):max(subject.idx, head.idx)]:
        subject = None
    if subject is not None and inside.start <= subject.i < inside.end:
        subject = None
    cue = None
    if head is not None:
        cue = cue_range(head, lexicon) if head.pos_ != "NOUN" else (head.i, head.i)
    in_marks = any(q.start <= span[0] and span[1] <= q.end for q in quoted)
    has_marks = any(span[0] <= q.start < span[1] for q in quoted)
    kind = "direct" if in_marks else "mixed" if has_marks else "indirect"
    return Candidate([span], kind, head, cue, subject, "tagger", round(score, 3))


def _plausible_learned(p, lexicon: Lexicon) -> bool:
    """Someone must hold the stance, and a noun must be a reporting noun.

    Why: without these the model's guesses read as attributions by nobody ("overlooking
    the town"), by a place ("Palmyra's prison") or by a thing ("a landmark award has caught
    the attention of artists"), which users see as plain errors.
    """
    if p.subject is None or p.subject.ent_type_ in PLACE_ENTITY_TYPES or not _can_hold_a_view(p.subject, lexicon):
        return False
    return p.cue_token.pos_ != "NOUN" or p.cue_token.lemma_.lower() in lexicon.cue_nouns


def _can_hold_a_view(subject: Token, lexicon: Lexicon) -> bool:
    """A name, a pronoun, or a noun of people, groups or texts (WordNet, ``agent_nouns.txt``): "a landmark award
    has caught the attention of artists" and "mining expansion has produced resistance" attribute nothing."""
    if subject.pos_ in ("PRON", "PROPN") or subject.ent_type_:
        return True
    if any(c.dep_ in ("compound", "poss") and (c.pos_ == "PROPN" or c.ent_type_) for c in subject.children):
        return True  # "the Clinton campaign"
    lemma = subject.lemma_.lower()
    return lemma in lexicon.agent_nouns or lemma in lexicon.evidence_nouns or lemma in lexicon.anonymous_nouns


def extension_of(parsed: Parsed, cand: Candidate, quoted: list[Quoted]) -> tuple[tuple[int, int], dict[str, float]] | None:
    """The sentence-end extension of a candidate's content and what the model sees of it."""
    ext = extension(parsed, cand.content, cand.verb)
    if ext is None:
        return None
    return ext, extension_features(parsed.doc, cand.rule, cand.kind, cand.verb, cand.content[0], ext, quoted)


def _extend_contents(parsed: Parsed, cands: list[Candidate], quoted: list[Quoted], model: CueModel) -> list[Candidate]:
    """Run a content on to its sentence's end where the model says the rest belongs to it."""
    for n, cand in enumerate(cands):
        if cand.rule == SIGNED:  # “…” ― Name: the rest of the line is the signature, not the content
            continue
        found = extension_of(parsed, cand, quoted)
        if found is None or model.probability(found[1]) < model.threshold:
            continue
        others = [c.content for m, c in enumerate(cands) if m != n]
        if not clashes([found[0]], others, UNIVOCAL_OVERLAP):
            cand.content = [found[0]]
    return cands



def _last_piece(cand: Candidate) -> int:
    return max(range(len(cand.content)), key=lambda n: cand.content[n][1])


def _first_piece(cand: Candidate) -> int:
    return min(range(len(cand.content)), key=lambda n: cand.content[n][0])


def back_option(parsed: Parsed, cand: Candidate) -> tuple[int, int] | None:
    """The first piece started right after the cue, when that moves its start."""
    if cand.cue is None or cand.verb is None:
        return None
    piece = cand.content[_first_piece(cand)]
    start = back_start(parsed.doc, parsed.article.text, cand.verb, cand.cue[1], piece)
    if start is None or (cand.subject is not None and start <= cand.subject.idx < piece[0]):
        return None  # "According to [the UN], …": the source sits between cue and content
    return start, piece[1]


def with_piece(cand: Candidate, index: int, piece: tuple[int, int]) -> list[tuple[int, int]]:
    content = list(cand.content)
    content[index] = piece
    return content


def _start_after_cues(parsed: Parsed, cands: list[Candidate]) -> list[Candidate]:
    """A content that starts later than its cue's clause does ("found that the agency could
    not be sure … “the drug trade …”") starts right after the cue: PolNeAR annotates
    the whole reported clause, and on dev no such move lost a match (24 of 24 gained one)."""
    for n, cand in enumerate(cands):
        found = back_option(parsed, cand)
        if found is None:
            continue
        content = with_piece(cand, _first_piece(cand), found)
        others = [c.content for m, c in enumerate(cands) if m != n]
        if not clashes(content, others, UNIVOCAL_OVERLAP):
            cand.content = content
            if cand.kind == "direct":
                cand.kind = "mixed"  # the quote is now part of a wider reported clause
    return cands
