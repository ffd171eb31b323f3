"""Where: offline geoparsing (toponyms -> GeoNames entries) and event locations.

``find_places(parsed)`` is the places stage, ``locate_events(parsed, events, places)``
the where stage, and ``build()`` (re)builds the offline gazetteer that both use.
"""

from eventwire.geo.gazetteer import Gazetteer, build
from eventwire.geo.locate import article_main_place, locate_events
from eventwire.geo.places import find_places

__all__ = ["Gazetteer", "article_main_place", "build", "find_places", "locate_events"]
