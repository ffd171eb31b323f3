"""Build ``src/eventwire/data/nlp/lemma_fixes.tsv``: inflected forms of the project's dictionary
verbs that the English model lemmatizes wrongly.

Usage: .venv/bin/python tools/build_lemma_fixes.py [--out FILE]

Why: every dictionary lookup in eventwire goes through spaCy's lemma, and the small model's rule
lemmatizer strips suffixes without knowing which stem is the word: "staged" becomes "stag", "raped"
"rap", "caned" "can", "lambasted" "lambast". A verb the dictionaries know is then silently never
matched in the past tense ("activists staged rallies" is no protest, "soldiers raped" no assault).

The tool takes every verb the dictionaries name (event triggers, modality cues that are verbs,
reporting verbs) that WordNet (``data/quotes/word_classes.tsv``) knows as a verb, writes its regular
inflections into short sentences, parses them with the
installed model, and keeps each form whose lemma comes out as something else. The pipeline sets
those lemmas back (``eventwire.nlp``). Re-run it when the model or the dictionaries change.
"""

from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "eventwire" / "data"
OUT = DATA / "nlp" / "lemma_fixes.tsv"
# modality cue kinds whose words are verbs (cues.tsv also lists modals, conjunctions and nouns)
VERB_CUE_KINDS = {
    "speech", "light", "refusal", "failure", "intent", "attempt", "threat", "demand", "territorial",
    "object-control", "transitive", "die", "case-filing", "clause-sense", "accuse-if-active", "stative",
    "volley",
}


def _rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def dictionary_verbs() -> set[str]:
    verbs: set[str] = set()
    for row in _rows(DATA / "events" / "lexicon.tsv")[1:]:
        if len(row) > 1 and row[1].strip() == "VERB":
            verbs.add(row[0].split()[0].rstrip("*"))
    for row in _rows(DATA / "events" / "cues.tsv")[1:]:
        if len(row) > 1 and row[1].strip() in VERB_CUE_KINDS:
            verbs.add(row[0].strip())
    for row in _rows(DATA / "quotes" / "cue_verbs.tsv"):
        verbs.add(row[0].split()[0])
    wordnet_verbs = {row[0] for row in _rows(DATA / "quotes" / "word_classes.tsv") if len(row) > 1 and row[1] == "v"}
    # cue words that are adjectives ("willing", "prepared") or words of the region's news ("lathi",
    # "chargesheet") have no regular forms to check
    return {v for v in verbs if v.isalpha() and v.islower() and v in wordnet_verbs}


def regular_forms(verb: str) -> list[tuple[str, str]]:
    """(form, a sentence using it as a verb) for the regular past, -ing and third-person forms."""
    if verb.endswith("e"):
        past, ing, third = verb + "d", verb[:-1] + "ing", verb + "s"
    elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
        past, ing, third = verb[:-1] + "ied", verb + "ing", verb[:-1] + "ies"
    else:
        past, ing = verb + "ed", verb + "ing"
        third = verb + ("es" if verb.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
    return [(past, f"They {past} it."), (past, f"It was {past} by them."), (ing, f"They are {ing} it."),
            (third, f"He {third} it.")]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(OUT))
    args = ap.parse_args()
    from eventwire.nlp import load_nlp

    nlp = load_nlp(fix_lemmas=False)
    exceptions = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_exc")["verb"]
    irregular = {lemma for lemmas in exceptions.values() for lemma in lemmas}
    fixes: dict[str, str] = {}
    for verb in sorted(dictionary_verbs()):
        for form, sentence in regular_forms(verb):
            if verb in irregular and form.endswith("d"):
                continue  # "see" has no past "seed": its forms are the model's own exceptions
            token = next((t for t in nlp(sentence) if t.text == form), None)
            if token is not None and token.pos_ in ("VERB", "AUX") and token.lemma_.lower() != verb:
                fixes[form] = verb
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    lines = ["# Verb forms the English model lemmatizes wrongly, and their lemma. Built by tools/build_lemma_fixes.py",
             "# from the project's own dictionaries (see its docstring); applied to VERB/AUX tokens only.",
             "form\tlemma"]
    lines += [f"{form}\t{lemma}" for form, lemma in sorted(fixes.items())]
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(fixes)} forms -> {out}")


if __name__ == "__main__":
    main()
