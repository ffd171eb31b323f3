"""WordNet classes: what lets the learned pass generalise to cue words it never saw."""

from eventwire.quotes.wordclasses import word_classes


def test_verbs_of_saying_and_thinking_have_their_classes():
    assert word_classes("pooh-pooh", "VERB")[0] == "communication"
    assert word_classes("believe", "VERB")[0] == "cognition"
    assert word_classes("Chronicle", "VERB")[0] == "communication"  # looked up lower-cased


def test_nouns_keep_attitude_classes_in_frequency_order():
    assert word_classes("endorsement", "NOUN")[0] == "communication"
    assert "cognition" in word_classes("assessment", "NOUN")


def test_other_parts_of_speech_and_unknown_words_have_none():
    assert word_classes("say", "ADJ") == ()
    assert word_classes("table", "NOUN") == ()  # no attitude sense: not kept
    assert word_classes("zzxqv", "VERB") == ()
