"""Actors: who is acting, resolved to CAMEO actor codes.

``find_actors(parsed)`` returns one :class:`eventwire.model.Actor` per actor noun phrase
("The Syrian army", "President Bashar al-Assad", "IS"), with token-aligned spans that
never overlap, so the events stage can look up the actor covering any token.

Code conventions (CAMEO actor codebook style, country and role separated by a space):

* state actors: ``<ISO3> <ROLE>`` — "SYR MIL", "RUS GOV", "IND COP"; a bare country is
  ``<ISO3>`` ("SYR"); a role whose country is unknown is the role alone ("MIL", "REB");
* international organisations and NGOs: ``IGO <ORG>`` / ``NGO <ORG>`` — "IGO UNO",
  "IGO EEC" (EU), "IGO NAT" (NATO), "NGO HRW"; their officials get the organisation's
  code ("UN Special Envoy … Staffan de Mistura" → "IGO UNO");
* armed groups tied to one country: ``<ISO3> <ROLE>`` ("Hamas" → "PSE REB", the HNC →
  "SYR OPP"); transnational ones: CAMEO's IMG + religion + group block without spaces
  ("Islamic State" → "IMGMUSISI", Al-Qaeda "IMGMUSAQE", Al-Nusra Front "IMGMUSNUS") with
  ``role="REB"`` so PLOVER sectors stay usable;
* roles: GOV, MIL, REB, OPP, COP, JUD, LEG, MED, CVL, BUS, EDU, REF, LAB, PTY, REL, UAF,
  IGO, NGO. Activists and dissidents are OPP ("Syrian activist Jihad Makdissi" → "SYR OPP").

Roles without a country ("the regime", "police", "government forces") take the article's
main country when the article makes it clear (confidence 0.6, rule "...+article-country").
"""

from eventwire.actors.resolve import ActorResolver, find_actors
from eventwire.actors.user_dictionary import load_user_dictionary

__all__ = ["ActorResolver", "find_actors", "load_user_dictionary"]
