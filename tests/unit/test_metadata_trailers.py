"""Trailing furniture: sentiment widgets, calls to action, navigation, taglines and author bios."""

from __future__ import annotations

import pytest

from newsfacts.metadata import parse_metadata

BODY = (
    "Tokyo and Washington on Saturday reaffirmed their alliance in a phone call.\n\n"
    "The leaders agreed to keep talking about trade and defense."
)


def _after_body(trailer: str) -> tuple[str, object]:
    text = f"{BODY}\n{trailer}"
    metadata = parse_metadata(text)
    return text[metadata.body_start : metadata.body_end], metadata


def test_sentiment_on_following_lines_glued_to_a_button():
    body, metadata = _after_body("Request DemoOverall Sentiment\nneutral\nSentiment Score\n0.05")
    assert body == BODY
    assert (metadata.sentiment_label, metadata.sentiment_score) == ("neutral", 0.05)


def test_sentiment_on_the_same_line():
    body, metadata = _after_body("\nOverall Sentiment: Positive\nSentiment Score: -0.3\n")
    assert body == BODY
    assert (metadata.sentiment_label, metadata.sentiment_score) == ("positive", -0.3)


def test_sentiment_label_and_score_together():
    _, metadata = _after_body("\nSentiment: Slightly Negative (0.42)")
    assert (metadata.sentiment_label, metadata.sentiment_score) == ("slightly negative", 0.42)


def test_sentiment_word_in_prose_is_not_a_trailer():
    text = "Investor sentiment: cautious after the call.\n\nMarket sentiment was neutral."
    metadata = parse_metadata(text)
    assert (metadata.sentiment_label, metadata.sentiment_score) == (None, None)
    assert metadata.body_end == len(text)


def test_value_line_without_header_stays_in_body():
    body, metadata = _after_body("\nneutral")
    assert body.endswith("neutral")
    assert metadata.sentiment_label is None


def test_tagline_directly_above_a_call_to_action():
    tagline = "AI-powered research, real-time alerts, and portfolio analytics for institutional investors."
    body, _ = _after_body(f"{tagline}\nRequest Demo")
    assert body == BODY


@pytest.mark.parametrize(
    "last_line",
    [
        "The talks resume next week.",  # opens with a determiner: a sentence
        "Officials announced further talks.",  # past tense verb
        "It will matter for markets.",  # auxiliary and pronoun
    ],
)
def test_closing_sentence_above_a_call_to_action_stays(last_line: str):
    body, _ = _after_body(f"{last_line}\nSubscribe")
    assert body.endswith(last_line)


@pytest.mark.parametrize(
    "trailer",
    [
        "\nRequest Demo",
        "\nSubscribe now",
        "\nSign up",
        "\nRead more »",
        "\nShare this article\nFacebook Twitter LinkedIn Email",
        "\nSubscribe to our newsletter for weekly updates on Asian markets.",
        "\nThanks for reading! Subscribe for free to receive new posts.\n\n[Subscribe](https://x.example/s)",
        "\nSource\n\nRelated Articles\n\nLatest Posts",
        "\nRead next:\nJapan signs deal with US\nTakaichi meets Xi in Lima",
        "\n## Related Articles\n\n- [Japan signs deal](https://example.com/a)\n- [Another one](https://example.com/b)",
        "\nTags: Japan, United States, trade",
        "\nSource: Reuters",
        "\n© 2025 Example Media. All rights reserved.",
        "\n(Reporting by Jane Doe; Editing by John Roe)",
        "\n---\n\n__Jane Doe__ is a senior fellow at the Example Institute. She writes on Japan.",
        "\n***\n\nJane Doe, a senior fellow at the Example Institute, writes on Japan.",
        "\n*Jane Doe is a senior fellow at the Example Institute.*",
        "\nAbout the Author\n\nJane Doe writes on Japan and the alliance for several outlets.",
        "\n---\n",
    ],
)
def test_trailing_furniture_is_outside_the_body(trailer: str):
    body, _ = _after_body(trailer)
    assert body == BODY


def test_furniture_blocks_are_stripped_repeatedly():
    trailer = (
        "\nShare this\n\n---\n\n**Jane Doe** is an analyst.\n\nRelated Articles\n- One headline\n\n"
        "Overall Sentiment\nbullish\n\n"
    )
    body, metadata = _after_body(trailer)
    assert body == BODY
    assert metadata.sentiment_label == "bullish"


def test_rule_followed_by_prose_is_not_a_bio():
    text = f"{BODY}\n\n---\n\nThe second part of the article goes on at length about trade."
    metadata = parse_metadata(text)
    assert metadata.body_end == len(text)


def test_mid_body_furniture_is_left_in_place():
    text = f"{BODY}\n\nRead more\n\nThe story continues with a long closing paragraph about trade."
    metadata = parse_metadata(text)
    assert text[metadata.body_start : metadata.body_end].endswith("about trade.")
    assert "Read more" in text[metadata.body_start : metadata.body_end]


def test_all_furniture_leaves_an_empty_body():
    metadata = parse_metadata("Subscribe\nShare this\n")
    assert metadata.body_start == metadata.body_end
    assert metadata.word_count == 0
