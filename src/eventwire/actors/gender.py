"""The sex a news article gives a person, to keep "she said" off a man's name.

Pronoun resolution (quote speakers, event arguments) picks the nearest person before
the pronoun; without this check "she" in an article about Hillary Clinton and Donald
Trump would often be Trump. The answer is used only to rule an antecedent *out*, never
written to output, and it is ``None`` whenever the article does not tell.

Evidence, strongest first: a title before the name or a gendered noun in apposition
("Mrs. Clinton", "Queen Rania", "Smith, a spokeswoman for …"), for every mention of that
surname in the article; then a first name that the US Census 1990 lists shows to be
borne mostly by one sex ("Hillary Clinton"; data/actors/first_names.tsv, built by
tools/build_first_names.py). A surname two people of different sexes share ("Bill and
Hillary Clinton") tells nothing by itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan

from eventwire.datafiles import tsv_rows

USER_DATA_KEY = "eventwire.gender.sexes"
PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """First name (lower-case) -> "m"/"f"."""
    return {row[0]: row[1] for row in tsv_rows("actors", "first_names.tsv", header=False)}


@lru_cache(maxsize=1)
def gender_words() -> dict[str, str]:
    """Title or person noun (lower-case) -> "m"/"f"."""
    return {row[0].lower(): row[1] for row in tsv_rows("actors", "gender_words.tsv", header=False)}


def _titled(doc: Doc, ent: SpacySpan) -> str | None:
    """The sex a title before the name, or a person noun in apposition to it, gives."""
    words = gender_words()
    for tok in (ent[0], doc[ent.start - 1] if ent.start > 0 else None):
        if tok is not None and tok.lower_ in words:
            return words[tok.lower_]
    root = ent.root
    nouns = [c for c in root.children if c.dep_ == "appos"]
    if root.dep_ == "appos":
        nouns.append(root.head)
    for noun in nouns:
        if noun.i < ent.start or noun.i >= ent.end:
            sex = words.get(noun.lower_) or words.get(noun.lemma_.lower())
            if sex is not None:
                return sex
    return None


def _by_first_name(words: list[str]) -> str | None:
    """The sex a title or first name inside a written name gives ("Mr. Putin", "President Donald Trump").

    Read from the surname back, so the first name nearest the surname counts and the words
    of an office before it do not ("Laurel County Clerk Dean Johnson" is Dean, not Laurel)."""
    titles, names = gender_words(), first_names()
    for word in reversed(words[:-1]):
        w = word.lower()
        if w in titles:
            return titles[w]
        if w in names:
            return names[w]
    return None


def article_sexes(doc: Doc, ents: Iterable[SpacySpan]) -> dict[str, str | None]:
    """Surname (lower-case) -> the sex the article gives the person, ``None`` where its people disagree."""
    titled: dict[str, set[str]] = {}
    named: dict[str, set[str]] = {}
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        if ent[-1].tag_ == "POS" and len(ent) > 1:  # "Martha Rose May Martin’s"
            ent = ent[:-1]
        surname = ent[-1].lower_
        if len(ent) > 1:
            named.setdefault(surname, set())  # a surname, even of unknown sex, is no first name
        for table, sex in ((titled, _titled(doc, ent)), (named, _by_first_name([t.text for t in ent]))):
            if sex is not None:
                table.setdefault(surname, set()).add(sex)
    sexes = {name: next(iter(seen)) if len(seen) == 1 else None for name, seen in named.items()}
    sexes.update((name, next(iter(seen)) if len(seen) == 1 else None) for name, seen in titled.items())
    return sexes


def document_sexes(doc: Doc) -> dict[str, str | None]:
    """``article_sexes`` of a parsed article, read once and kept in ``doc.user_data`` for every pronoun
    of the quote and event stages."""
    cached = doc.user_data.get(USER_DATA_KEY)
    if cached is None:
        cached = doc.user_data[USER_DATA_KEY] = article_sexes(doc, doc.ents)
    return cached


def sex_of(name: str, known: Mapping[str, str | None]) -> str | None:
    """The sex of the person ``name`` writes, by its own first name or title, else by the article's surnames."""
    words = name.replace("'s", "").replace("’s", "").split()
    if not words:
        return None
    found = _by_first_name(words) or known.get(words[-1].lower())
    if found is None and len(words) == 1 and words[0].lower() not in known:
        found = first_names().get(words[0].lower())  # "Pamela wept as she said", a first name alone
    return found


def contradicts(pronoun: str, name: str, known: Mapping[str, str | None]) -> bool:
    """Whether the pronoun cannot stand for the person ``name`` (he/she of the other sex)."""
    sex = PRONOUN_SEX.get(pronoun.lower())
    if sex is None:
        return False
    other = sex_of(name, known)
    return other is not None and other != sex
