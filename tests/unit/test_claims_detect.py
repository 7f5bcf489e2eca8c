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


BIO = "Jane Smith is a senior correspondent covering Japanese politics."
PERSON = "Sanae Takaichi is a conservative politician who became prime minister in October."

# What is left of a text as claims: furniture, bios and front matter around statements fall away.
CLAIMS_OF = [
    pytest.param(
        f"{STATEMENT}\n\n---\n\n__Jane Doe__ is a Senior Fellow at the Institute of Policy Studies. "
        "She also advises several banks.",
        [STATEMENT],
        id="bio-after-rule",
    ),
    pytest.param(
        f"{STATEMENT}\n**John Roe** is an economist and columnist based in Tokyo.", [STATEMENT], id="bio-with-bold-name"
    ),
    pytest.param(PERSON, [PERSON], id="sentence-about-a-person-in-the-body"),
    pytest.param(f"---\ntitle: A story\nauthor: Jane Doe\n---\n{STATEMENT}", [STATEMENT], id="front-matter-is-skipped"),
    pytest.param(
        "Flash Points\n  • Tokyo session projected a tightly synchronized policy line\n- Rates rose again today.",
        ["Tokyo session projected a tightly synchronized policy line", "Rates rose again today."],
        id="bullets-with-a-verb-lose-their-markers",
    ),
    pytest.param(f"{STATEMENT}\n{STATEMENT}\n{BIO}", [STATEMENT, STATEMENT], id="bio-at-the-end-of-the-body"),
    pytest.param(f"{STATEMENT}\n{BIO}\n{STATEMENT}", [STATEMENT, BIO, STATEMENT], id="bio-shape-inside-the-story"),
    pytest.param("Markets fell.\nRead more.\nThank you.", ["Markets fell."], id="two-word-sentence-with-a-verb"),
]


@pytest.mark.parametrize(("text", "claims"), CLAIMS_OF)
def test_claims_of_a_text(text: str, claims: list[str]) -> None:
    assert claim_texts(text) == claims
