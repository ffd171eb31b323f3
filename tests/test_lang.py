"""The language filter: other languages are skipped with a reason, English and unsure texts kept."""

from __future__ import annotations

from eventwire.ingest.base import RawDoc
from eventwire.lang import check, normalise

ENGLISH = ("Government forces recaptured the northern town after three days of heavy fighting, the army said "
           "on Sunday. Residents who fled described streets littered with debris and burned vehicles. "
           "Aid agencies warned that thousands of families still lacked food and water.")
GERMAN = ("Die Regierungstruppen haben die Stadt im Norden nach drei Tagen heftiger Kämpfe zurückerobert, "
          "teilte die Armee am Sonntag mit. Bewohner berichteten von Trümmern und ausgebrannten Autos. "
          "Hilfsorganisationen warnten, dass Tausende Familien weiterhin ohne Nahrung und Wasser seien.")


def test_normalise_codes():
    assert normalise("en-US") == "en" and normalise("EN_gb") == "en" and normalise("deu") == "de"
    assert normalise("") is None and normalise(None) is None


def test_english_kept_and_labelled():
    v = check(RawDoc(ENGLISH, "a"))
    assert v.keep and v.language == "en" and v.raw.language == "en"


def test_other_language_skipped_with_reason():
    v = check(RawDoc(GERMAN, "b"))
    assert not v.keep and v.language == "de"
    assert v.reason.startswith("language de (p=") and "processing en" in v.reason


def test_declared_language_decides_only_when_the_text_cannot():
    v = check(RawDoc(GERMAN, "c", language="en"))  # a CMS default lang="en" on a German page
    assert not v.keep and "declared en" in v.reason
    assert not check(RawDoc("Ja, nein, vielleicht.", "c2", language="de-DE")).keep  # too short: declared decides
    assert check(RawDoc("Yes, no, maybe.", "c3", language="en-GB")).raw.language == "en"
    assert check(RawDoc(GERMAN, "d"), languages=("en", "de")).keep


def test_short_text_is_kept_not_guessed():
    v = check(RawDoc("Ja, nein, vielleicht.", "e"))
    assert v.keep and v.language is None
