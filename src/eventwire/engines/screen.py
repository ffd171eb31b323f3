"""What happens to each input before the pipeline sees it.

A run (local or sharded) reads RawDocs and Failures; every one must end with an outcome the
store records, so nothing is lost silently. Screening gives each its first outcome: failed
while reading, skipped for its language, a duplicate of an earlier input of the same run
(same article id), or kept for the pipeline. One function, so both engines agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from eventwire.ingest.base import RawDoc
from eventwire.lang import check as check_language
from eventwire.model import Failure
from eventwire.pipeline import article_id


@dataclass(frozen=True)
class Screened:
    kind: Literal["kept", "failed", "skipped", "duplicate"]
    raw: RawDoc | None = None  # after language handling; None for a failure
    failure: Failure | None = None
    article_id: str = ""  # kept and duplicate inputs
    reason: str = ""  # skipped inputs: why, as users will see it

    def record(self) -> tuple[str, object]:
        """Where the store keeps this outcome (a ``write_batch`` keyword) and its row there."""
        if self.kind == "failed":
            return "failures", self.failure
        if self.kind == "skipped":
            return "skipped", (self.raw.input_ref, self.reason)
        if self.kind == "duplicate":
            return "duplicates", (self.raw.input_ref, self.article_id)
        raise ValueError("a kept input is written by the pipeline, not as an outcome")


def screen(items: Iterable[RawDoc | Failure], languages: Sequence[str] | None) -> Iterator[Screened]:
    """Give each item its first outcome, in input order (``languages``: None keeps every language)."""
    seen: set[str] = set()
    for item in items:
        if isinstance(item, Failure):
            yield Screened("failed", failure=item)
            continue
        if languages:
            verdict = check_language(item, languages)
            if not verdict.keep:
                yield Screened("skipped", raw=item, reason=verdict.reason or "language")
                continue
            item = verdict.raw
        aid = article_id(item.text)
        if aid in seen:
            yield Screened("duplicate", raw=item, article_id=aid)
            continue
        seen.add(aid)
        yield Screened("kept", raw=item, article_id=aid)
