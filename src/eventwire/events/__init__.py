"""Event coding in PLOVER and CAMEO: ``code_events(parsed, actors, quotes) -> list[Event]``."""

from eventwire.events.coder import code_events

__all__ = ["code_events"]
