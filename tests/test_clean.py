from eventwire.clean import clean


def test_palmyra_boilerplate_caption_headline(palmyra_text):
    c = clean(palmyra_text)
    assert "Share" not in c.text.split("\n")
    assert "Advertisement" not in c.text
    assert c.headline == "Syrian army seizes hills overlooking IS-held town of Palmyra"
    # the repeated headline at the foot is dropped, the first kept
    assert c.text.count("Syrian army seizes hills overlooking IS-held town of Palmyra") == 1
    assert c.text.startswith("Syrian army seizes hills")
    # the caption is its own paragraph, separated from the sentence glued to it
    (cap,) = c.caption_texts
    assert cap.endswith("Wednesday, March 23, 2016.")
    start, end = c.captions[0]
    assert c.text[start:end] == cap
    assert c.text[end:].startswith("\n\nThe opposition has said")


def test_every_clean_character_maps_back_to_raw(palmyra_text):
    c = clean(palmyra_text)
    for clean_start, raw_start, length in c.offsets.segments:
        assert c.text[clean_start : clean_start + length] == palmyra_text[raw_start : raw_start + length]
    # spot check through to_raw on a word far into the text
    i = c.text.index("Tadmur prison")
    j = c.offsets.to_raw(i)
    assert palmyra_text[j : j + len("Tadmur prison")] == "Tadmur prison"


def test_dateline_is_moved_to_metadata():
    c = clean("GENEVA (Reuters) - Talks resumed on Monday after a pause.\n\nMore talks followed.")
    assert c.dateline == "GENEVA (Reuters)"
    assert c.text.startswith("Talks resumed on Monday")
    c = clean("BEIRUT, March 23 (AFP) -- Shelling hit the city.")
    assert c.dateline == "BEIRUT, March 23 (AFP)"
    assert c.text == "Shelling hit the city."
    c = clean("AHMEDABAD: Police arrested 40 people on Friday.")
    assert c.dateline == "AHMEDABAD"
    assert c.text == "Police arrested 40 people on Friday."


def test_a_dateline_after_a_headline_on_the_same_line_is_moved_to_metadata():
    raw = "Prosecution rests in bathtub trial . LEBANON (AP) — A pathologist says a bruise tells."
    c = clean(raw)
    assert c.dateline == "LEBANON (AP)"
    assert c.headline == "Prosecution rests in bathtub trial ."
    body = c.text.split("\n\n")[-1]
    assert body == "A pathologist says a bruise tells."
    assert raw[c.offsets.to_raw(c.text.index(body)):].startswith(body)
    # a sentence that merely ends before capitals is no headline of a dateline
    c = clean("Rebels attacked a convoy. UN -- officials said nothing.")
    assert c.dateline is None and c.headline is None


def test_social_cookie_and_subscribe_lines_removed_but_sentences_kept():
    raw = (
        "Share on Facebook\nFacebook | Twitter | Email\nWe use cookies to improve your experience.\n"
        "Subscribe to our newsletter\nRead more: Earlier coverage of the strike\n"
        "The union said members who sign up for the strike fund will be paid.\nAdvertisement\n"
    )
    c = clean(raw)
    assert c.text == "The union said members who sign up for the strike fund will be paid."


def test_publication_line_becomes_date_text():
    c = clean("This story is from March 10, 2002\n\nnew delhi: the government has begun talks.")
    assert c.publication_date_text == "March 10, 2002"
    assert "This story is from" not in c.text


def test_text_without_furniture_is_unchanged():
    raw = "Rebels attacked a convoy near the border on Tuesday. Two soldiers died."
    c = clean(raw)
    assert c.text == raw
    assert c.offsets.to_raw(10) == 10
