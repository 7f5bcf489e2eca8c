"""Attribution shapes measured on annotated real news (issue 14's held-out bar), each a table.

Every case is written for these tests (invented people, real-news shapes across topics): the
claim holding the marker is attributed to the speaker, `-` meaning nobody (the author's voice or
a quotation with no speaker). Known gaps are strict xfails.
"""

from __future__ import annotations

import pytest
from claim_cases import claim_holding, paragraph_cases

# A quotation running over several sentences: every sentence of it is the quotation's speaker's,
# whether the cue comes before it, after its close, or in the sentence before. The splitter keeps
# a short quotation closed on its line in one sentence; these are left open to the end of their
# paragraph (a quote going on in the next one) or too long to keep whole (`_LONG`).
_LONG = (
    " The order book is the fullest it has been in a decade, and the backlog reaches well into next"
    " year. We hired four hundred people in the spring and will hire as many again before winter."
    " Suppliers have caught up with us at last, after two years of waiting for parts and paying for"
    " air freight. Our customers tell us they expect to keep buying at this pace for some time."
) * 2  # over the 600 characters the splitter keeps in one sentence
MULTI_SENTENCE_QUOTES = paragraph_cases(f"""
    id                  | marker          | speaker     | text
    cue-before          | Margins         | Dana Whitby | Dana Whitby said, “Sales fell in every region. Margins
                                                    ... held up better than we feared. ¶ “We expect a rebound.”
    cue-before-colon    | second half     | Ivo Marsh   | Finance chief Ivo Marsh told analysts: “Costs are under
                                                    ... control. The second half will be stronger. ¶ More later.
    long-cue-before     | Suppliers       | Ana Corre   | Ana Corre, the plant's manager, said: “Demand is
                                                    ... strong.{_LONG} We are ready.”
    long-cue-after      | Suppliers       | Ana Corre   | “Demand is strong.{_LONG} We are ready,” Ana Corre said.
    name-inside-quote   | Pia Lund        | Tom Garra   | Coach Tom Garra said, “We lost the midfield. Pia Lund
                                                    ... played through an injury and we owe her. ¶ “She is tough.”
    no-speaker          | launch slipped  | -           | The memo ended bluntly. “The rocket is not ready. The
                                                    ... launch slipped again. ¶ The board met on Friday.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), MULTI_SENTENCE_QUOTES)
def test_every_sentence_of_a_quotation_has_its_speaker(text: str, marker: str, speaker: str | None) -> None:
    hit = claim_holding(text, marker)
    assert (hit.speaker, hit.claim_type) == (speaker, "quote")


# A pronoun inside its own sentence stands for the person who opens that sentence as its subject,
# before anyone named in earlier sentences; a name after an opening phrase is no such subject.
OWN_SUBJECT_PRONOUNS = paragraph_cases("""
    id                      | marker        | speaker      | text
    relative-clause         | rigged        | Kara Voss    | Mayor Linda Ortiz spoke first. Kara Voss has attacked the
                                                     ... zoning rules, which she called “rigged against renters.”
    second-cue-same-subject | gatekeepers   | Hal Brecker  | Senator John Pike backed the bill. Hal Brecker said he
                                                     ... opposes the board, which he called “a club of gatekeepers.”
    apposition-between      | tax holiday   | Nia Osei     | Governor Ruth Amos left early. Nia Osei, the state
                                                     ... treasurer, said that she wants “a tax holiday for fuel.”
    gender-disagrees        | fair deal     | Mark Tello   | Mark Tello pressed the union. Sarah Quint took the floor
                                                     ... after the vote, and he said it was “a fair deal.”
    aside-speaks-of-subject | a disaster    | Ed Marlow    | Ed Marlow ran the numbers. Tom Reyes would be “a disaster
                                                     ... for the port,” he said.
    after-opening-phrases   | fuel costs    | Tom Reyes    | Governor Paul Marr spoke first. At the depot in Leeds,
                                                     ... Kent, on Monday night, Tom Reyes blamed the levy, which
                                                     ... he said doubled “fuel costs for every family.”
    asked-about-is-no-subject | on track    | Mark Tello   | Mark Tello, the chief executive, met investors. Asked
                                                     ... about Sara Quint, he said the merger was “on track.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), OWN_SUBJECT_PRONOUNS)
def test_pronoun_takes_its_own_sentences_subject(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A run of capitalised words that puts a title or an owner before a name holds that name: "House
# Majority Leader Kevin Marsh", "the network's Bret Alder". The person then stands for a later "he".
TITLED_RUNS = paragraph_cases("""
    id                  | marker       | speaker      | text
    leader-title        | unbeatable   | Kevin Marsh  | “We will fight on,” said Rep. Luis Ortega. House Majority
                                                   ... Leader Kevin Marsh revealed the plan last fall. “Everybody
                                                   ... thought she was unbeatable,” he told reporters.
    whip-title-paren    | shameful     | Mark Cole    | “It is a start,” Tom Hale said. Senate Majority Whip Mark Cole
                                                   ... (R-Tex.) stood by a photo of the clinic. “I will tell you
                                                   ... what shameful is,” he said.
    owner-before-name   | held on      | Bret Alder   | “No comment,” Gary Wendt said. Fox News’ Bret Alder noticed
                                                   ... the cut. He wrote that the network “held on” to the speech.
    short-run-unchanged | next move    | Kevin Marsh  | Leader Kevin Marsh spoke. “We wait for the next move,” he said.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), TITLED_RUNS)
def test_title_inside_a_capitalised_run(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A described phrase right after a preposition is that preposition's object, never the subject of
# the cue after it: the subject stands before it. After "with" it is a participle's subject. A name
# with its place ("Mia Corr of Fresno") is the person.
PREPOSITION_OBJECTS = paragraph_cases("""
    id                  | marker        | speaker     | text
    in-a-post           | kindest soul  | Ida Brandt  | Ida Brandt called her mentor “the kindest soul in the
                                               ... lab” in a lengthy post.
    speech-called       | job killers   | Ron Vasko   | Ron Vasko in his opening speech called the tariffs
                                               ... “job killers.”
    email-to-supporters | a rigged race | Ana Kell    | Ana Kell sent an email to her supporters saying it
                                               ... was “a rigged race.”
    with-participle     | a disaster    | Joel Ames   | Critics piled on, with Joel Ames calling the merger
                                               ... “a disaster.”
    name-of-place       | fair price    | Mia Corr    | Mia Corr of Fresno says growers want “a fair price.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), PREPOSITION_OBJECTS)
def test_object_of_a_preposition_is_no_subject(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# Two speakers in one sentence joined by a bare "and": each clause keeps its own speaker; one
# speaker with two verbs stays one claim.
AND_CLAUSES = paragraph_cases("""
    id                 | marker         | speaker   | text
    second-speaker     | a stitch-up    | Ben Lutz  | Ada Roe accuses the board of stalling and Ben Lutz says it
                                             ... is “a stitch-up.”
    first-speaker      | stalling       | Ada Roe   | Ada Roe accuses the board of stalling and Ben Lutz says it
                                             ... is “a stitch-up.”
    described-speakers | a betrayal     | the union | The mayor warned of cuts and the union said the plan was
                                             ... “a betrayal.”
    one-speaker        | fight in court | Ada Roe   | Ada Roe said the deal was dead and promised “a fight in
                                             ... court.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), AND_CLAUSES)
def test_clauses_joined_by_and_keep_their_speakers(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A place that ends an aside with commas of its own ("in Columbus, Ohio,") is no subject: the name
# opening the sentence is; never a name inside the quotation.
ASIDE_PLACES = paragraph_cases("""
    id                 | marker        | speaker     | text
    apposition-place   | tough season  | Mia Corr    | Mia Corr, a grower from Fresno, California, says it was
                                                ... “a tough season.”
    aside-place        | out of work   | Ana Roe     | Ana Roe, at a town hall in Columbus, Ohio, said the plan would
                                                ... put miners “out of work.”
    who-clause-place   | rude to us    | Lea Perl    | Lea Perl, who lost her son in Aurora, Colorado, in 2012,
                                                ... said that the senator was “rude to us.”
    name-inside-quote  | said nothing  | the clerk   | “Ana Roe, in Columbus, Ohio, said nothing,” the clerk
                                                ... wrote.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), ASIDE_PLACES)
def test_place_ending_an_aside_is_no_subject(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A participle or colon cue takes the subject of its clause, after long opening phrases too.
LONG_OPENING_PHRASES = paragraph_cases("""
    id                  | marker        | speaker    | text
    long-although       | deserve it    | Rob Keane  | Rob Keane spoke last. And although he thanked the
                                               ... farmers of the valley for their long support, he struck a
                                               ... softer note, saying, “I am not sure I deserve it.”
    long-at-the-debate  | build it      | Dan Perl   | Dan Perl campaigned hard. At the final debate before the
                                               ... primary and at a town hall in the north, he hinted at his
                                               ... rival by adding, “I know who should build it.”
    three-phrases       | a fair wage   | Eva Lind   | Eva Lind toured the plant. On Monday, in a packed hall in
                                               ... Leeds, before the vote, she said the deal gave “a fair wage.”
    quote-with-no-cue   | fair wage     | -          | On Monday, in a packed hall in Leeds, before the vote, the
                                               ... words “fair wage” were everywhere.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), LONG_OPENING_PHRASES)
def test_subject_after_long_opening_phrases(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# Anonymous sources described by what they are close to: "a source familiar with X", "an aide
# close to Y" keep the whole description.
CLOSE_TO_SOURCES = paragraph_cases("""
    id                 | marker      | speaker                                      | text
    familiar-with-name | friendlier  | Another source familiar with Cruz’s thinking | Another source
                                   ... familiar with Cruz’s thinking said, “He will try to be friendlier.”
    close-to           | nearly done | One official close to the talks              | One official close
                                   ... to the talks said the deal was “nearly done.”
    name-inside-quote  | lied        | the lawyer                                   | “Sources close to
                                   ... Ada Roe lied,” the lawyer said.
""")
# After an inverted verb the participle and its phrase stay in the description, and never make the
# phrase a clause ("involved" is no verb of it); a comma still ends the speaker.
CLOSE_TO_SOURCES += paragraph_cases("""
    id                   | marker       | speaker                                  | text
    inverted-involved-in | take part    | a source involved in the group’s creation | “It is a way to take
                                     ... part,” says a source involved in the group’s creation.
    inverted-close-to    | rate cut     | one banker close to the central bank     | “A rate cut is coming
                                     ... soon,” said one banker close to the central bank, who asked not to be named.
    inverted-briefed-on  | recall       | an engineer briefed on the recall        | “The recall will grow,”
                                     ... said an engineer briefed on the recall.
    inverted-involved-with | ballots     | two officials involved with the count    | “The ballots are all in,”
                                     ... wrote two officials involved with the count.
    comma-ends-speaker   | move on      | the coach                                | “We move on,” said the
                                     ... coach, close to tears.
    named-then-who       | trial works  | Mara Voss                                | “The trial works,” said
                                     ... Mara Voss, who was involved in the study.
    no-speaker           | all involved | -                                        | The fund closed early,
                                     ... and “all involved in the deal” were paid.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), CLOSE_TO_SOURCES)
def test_sources_close_to_someone(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A sentence that ends in a colon with no speech cue, or in a comma at the end of its paragraph,
# introduces the quotation after it: its subject speaks, the lead-in itself stays the author's
# words. A heading-like lead-in with nobody in it gives no speaker.
COLON_LEAD_INS = paragraph_cases("""
    id                 | marker         | speaker     | text
    verb-no-cue        | trust the      | Ted Brock   | Then Senator Ted Brock called them on it: ¶ “The questions
                                                ... tonight show why people do not trust the press.”
    inverted-cue-name  | stakes are     | Ray Stone   | Stated Ray Stone: ¶ “The stakes are so high for all of us.”
    described-subject  | fuel levy      | the union   | The union went further: ¶ “We will strike over the fuel
                                                ... levy.”
    comma-at-para-end  | fitness issues | Tom Garra   | Coach Tom Garra was pleased. He spoke next about the
                                                ... injured striker, ¶ “He has had fitness issues all year.”
    lead-in-is-author  | called them on | -           | Then Senator Ted Brock called them on it: ¶ “The questions
                                                ... tonight show why people do not trust the press.”
    nobody-speaks      | people of this | -           | The council met on Monday in the town hall. ¶ The full
                                                ... text follows: ¶ “We the people of this land ask for change,
                                                ... and we ask it now.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), COLON_LEAD_INS)
def test_colon_lead_in_without_a_cue(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A quotation going on over paragraphs: its opening paragraph leaves the closing mark off and the
# next one opens with a mark. Every sentence keeps the speaker; an unpaired mark with no quotation
# opening the next paragraph is a typo and swallows nothing.
PARAGRAPH_CONTINUATIONS = paragraph_cases("""
    id                  | marker         | speaker   | text
    curly-next-para     | act now        | Ada Roe   | Sen. Ada Roe said, “Costs are up. Wages lag behind them. ¶
                                             ... “We must act now.”
    straight-open       | delivered      | Ada Roe   | Ada Roe released a statement: ¶ "Two years ago we won the
                                             ... seat. Then we delivered on it. ¶ "We will win it again."
    straight-next-para  | win it again   | Ada Roe   | Ada Roe released a statement: ¶ "Two years ago we won the
                                             ... seat. Then we delivered on it. ¶ "We will win it again."
    unpaired-typo       | little help    | Ana Kell  | Families were lost. ¶ "There was little help for parents,
                                             ... said Ana Kell, whose group backs the bill. ¶ Families struggled.
    no-speaker          | ran out        | -         | The memo was blunt. ¶ "The fund is empty. The money ran out
                                             ... in May. ¶ "Nobody warned us."
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), PARAGRAPH_CONTINUATIONS)
def test_quotation_going_on_over_paragraphs(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# The subject of a passive "was told" / "were asked" heard the words; it never speaks them.
PASSIVE_HEARERS = paragraph_cases("""
    id              | marker         | speaker   | text
    were-told       | challenging    | -         | Shareholders at the meeting in Leeds were told that it
                                           ... would be “a very challenging year.”
    was-asked       | any regrets    | -         | The minister was asked if she had “any regrets at all.”
    active-told     | on schedule    | Ana Kell  | Ana Kell told shareholders the plant was “on schedule.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), PASSIVE_HEARERS)
def test_passive_subject_is_no_speaker(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# Names kept whole: a titled name apposed to a role ("the director, Dr. Ana Roe, said") is the
# person; a title word that only qualifies titles ("National", "Federal") before one last word is
# part of a name; a party or rank before a surname is not.
NAMES_KEPT_WHOLE = paragraph_cases("""
    id                   | marker         | speaker           | text
    apposed-titled-name  | more extensive | Brenda Fitzgerald | On Monday, the director of the agency,
                                                        ... Dr. Brenda Fitzgerald, said it was “more extensive”.
    modifier-title-name  | without basis  | National Beverage | However, National Beverage fought back and
                                                        ... released a statement saying the suit was “without basis.”
    federal-name         | snow           | Federal Express   | Federal Express said parcels were “late by snow.”
    party-before-surname | a bad deal     | Cruz              | Republican Cruz said the plan was “a bad deal.”
    title-before-surname | a good deal    | Obama             | President Obama said the plan was “a good deal.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), NAMES_KEPT_WHOLE)
def test_names_kept_whole(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A source after "according to" runs past the dots of initials ("U.S.", "G.") to its name, and so
# does a speaker after an inverted cue ("said Jason C. Ervin"); a full stop after a whole word
# still ends the speaker.
SOURCES_WITH_INITIALS = paragraph_cases("""
    id               | marker      | speaker                        | text
    inverted-initial | are angry   | Mara J. Quist                  | “People are angry,” said Mara J. Quist, who
                                                         ... chairs the tenants' board.
    inverted-initial-end | on time | Carl T. Ebner                  | “The trains run on time,” said Carl T. Ebner.
    full-stop-ends   | We won      | Ana Roe                        | “We won,” said Ana Roe. The count went on.
    initial-in-quote | no deal     | Ana Roe                        | “Ask Carl T. Ebner, there is no deal,” said
                                                         ... Ana Roe.
    initialism       | the clock   | Tommy G. Thompson              | Researchers are “working around the clock,”
                                                         ... according to U.S. Health Secretary Tommy G. Thompson.
    dotted-firm      | rose 3%     | J.P. Morgan                    | Prices rose 3%, according to J.P. Morgan.
    plain-agency     | rose 2%     | the Bureau of Labor Statistics | Prices rose 2%, according to the Bureau of Labor
                                                         ... Statistics.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), SOURCES_WITH_INITIALS)
def test_sources_with_initials(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A negated cue before an indirect question ("did not say what ...") reports no words: the
# sentence stays the author's. A negated cue with a "that" clause is still someone's.
NEGATED_CUES = paragraph_cases("""
    id                  | marker          | speaker   | text
    did-not-say-what    | strategies      | -         | Dr. Ada Fitz spoke. Dr. Fitz did not say what those
                                              ... strategies could be.
    declined-to-say-how | pay for it      | -         | Mayor Tom Reyes spoke. Reyes declined to say how the city
                                              ... would pay for it.
    negated-with-words  | airborne        | Ada Fitz  | Ada Fitz did not say the virus was “airborne.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), NEGATED_CUES)
def test_negated_cue_before_a_question(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A pronoun subject with its auxiliary contracted ("she’d told", "he’s said") is the subject; a
# plural one stays unresolved, never the words "They’re" or "They note" (a pronoun heads no group).
CONTRACTED_PRONOUNS = paragraph_cases("""
    id                | marker     | speaker   | text
    she-d-told        | We will    | Ann Roth  | Ann Roth spoke first. Later she’d told the crowd, “We will
                                         ... win.”
    they-ve-said      | no deal    | -         | “There is no deal,” they’ve said for weeks.
    they-re-subject   | a lot      | -         | The voters are split. They’re less hostile to rules and would
                                         ... pay “a lot” more.
    they-note-no-head | top secret | -         | Ada Roe and her aides argue the data is public. They note
                                         ... that even articles can be “top secret” under the rules.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), CONTRACTED_PRONOUNS)
def test_contracted_pronoun_subjects(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A name with the person's age apposed ("Ivo Marsh, 61,") is the subject of the cue after it, past
# any asides that follow the age, commas and abbreviations in them included, when the name opens
# its clause (the sentence, after a quotation, or after a short opening phrase). An aged name that
# is an object ("Police arrested ...") is not the speaker, nor is an aged name inside a quotation.
AGED_NAMES = paragraph_cases("""
    id                   | marker        | speaker           | text
    age-then-role        | turning point | Mara Voss         | Mara Voss, 35, the daughter of a former
                                        ... senator, said the vote was “a turning point.”
    age-then-place       | turning point | Mara Voss         | Mara Voss, 35, a nurse from Tulsa, Oklahoma,
                                        ... said the vote was “a turning point.”
    age-abbreviated      | sold out      | Ivo Marsh         | Ivo Marsh, 61, a baker in Leeds, Ala., told
                                        ... reporters the loaves “sold out by nine.”
    after-quote          | We lost       | Pia Lund          | “We lost,” Pia Lund, 29, a midfielder from
                                        ... Oslo, told reporters.
    after-opening-phrase | too high      | Tomas Berg        | At the rally on Sunday, Tomas Berg, 52, a
                                        ... welder, said prices were “too high.”
    age-only             | turning point | Mara Voss         | Mara Voss, 35, said the vote was “a turning point.”
    object-not-subject   | Leeds         | a spokesman for the force | Police arrested Ivo Marsh, 23, of Leeds,
                                        ... said a spokesman for the force.
    name-inside-quote    | was wrong     | the coach         | “Mara Voss, 35, was wrong,” the coach said.
    no-speaker           | record        | -                 | Ivo Marsh, 61, a baker in Leeds, set a
                                        ... “record” for loaves.
""")
AGED_NAMES += [
    pytest.param(
        "The victim, 23, a student from Leeds, said she felt “abandoned.”",
        "abandoned",
        "The victim",
        id="aged-description",
        marks=pytest.mark.xfail(strict=True, reason="only a capitalised name takes an age apposition"),
    )
]


@pytest.mark.parametrize(("text", "marker", "speaker"), AGED_NAMES)
def test_aged_name_is_the_subject(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# After an inverted cue, capitalised words before a role and a name (or after a determiner, before a
# head noun: "one Hawks supporter") name an organisation, even when one reads like a verb form
# ("Priorities", "Sales", "Hawks"); such a name inside the reported clause
# is not the speaker, and a quotation with no cue stays nobody's.
TITLED_INVERTED = paragraph_cases("""
    id                | marker         | speaker | text
    plural-org-word   | close          | Ana Roe | “Both states are close,” said Priorities spokesman Ana Roe.
    sales-chief       | Orders         | Ana Roe | “Orders are strong,” said Sales chief Ana Roe on Monday.
    two-org-words     | ready          | Ivo Marsh | “We are ready,” said Harbor Works spokeswoman Ivo Marsh.
    determiner-group  | lied           | one Hawks supporter | “The board lied,” wrote one Hawks supporter, posting a
                                     ... link to the filing.
    name-in-clause    | quit           | the mayor | The mayor said Harbor Works spokesman Ivo Marsh “quit on Friday.”
    no-cue            | Orders         | -       | “Orders are strong.” Sales chief Ana Roe left early.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), TITLED_INVERTED)
def test_organisation_before_a_role_after_an_inverted_cue(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A capitalised pair with an age after it is a person even when its given name is unknown, so a
# later "he"/"she" can stand for it; a pair with no age and no other mark stays no one to resolve to.
AGED_PERSONS = paragraph_cases("""
    id                | marker     | speaker        | text
    aged-unknown-name | candidate  | Dewayne Smithy | Turnout was low. Dewayne Smithy, 33, of Baldwin, Miss.,
                                   ... doubts a vote matters. “I can’t find a candidate,” he said.
    aged-then-role    | Sales      | Ivo Marsh      | Turnout was low. Ivo Marsh, 61, a baker in Leeds, runs a
                                   ... small shop. “Sales were poor,” he said.
    no-age-no-mark    | Sales      | -              | Turnout was low. Ivo Marsh runs a small shop. “Sales were
                                   ... poor,” he said.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), AGED_PERSONS)
def test_aged_name_is_a_person_for_pronouns(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A month opening a clause is a time, never a speaker ("In March, the board ..."); a surname that
# happens to be a month still is one when the document names that person.
MONTH_WORDS = paragraph_cases("""
    id                 | marker      | speaker     | text
    month-opener       | a disgrace  | -           | In October, the envoy called for the minister to resign,
                                         ... calling him “a disgrace to the service.”
    month-surname      | will win    | Ana March   | Senator Ana March spoke last. ¶ “We will win,” said March.
    month-name-in-full | the budget  | Theresa May | “We will pass the budget,” Theresa May said.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), MONTH_WORDS)
def test_month_is_no_speaker(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A described subject may carry three modifiers before its head ("A 2019 state advisory opinion
# added"), but a phrase holding a modal is a clause, never a speaker: "the city council must ensure
# states ..." reads "states" as the cue, and the pronoun after the quotation speaks instead.
LONG_DESCRIPTIONS = paragraph_cases("""
    id                 | marker          | speaker                       | text
    three-modifiers    | campaign events | A 2019 state advisory opinion | A 2019 state advisory opinion added that paid
                                                        ... talks count as “campaign events” only when funds are sought.
    modal-is-a-clause  | naive           | Rachel Dunne                  | Rachel Dunne spoke. To think the city
                                                        ... council must ensure states are run well, “you have to be
                                                        ... naive,” she said.
    four-words         | beyond repair   | the old city water board      | The old city water board said the pipes
                                                        ... were “beyond repair.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), LONG_DESCRIPTIONS)
def test_long_descriptions_and_clauses(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A base-form cue word after "the" and a singular word that names no speaking body is that
# phrase's head noun ("the caustic chant", "the key point"); plural and collective subjects still
# take it as a verb ("the police say", "the club insist"), and so does a subject with adverbs.
THE_SINGULAR_NOUN = paragraph_cases("""
    id                | marker          | speaker    | text
    chant-is-a-noun   | Lock them up    | -          | When the lights dimmed, the hall took up the
                                             ... caustic chant “Lock them up!” in the dark.
    unmarked-plural   | not speeding    | the police | The police say the driver “was not speeding.”
    collective-body   | not for sale    | the club   | The club insist the striker is “not for sale.”
    adverbs-between   | empty promises  | the piece  | The piece goes on to slam the mayor for his “empty
                                             ... promises.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), THE_SINGULAR_NOUN)
def test_base_form_after_a_singular_the_is_a_noun(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# Two roles joined by "and" before a name are that person's ("chairman and CEO Ana Roe went on
# air: “...”"); a firm whose name ends in a company form (LLP, Ltd, PLC) is never a "he".
ROLE_PAIRS_AND_FIRMS = paragraph_cases("""
    id               | marker         | speaker    | text
    role-and-role    | Growth has     | Ana Roe    | On Monday, chairman and CEO Ana Roe went on air to calm
                                          ... investors: “Growth has paused.”
    role-and-pronoun | It is over     | -          | The chairman and his aides left. ¶ The hall emptied. ¶
                                          ... “It is over,” he said.
    firm-is-no-he    | has paused     | Mark Tello | Chief executive Mark Tello went on air. ¶ “Defendants
                                          ... misled investors,” alleges Hart Popper LLP in its suit. ¶
                                          ... “Growth has paused,” he said.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), ROLE_PAIRS_AND_FIRMS)
def test_role_pairs_and_firms(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A quote paragraph with no cue after a paragraph that closes on what a person did or thought
# ("X was upbeat about ...", "However, X was confident ...", "He defended the record.") is that
# person's words; after the author's words about no person, or about a person as an object, the
# quotation keeps no speaker.
INTRODUCED_QUOTE_PARAGRAPHS = paragraph_cases("""
    id                 | marker         | speaker     | text
    name-subject       | stronger       | Dana Whitby | Dana Whitby was upbeat about the merger. ¶ “We will be
                                           ... stronger together.”
    after-opening      | closer than    | Mark Tello  | However, Mark Tello was confident his side had improved.
                                           ... ¶ “We are closer than a year ago.”
    pronoun-subject    | win it         | Mark Tello  | Mark Tello spoke first at the hall. ¶ He was upbeat
                                           ... about the vote. ¶ “We will win it.”
    name-inside-quote  | will sign      | Dana Whitby | Dana Whitby was upbeat about the merger. ¶ “Mark Tello
                                           ... will sign it.”
    no-person          | too late       | -           | The storm closed the port for a week. ¶ “It came too
                                           ... late.”
    person-as-object   | sad day        | -           | The board fired Mark Tello on Monday. ¶ “It is a sad day for
                                           ... the firm.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), INTRODUCED_QUOTE_PARAGRAPHS)
def test_quote_paragraph_after_a_person_s_deeds(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A party-and-state parenthesis and an apposition may both stand between a name and its verb
# ("Sen. Ana Roe (D-Ohio), a rival of the mayor, said"); a name inside the apposition is not the
# speaker.
PARENTHESIS_THEN_APPOSITION = paragraph_cases("""
    id                  | marker     | speaker  | text
    both-asides         | plan was   | Ana Roe  | The Senate voted. Sen. Ana Roe (D-Ohio), a rival of the mayor,
                                        ... said the plan was “dead.”
    quote-only-verb     | abhorrent  | Ted Cruz | The Senate voted. Sen. Ted Cruz (R-Texas), also a GOP
                                        ... presidential hopeful, called the group “abhorrent” on Sunday.
    name-in-apposition  | too late   | Ana Roe  | The Senate voted. Sen. Ana Roe (D-Ohio), an ally of Mark
                                        ... Tello, said the vote came “too late.”
    parenthesis-only    | plan was   | Ana Roe  | The Senate voted. Sen. Ana Roe (D-Ohio) said the plan was
                                        ... “dead.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), PARENTHESIS_THEN_APPOSITION)
def test_parenthesis_then_apposition(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A roundup quotes its sources after a heading and a dash, or after "More from": "TURNOUT WAS
# HIGH - Ana Roe and Carl Ebner: “...”". A colon with no name before it still gives nobody.
ROUNDUP_SOURCES = paragraph_cases("""
    id               | marker        | speaker                | text
    dash-two-names   | ran for hours | Ana Roe and Carl Ebner | Polls closed early. ¶ TURNOUT WAS HIGH IN THE
                                                ... NORTH - Ana Roe and Carl Ebner: “The lines ran for hours.”
    dash-one-name    | was right     | Ana Roe                | Polls closed early. ¶ WHY THE COUNT IS SLOW -
                                                ... Ana Roe: “Carl Ebner was right about the ballots.”
    more-from        | take days     | Ana Roe                | Polls closed early. Ana Roe wrote the memo. ¶
                                                ... What it means - More from Roe: “The count will take days.”
    no-name          | sell the      | -                      | Polls closed early. ¶ The full text follows:
                                                ... “The board has agreed to sell the plant by June.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), ROUNDUP_SOURCES)
def test_roundup_sources_after_a_dash(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# An opening "as X noted," clause attributes the clause after it to X ("As the Ledger's Ana Roe
# puts it, ...", "But as the tabloid noted in an op-ed, ..."), and so does a lead-in it opens; "as
# soon as X said" is a time, and a cue with its own object ("as the firm reported earnings,")
# reports nothing. A person "of the" organisation is the person.
AS_CLAUSES = paragraph_cases("""
    id               | marker         | speaker                 | text
    puts-it          | cannot refuse  | Ana Roe                 | As the Ledger’s Ana Roe puts it, the mayor is
                                                 ... making the council “an offer it cannot refuse.”
    noted-in         | fan base       | the nationalist tabloid | But as the nationalist tabloid noted in an op-ed
                                                 ... Thursday, the candidate “has earned himself a fan base.”
    lead-in          | lively         | Carl Ebner              | Of course, as Carl Ebner of the Daily Ledger observed,
                                                 ... the biggest winner was the stage itself: ¶ “The clear winner
                                                 ... of the night was the network, which ran two lively sessions.”
    object-after-cue | sharply        | traders                 | As the company reported earnings, shares fell
                                                 ... “sharply,” traders said.
    of-the-person    | plan was       | Ana Roe                 | The vote failed. Ana Roe of the Cato Institute said
                                                 ... the plan was “dead.”
    of-the-firm      | profits        | the Bank of the West    | The vote failed. The Bank of the West said its
                                                 ... profits “fell by half.”
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), AS_CLAUSES)
def test_as_clauses_and_of_the(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A prepositional phrase right after a quotation is no speaker: in "“...” in a Facebook post" the
# cue word is a noun. A phrase naming its speaker after the preposition still gives the speaker.
PREPOSITION_AFTER_QUOTE = paragraph_cases("""
    id                | marker         | speaker   | text
    noun-post         | beautiful soul | -         | The vote was close. A friend referred to him as “the most
                                          ... beautiful soul” in a Facebook post.
    subject-later     | will win       | the mayor | The vote was close. “We will win,” in a statement the mayor
                                          ... said.
    plain-inverted    | will win       | Ana Roe   | The vote was close. “We will win,” Ana Roe said.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), PREPOSITION_AFTER_QUOTE)
def test_preposition_after_a_quotation_is_no_speaker(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# Two-word cues report the quotation next to them ("“Let me talk,” Tello shot back.", "Roe fired
# back: “...”", "“...,” he went on."); without a quotation they are plain verbs.
PHRASAL_CUES = paragraph_cases("""
    id               | marker        | speaker    | text
    shot-back        | Let me talk   | Mark Tello | Ana Roe interrupted. “Let me talk,” Mark Tello shot back.
    fired-back-colon | are wrong     | Ana Roe    | Mark Tello spoke. Ana Roe fired back: “You are wrong.”
    went-on          | It happens    | Mark Tello | Mark Tello spoke. “It happens,” he went on.
    chimed-in        | too early     | Ana Roe    | Mark Tello spoke. “It is too early,” Ana Roe chimed in.
    no-quotation     | the gunmen    | -          | The vote was close. The soldier shot back at the gunmen on
                                        ... the road.
    quote-elsewhere  | surrender     | -          | The vote was close. The soldier shot back at the gunmen, who
                                        ... shouted “surrender” twice.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), PHRASAL_CUES)
def test_two_word_cues(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker


# A verb of beginning is a cue right after the quotation it reports ("“...,” he began.") or
# before a colon ("She began: “...”"); with a quotation further on it is a plain verb.
BEGIN_CUES = paragraph_cases("""
    id                 | marker          | speaker    | text
    began-after-quote  | disappointed    | Mark Tello | Mark Tello spoke. “We are really disappointed,” he began.
    started-inverted   | It is over      | Ana Roe    | The vote was close. “It is over,” Ana Roe started.
    began-colon        | It is hard      | Mark Tello | Mark Tello spoke. He began: “It is hard to lose.”
    scare-quote-later  | bonds           | -          | The vote was close. The company started selling “green”
                                            ... bonds in May.
""")


@pytest.mark.parametrize(("text", "marker", "speaker"), BEGIN_CUES)
def test_verbs_of_beginning_next_to_a_quotation(text: str, marker: str, speaker: str | None) -> None:
    assert claim_holding(text, marker).speaker == speaker
