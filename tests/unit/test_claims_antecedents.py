"""Who a pronoun speaker stands for, measured on annotated real news (issue 14's held-out bar).

Every case is written for these tests (invented people, real-news shapes across topics): the
claim holding the marker is attributed to the speaker, `-` meaning nobody. " ¶ " in a text is a
paragraph break.
"""

from __future__ import annotations

import pytest
from claim_cases import claim_holding, paragraph_cases

# A person named only in passing (an object, someone in a list after the subject) is the last
# resort for a later he/she: the subject of the sentence before, or a recent speaker, comes first.
# A name that opens its sentence, follows an opening phrase or a closed quotation, or is followed
# by its verb is a subject wherever it stands.
PASSING_MENTIONS = paragraph_cases("""
    id                       | marker       | speaker     | text
    object-after-subject     | grid upgrade | Paul Haddad | Paul Haddad ran the utility for a decade. ¶ The board
                                                ... of the utility thanked Peter Lyle for his work on the merger.
                                                ... ¶ “The grid upgrade is overdue,” he said.
    earlier-speaker-beats-object | rate cut  | Ana Ferreira | “We will hold steady,” said Ana Ferreira, the bank's
                                                ... governor. ¶ The board later met Julia Stone, the finance
                                                ... minister. ¶ “A rate cut is not on the table,” she said.
    subject-after-opening    | move on        | Carl Ebner  | Mark Tello had hoped for a quiet week. At the press
                                                ... conference, Carl Ebner asked reporters to stop asking about
                                                ... Tello. ¶ “We are going to move on,” he said.
    subject-after-but        | in the room   | Dan Roper   | “Let us move on,” said Greg Hale. ¶ The moderators
                                                ... wanted to close the debate, but Dan Roper wasn't having it. ¶
                                                ... “Nobody in the room believes that,” he said.
    subject-after-quote      | stretch       | Lena Ortiz  | “The plan is sound,” said Mary Keane. ¶ “It is a bit of
                                                ... a stretch,” Lena Ortiz wrote in a note. ¶ But, she added,
                                                ... “the stretch is worth it.”
    only-a-passing-name      | a fair price | Rob Dunne   | The council fined the builders and thanked Rob Dunne
                                                ... for his help. ¶ “It was a fair price,” he said.
    name-inside-quote        | paid twice   | Paul Haddad | Paul Haddad met the auditors. ¶ “Peter Lyle says we
                                                ... paid twice,” he said.
    no-person-at-all         | too late     | -           | The storm closed the port for a week. ¶ “It came too
                                                ... late,” he said.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), PASSING_MENTIONS)
def test_passing_mention_is_the_last_antecedent(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A plural "they" stands for the latest group that spoke in the three sentences before: a plural
# description or a capitalised group with a plural head noun; never a single person (a surname
# ending in -s) nor a singular body ("the company").
PLURAL_THEY = paragraph_cases("""
    id                  | marker      | speaker                    | text
    described-group     | a sham      | several hundred protesters | “We will appeal,” several hundred protesters
                                                        ... shouted. They called the vote “a sham.”
    capitalised-group   | unfair      | Senate Democrats           | “We will appeal,” Senate Democrats said. ¶
                                                        ... They called the ruling “deeply unfair.”
    group-then-person   | too slow    | the nurses’ unions         | The nurses’ unions say the wards are “short of
                                                        ... staff.” ¶ Paul Haddad ran the hospital. ¶ “It is too slow,”
                                                        ... they said.
    person-ending-in-s  | a sham      | -                          | “We will appeal,” said Ana Sanders. They called
                                                        ... the vote “a sham.”
    singular-body       | a sham      | -                          | “We will appeal,” the company said. They called
                                                        ... the vote “a sham.”
    nobody-spoke        | too late    | -                          | The storm closed the port for a week. ¶ “It came
                                                        ... too late,” they said.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), PLURAL_THEY)
def test_plural_they_is_the_latest_group(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# An "it" that speaks stands for the latest body or document that spoke in the three sentences
# before ("the company wrote ... It added"), never for a person; with none it stays unresolved.
IT_BODIES = paragraph_cases("""
    id                 | marker        | speaker     | text
    company-statement  | cooperate     | the company | “We want no part in it,” the company wrote in its
                                          ... statement. ¶ It added, “We will cooperate with the inquiry.”
    document-goes-on   | compromised   | the lawsuit | “The losses were caused by negligence,” the lawsuit
                                          ... says. It goes on to fault the agency, saying its records were
                                          ... “compromised.”
    person-is-no-it    | cooperate     | -           | “We won,” said Ana Roe. ¶ It added, “We will cooperate.”
    no-speaker-before  | will fail     | -           | It is said that the plan “will fail.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), IT_BODIES)
def test_it_is_the_latest_body(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A capitalised word right before a subject pronoun opens the clause as an adverb ("Recently she
# announced ...", "Finally he said"): the pronoun is the subject, and stands for the person before.
ADVERB_BEFORE_PRONOUN = paragraph_cases("""
    id              | marker        | speaker    | text
    recently-she    | leaving       | Dana Hale  | Dana Hale is listed as the chair of the group. Recently she
                                        ... announced on her page, in capital letters, “I am leaving the ship!”
    finally-he      | is wrong      | Mark Tello | Mark Tello spoke first. Finally he said the law “is wrong.”
    no-antecedent   | the harbour   | -          | The storm closed the port. Recently she wrote that “the harbour
                                        ... is empty.”
    name-then-verb  | a fair price  | Dana Hale  | The board met. Dana Hale said it was “a fair price.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), ADVERB_BEFORE_PRONOUN)
def test_adverb_before_a_pronoun_subject(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker
