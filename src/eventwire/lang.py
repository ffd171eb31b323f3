"""Which inputs are in a language the pipeline handles (English, for now).

Crawls such as Common Crawl News mix every language; running an English model on German
text yields confident nonsense. Inputs in another language are therefore *skipped and
recorded* (status ``skipped`` in the ``inputs`` table, with the language and probability),
never dropped silently and never processed. The identifier is py3langid (a pure-Python,
offline port of langid.py). A language declared by the input (JSONL ``language``, HTML
``lang``) decides only when the text is too short or the identifier unsure; with neither,
the input is kept: wrongly skipping an article loses it, wrongly keeping one costs time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from eventwire.ingest.base import RawDoc

DEFAULT_LANGUAGES: tuple[str, ...] = ("en",)


@lru_cache(maxsize=1)
def _settings() -> dict[str, float]:
    text = resources.files("eventwire").joinpath("data", "lang", "settings.tsv").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {key: float(value) for key, value in rows}


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def normalise(code: str | None) -> str | None:
    """'en-US', 'EN_gb', 'eng' → 'en'; None stays None."""
    if not code or not code.strip():
        return None
    base = code.strip().replace("_", "-").split("-")[0].lower()
    if len(base) == 3:
        import pycountry

        lang = pycountry.languages.get(alpha_3=base)
        return getattr(lang, "alpha_2", base) if lang else base
    return base


def identify(text: str) -> tuple[str, float]:
    """(ISO 639-1 code, probability) of the start of ``text``."""
    lang, prob = _identifier().classify(text[: int(_settings()["sample_chars"])])
    return str(lang), float(prob)


@dataclass(frozen=True, slots=True)
class Verdict:
    raw: RawDoc  # with ``language`` filled in when it was identified
    language: str | None
    keep: bool
    reason: str | None = None  # why it is skipped


def check(raw: RawDoc, languages: Sequence[str] = DEFAULT_LANGUAGES) -> Verdict:
    """Decide whether ``raw`` is processed; skipped inputs carry the reason users will see.

    The text decides when it is long enough and the identifier is sure: a page's declared
    language is often a CMS default (``<html lang="en">`` on a German site). Otherwise the
    declared language decides, and with neither the input is kept.
    """
    wanted = {normalise(l) for l in languages}
    declared = normalise(raw.language)
    settings = _settings()
    lang, prob = None, 0.0
    if len(raw.text.strip()) >= settings["min_chars"]:
        lang, prob = identify(raw.text)
    if lang is not None and prob >= settings["min_probability"]:
        if lang in wanted:
            return Verdict(dataclasses.replace(raw, language=lang), lang, True)
        said = f", declared {declared}" if declared and declared != lang else ""
        return Verdict(raw, lang, False, f"language {lang} (p={prob:.2f}{said}); processing {', '.join(sorted(wanted))}")
    if declared:
        if declared in wanted:
            return Verdict(dataclasses.replace(raw, language=declared), declared, True)
        return Verdict(raw, declared, False, f"language {declared} (declared); processing {', '.join(sorted(wanted))}")
    return Verdict(raw, None, True)  # too short or unsure, and nothing declared: keep it
