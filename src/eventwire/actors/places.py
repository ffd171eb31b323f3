"""Names the small NER model reads as people but the places stage reads as places.

spaCy's small English model tags "Palmyra" as PERSON, so the actors stage keeps it as an
unresolved person and the events stage could make the town an agent ("Palmyra's recapture").
The places stage, which weighs gazetteer entries and cues such as "town of", knows better;
its reading wins over an uncoded person's: the actor becomes an uncoded place, which the
events stage never takes for an agent or a target.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from eventwire.model import Actor, Place


def persons_placed(actors: Iterable[Actor], places: Iterable[Place]) -> list[Actor]:
    """``actors``, with each uncoded person whose span the places stage resolved re-read as a place."""
    spans = [(p.span.start, p.span.end) for p in places]
    return [dataclasses.replace(a, kind="place", rule=f"{a.rule}+places")
            if a.kind == "person" and a.code is None and any(s <= a.span.start and a.span.end <= e for s, e in spans)
            else a
            for a in actors]
