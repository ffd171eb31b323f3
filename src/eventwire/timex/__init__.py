"""When: temporal expressions (TIMEX3) and event dates.

``find_timexes(parsed)`` extracts and normalises temporal expressions against the
article date; ``date_events(parsed, events, timexes)`` gives every event a date or
a range, with the reason it was chosen.
"""

from eventwire.timex.dating import date_events
from eventwire.timex.extract import find_timexes

__all__ = ["date_events", "find_timexes"]
