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

* leaders (``leaders.tsv``, with periods in office): in office on the article date →
  their code ("Vladimir Putin" → "RUS GOV"); outside it → "<ISO3> ELI" (a former leader is
  one of the country's elites) unless a title in the text says otherwise ("President Obama").

Roles without a country ("the regime", "police", "government forces") take the article's
main country when the article makes it clear (confidence 0.6, rule "...+article-country");
the main country is the one most mentioned by names, demonyms, leaders and places.

``kind`` is person / organisation / group (armed groups) / country / collective / place
(a city or province standing for its country, confidence 0.4). ``rule`` names how the
code was found: the dictionary ("leaders", "organisations", "countries", "roles+countries",
"user:<file>"), or a rule ("coref", "coref-title", "...+possessive", "capital-metonymy",
"org-name-words", "places", "ner-unresolved" for names left without a code).
"""

from eventwire.actors.resolve import ActorResolver, find_actors
from eventwire.actors.user_dictionary import load_user_dictionary

__all__ = ["ActorResolver", "find_actors", "load_user_dictionary"]
