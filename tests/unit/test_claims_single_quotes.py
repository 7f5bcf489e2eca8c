"""Quotations in single marks (‘...’), as British and wire outlets write them.

Every case is written for these tests (invented people): the claim holding the marker is
attributed to the speaker, `-` meaning nobody, and is a quote or not. The closing mark is also
the apostrophe, so apostrophes, plural possessives and single marks nested in double ones must
stay as they are. " ¶ " in a text is a paragraph break.
"""

from __future__ import annotations

import pytest
from claim_cases import claim_holding, paragraph_cases

from newsfacts.claims.single_quotes import double_single_quotes

SINGLE_MARK_QUOTES = paragraph_cases("""
    id                   | marker        | speaker     | kind      | text
    cue-after            | plateaued     | Ana Roe     | quote     | ‘Growth has plateaued,’ Ana Roe said on Monday.
    inverted-cue         | shocker       | Carl Ebner  | quote     | ‘It was a complete shocker,’ says analyst Carl
                                                           ... Ebner, who covers the firm.
    pronoun-after        | takes time    | Anna Roe    | quote     | Anna Roe spoke to investors on Monday. ¶ ‘This
                                                           ... change takes time,’ she said.
    apostrophe-inside    | don’t know    | Ana Roe     | quote     | ‘We don’t know yet,’ Ana Roe said.
    name-inside-quote    | Carl Ebner    | Ana Roe     | quote     | ‘Carl Ebner signed it,’ Ana Roe said.
    no-speaker           | is over       | -           | quote     | The session closed early. ¶ ‘The party is over
                                                           ... for the banks.’
    apostrophe-only      | don’t         | -           | assertion | Investors don’t like the plan, and the players’
                                                           ... union is wary.
    nested-in-double     | says ‘no’     | Ana Roe     | quote     | “My answer says ‘no’ to the merger,” Ana Roe said.
""")


@pytest.mark.parametrize(("text", "marker", "speaker", "kind"), SINGLE_MARK_QUOTES)
def test_single_mark_quotations(text: str, marker: str, speaker: str | None, kind: str) -> None:
    hit = claim_holding(text, marker)
    assert (hit.speaker, hit.claim_type) == (speaker, kind)
    assert hit.text in text  # the claim keeps the original marks


@pytest.mark.parametrize(
    ("text", "doubled"),
    [
        ("‘Yes, we will,’ he said.", "“Yes, we will,” he said."),
        ("The players’ union said no.", None),  # a plural possessive is no close
        ("It’s done, isn’t it?", None),  # apostrophes only
        ("“She said ‘never again’ twice,” he said.", None),  # nested in a double-mark quotation
        ("‘Unclosed words run on ¶ to the next line’ here.".replace(" ¶ ", "\n"), None),  # one paragraph only
        ("A ‘word’ alone.", None),  # one word: a scare quote or a title, not a quotation
    ],
)
def test_which_single_marks_are_doubled(text: str, doubled: str | None) -> None:
    assert double_single_quotes(text, 0, len(text)) == doubled
