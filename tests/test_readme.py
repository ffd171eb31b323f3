"""The README's data-model table must name every field of every record (keeps the docs true)."""

import dataclasses
from pathlib import Path

import eventwire.model as model

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_documents_every_record_field():
    text = README.read_text(encoding="utf-8")
    missing = []
    for cls in (model.Span, model.Article, model.Sentence, model.Mention, model.Actor, model.Place,
                model.TimeExpr, model.Quote, model.Event, model.Document, model.Failure):
        for f in dataclasses.fields(cls):
            if f"`{f.name}`" not in text:
                missing.append(f"{cls.__name__}.{f.name}")
    assert not missing, f"README data-model table lacks: {missing}"
