"""Page furniture is never returned as a claim; statements around it are.

Claims are read from the body that document_metadata bounds (as the pipeline does), so furniture
around the body is the metadata's decision and furniture inside it is tested line by line.
"""

from __future__ import annotations

import pytest
from cases import cases

from newsfacts.claims import extract_claims
from newsfacts.claims.detect import core_span, furniture_reason
from newsfacts.claims.verbs import has_finite_verb
from newsfacts.metadata import parse_metadata

STATEMENT = "The central bank raised its policy rate by a quarter point on Tuesday."


def claim_texts(text: str) -> list[str]:
    meta = parse_metadata(text)
    return [c.text for c in extract_claims(text, meta.body_start, meta.body_end)]


@pytest.mark.parametrize(
    "furniture",
    [
        "Key Takeaways",
        "Conclusion",
        "Related Articles",
        "Latest Posts",
        "Source",
        "Frequently Asked Questions",
        "## Markets in Motion: What the Rate Rise Means",
        "#### Pragmatism as the New Diplomacy",
        "What does the rate rise mean for mortgage holders?",
        "Request Demo",
        "Subscribe to our newsletter for daily updates.",
        "Explore the data behind the decision—read now for expert insights.",
        "Click here to download the full report.",
        "AI-powered research, real-time alerts, and portfolio analytics for institutional investors.",
        "Your trusted source for market news, data and analysis.",
        "Sentiment Score",
        "0.05",
        "https://example.com/story/123",
        "<excerpt/>",
        "Trump Signals Reinforced U.S.–Japan Alignment",
    ],
)
def test_furniture_is_not_a_claim(furniture: str) -> None:
    # A navigation header may end the body (metadata's call): then what follows is no claim either.
    text = f"{STATEMENT}\n{furniture}\n{STATEMENT}"
    texts = claim_texts(text)
    assert texts[0] == STATEMENT
    assert all(furniture not in t for t in texts)


def test_bio_after_rule_is_not_a_claim() -> None:
    text = (
        f"{STATEMENT}\n\n---\n\n__Jane Doe__ is a Senior Fellow at the Institute of Policy Studies. "
        "She also advises several banks."
    )
    assert claim_texts(text) == [STATEMENT]


def test_bio_with_bold_name_is_not_a_claim() -> None:
    text = f"{STATEMENT}\n**John Roe** is an economist and columnist based in Tokyo."
    assert claim_texts(text) == [STATEMENT]


def test_sentence_about_a_person_in_the_body_is_a_claim() -> None:
    text = "Sanae Takaichi is a conservative politician who became prime minister in October."
    assert claim_texts(text) == [text]


def test_front_matter_is_skipped() -> None:
    text = f"---\ntitle: A story\nauthor: Jane Doe\n---\n{STATEMENT}"
    assert claim_texts(text) == [STATEMENT]


def test_bullets_with_a_verb_are_claims_without_their_markers() -> None:
    text = "Flash Points\n  • Tokyo session projected a tightly synchronized policy line\n- Rates rose again today."
    assert claim_texts(text) == [
        "Tokyo session projected a tightly synchronized policy line",
        "Rates rose again today.",
    ]


def test_enumerated_items_are_separate_claims() -> None:
    text = (
        "This alignment works in three directions:\n(1) It gives the U.S. an anchor in the region.\n"
        "(2) It constrains China’s room to fragment allies individually."
    )
    assert claim_texts(text)[1:] == [
        "It gives the U.S. an anchor in the region.",
        "It constrains China’s room to fragment allies individually.",
    ]


def test_emphasis_markup_is_trimmed() -> None:
    text = "_In a visit that consolidated ties, economic matters held more focus than defence._"
    (claim,) = extract_claims(text)
    assert claim.text == text.strip("_")


def test_fragment_inside_a_paragraph_is_kept() -> None:
    text = "Public opinion remains positive. Early polls show approval from 64-75%, citing her quick action."
    assert len(claim_texts(text)) == 2


def test_core_span_strips_list_markers() -> None:
    text = "- __Bold item__ text"
    s, e = core_span(text, 0, len(text))
    assert text[s:e] == "Bold item__ text"


@pytest.mark.parametrize(
    ("text", "expected"),
    cases("""
        text                                                                                        | expected: flag
        Japan’s PM strengthens ties with Trump in a key phone call.                                 | yes
        Early polls show approval from most voters.                                                 | yes
        They remain cautious about the outlook.                                                     | yes
        Markets rallied after the announcement.                                                     | yes
        It’s a pivotal signal for investors.                                                        | yes
        AI-powered research, real-time alerts, and portfolio analytics for institutional investors. | no
        Market news, data and analysis for professionals.                                           | no
    """),
)
def test_has_finite_verb(text: str, expected: bool) -> None:
    assert has_finite_verb(text) is expected


def test_furniture_reason_names_the_rule() -> None:
    assert furniture_reason("Why is the alliance central?", "Why is") == "question"
    assert furniture_reason("“Why is the alliance central?”", "“Why is") is None
    assert furniture_reason("Key Takeaways", "Key Takeaways") == "too short"
    assert furniture_reason(STATEMENT, STATEMENT[:8]) is None


@pytest.mark.parametrize(
    "boilerplate",
    cases("""
        boilerplate
        This article was originally published on The Conversation.
        Additional reporting by Jane Smith in Tokyo.
        The views expressed here are the author’s own and do not reflect those of the publisher.
        (Reporting by Jane Smith; Editing by Tom Lee)
        © 2025 Example News. All rights reserved.
    """),
)
def test_publishing_boilerplate_is_not_a_claim(boilerplate: str) -> None:
    assert claim_texts(f"{STATEMENT}\n{boilerplate}") == [STATEMENT]


def test_bio_at_the_end_of_the_body_is_not_a_claim() -> None:
    text = f"{STATEMENT}\n{STATEMENT}\nJane Smith is a senior correspondent covering Japanese politics."
    assert claim_texts(text) == [STATEMENT, STATEMENT]


@pytest.mark.parametrize(
    "last",
    [
        "Ann Roe is a reporter who was detained in March.",
        "Jane Smith, a senior correspondent for the network, said the talks had stalled.",
        "Ben Lee is a correspondent for the paper, the ministry said.",
    ],
)
def test_closing_sentence_about_a_journalist_is_a_claim(last: str) -> None:
    assert claim_texts(f"{STATEMENT}\n{last}") == [STATEMENT, last]


def test_bio_shape_inside_the_story_is_a_claim() -> None:
    middle = "Jane Smith is a senior correspondent covering Japanese politics."
    assert claim_texts(f"{STATEMENT}\n{middle}\n{STATEMENT}") == [STATEMENT, middle, STATEMENT]


def test_two_word_sentence_with_a_verb_is_a_claim() -> None:
    assert claim_texts("Markets fell.\nRead more.\nThank you.") == ["Markets fell."]
