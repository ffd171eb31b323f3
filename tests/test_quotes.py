"""Tests for eventwire.quotes: direct and indirect attributions, speakers, lookups."""

from __future__ import annotations

import datetime as dt
from importlib import resources

import pytest

from eventwire.model import Actor, Article, Quote, Span
from eventwire.nlp import Parsed, load_nlp, parse
from eventwire.quotes import find_quotes, quote_containing
from eventwire.quotes.lexicon import load_lexicon
from eventwire.quotes.marks import find_quoted


def parsed(text: str) -> Parsed:
    article = Article(id="t", text=text, raw_text=text, date=dt.date(2016, 3, 23))
    return parse(article, load_nlp()(text))


def run(text: str, actors: list[Actor] | None = None) -> list[Quote]:
    return find_quotes(parsed(text), actors or [])


def rules_only(text: str) -> list[Quote]:
    """The rules' own reading, without the learned pass (which may re-bound contents)."""
    return find_quotes(parsed(text), [], learned=None)


def by_source(quotes: list[Quote], source: str) -> Quote:
    hits = [q for q in quotes if q.source is not None and q.source.text == source]
    assert hits, f"no quote with source {source!r}: {[q.source and q.source.text for q in quotes]}"
    return hits[0]


@pytest.fixture(scope="module")
def palmyra() -> tuple[str, list[Quote]]:
    text = resources.files("eventwire").joinpath("data", "samples", "palmyra-2016-03-23.txt").read_text("utf-8")
    return text, run(text)


def test_palmyra_source_went_on_to_say(palmyra):
    text, quotes = palmyra
    q = by_source(quotes, "the source")
    assert q.kind == "direct"
    assert q.cue is not None and q.cue.text == "went on to say"
    assert q.anonymous
    assert q.content[0].text.startswith("“Fighting continues.")
    assert q.content[0].text.endswith("Palmyra”")
    assert text[q.content[0].start : q.content[0].end] == q.content[0].text


def test_palmyra_soldier(palmyra):
    _, quotes = palmyra
    q = by_source(quotes, "the soldier")
    assert q.cue.text == "said"
    assert q.content[0].text.startswith("“In a few hours")


def test_palmyra_hnc_organisation(palmyra):
    _, quotes = palmyra
    q = by_source(quotes, "the High Negotiations Committee (HNC)")
    assert "High Negotiations Committee" in q.speaker
    assert not q.anonymous
    assert q.content[0].text.startswith("“The diplomatic process")


def test_palmyra_told_reporters(palmyra):
    _, quotes = palmyra
    q = next(q for q in quotes if q.speaker == "Jihad Makdissi")
    assert q.cue.text == "told reporters"
    assert q.content[0].text.startswith("“It is not ready yet")


def test_palmyra_indirect_speech(palmyra):
    _, quotes = palmyra
    q = by_source(quotes, "the Russian military")
    assert q.content[0].text.startswith("its aircraft were flying")
    assert q.kind in ("indirect", "mixed")


def test_interrupted_quote_is_one_attribution_with_pronoun_speaker():
    text = (
        "Angela Merkel arrived in Rome on Monday. Barack Obama was not there. "
        "“We will not give up,” she said, “and we will win.”"
    )
    quotes = run(text)
    assert len(quotes) == 1
    q = quotes[0]
    assert [c.text for c in q.content] == ["“We will not give up,”", "“and we will win.”"]
    assert q.source.text == "she"
    assert q.speaker == "Angela Merkel"  # a named woman before the nearer man of unknown sex (actors.gender)


def test_pronoun_skips_names_inside_quotes():
    text = "John Kerry met reporters in Geneva. “Vladimir Putin has not called me,” he said."
    q = run(text)[0]
    assert q.speaker == "John Kerry"


def test_guillemets():
    text = "«Nous ne partirons pas», said Jean Dupont, the mayor of the town."
    q = run(text)[0]
    assert q.content[0].text == "«Nous ne partirons pas»"
    assert q.speaker == "Jean Dupont"


def test_according_to():
    text = "According to the United Nations, more than 300 civilians died in the fighting."
    q = run(text)[0]
    assert q.kind == "indirect"
    assert q.source.text == "the United Nations"
    assert q.cue.text == "According to"
    assert q.content[0].text == "more than 300 civilians died in the fighting"


@pytest.mark.parametrize(
    "text, source, content",
    [
        # the parser makes "According" the root: no subtree gives the content
        ("The two candidates meet on Monday. According to conservative talk radio host Rush Limbaugh, the move "
         "reeks of fear and desperation.",
         "conservative talk radio host Rush Limbaugh", "the move reeks of fear and desperation"),
        # "according to show insiders" is read as a verb "show" with an object
        ("As a TV boss, Donald Trump repeatedly demeaned women with sexist language, according to show insiders.",
         "show insiders", "As a TV boss, Donald Trump repeatedly demeaned women with sexist language"),
    ],
)
def test_according_to_with_a_broken_parse(text, source, content):
    hits = [q for q in run(text) if q.cue is not None and q.cue.text.lower() == "according to"]
    assert len(hits) == 1
    assert hits[0].source.text == source
    assert [c.text for c in hits[0].content] == [content]


def test_cue_and_colon_closing_a_paragraph_introduce_the_next_one():
    text = ("The governor added:\n\nIt is typical of her. She knows nothing about the state.\n\n"
            "The campaign did not respond.")
    q = by_source(run(text), "The governor")
    assert q.cue.text == "added:"  # the colon is the cue's, as PolNeAR's annotators mark it
    assert [c.text for c in q.content] == ["It is typical of her. She knows nothing about the state."]


@pytest.mark.parametrize("text, cue", [
    ("The minister also said Friday that the plan was dead.", "also said Friday"),
    ("He said: \"We will win this war.\"", "said:"),
    ("The spokesman then pointed out that the talks had failed.", "then pointed out"),
    ("Officials said the talks had failed.", "said"),
    ("The governor said in a statement that the plan was dead.", "said in a statement"),
    ("\u201cWe need a change in this country.\u201d\u2015 Pamela Padilla", "\u2015"),
    ("\u201cWe need a change in this country.\u201d\u00a0\u2015 Pamela Padilla", "\u2015"),  # a no-break space
])
def test_the_cue_keeps_its_adverb_its_day_its_occasion_and_its_colon(text, cue):
    quotes = [q for q in run(text) if q.cue is not None]
    assert [q.cue.text for q in quotes] == [cue]


@pytest.mark.parametrize("text, source", [
    ("\u201cYou are not a leader, you are a dictator.\u201d \u2015\u00a0Christina N Luis Olidem\n", "Christina N Luis Olidem"),
    ("\u201cYou are not a leader, you are a dictator.\u201d\u00a0\u2015 Christina Lastra\n", "Christina Lastra"),
])
def test_a_signed_quote_ends_at_its_closing_mark(text, source):
    (q,) = run(text)
    assert q.source is not None and q.source.text == source
    assert [c.text for c in q.content] == ["\u201cYou are not a leader, you are a dictator.\u201d"]


def test_transcript_printed_in_quote_marks_is_one_attribution_per_turn():
    text = ("On Sunday, Vice-presidential nominee Mike Pence spoke to Fox News.\n\n"
            '"WALLACE: Will Gennifer Flowers be there?\n\n'
            '"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n\n'
            '"But the truth is that Donald Trump has a unique way of communicating.\n\n'
            '"(CROSSTALK.)\n\n'
            '"WALLACE: Governor, I want to try to get to the point.')
    quotes = run(text)
    turns = [(q.source.text, q.cue.text, [c.text for c in q.content]) for q in quotes if q.cue and q.cue.text == ":"]
    assert turns == [
        ("WALLACE", ":", ["Will Gennifer Flowers be there?"]),
        ("PENCE", ":", ["Gennifer Flowers will not be attending the debate tomorrow night.",
                        "But the truth is that Donald Trump has a unique way of communicating."]),
        ("WALLACE", ":", ["Governor, I want to try to get to the point."]),
    ]
    assert by_source(quotes, "PENCE").speaker == "Mike Pence"


def test_a_report_inside_another_reports_content_belongs_to_the_outer_one():
    text = ("Clinton says she appreciated Machado’s courage through what she calls a "
            "“war of some pretty unpleasant words.”")
    quotes = run(text)
    assert [(q.cue.text, q.source.text) for q in quotes] == [("says", "Clinton")]
    assert quotes[0].content[0].text.startswith("she appreciated")


def test_a_coordinated_report_is_an_attribution_of_its_own():
    text = ("The Chinese foreign ministry said it was resolutely opposed to the test and warned North Korea to "
            "refrain from further actions.")
    contents = sorted(" / ".join(c.text for c in q.content) for q in run(text))
    assert contents == ["North Korea to refrain from further actions", "it was resolutely opposed to the test"]


def test_after_a_modal_clause_a_finite_conjunct_is_the_speakers():
    text = ("Trump said he would order a thorough review of the nation's computer defenses and warned against "
            "hackers from China.")
    said = next(q for q in run(text) if q.cue is not None and q.cue.text == "said")
    assert [c.text for c in said.content] == ["he would order a thorough review of the nation's computer defenses"]
    # "were" agrees with the reported subject: the report goes on
    text = "She said they would win the vote and were confident of victory."
    assert [c.text for c in run(text)[0].content] == ["they would win the vote and were confident of victory"]


def test_a_coordinated_action_stays_in_the_report():
    text = "The officer said the man posed a deadly threat and refused to drop the gun."
    quotes = run(text)
    assert [c.text for c in quotes[0].content] == ["the man posed a deadly threat and refused to drop the gun"]


def test_said_that():
    text = "The minister said that the army would withdraw from the city by Friday."
    q = run(text)[0]
    assert q.kind == "indirect"
    assert q.source.text == "The minister"
    assert q.content[0].text == "that the army would withdraw from the city by Friday"
    assert q.anonymous is False or q.speaker == "The minister"


def test_anonymous_nominal_source():
    text = "A senior official said the talks had collapsed."
    q = run(text)[0]
    assert q.source.text == "A senior official"
    assert q.anonymous


def test_postposed_cue_keeps_whole_content():
    text = "The van was supposed to be escorted by police, but the guards drove away first, another source said."
    q = run(text)[0]
    assert q.content[0].text.startswith("The van was supposed")
    assert q.source.text == "another source"


def test_partial_quote_is_part_of_indirect_content():
    text = "Lynch said there remains a “significant difference” between the two offices."
    quotes = run(text)
    assert len(quotes) == 1
    assert quotes[0].kind == "mixed"
    assert quotes[0].content[0].text.startswith("there remains")


def test_actor_name_and_code_are_copied():
    text = "The Syrian army said it had taken the hills."
    article_span = Span(4, 15, "Syrian army")
    actor = Actor(article_span, 0, "Syrian Armed Forces", "SYRMIL", kind="organisation")
    q = run(text, [actor])[0]
    assert q.speaker == "Syrian Armed Forces"
    assert q.speaker_code == "SYRMIL"


def test_quote_containing():
    text = "“The city will fall within hours,” the commander said."
    quotes = run(text)
    start = text.index("city")
    assert quote_containing(quotes, start, start + 4) is quotes[0]
    end = text.index("commander")
    assert quote_containing(quotes, end, end + 9) is None


def test_apostrophes_are_not_quotes_and_paragraphs_join():
    lexicon = load_lexicon()
    assert find_quoted("Trump’s aides don’t agree, and the ’90s were long.", lexicon) == []
    text = "“First paragraph of speech.\n“Second paragraph,” he said."
    spans = find_quoted(text, lexicon)
    assert len(spans) == 1 and spans[0].paragraphs == 2
    assert text[spans[0].start : spans[0].end].endswith("paragraph,”")


def test_no_quotes_in_plain_narrative():
    assert run("Troops entered the town on Sunday and the residents fled.") == []


def test_headline_conventions():
    body = "\n\nThe rest of the story follows here."
    q = run("Pence: Flowers Won’t Be at Debate." + body)[0]
    assert (q.source.text, q.cue.text, q.content[0].text) == ("Pence", ":", "Flowers Won’t Be at Debate")
    q = run("Clinton Hid Health Problems, Former Doctor Says." + body)[0]
    assert (q.source.text, q.cue.text, q.content[0].text) == ("Former Doctor", "Says", "Clinton Hid Health Problems")
    assert run("The Latest: Storm hits the coast." + body) == []


def test_quote_paragraph_continues_previous_speaker():
    text = (
        "“We will rebuild the bridge,” the mayor said on Monday.\n\n"
        "“It will take two years and a lot of money, but we will do it.”\n\n"
        "Work starts in May."
    )
    quotes = run(text)
    assert len(quotes) == 1
    assert len(quotes[0].content) == 2
    assert quotes[0].content[1].text.startswith("“It will take")


def test_signed_vox_pop_quote():
    text = "“I am worried about the future of my children and my town.” ― Maria Lopez, 34, teacher"
    q = run(text)[0]
    assert q.speaker == "Maria Lopez"
    assert q.cue.text == "―"


def test_signed_quotes_in_a_row_keep_each_name_on_its_line():
    text = ("“Trump must stop portraying Latinos as dangerous gangsters.”― Carla Sanchez\n"
            "“I’m so ashamed to be an American. He never grew up.” ― Jacklyn Ashley\n")
    quotes = run(text)
    assert quotes[0].source.text == "Carla Sanchez", [q.source.text for q in quotes if q.source]


def test_a_paragraph_opened_with_a_closing_mark_is_a_quote():
    text = "Intro.\n”Mr. Trump embodies racism. He represents our shame.” ― Sonya Herridge\nHe said ”no” twice."
    assert [text[q.start:q.end] for q in find_quoted(text, load_lexicon())][0].startswith("”Mr. Trump")
    english = "“No,” she said, “never.”"  # an opening mark that closes another pair („…“) stays an opener
    assert [english[q.start:q.end] for q in find_quoted(english, load_lexicon())] == ["“No,”", "“never.”"]


def test_reporting_noun():
    text = "Trump repeated his claim that the election was rigged against him."
    q = run(text)[0]
    assert q.content[0].text == "that the election was rigged against him"
    assert q.source.text == "his"
    assert q.speaker == "Trump"


def test_mixed_curly_and_straight_marks_pair_up():
    spans = find_quoted("“Deals are not a requirement,\" he said. Then he left.", load_lexicon())
    assert len(spans) == 1 and spans[0].end == len("“Deals are not a requirement,\"")


def test_statement_class_from_cue():
    from eventwire.quotes import statement_class

    q = run("The opposition accused the government of shelling the town.")[0]
    assert statement_class(q) == "accuse"
    q = run("The minister said the talks would resume.")[0]
    assert statement_class(q) == "statement"
    q = run("Rebels threatened to attack the airport.")[0]
    assert statement_class(q) == "threaten"


def test_speaker_is_the_head_not_a_modifier():
    q = run("A lawyer for the newspapers, David Schulz, said no decision had been made.")[0]
    assert q.speaker == "David Schulz"
    q = run("One Democratic source on the panel said the talks had failed.")[0]
    assert q.anonymous and q.speaker == "One Democratic source on the panel"
    q = run("Pagliano's lawyer said he would not answer questions.")[0]
    assert q.speaker == "Pagliano's lawyer" and not q.anonymous


def test_pronoun_respects_gender_from_titles():
    # the nearest PERSON before "she" is Sanders, a man by the article's own title
    text = "Ms. Warren met voters in Ohio. Later Mr. Sanders arrived. “We are not done yet,” she said."
    q = run(text)[0]
    assert q.speaker == "Warren"


def test_coded_nominal_source_stays_anonymous():
    text = "“The city will be secure within hours,” the soldier said."
    start = text.index("the soldier")
    actor = Actor(Span(start, start + 11, "the soldier"), 0, "the soldier", "SYR MIL", kind="person")
    q = run(text, [actor])[0]
    assert q.speaker_code == "SYR MIL"
    assert q.anonymous


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "“", '"', "«»", "“”", "''", ":", "He said:", "according to", "“A,” he said, “", "―", "Mr. X: “y”"],
)
def test_degenerate_input_gives_valid_spans(text):
    for q in run(text):
        for span in q.content:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end] == span.text


def test_partial_quote_content_starts_right_after_the_cue():
    # PolNeAR annotates the whole reported clause, not just the quoted words in it.
    text = 'He said the plan would be "a disaster for working families."'
    q = next(q for q in run(text) if q.cue is not None and q.cue.text == "said")
    assert q.content[0].text == 'the plan would be "a disaster for working families."'
    assert q.kind == "mixed"


def test_source_between_cue_and_content_stays_out_of_the_content():
    text = "According to the United Nations, more than 30 civilians were killed in the fighting."
    q = run(text)[0]
    assert all("United Nations" not in span.text for span in q.content)


def test_reported_clause_ends_with_the_quotation_it_opens():
    # the parser hangs the final ." on the cue verb; the content still closes its quotation
    text = 'Sanders told reporters on Friday that Clinton is "a very strong candidate."'
    q = next(q for q in rules_only(text) if q.cue is not None and q.cue.text.startswith("told"))
    assert q.content[-1].text == 'that Clinton is "a very strong candidate."'


def test_words_of_the_telling_stay_out_of_a_widened_content():
    # "told [reporters] [on Friday]": the cue's own object and modifiers are not reported
    text = 'He told reporters on Friday the plan would be "a disaster for working families."'
    q = next(q for q in run(text) if q.cue is not None and q.cue.text.startswith("told"))
    assert q.content[0].text == 'the plan would be "a disaster for working families."'


def test_a_show_named_after_the_cue_is_no_second_half_and_the_next_speaker_keeps_their_words():
    text = ('"We need to step away from efforts to paint law enforcement with the broad brush of racial bias," '
            'Pence said on CNN\'s "State of the Union."\n\n'
            'On "Face the Nation," Sen. Bernie Sanders identified exhaustion with bigotry as a reason to vote. '
            '"The younger people are sick and tired of discrimination and racism."')
    quotes = run(text)
    pence = by_source(quotes, "Pence")
    assert [s.text for s in pence.content] == [
        '"We need to step away from efforts to paint law enforcement with the broad brush of racial bias,"']
    younger = [q for q in quotes if any("younger people" in s.text for s in q.content)]
    assert younger and younger[0].source is not None and "Sanders" in younger[0].source.text, \
        [(q.source and q.source.text, [s.text for s in q.content]) for q in quotes]


def test_a_quote_after_the_speakers_own_cue_sentence_still_continues():
    text = ('"How many times do we have to see this in our country?" Clinton said. '
            '"In Tulsa, an unarmed man with his hands in the air. This is just unbearable."')
    clinton = by_source(run(text), "Clinton")
    assert len(clinton.content) == 2, [s.text for s in clinton.content]


def test_a_trailing_which_clause_is_the_writers_background_not_the_content():
    text = "He said he expects Clinton to fully recover from her bout with pneumonia, which forced her to leave early."
    quotes = run(text)
    contents = [s.text for q in quotes for s in q.content]
    assert "he expects Clinton to fully recover from her bout with pneumonia" in contents, contents


@pytest.mark.parametrize(
    "text, content",
    [
        ("Polls show a close contest in the state, where 18 electoral votes are up for grabs.",
         "a close contest in the state"),
        ("Officials described a flood in the valley, where hundreds of homes were lost.",
         "a flood in the valley"),
    ],
)
def test_a_trailing_where_clause_is_background_too(text, content):
    contents = [s.text for q in run(text) for s in q.content]
    assert content in contents, contents


@pytest.mark.parametrize(
    "text, content",
    [
        ("As the senator noted on Tuesday, the bill has no chance in the House.", ["the bill has no chance in the House"]),
        ("The bill, as the senator noted, has no chance in the House.", ["The bill", "has no chance in the House"]),
    ],
)
def test_an_as_clause_cue_reports_the_clause_it_hangs_on(text, content):
    quotes = run(text)
    q = by_source(quotes, "the senator")
    assert q.cue.text == "noted"
    assert [c.text for c in q.content] == content


@pytest.mark.parametrize(
    "text",
    ["As he arrived, the crowd cheered.",
     "The road will close tonight as the Highways Agency continues to tackle the county's pothole problem."],
)
def test_an_as_clause_that_reports_nothing_is_no_attribution(text):
    assert run(text) == []


def test_a_relative_pronoun_object_is_not_what_was_claimed():
    text = ("The U.N. called an emergency meeting to discuss the test, which state news media claimed "
            "now allows Pyongyang to produce nuclear warheads.")
    contents = [c.text for q in run(text) for c in q.content]
    assert not any(c.endswith("which") for c in contents), contents


def test_a_dateline_the_parser_hangs_on_the_speaker_is_not_the_speaker():
    text = ("Prosecution rests in Ohio bathtub drowning trial . LEBANON (AP) — A forensic pathologist testifying "
            "in the trial says a bruise indicates someone grabbed the woman by her neck.")
    q = next(q for q in run(text) if q.cue is not None and q.cue.text == "says")
    assert q.source.text.startswith("A forensic pathologist"), q.source.text
    assert q.speaker_code != "LBN" and "Lebanon" not in (q.speaker or ""), (q.speaker, q.speaker_code)


def test_a_poll_finding_is_attributed_to_the_poll():
    quotes = run("In the latest Washington Post poll, Clinton led Trump by five points among likely voters.")
    found = [q for q in quotes if q.source is not None and "poll" in q.source.text]
    assert found and found[0].cue.text == "In"
    assert found[0].content[0].text.startswith("Clinton led Trump")


def test_a_statement_verb_in_a_report_stays_the_cue():
    quotes = run("In a report released on Monday, the ministry said the army had withdrawn.")
    assert quotes and all(q.cue is not None and q.cue.text != "In" for q in quotes)


@pytest.mark.parametrize("text", [
    "A landmark compensation award by a New York court has caught the attention of artists across the United States.",
    "Mining expansion has also produced significant resistance to the chief's control over land.",
])
def test_a_thing_holds_no_view(text):
    assert run(text) == []


def test_people_and_texts_still_do():
    assert [q.source.text for q in run("The report found that the police had failed.")] == ["The report"]
    assert [q.source.text for q in run("Officials believe the abuse went on for years.")] == ["Officials"]


@pytest.mark.parametrize("text, content", [
    ("The senator criticized Trump for taking advantage of legal tax deductions.",
     "Trump for taking advantage of legal tax deductions"),
    ("Regulators charged two developers with defrauding investors from 74 countries.",
     "two developers with defrauding investors from 74 countries"),
    ("The governor praised the volunteers in the city on Friday.", "the volunteers"),
    ("The union endorsed Hillary Clinton for president on Thursday.", "Hillary Clinton for president"),  # a date is no content
])
def test_an_object_content_runs_on_over_what_is_said_of_the_object(text, content):
    (q,) = rules_only(text)
    assert [c.text for c in q.content] == [content]


@pytest.mark.parametrize("text, content", [
    ("Reid said that he had a well-connected source who told him the GOP presidential nominee hadn't paid any "
     "taxes for 10 years.",
     "that he had a well-connected source who told him the GOP presidential nominee hadn't paid any taxes for 10 years"),
    ("Aides said the high level of priority being placed on motivating black voters in Florida shows the campaign "
     "is worried.",
     "the high level of priority being placed on motivating black voters in Florida shows the campaign is worried"),
])
def test_a_reported_clause_the_parser_split_in_two_stays_one(text, content):
    assert [c.text for c in rules_only(text)[0].content] == [content]


def test_a_coordinated_infinitive_that_reports_a_clause_is_its_own_report():
    text = "The senator refuses to release his tax records or explain how his wife became a citizen."
    assert [(q.cue.text, q.content[0].text) for q in rules_only(text)] == [
        ("refuses", "to release his tax records"), ("explain", "how his wife became a citizen")]


@pytest.mark.parametrize("text, content", [
    ("She wants to triple the size of the AmeriCorps program, grow the Peace Corps and create a new national "
     "service reserve program.",
     "to triple the size of the AmeriCorps program, grow the Peace Corps and create a new national service reserve "
     "program"),
    ("Donald Trump has mentioned refinancing student loans and forcing universities to spend more from their "
     "endowments.",
     "refinancing student loans and forcing universities to spend more from their endowments"),
])
def test_verbs_the_parser_coordinated_with_the_cue_continue_the_content(text, content):
    """The parser hangs "grow" and "forcing" on the cue; their form says they go on from the content."""
    assert [c.text for c in rules_only(text)[0].content] == [content]


def test_a_conjunct_with_its_own_auxiliary_stays_the_cue_s():
    """"will open" is the mayor's next statement, not more of what the mayor wants."""
    q = rules_only("The mayor wants to build a new bridge and will open it in May.")[0]
    assert q.content[0].text == "to build a new bridge"


def test_a_quote_ending_on_a_nested_one_closes_after_the_space():
    """Washington Post style: the straight closer follows the nested quote's closer and a space."""
    text = "\"I've always been insulted with the term 'African American outreach,' \" he told the group, adding that it hurt."
    quotes = rules_only(text)
    assert quotes[0].content[0].text == "\"I've always been insulted with the term 'African American outreach,' \""
    assert quotes[0].cue.text == "told"


def test_a_single_line_paragraph_ends_its_sentence():
    """Paragraphs one line each: the next paragraph's quote is no part of the sentence before it."""
    text = ("Michael Mulgrew, president of the teachers' union, said he hopes the day sends a message that "
            "“communities are standing up for their schools.”\n"
            "“Let’s get back to saying our schools are something we support,” said Mulgrew.")
    assert [(q.cue.text, q.content[0].text) for q in rules_only(text)] == [
        ("said", "he hopes the day sends a message that “communities are standing up for their schools.”"),
        ("said", "“Let’s get back to saying our schools are something we support,”")]


def test_a_content_never_ends_on_a_coordinator():
    """Cutting the coordinated report off "declined to threaten Moscow or … declare it responsible"
    must not leave its "or" behind."""
    quotes = rules_only("This week, the president declined to threaten Moscow or even directly declare it responsible.")
    assert quotes and all(not c.text.endswith((" or", " and")) for q in quotes for c in q.content), \
        [c.text for q in quotes for c in q.content]
