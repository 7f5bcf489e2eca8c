"""Attribution patterns, speaker normalisation and pronoun resolution."""

from __future__ import annotations

import pytest

from newsfacts.claims import extract_claims
from newsfacts.claims.speakers import normalise_speaker


def speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(text)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "Takaichi proclaimed that Japan and the US already “share the greatest alliance in the world.”",
            "Takaichi",
        ),
        ("Treasury Secretary Bessent expressed hope that imports would “gradually decline.”", "Bessent"),
        (
            "Takaichi, speaking from Tokyo, described the interaction as “good and candid,” aides added.",
            "Takaichi",
        ),
        (
            "Analysts praised her candor, with one expert stating, “Her directness ensures no ambiguity.”",
            "one expert",
        ),
        ("“We will not back down,” said Finance Minister Satsuki Katayama.", "Satsuki Katayama"),
        ("“We will not back down,” Katayama said on Tuesday.", "Katayama"),
        ("Smith said the company would cut 300 jobs this year.", "Smith"),
        (
            "Economists at the central bank warned that inflation could persist.",
            "Economists at the central bank",
        ),
        ("Officials told reporters that the talks had stalled.", "Officials"),
        ("Mr. Abe argued that deflation was the main enemy of growth.", "Abe"),
        ("According to analysts at Nomura, the yen is undervalued.", "analysts at Nomura"),
        ("According to data from the Tokyo Stock Exchange, turnover doubled.", "the Tokyo Stock Exchange"),
        (
            "Japan’s Prime Minister Sanae Takaichi said the alliance is the cornerstone of policy.",
            "Sanae Takaichi",
        ),
    ],
)
def test_attribution_patterns(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_quoting_source_gets_the_quotation() -> None:
    text = (
        "Experts note that her approach aligns with global trends, quoting one senior fellow: "
        "“Under Takaichi, Japan will prioritize interoperability with U.S. forces.”"
    )
    claims = extract_claims(text)
    quote = next(c for c in claims if "interoperability" in c.text)
    assert quote.speaker == "one senior fellow"
    assert quote.claim_type == "quote"
    assert quote.text.startswith("“Under Takaichi")


def test_two_speakers_in_one_sentence_split_into_clauses() -> None:
    text = (
        "The leaders discussed energy, with Takaichi explaining that a halt to Russian LNG imports was "
        "“difficult,” while Treasury Secretary Bessent expressed hope that imports would “gradually decline.”"
    )
    claims = extract_claims(text)
    assert [c.speaker for c in claims] == ["Takaichi", "Bessent"]
    assert claims[1].text == "Treasury Secretary Bessent expressed hope that imports would “gradually decline.”"
    assert claims[0].text.endswith("was “difficult,”")
    assert all(text[c.char_start : c.char_end] == c.text for c in claims)


def test_quotation_after_a_colon_line_inherits_the_speaker() -> None:
    text = "The governor said:\n“Policy will stay loose for as long as it takes.”"
    assert speakers(text) == ["the governor"]


def test_author_voice_has_no_speaker() -> None:
    assert speakers("Consensus is likely underpricing the shift in capital allocation.") == [None]
    assert speakers("I would suggest this alliance matters more than any rate decision.") == [None]


def test_noun_uses_of_speech_verbs_are_not_attributions() -> None:
    assert speakers("Bank notes in circulation rose for a third month.") == [None]
    assert speakers("The claims were dismissed by the court last week.") == [None]
    assert speakers("Shares added 2% in early trading.") == [None]


def test_pronoun_resolves_to_the_single_person_nearby() -> None:
    text = "Prime Minister Sanae Takaichi met investors in Tokyo. She said that growth would return."
    assert speakers(text) == [None, "Sanae Takaichi"]


def test_pronoun_prefers_the_sentence_subject_among_several_people() -> None:
    text = (
        "President Lee Jae-myung thanked Prime Minister Sanae Takaichi for the invitation to Tokyo. "
        "He said that shuttle diplomacy would resume."
    )
    assert speakers(text)[-1] == "Lee Jae-myung"


def test_pronoun_without_a_named_person_stays_unresolved() -> None:
    assert speakers("The committee met on Monday. She said that rates would hold.") == [None, None]


@pytest.mark.parametrize(
    ("np", "expected"),
    [
        ("Treasury Secretary Bessent", "Bessent"),
        ("US President Donald Trump", "Donald Trump"),
        ("Japan’s Prime Minister Sanae Takaichi", "Sanae Takaichi"),
        ("with one senior fellow", "one senior fellow"),
        ("Prime Minister", "Prime Minister"),
        ("it", None),
        ("They", None),
    ],
)
def test_normalise_speaker(np: str, expected: str | None) -> None:
    assert normalise_speaker(np) == expected


def test_bare_quotation_continues_the_previous_speaker_in_its_paragraph() -> None:
    text = (
        "“We are well positioned to wait,” Fed Chair Jerome Powell told reporters. “The economy is strong.”\n"
        "“Nobody knows,” one analyst wrote."
    )
    claims = extract_claims(text)
    assert [(c.speaker, c.claim_type) for c in claims] == [
        ("Jerome Powell", "quote"),
        ("Jerome Powell", "quote"),
        ("one analyst", "quote"),
    ]


def test_quote_paragraph_without_a_cue_continues_the_previous_speaker() -> None:
    text = "“We can wait,” Powell said.\n“The economy is strong.”"
    assert speakers(text) == ["Powell", "Powell"]
