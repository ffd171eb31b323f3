"""Dependency-parse helpers: which token is a cue, who its subject is, what it governs.

These work on spaCy tokens only, so they can be tested on a parse without the rest of
the stage. Spans are returned as ``(first_token_index, last_token_index)`` inclusive.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from eventwire.quotes.lexicon import CueVerb, Lexicon

TokenRange = tuple[int, int]

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Relations through which a verb inherits its subject: "went on to say", "..., saying that",
# "said and added".
SUBJECT_INHERIT_DEPS = ("xcomp", "conj", "advcl", "acl")
TRIM_PUNCT = set(",;:—–-()[]") | {"--"}


def cue_verb(token: Token, lexicon: Lexicon) -> CueVerb | None:
    """The lexicon entry when ``token`` is used as a reporting verb (not "says" the noun)."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN", "VB"):
        return None
    entry = lexicon.cue_verbs.get(token.lemma_.lower())
    if entry is None:
        entry = lexicon.cue_verbs.get(token.lower_)
    return entry


def subtree_range(token: Token, exclude: set[int] | None = None) -> TokenRange:
    """Contiguous token range of ``token``'s subtree, dropping excluded children's subtrees at the edges."""
    idx = sorted(t.i for t in token.subtree if not exclude or t.i not in exclude)
    return idx[0], idx[-1]


def trim(doc: Doc, rng: TokenRange, keep_quotes: bool = True) -> TokenRange | None:
    """Strip edge punctuation (but not closing quote marks, which belong to a quoted content)."""
    a, b = rng
    while a <= b and (doc[a].is_punct and not (keep_quotes and doc[a].is_quote) or doc[a].is_space):
        a += 1
    while a <= b and (
        doc[b].is_space
        or (doc[b].is_punct and not (keep_quotes and doc[b].is_quote) and doc[b].text in TRIM_PUNCT | {".", "!", "?"})
        or doc[b].pos_ == "CCONJ"  # "to threaten Moscow or": the cut conjunct's coordinator stays out
    ):
        b -= 1
    if a > b:
        return None
    if doc[b + 1 : b + 2].text == ")" and "(" in doc[a : b + 1].text and b + 1 <= rng[1]:
        b += 1  # keep the parenthesis closed: "Committee (HNC)"
    # a dangling opening quote at the end or closing quote at the start is noise
    while a <= b and doc[b].is_quote and doc[b].is_left_punct:
        b -= 1
    while a <= b and doc[a].is_quote and doc[a].is_right_punct:
        a += 1
    return (a, b) if a <= b else None


def object_complements_end(verb: Token, end: int, prepositions: frozenset[str]) -> int:
    """The end of an object content run on over the verb's phrases that say more about the
    object right after it: "criticized [Trump] [for taking advantage of deductions]",
    "accused [the GOP] [of stoking the issue]", "offered [protection] [to all those fleeing]"
    (``prepositions``: the lexicon's ``object_prepositions.txt``)."""
    for sibling in verb.rights:
        if sibling.left_edge.i != end + 1:
            continue
        if sibling.dep_ == "dative" or (sibling.dep_ == "prep" and sibling.lower_ in prepositions and not _when(sibling)):
            end = sibling.right_edge.i
    return end


def coordinated_complement_end(verb: Token, start: int, end: int) -> int:
    """The end of a content run on over the verbs the parser coordinated with the cue
    instead of with the content: "wants [to triple the program, grow the Peace Corps and
    create a reserve]", "has mentioned [refinancing loans and forcing universities to
    spend more]". A bare "grow" or "forcing" cannot share "wants"'s or "mentioned"'s
    subject, so it continues the content when the content opens with that form; a
    conjunct with its own subject or auxiliary, or of the cue's form, stays the cue's."""
    doc = verb.doc
    first = next((t for t in doc[start : end + 1] if t.tag_.startswith("VB")), None)
    if first is None or first.tag_ not in ("VB", "VBG"):
        return end
    for conj in verb.rights:
        if conj.dep_ != "conj" or conj.i <= end or conj.tag_ != first.tag_ or conj.tag_ == verb.tag_:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conj.children):
            continue
        between = doc[end + 1 : conj.left_edge.i]
        if all(t.dep_ in ("cc", "punct") and t.text in (",", "and", "or") for t in between):
            end = conj.right_edge.i
    return end


def _when(prep: Token) -> bool:
    """"on Thursday", "after midnight": the phrase dates the telling, it says nothing of the object."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def subject_of(verb: Token) -> Token | None:
    """The grammatical subject of ``verb``, climbing xcomp/conj/advcl chains when it has none.

    The climb is what makes "the source went on to say" find "the source" and
    "..., saying that ..." find the main clause's subject.
    """
    seen = 0
    current = verb
    while current is not None and seen < 4:
        # passive "was endorsed by X": the agent is the source, the passive subject is not
        for child in current.children:
            if child.dep_ == "agent":
                for grand in child.children:
                    if grand.dep_ == "pobj":
                        return grand
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        if current.dep_ == "relcl":  # "Obama, who said ...": who is the subject when parsed so
            return None
        if current.dep_ in SUBJECT_INHERIT_DEPS and current.head.i != current.i:
            current = current.head
            seen += 1
            continue
        break
    # inverted order: "…,” said John Smith.": a proper noun object right after the verb
    for child in verb.rights:
        if child.dep_ in ("dobj", "attr", "npadvmod", "appos") and child.pos_ == "PROPN":
            return child
    return None


def source_range(subject: Token) -> TokenRange:
    """The source phrase: the subject's subtree, without a trailing relative clause or comma."""
    doc = subject.doc
    exclude: set[int] = set()
    for child in subject.children:
        if child.dep_ in ("relcl", "acl") and child.i > subject.i:
            exclude.update(t.i for t in child.subtree)
    a, b = subtree_range(subject, exclude)
    # stop at the first excluded token so the span stays contiguous
    for i in range(subject.i, b + 1):
        if i in exclude:
            b = i - 1
            break
    a = _after_dateline(doc, a, b)
    a, b = _one_line(doc, a, b, subject.i)
    rng = trim(doc, (a, b), keep_quotes=False)
    return rng or (subject.i, subject.i)


def _one_line(doc: Doc, a: int, b: int, head: int) -> TokenRange:
    """The part of a source phrase on its head's line: a name does not run on into the next paragraph
    ("― Pamela Padilla" then, on the next line, “I’m so ashamed …”, which the parser may hang on the name)."""
    for i in range(head, b + 1):
        if "\n" in doc[i].text:
            b = i - 1
            break
        if "\n" in doc[i].whitespace_:
            b = i
            break
    for i in range(head - 1, a - 1, -1):
        if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
            a = i + 1
            break
    return a, max(a, b)


DATELINE_DASHES = ("—", "–", "--")


def _after_dateline(doc: Doc, a: int, b: int) -> int:
    """The first token after a dateline the parser made part of the source ("LEBANON (AP) — A forensic
    pathologist says …"): words in capitals, an agency in brackets, then a dash."""
    for i in range(a, b):
        if doc[i].text in DATELINE_DASHES:
            words, depth = [], 0
            for t in doc[a:i]:
                depth += t.text == "("
                if not (t.is_punct or t.is_space or depth):
                    words.append(t)
                depth -= t.text == ")"
            return i + 1 if words and all(t.text.isupper() for t in words) else a
    return a


CUE_TIME_WORDS = frozenset({"then", "later", "today", "yesterday", "tonight"})


def cue_range(verb: Token, lexicon: Lexicon) -> TokenRange:
    """The cue words: the verb with its auxiliaries, negation and particle ("has not said",
    "pointed out"), widened to fixed phrases from the lexicon ("went on to say", "called for") and to
    what PolNeAR's annotators mark with the verb: an adverb before it, the day, the occasion and a colon
    after it ("also said Friday", "said in a phone interview", "said:")."""
    doc = verb.doc
    a = b = verb.i
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i < verb.i and verb.i - child.i <= 3:
            if child.lower_ != "to":
                a = min(a, child.i)
        if child.dep_ == "prt" and child.i == verb.i + 1:
            b = max(b, child.i)
    # the adverb set right before the verb or its auxiliaries ("also said", "then pointed out")
    before = doc[a - 1] if a > 0 else None
    if before is not None and before.dep_ == "advmod" and before.head.i == verb.i and before.tag_ == "RB":
        a -= 1
    # the day right after it ("said Friday", "said then"), as the annotators mark the cue
    after = doc[b + 1] if b + 1 < len(doc) else None
    if after is not None and after.head.i == verb.i and after.dep_ in ("npadvmod", "advmod") and (
        after.ent_type_ == "DATE" or after.lower_ in CUE_TIME_WORDS
    ):
        b += 1
    # fixed phrases ending at this verb ("went on to say") or starting at it ("told reporters")
    for phrase in lexicon.verb_phrases:
        n = len(phrase)
        for start in (verb.i - n + 1, verb.i):
            if start < 0 or start + n > len(doc):
                continue
            words = tuple(t.lower_ for t in doc[start : start + n])
            if _phrase_matches(words, phrase, doc[start : start + n]):
                a, b = min(a, start), max(b, start + n - 1)
    # the occasion right after it ("said in a phone interview", "said at a briefing Monday")
    after = doc[b + 1] if b + 1 < len(doc) else None
    if after is not None and after.head.i == verb.i and after.dep_ == "prep" and after.lower_ in ("in", "at"):
        occasion = next((c for c in after.children if c.dep_ == "pobj"), None)
        if occasion is not None and occasion.lemma_.lower() in lexicon.cue_occasions:
            b = max(b, occasion.right_edge.i)
    if b + 1 < len(doc) and doc[b + 1].text == ":":  # "said: ..."
        b += 1
    return a, b


def _phrase_matches(words: tuple[str, ...], phrase: tuple[str, ...], span) -> bool:
    """Exact words, or the same phrase with its first verb inflected ("goes on to say")."""
    if words == phrase:
        return True
    return words[1:] == phrase[1:] and span[0].lemma_.lower() == _lemma(phrase[0])


_LEMMA_OF = {"went": "go", "told": "tell", "pointed": "point"}


def _lemma(word: str) -> str:
    return _LEMMA_OF.get(word, word)


def lexicon_preps() -> frozenset[str]:
    from eventwire.quotes.lexicon import load_lexicon

    return load_lexicon().topic_prepositions


def content_child(verb: Token, entry: CueVerb) -> tuple[Token, str] | None:
    """The complement that carries what was said, and how it was found.

    Finite clauses ("said that ...") count for every cue; infinitives, "for"-objects and
    nominal objects only for the verbs whose lexicon entry allows them, because for most
    verbs those are not speech content ("told reporters").
    """
    if "clause" in entry.complements:
        # A clause after the verb is its content; one before it only when there is none
        # after ("…, the source said"), since the parser also hangs unrelated preceding
        # clauses on a sentence's root ("It is unlikely; his team says she will …").
        clauses = [c for c in verb.children if c.dep_ == "ccomp"]
        after = [c for c in clauses if c.i > verb.i]
        if after or clauses:
            return (after or clauses)[-1 if not after else 0], "ccomp"
    if "to" in entry.complements:
        for child in verb.children:
            if child.dep_ == "xcomp" and any(g.lower_ == "to" and g.dep_ == "aux" for g in child.children):
                return child, "xcomp"
    if "for" in entry.complements:
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "for":
                for grand in child.children:
                    if grand.dep_ in ("pobj", "pcomp"):
                        return grand, "for"
    if "oprd" in entry.complements:  # called the senator a "nasty guy"
        for child in verb.children:
            if child.dep_ in ("oprd", "xcomp") and child.i > verb.i and any(c.dep_ == "dobj" for c in verb.children):
                return child, "oprd"
    if "as" in entry.complements:  # sees [the program as an opportunity]
        if any(c.dep_ == "dobj" for c in verb.children):
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ == "as" and child.i > verb.i:
                    return child, "as"
    if "prep" in entry.complements:  # talked about the economy, spoke of "rigged" polls
        for child in verb.children:
            if child.dep_ == "prep" and child.i > verb.i and child.lower_ in lexicon_preps():
                for grand in child.children:
                    if grand.dep_ in ("pobj", "pcomp"):
                        return grand, "prep"
    if "obj" in entry.complements:
        for child in verb.children:
            # "the test, which state media claimed …": a relative pronoun object is not what was claimed
            if child.dep_ == "dobj" and child.lower_ not in ("it", "this", "that", "them") and child.tag_ not in ("WDT", "WP"):
                return child, "dobj"
        has_agent = any(c.dep_ == "agent" for c in verb.children)
        for child in verb.children:  # "Clinton was endorsed by the Times": what was endorsed
            if child.dep_ == "nsubjpass" and has_agent:
                return child, "passive"
    return None


def noun_content(noun: Token, entry: CueVerb) -> tuple[Token, str] | None:
    """The content of a reporting noun: "claim [that …]", "call [for …]", "criticism [of …]"."""
    if "clause" in entry.complements:
        for child in noun.children:
            if child.dep_ in ("acl", "ccomp", "relcl") and child.i > noun.i:
                if any(g.dep_ == "mark" and g.lower_ in ("that", "whether") for g in child.children) or any(
                    g.dep_ == "aux" and g.lower_ == "to" for g in child.children
                ):
                    return child, "noun-clause"
    for child in noun.children:
        if child.dep_ == "prep" and child.i > noun.i and child.lower_ in entry.complements:
            for grand in child.children:
                if grand.dep_ in ("pobj", "pcomp"):
                    return grand, "noun-prep"
    return None


def noun_source(noun: Token) -> Token | None:
    """Who holds the claim: "his claim", "Trump's criticism", "the suggestion by Republicans"."""
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None
