"""Actor finding and CAMEO resolution on a Palmyra-style article and small snippets."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from eventwire.actors import ActorResolver, find_actors, load_user_dictionary
from eventwire.model import Actor, Article
from eventwire.nlp import load_nlp, parse

PALMYRA = (
    "Syrian army seizes hills overlooking IS-held town of Palmyra\n\n"
    "The Syrian army is trying to retake Palmyra, which the ultra-hardline Islamist militants seized in May, "
    "to open a road to the mostly IS-held eastern province of Deir al-Zor.\n\n"
    "Palmyra's recapture would be a strategic as well as symbolic victory for President Bashar al-Assad, "
    "experts say.\n\n"
    "The ceasefire does not include areas held by IS and Al-Qaeda linked Al-Nusra Front, allowing the regime "
    "to launch an offensive to retake Palmyra at the start of the month backed by heavy Russian air strikes.\n\n"
    "Last week, the Russian military said its aircraft were flying up to 25 sorties a day over Palmyra to help "
    "liberate what President Vladimir Putin has described as a pearl of world civilisation.\n\n"
    "IS also demolished Palmyra's infamous Tadmur prison, where thousands of Syrian government opponents had "
    "been imprisoned.\n\n"
    "\u201cThe diplomatic process in Geneva is interconnected with what is taking place in Moscow\u201d, the High "
    "Negotiations Committee (HNC) said on Wednesday.\n\n"
    "UN Special Envoy of the Secretary-General for Syria Staffan de Mistura, arrives to take part in a round of "
    "negotiations between the Syrian government and U.N. in Geneva. The opposition has said Assad must step "
    "down, while the HNC wants guarantees. \u201cIt covers many points\u201d, Syrian activist Jihad Makdissi "
    "told reporters after meeting the envoy in Geneva. Makdissi left."
)

GUJARAT = (
    "ahmedabad: police fired teargas shells to disperse a mob in vadodara on friday. the police said "
    "ten people were arrested in gujarat after the clashes."
)


def _parsed(text: str, date: dt.date | None = dt.date(2016, 3, 23)):
    article = Article(id="t", text=text, raw_text=text, date=date)
    return parse(article, load_nlp()(text))


@pytest.fixture(scope="module")
def palmyra() -> list[Actor]:
    return find_actors(_parsed(PALMYRA))


def _at(actors: list[Actor], text: str, focus: str | None = None) -> Actor:
    """The actor covering ``focus`` (default: all of ``text``) where ``text`` occurs in PALMYRA."""
    focus = focus or text
    start = PALMYRA.index(text) + text.index(focus)
    covering = [a for a in actors if a.span.start <= start and start + len(focus) <= a.span.end]
    assert covering, f"no actor covers {focus!r} in {text!r}"
    return covering[0]


def test_army_with_demonym_is_country_military(palmyra):
    actor = _at(palmyra, "The Syrian army")
    assert actor.span.text == "The Syrian army"
    assert (actor.code, actor.country, actor.role) == ("SYR MIL", "SYR", "MIL")


def test_russian_military_and_aircraft(palmyra):
    assert _at(palmyra, "the Russian military").code == "RUS MIL"
    assert _at(palmyra, "Russian air strikes").code == "RUS MIL"
    its = _at(palmyra, "its aircraft")
    assert its.code == "RUS MIL" and its.rule.endswith("+possessive")


def test_leaders_and_surname_coreference(palmyra):
    assad = _at(palmyra, "President Bashar al-Assad")
    assert assad.span.text == "President Bashar al-Assad"
    assert assad.code == "SYR GOV" and assad.kind == "person"
    assert _at(palmyra, "Assad must", "Assad").code == "SYR GOV"
    assert _at(palmyra, "President Vladimir Putin").code == "RUS GOV"


def test_islamic_state_acronym_but_not_the_verb(palmyra):
    held = _at(palmyra, "IS-held", "IS")
    assert held.span.text == "IS" and held.code == "IMGMUSISI"
    assert _at(palmyra, "IS also demolished", "IS").code == "IMGMUSISI"
    assert _at(palmyra, "IS and Al-Qaeda", "IS").code == "IMGMUSISI"
    verb = PALMYRA.index("is trying")
    assert not any(a.span.start <= verb < a.span.end for a in palmyra)


def test_armed_groups(palmyra):
    nusra = _at(palmyra, "Al-Nusra Front")
    assert nusra.name == "Al-Nusra Front" and nusra.role == "REB" and nusra.code


def test_hnc_and_acronym(palmyra):
    assert _at(palmyra, "the High Negotiations Committee").code == "SYR OPP"
    assert _at(palmyra, "HNC wants", "HNC").code == "SYR OPP"


def test_un_envoy_and_title_coreference(palmyra):
    envoy = _at(palmyra, "UN Special Envoy")
    assert envoy.code == "IGO UNO"
    assert "Staffan de Mistura" in envoy.span.text
    assert _at(palmyra, "the envoy in Geneva", "the envoy").code == "IGO UNO"


def test_activist_and_name_coreference(palmyra):
    activist = _at(palmyra, "Syrian activist Jihad Makdissi")
    assert activist.code == "SYR OPP"
    later = _at(palmyra, "Makdissi left", "Makdissi")
    assert later.code == "SYR OPP" and later.rule == "coref"


def test_generic_mentions_take_the_article_country(palmyra):
    regime = _at(palmyra, "the regime")
    assert regime.code == "SYR GOV" and regime.confidence < 0.9
    assert _at(palmyra, "The opposition").code == "SYR OPP"
    assert _at(palmyra, "Syrian government opponents").code == "SYR OPP"


def test_spans_token_aligned_and_disjoint(palmyra):
    doc = load_nlp()(PALMYRA)
    starts = {t.idx for t in doc}
    ends = {t.idx + len(t) for t in doc}
    last_end = -1
    for actor in sorted(palmyra, key=lambda a: a.span.start):
        assert actor.span.start in starts and actor.span.end in ends
        assert actor.span.start >= last_end
        assert PALMYRA[actor.span.start : actor.span.end] == actor.span.text
        last_end = actor.span.end


def test_sentence_index_points_at_the_sentence():
    parsed = _parsed(PALMYRA)
    for actor in find_actors(parsed):
        sentence = parsed.sentences[actor.sentence].span
        assert sentence.start <= actor.span.start < sentence.end


def test_police_in_indian_article_is_indian_police():
    actors = find_actors(_parsed(GUJARAT, dt.date(2002, 3, 1)))
    police = [a for a in actors if "police" in a.span.text]
    assert len(police) == 2
    assert all(a.code == "IND COP" for a in police)


def test_police_without_country_context_has_role_only():
    actors = find_actors(_parsed("The police arrested two men on Friday."))
    assert [a.code for a in actors if "police" in a.span.text] == ["COP"]


def test_leader_outside_term_is_an_elite_not_the_government():
    actors = find_actors(_parsed("Obama met reporters.", dt.date(2019, 6, 1)))
    obama = [a for a in actors if a.span.text == "Obama"]
    assert obama and obama[0].code == "USA ELI" and obama[0].confidence <= 0.5
    in_office = find_actors(_parsed("Obama met reporters.", dt.date(2015, 6, 1)))
    assert [a.code for a in in_office if a.span.text == "Obama"] == ["USA GOV"]


def test_all_caps_headline_is_is_a_verb():
    actors = find_actors(_parsed("WHAT IS NEXT FOR THE REGION"))
    assert not any(a.code == "IMGMUSISI" for a in actors)


def test_user_dictionary_tsv_adds_actor(tmp_path):
    path = tmp_path / "mine.tsv"
    path.write_text("phrase\tcode\tname\n# comment\nZarqawi Network\tIRQREB\tZarqawi Network\n", encoding="utf-8")
    text = "The Zarqawi Network attacked a checkpoint near Mosul."
    assert not any(a.code == "IRQ REB" for a in find_actors(_parsed(text)))
    resolver = ActorResolver(extra_dictionaries=[path])
    actors = resolver.find_actors(_parsed(text))
    brigade = [a for a in actors if "Zarqawi Network" in a.span.text]
    assert brigade and brigade[0].code == "IRQ REB" and brigade[0].rule == "user:mine.tsv"


def test_user_dictionary_json_and_pairs(tmp_path):
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({"Blue Helmets Alliance": "IGOUNO"}), encoding="utf-8")
    assert [(p, e.code) for p, e in load_user_dictionary(path)] == [("Blue Helmets Alliance", "IGO UNO")]
    resolver = ActorResolver(extra_dictionaries=[[("city watchmen", "~COP")]])
    actors = resolver.find_actors(_parsed("In Syria, city watchmen beat a man in Damascus and Aleppo in Syria."))
    watch = [a for a in actors if "watchmen" in a.span.text]
    assert watch and watch[0].role == "COP"


def test_split_code_conventions():
    from eventwire.actors.user_dictionary import split_code

    assert split_code("USAGOV") == ("USA", "GOV", "USA GOV")
    assert split_code("IGOUNO") == (None, "IGO", "IGO UNO")
    assert split_code("PSEHMSGOV") == ("PSE", "GOV", "PSE HMSGOV")
    assert split_code("~COP") == (None, "COP", "COP")


def test_petrarch_dictionaries_carry_over(tmp_path):
    pytest.importorskip("eventwire.actors.petrarch_format")
    actors = tmp_path / "mine.actors.txt"
    actors.write_text("<!-- test -->\nNORTHERN_FALCONS_BRIGADE [SYRREB]\n+FALCONS_BRIGADE\n", encoding="utf-8")
    agents = tmp_path / "mine.agents.txt"
    agents.write_text("WATCHMAN {WATCHMEN} [~COP]\n", encoding="utf-8")
    resolver = ActorResolver(extra_dictionaries=[actors, agents])
    found = resolver.find_actors(_parsed("The Falcons Brigade fought Turkish watchmen near Azaz."))
    codes = {a.span.text: a.code for a in found}
    assert codes.get("The Falcons Brigade") == "SYR REB"
    assert codes.get("Turkish watchmen") == "TUR COP"


def test_coordinated_countries_share_the_role():
    actors = find_actors(_parsed("Senior Hungarian and Romanian officials agreed to cooperate."))
    codes = sorted(a.code for a in actors if a.code)
    assert codes == ["HUN GOV", "ROU GOV"]


def test_country_institution_with_possessive_and_capital_metonymy():
    actors = find_actors(_parsed("Sudan's government lifted the curfew. Tehran rejected the offer made in Paris."))
    codes = {a.span.text: a.code for a in actors}
    assert codes["Sudan's government"] == "SDN GOV"
    assert codes["Tehran"] == "IRN GOV"
    assert codes["Paris"] == "FRA"  # a location, not an actor of the sentence


def test_country_role_run_inside_a_non_actor_phrase():
    actors = find_actors(_parsed("Israeli army bulldozers demolished homes."))
    assert [(a.span.text, a.code) for a in actors] == [("Israeli army", "ISR MIL")]


def test_lowercased_archive_acronyms_and_mixed_case_acronyms():
    text = "ahmedabad: bjp leaders met the police in gujarat. let them speak, said the vhp."
    actors = find_actors(_parsed(text, dt.date(2002, 3, 1)))
    codes = {a.span.text: a.code for a in actors}
    assert any("bjp" in span and code == "IND PTY" for span, code in codes.items())
    assert not any(a.code and a.code.startswith("PAK") for a in actors)  # "let" is not LeT


def test_dictionaries_load_once():
    from eventwire.actors.lexicon import default_lexicon

    assert default_lexicon() is default_lexicon()


def test_unknown_organisation_named_like_an_armed_group():
    text = "In Mindanao, the Philippine army fought the Sulu Liberation Front. Philippine officials said so."
    actors = find_actors(_parsed(text))
    front = [a for a in actors if "Liberation Front" in a.span.text]
    assert front and front[0].role == "REB" and front[0].code == "PHL REB" and front[0].confidence < 0.6


def test_empty_and_unparsed_text_do_not_crash():
    assert find_actors(_parsed("")) == []
    assert find_actors(_parsed("\n\n  \n")) == []


def test_doc_is_left_as_found():
    parsed = _parsed(PALMYRA)
    before = dict(parsed.doc.user_data)
    find_actors(parsed)
    assert parsed.doc.user_data == before
    assert parsed.doc.to_bytes()  # still serialisable for worker processes


def test_indian_police_forces_by_name_and_acronym():
    text = "The CRPF and the Rapid Action Force fired tear gas, while the Border Security Force sealed the border."
    codes = {a.span.text: a.code for a in find_actors(_parsed(text))}
    assert codes == {"The CRPF": "IND COP", "the Rapid Action Force": "IND COP", "the Border Security Force": "IND MIL"}
    codes = {a.span.text: a.code for a in find_actors(_parsed("the rpf failed to guard the train."))}
    assert codes == {"the rpf": "IND COP"}  # the Railway Protection Force, in a lower-cased archive


@pytest.mark.parametrize("text, role", [
    ("UK high commissioner L M Singhvi said the society was secular.", "GOV"),  # a diplomat
    ("Police commissioner P C Pande said the curfew would stay.", "COP"),
])
def test_the_longest_title_decides_the_role(text, role):
    actors = find_actors(_parsed(text))
    assert actors and actors[0].role == role, [(a.span.text, a.code) for a in actors]


def test_a_people_is_coded_by_where_it_lives():
    actors = find_actors(_parsed("Bosnian Serbs shelled Gorazde, and Serbs in Belgrade protested."))
    codes = {a.span.text: a.code for a in actors}
    assert codes.get("Bosnian Serbs") == "BIH", codes
    assert codes.get("Serbs") == "SRB", codes


def test_an_unknown_name_takes_the_code_of_its_appositive_and_keeps_it():
    actors = find_actors(_parsed("Jihad Makdissi, a Syrian opposition activist, told reporters. Makdissi left."))
    codes = [(a.span.text, a.code) for a in actors]
    assert ("Jihad Makdissi", "SYR OPP") in codes and ("Makdissi", "SYR OPP") in codes, codes


def test_a_list_after_a_name_is_no_appositive():
    actors = find_actors(_parsed("They met Jihad Makdissi, Syria and Iran."))
    assert [a.code for a in actors if a.span.text == "Jihad Makdissi"] == [None], [(a.span.text, a.code) for a in actors]


def test_a_titled_name_of_a_country_is_that_countrys_official():
    actors = find_actors(_parsed("King Hassan of Morocco said he would host the talks."))
    assert [(a.span.text, a.code, a.kind) for a in actors][:1] == [("King Hassan of Morocco", "MAR GOV", "person")], \
        [(a.span.text, a.code, a.kind) for a in actors]


def test_a_former_official_is_one_of_the_countrys_elites():
    actors = find_actors(_parsed("Former UK high commissioner L M Singhvi said the society was secular."))
    assert actors and actors[0].code == "GBR ELI", [(a.span.text, a.code) for a in actors]


def test_plural_role_nouns_are_roles_too():
    text = "Croatia's main parties signed a deal and the two governments agreed."
    codes = {a.span.text: a.code for a in find_actors(_parsed(text))}
    assert codes.get("Croatia's main parties") == "HRV PTY", codes
    assert any(span.endswith("governments") and code and code.endswith("GOV") for span, code in codes.items()), codes


def test_a_country_name_written_in_lower_case_in_cased_text_is_a_common_word():
    text = "We ate turkey in Chile, bought china in Jordan, and the island got more money from London."
    codes = {a.span.text: a.code for a in find_actors(_parsed(text))}
    assert codes == {"Chile": "CHL", "Jordan": "JOR", "London": "GBR"}, codes


def test_a_capital_or_country_that_is_a_persons_first_name_is_the_person():
    text = "Douglas Devananda met the minister in Colombo. Jordan Henderson scored twice."
    codes = {a.span.text: a.code for a in find_actors(_parsed(text))}
    assert codes.get("Douglas Devananda") is None and codes.get("Jordan Henderson") is None, codes
    assert not any(code and code.split()[0] in ("IMN", "JOR") for code in codes.values()), codes


def test_religious_titles_are_religious_actors():
    text = "Manila Archbishop Luis Antonio Tagle urged the faithful in the Philippines to pray."
    codes = {a.span.text: a.code for a in find_actors(_parsed(text))}
    assert codes.get("Manila Archbishop Luis Antonio Tagle") == "PHL REL", codes


def test_pm_is_a_prime_minister_but_not_after_a_clock_time():
    codes = {a.span.text: a.code for a in find_actors(_parsed("Slovenian PM Miro Cerar met the press at 5 PM."))}
    assert codes == {"Slovenian PM Miro Cerar": "SVN GOV"}, codes


def test_isis_written_as_a_word_is_the_islamic_state():
    codes = {a.span.text: a.code for a in find_actors(_parsed("A soldier was killed in Syria by Isis."))}
    assert codes.get("Isis") == "IMGMUSISI", codes


def test_a_station_house_officer_is_police():
    codes = {a.span.text: a.code for a in find_actors(_parsed("Five rounds were fired by the station house officer."))}
    assert codes.get("the station house officer", "").endswith("COP"), codes


@pytest.mark.parametrize("text, name", [
    ("Deputy SP B L Parmar said the mob fled.", "Deputy SP B L Parmar"),
    ("deputy sp b l parmar said the mob fled.", "deputy sp b l parmar"),  # a lower-cased archive
    ("PSI T K Gondaliya is investigating the case.", "PSI T K Gondaliya"),
])
def test_indian_police_ranks_are_police(text, name):
    codes = {a.span.text: a.code for a in find_actors(_parsed(text))}
    assert (codes.get(name) or "").endswith("COP"), codes


def _seen(actors) -> list[tuple[str, str | None, str | None]]:
    """What the resolver made of each mention, for a failing assertion's message."""
    return [(a.span.text, a.code, a.rule) for a in actors]


def _actor_at(text: str, phrase: str, nth: int = 0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    actors = find_actors(_parsed(text))
    return next((a for a in actors if a.span.start <= start < a.span.end), None), actors


@pytest.mark.parametrize("text, phrase", [
    ("The city police commissioner, P C Pande, said the mob fled. Pande also said curfew was imposed.", "Pande also"),
    ("This was his confession to the police, deputy commissioner (detective department) Soumen Mitra said on "
     "Monday. According to Mitra, Aftab had a twin objective.", "Mitra, Aftab"),
])
def test_a_name_set_after_an_officials_description_is_that_official(text, phrase):
    actor, actors = _actor_at(text, phrase)
    assert actor is not None and actor.role == "COP", _seen(actors)


@pytest.mark.parametrize("text, phrase, code", [
    ("The women told police Bassett threatened to stab them. Bassett was arrested.", "Bassett was", None),
    ("Alexandria Police Spokeswoman Ashley Hildebrandt said the road was closed.", "Ashley", "COP"),
    ("Police Chief John Jones said the road was closed.", "Jones", "COP"),
])
def test_a_bare_body_word_before_a_name_is_no_title(text, phrase, code):
    actor, actors = _actor_at(text, phrase)
    got = actor.code.split()[-1] if actor is not None and actor.code else None
    assert got == code, _seen(actors)


def test_deputies_without_a_sheriff_are_not_police():
    actor, actors = _actor_at("The deputies voted against the budget.", "deputies")
    assert actor is None or actor.role != "COP", _seen(actors)


def test_a_surname_two_people_share_resolves_to_neither():
    text = ("Charles S. Williams, 39, is charged. Prosecutor Colleen Williams said so in a release. "
            "Williams is accused of killing Doris Jackson.")
    actor, actors = _actor_at(text, "Williams is")
    assert actor is None or actor.code is None, _seen(actors)
    text = "Jean-Marc Ayrault arrived. French Foreign Minister Jean-Marc Ayrault met Kerry. Ayrault said it went well."
    actor, actors = _actor_at(text, "Ayrault said")
    assert actor is not None and actor.code == "FRA GOV", _seen(actors)


@pytest.mark.parametrize("text, phrase, role", [
    ("The Benue State Commissioner for Health, Dr Joseph Ngbea, said the victims were treated.", "Commissioner", "GOV"),
    ("The Commissioner of Information said the road was closed.", "Commissioner", "GOV"),
    ("The state Commissioner of Police, Mr. Olafimihan Adeoye, said the guns were found.", "Commissioner", "COP"),
    ("The commissioner said five men were held.", "commissioner", "COP"),
])
def test_a_titles_portfolio_gives_its_role(text, phrase, role):
    actor, actors = _actor_at(text, phrase)
    assert actor is not None and actor.role == role, _seen(actors)


@pytest.mark.parametrize("text, phrase, role", [
    ("The Benue State Commissioner for Health, Dr Joseph Ngbea, said the victims were treated. Ngbea added more.",
     "Ngbea added", "GOV"),
    ("The state Commissioner of Police, Mr. Olafimihan Adeoye, said the guns were found.", "Adeoye", "COP"),
    ("Harare Mayor, Bernard Manyenyeni confirmed the plan.", "Manyenyeni", "GOV"),
])
def test_a_name_after_a_capitalised_description_is_that_official(text, phrase, role):
    actor, actors = _actor_at(text, phrase)
    assert actor is not None and actor.role == role, _seen(actors)


@pytest.mark.parametrize("text, phrase", [
    ("The Deputy Minister, Economic Development and Trade, Nataliia Mykolska, will lead it.", "Economic Development"),
    ("Prime Minister Narendra Modi, Pande and the mayor met on Friday.", "Pande"),
])
def test_a_capitalised_name_or_department_is_no_officials_description(text, phrase):
    actor, actors = _actor_at(text, phrase)
    assert actor is None or actor.rule != "appositive-title", _seen(actors)


@pytest.mark.parametrize("text, phrase, role", [
    ("The president of the SDS Party said the vote was rigged.", "president", "PTY"),
    ("The president of the company said the plant would close.", "president", "BUS"),
    ("The president of the country said the plant would close.", "president", "GOV"),
    ("Deputy commissioner of police Ravi Patel said the mob fled.", "commissioner", "COP"),
])
def test_a_titled_person_takes_the_role_of_the_body_he_heads(text, phrase, role):
    actor, actors = _actor_at(text, phrase)
    assert actor is not None and actor.role == role and actor.kind == "person", \
        [(a.span.text, a.code, a.kind, a.rule) for a in actors]


@pytest.mark.parametrize("text, phrase", [
    ("British Defence Secretary Tom King said the troops would stay.", "Tom King"),
    ("Interior Minister Ahmed Saleh said the border was closed.", "Ahmed Saleh"),
    ("The Minister of Defence of Nigeria said troops were deployed.", "Minister"),
])
def test_ministers_are_government_whatever_their_portfolio(text, phrase):
    actor, actors = _actor_at(text, phrase)
    assert actor is not None and actor.role == "GOV", _seen(actors)


def test_a_name_after_an_organisation_or_a_named_person_is_not_described_by_it():
    actor, actors = _actor_at("The police, P C Pande and the mayor met on Friday.", "Pande")
    assert actor is None or actor.role != "COP", _seen(actors)


@pytest.mark.parametrize("text, phrase", [
    ("deputy commissioner of police dj patel said the mob fled.", "patel"),
    ("superintendent of police (south) b l soni said the mob fled.", "soni"),
    ("A senior IPS officer said the riots were planned.", "officer"),
    ("The CID arrested him on Friday.", "CID"),
])
def test_indian_police_officers_and_agencies_are_police(text, phrase):
    actor, actors = _actor_at(text, phrase)
    assert actor is not None and actor.role == "COP", _seen(actors)


def test_a_one_letter_bracket_is_no_acronym():
    text = "the deputy commissioner of police (I), Soumen Mitra, told newsmen. I was there, he said."
    actor, actors = _actor_at(text, "I was")
    assert actor is None, _seen(actors)


@pytest.mark.parametrize("text, phrase, role", [
    ("Sheriff's deputies arrested the man on Friday.", "deputies", "COP"),
    ("A sheriff's deputy shot the suspect.", "deputy", "COP"),
    ("The sheriff arrested him.", "sheriff", "COP"),
    ("Duma deputies criticised the plan.", "deputies", "LEG"),
    # bare, in an article about a sheriff's office (context_roles.tsv)
    ("Sheriff John Zaruba said his deputies are investigating. Witnesses told deputies he fled.", "deputies he", "COP"),
    ("The sheriff said a deputy was called to the home.", "deputy", "COP"),
    ("Deputies arrest teen on weapon count. Sheriff Bud Torres said the boy was booked.", "Deputies", "COP"),
])
def test_deputies_are_police_for_a_sheriff_and_lawmakers_in_a_parliament(text, phrase, role):
    actor, actors = _actor_at(text, phrase)
    assert actor is not None and actor.role == role, _seen(actors)


@pytest.mark.parametrize("text, phrase", [
    ("The Hamilton County Sheriff's Office arrested two men.", "Hamilton"),
    ("Paris County officials met on Monday.", "Paris"),
    ("Lebanon Township police arrested him.", "Lebanon"),
])
def test_a_county_named_after_a_capital_or_country_is_not_in_it(text, phrase):
    actor, actors = _actor_at(text, phrase)
    assert actor is None or actor.country is None, _seen(actors)


@pytest.mark.parametrize("text, phrase, code", [
    ("Alexandria police arrested two men in Alexandria. Virginia officials said the men lived in Virginia.",
     "Alexandria police", "USA COP"),
    ("Police in Alexandria arrested two men on Friday. Cairo said the men were Islamists.", "Police", "EGY COP"),
    ("hyderabad: police fired teargas in the old city of hyderabad on friday.", "police", "IND COP"),
])
def test_a_place_name_several_countries_share_leaves_the_country_to_the_other_mentions(text, phrase, code):
    actor, actors = _actor_at(text, phrase)
    assert actor is not None and actor.code == code, _seen(actors)


def test_a_title_word_inside_a_persons_name_is_a_surname():
    actor, actors = _actor_at("Actress Jaime King's four-year-old son was injured.", "King")
    assert actor is None or actor.role != "GOV", _seen(actors)
    actor, actors = _actor_at("King Abdullah met the envoy.", "King")
    assert actor is not None and actor.role == "GOV", _seen(actors)


@pytest.mark.parametrize("text, phrase", [
    ("The Washington Post reported that the talks failed.", "Washington Post"),
    ("The Associated Press reported the attack.", "Associated Press"),
])
def test_a_newspaper_or_agency_named_for_a_place_is_media(text, phrase):
    actor, actors = _actor_at(text, phrase)
    assert actor is not None and actor.role == "MED", _seen(actors)
