"""Who said what, by the error classes of issue 14, each a table of cases with negatives.

Every case is written for these tests (invented people, real-news shapes across topics). A case
gives a text and the speaker of each quote claim in order, or of the claim holding a marker.
"""

from __future__ import annotations

import pytest
from cases import cases

from newsfacts.claims import Claim, extract_claims


def claims(text: str) -> list[Claim]:
    return extract_claims(text)


def speaker_of(text: str, marker: str) -> str | None:
    """The speaker of the claim containing `marker`; fails when no claim contains it."""
    hits = [c for c in claims(text) if marker in c.text]
    assert hits, f"no claim holds {marker!r}: {[c.text for c in claims(text)]}"
    return hits[0].speaker


def case(text: str, marker: str, speaker: str | None, id: str) -> object:  # noqa: A002
    return pytest.param(text, marker, speaker, id=id)


def speaker_cases(table: str) -> list[object]:
    """Cases written as a text table (tests/cases.py): `id | marker | speaker | text`, the text last so
    that a long one wraps onto `...` lines; speaker `-` is the author's own voice (None)."""
    return [case(text, marker, speaker, id_) for id_, marker, speaker, text in cases(table)]


# 1b. A chain of "he" subjects keeps its person past others named on the way.
PRONOUN_CHAIN = speaker_cases("""
    id                        | marker     | speaker           | text
    he-chain                  | step aside | Tom Vance         | Senator Tom Vance is urging his rivals to quit. Though
                                                             ... he did not name Paul Grady or Mark Ellis, he made it
                                                             ... clear they should go. He asked them to “step aside for
                                                             ... the party.”
    role-subject              | long time  | Ruth Amos         | Sen. Ruth Amos spoke after Lena Cole. The Ohio senator
                                                             ... thanked her staff. She said the vote was “a long time
                                                             ... coming.”
    role-with-place           | not move   | Ruth Amos         | Ohio Sen. Ruth Amos spoke first at the long hearing on
                                                             ... Tuesday. Sen. Ada Holm of Maine spoke next. “We will
                                                             ... not move,” the Ohio senator said.
    role-place-matches-nobody | not move   | the Texas senator | Sen. Ada Holm of Maine spoke at the long hearing on
                                                             ... Tuesday. “We will not move,” the Texas senator said.
    no-chain-latest-subject   | went fine  | Mark Ellis        | Mark Ellis met Tom Vance on Monday. Mark Ellis left
                                                             ... early. “It went fine,” he said.
""")

# 1. A pronoun never resolves to a name inside the quotation it introduces.
PRONOUN_NOT_FROM_QUOTE = speaker_cases("""
    id                      | marker      | speaker         | text
    she-is-previous-subject | pandering   | Dana Whitfield  | Senator Dana Whitfield spoke in Des Moines on Monday. “Her
                                                          ... outreach reads as pandering to Lena Ortiz,” she said.
    he-skips-name-in-quote  | Nobody      | Tomas Reyes     | Mr. Tomas Reyes runs the refinery. “Nobody at Marcus Hale
                                                          ... Oil asked us,” he said.
    told-clients            | bet against | Peter Lindqvist | Analyst Peter Lindqvist covers chipmakers. “I would not
                                                          ... bet against Maria Chen here,” he told clients.
""")

# 2. Reporting verbs in every tense, and noun cues.
CUES = speaker_cases("""
    id              | marker           | speaker       | text
    called          | reckless         | Ruth Baines   | Governor Ruth Baines called the pipeline “a reckless gamble.”
    barked          | my office        | Len Odum      | “Get out of my office,” Director Len Odum barked.
    beamed-inverted | ready to ship    | Ida Moss      | “We are ready to ship,” beamed founder Ida Moss.
    grumbled-that   | brutal           | Amir Diaz     | Coach Amir Diaz grumbled that the schedule was “brutal.”
    tweeted         | thank us         | Olu Adeyemi   | “Markets will thank us later,” Finance Minister Olu Adeyemi
                                                     ... tweeted on Sunday.
    asked-inverted  | money            | Irene Park    | “Where is the money?” asked Councilwoman Irene Park.
    accused         | sleeping         | Calvin Moss   | Rep. Calvin Moss accused the regulator of “sleeping at the
                                                     ... wheel.”
    blasted         | disgrace         | Dale Rourke   | Coach Dale Rourke blasted the referees as “a disgrace.”
    continued       | not done         | Nadia Farouk  | “We are not done,” Nadia Farouk continued.
    concluded       | drug works       | Helen Brandt  | “The drug works in older patients,” Dr. Helen Brandt concluded.
    joked           | dip              | Simon Achebe  | “I should have bought the dip,” Simon Achebe joked.
    reiterated      | on schedule      | Ana Lucero    | Chief Executive Ana Lucero reiterated that the launch is “on
                                                     ... schedule.”
    insists         | good for drivers | Paul Okafor   | Paul Okafor insists the merger is “good for drivers.”
    warned-inverted | double           | Greta Holm    | “Prices could double by winter,” warned energy analyst Greta
                                                     ... Holm.
    conceded        | messy            | Felix Arend   | Mayor Felix Arend conceded that the count was “messy but fair.”
    posted-colon    | Vote early       | Kira Vale     | Pop star Kira Vale posted: “Vote early, vote often.”
    wrote           | rollout          | Omar Diallo   | “The vaccine rollout was a success,” Health Secretary Omar
                                                     ... Diallo wrote in an op-ed.
    testified       | never finished   | Ivan Petrov   | Ivan Petrov testified that the audit was “never finished.”
    announced       | modestly         | Northwind Air | Northwind Air announced that fares would rise “modestly” next
                                                     ... year.
    told-reporters  | soft landing     | Gina Ross     | “We see a soft landing,” Gina Ross told reporters after the
                                                     ... meeting.
    in-a-statement  | largely resolved | the utility   | In a statement, the utility said outages were “largely
                                                     ... resolved.”
""")

# 3. A person named once in full and then by surname stays the antecedent of "he"/"she".
SURNAME_ANTECEDENT = speaker_cases("""
    id                   | marker          | speaker       | text
    full-then-surname    | every vote      | Harold Quince | Harold Quince opened the rally in Ohio. Quince said the
                                                         ... race was tight. “We need every vote,” he added.
    lone-surname-speaker | breaks my heart | Kowalski      | Kowalski said the plant would close. “It breaks my heart,”
                                                         ... he added.
""")

# 4. Continuations and lead-ins.
CONTINUATIONS = [
    case(
        "“Inflation is cooling,” central bank governor Lars Engel said.\n“We can afford patience.”",
        "patience",
        "Lars Engel",
        "next-paragraph-continues",
    ),
    case(
        "Lars Engel said:\n“We can afford patience.”",
        "patience",
        "Lars Engel",
        "lead-in-colon",
    ),
    case(
        "“Demand is back,” said trader Mia Sato. “Volumes doubled this week.”",
        "Volumes doubled",
        "Mia Sato",
        "same-paragraph-continues",
    ),
    case(
        "“Turnout was huge.” “We won the suburbs,” campaign manager Leo Brandt said.",
        "Turnout",
        "Leo Brandt",
        "cue-in-next-sentence",
    ),
]

CONTINUATIONS += speaker_cases("""
    id                          | marker     | speaker   | text
    sentence-opening-participle | stay there | Vera Lind | “Rates are high,” said economist Vera Lind. Adding, “They
                                                       ... will stay there.”
""")

CONTINUATIONS += [
    case(
        "Engineer Ruth Oyelaran said the dam is sound.\n“It will hold through the spring floods.”",
        "spring floods",
        "Ruth Oyelaran",
        "reported-speech-then-quote-paragraph",
    ),
]

# 4b. A quotation closed by "!" or "?" ends its sentence; the next sentence opens with its speaker.
CLOSED_BY_MARK = speaker_cases("""
    id                                        | marker         | speaker   | text
    exclamation-then-attribution              | harbour        | Ada Roe   | “We finally have a harbour that works!” Ada
                                                                         ... Roe said to reporters. She left at noon.
    question-then-attribution                 | new line       | Ben Ortiz | “Who will pay for the new line?” Councillor
                                                                         ... Ben Ortiz said in a letter on Friday.
    complement-verb-then-more-quotation       | answer is yes  | Ida Moss  | “Have we started on the second tunnel yet?”
                                                                         ... Ida Moss replied. “The answer is yes.”
    shouted                                   | coast          | Ben Ortiz | “All the way to the coast!” Ben Ortiz
                                                                         ... shouted, waving a flag.
    attribution-not-opening-the-next-sentence | finished       | -         | “Is the new line finished yet?” Later that
                                                                         ... week the crews said the work was done.
    no-speaker-next                           | vote happening | -         | “Why is the vote happening now?” The board
                                                                         ... met again on Tuesday.
""")

# 4c. A name and a colon before a quotation, with no verb: "Roe: “...”".
COLON_NO_VERB = speaker_cases("""
    id            | marker       | speaker     | text
    name-colon    | bridge opens | Ray Dunmore | Gov. Ray Dunmore: “The bridge opens in May, not a day later.”
    no-name-colon | bridge opens | -           | Then, on the radio: “The bridge opens in May, not a day later.”
""")

# 5. Mixed quotes: a few quoted words inside the author's sentence are still the speaker's.
MIXED = speaker_cases("""
    id                    | marker     | speaker        | text
    insists-two-fragments | unethical  | Rhea Tapley    | Anchor Rhea Tapley insists the moves were “unethical” and
                                                      ... “deeply harmful.”
    described             | clean beat | Jonas Whitcomb | Jonas Whitcomb described the quarter as “a clean beat.”
""")

# 5b. A quotation with no speech cue at all belongs to the subject that opens its sentence.
MIXED_NO_CUE = speaker_cases("""
    id                        | marker       | speaker     | text
    defended-as               | careful      | Ada Holm    | Governor Ada Holm defended her budget chief as a “careful
                                                         ... and honest steward” on Friday.
    surname-subject           | hate         | Ada Holm    | Ada Holm runs the port authority. Holm also bemoaned a
                                                         ... market in which shippers “simply hate waiting” for berths.
    after-a-participle-phrase | door we      | Ilse Brand  | Addressing bankers in Zurich, Ilse Brand described rate
                                                         ... cuts as “a door we are not opening yet.”
    described-group           | need it most | the company | The company filed a plan to cut rates for “the households
                                                         ... that need it most.”
    pronoun-subject           | levy         | Lin Tao     | Mayor Lin Tao spoke on Monday. She warned that the levy is
                                                         ... “not going anywhere.”
""")
MIXED_NO_CUE += speaker_cases("""
    id               | marker  | speaker             | text
    described-person | costly  | the retired surgeon | The retired surgeon has offered no details about his “very
                                                   ... detailed and costly” plan.
    party-noun       | gift to | the Ohio Republican | In a long interview, the Ohio Republican criticized the treaty as
                                                   ... “a gift to rivals.”
""")
MIXED_NO_CUE_NEGATIVES = speaker_cases("""
    id              | marker      | speaker | text
    adverb-opener   | long bridge | -       | Soon the plan, known as “the long bridge,” went to a vote.
    not-an-agent    | boots       | -       | The measure would place “boots on the ground” in the region.
    common-word     | fresh round | -       | Each quarter brings a “fresh round of doubts” to the trading floor.
    title-in-quotes | Blue Line   | -       | In Paris, the “Blue Line” opened to riders on Monday.
""")

# 6b. An object or a time between the subject and its cue is no speaker.
OBJECT_BEFORE_CUE = speaker_cases("""
    id                       | marker         | speaker    | text
    by-saying                | not done       | Ada Roe    | Ada Roe closed her speech by saying “we are not done yet.”
    time-phrase              | perfectly safe | Ben Ortiz  | Ben Ortiz at the time said the mine was “perfectly safe.”
    noun-state               | as promised    | Mina Park  | The secretary of state will visit, “as promised,” Mina Park
                                                         ... said on Monday.
    possessive-speaking-body | dead on        | Her office | Her office said the plan was “dead on arrival.”
""")

# 6d. A party tag or a day between the subject and its verb.
BETWEEN_SUBJECT_AND_VERB = speaker_cases("""
    id              | marker  | speaker     | text
    long-apposition | overdue | Vera Lind   | Vera Lind, the longest-serving member of the port board and its chair for
                                          ... the past eleven years running, said the dredging was “overdue.”
    party-tag       | mess    | Ray Dunmore | Sen. Ray Dunmore (D-Ore.), said on Monday that the levy was “a mess.”
    tag-and-day     | mess    | Ada Holm    | Gov. Ada Holm (R-Maine) on Wednesday said the levy was “a mess.”
    last-week       | mess    | Ben Ortiz   | Ben Ortiz last week wrote that the levy was “a mess.”
""")

# 6e. An unnamed member of a group: "Another said", "Several wrote"; a clause piece is no speaker.
QUANTIFIED = speaker_cases("""
    id                 | marker     | speaker | text
    another            | far too    | another | Two voters spoke to us. Another said the levy was “far too high.”
    several            | good start | several | Several said the new rules were “a good start.”
    not-a-clause-piece | giveaway   | critics | Officials kept refusing to discuss the plan, which critics called “a
                                            ... giveaway.”
""")

# 6c. "issued a statement saying ...": the issuer speaks, not the statement; a statement that is
# the subject keeps its noun phrase.
ISSUED = speaker_cases("""
    id                   | marker  | speaker                       | text
    issued-a-statement   | careful | Ada Roe                       | On Friday, Ada Roe issued a statement saying the
                                                                 ... judge was “a fair and careful person.”
    released-a-report    | fell    | the ministry                  | The ministry released a report saying exports “fell
                                                                 ... sharply.”
    statement-as-subject | fell    | A statement from the ministry | A statement from the ministry said exports “fell
                                                                 ... sharply.”
""")

# 6. Subject shapes: role before the name, unnamed spokesperson, participle.
SHAPES = speaker_cases("""
    id                   | marker       | speaker                       | text
    role-before-name     | promised     | Terry Stroud                  | “They promised and they forgot,” said 9/11
                                                                      ... widow Terry Stroud.
    unnamed-spokesperson | simply false | another campaign spokesperson | “That is simply false,” another campaign
                                                                      ... spokesperson added Tuesday.
    participle-saying    | sells out    | Ray Dunmore                   | Senator Ray Dunmore is slamming the trade
                                                                      ... deal, saying “it sells out our farmers.”
    apposition           | overdue      | Carla Nunez                   | Carla Nunez, the attorney general of Nevada,
                                                                      ... said the settlement was “long overdue.”
""")

SHAPES += [
    case(
        "The grid can carry the extra load, utility engineer Sara Kemp wrote.",
        "extra load",
        "Sara Kemp",
        "clause-final-complement-verb",
    ),
    case(
        "Captain Omar Reyes flew the route twice. The new engines, he added, were “quieter than promised.”",
        "quieter",
        "Omar Reyes",
        "parenthetical-attribution",
    ),
    case(
        "Mayor Lin Tao praised the budget. She went on to call the tax plan “a fair deal.”",
        "fair deal",
        "Lin Tao",
        "went-on-to",
    ),
    case(
        "“Prices have peaked,” Sen.\u00a0Ava Ruiz said on Monday.",
        "peaked",
        "Ava Ruiz",
        "no-break-space-after-title",
    ),
    case("Lawmakers decried the deal as “a giveaway to insurers.”", "giveaway", "Lawmakers", "decried"),
]

# 7. A verb inside the quotation never wins over the cue outside it.
VERB_INSIDE = speaker_cases("""
    id                  | marker    | speaker     | text
    said-inside-quote   | cut taxes | Ines Moreau | “My opponent said he would cut taxes, and he did not,” Governor Ines
                                                ... Moreau said.
    warned-inside-quote | warned us | Bo Lindgren | “Analysts warned us for years,” the chief executive, Bo Lindgren,
                                                ... told investors.
""")

VERB_INSIDE += speaker_cases("""
    id                             | marker   | speaker    | text
    mixed-curly-and-straight-marks | balanced | Nell Ashby | Secretary Nell Ashby spoke at noon. “We balanced the
                                                         ... books," she said "and nobody said it could be done.”
""")

# 8. Descriptive speakers keep their noun phrase.
DESCRIPTIVE = speaker_cases("""
    id        | marker            | speaker               | text
    book      | never trusted     | the book              | The book says the founder “never trusted bankers.”
    filing    | material losses   | the filing            | The filing says the lender faces “material losses.”
    daily     | reform is overdue | the influential daily | “The reform is overdue,” the influential daily wrote in an
                                                        ... editorial.
    network   | stand by          | the network           | “We stand by our reporting,” the network said.
    statement | productive        | the statement         | The statement said the talks were “productive and frank.”
    company   | Orders            | the company           | “Orders are strong,” the company said.
""")

# 9. Normalisation keeps the name, not the title or the place.
NORMALISE = speaker_cases("""
    id                | marker      | speaker                        | text
    title-before-name | raised more | Dennis Chong                   | “We raised more than we hoped,” said national
                                                                   ... finance director Dennis Chong.
    not-the-place     | unlawful    | Scott Pruett                   | Scott Pruett, the attorney general of Oklahoma,
                                                                   ... said the rule was “unlawful.”
    report-from       | Payrolls    | the Bureau of Labor Statistics | Payrolls rose by 150,000, according to a
                                                                   ... Wednesday report from the Bureau of Labor
                                                                   ... Statistics.
    fullest-name      | stay put    | Jerome Pollard                 | Fed Chair Jerome Pollard spoke first. “Rates stay
                                                                   ... put,” Pollard said.
    role-noun-to-name | giveaway    | Mara Quist                     | Sen. Mara Quist voted no. “This bill is a
                                                                   ... giveaway,” the senator said.
""")

NORMALISE += speaker_cases("""
    id                         | marker   | speaker        | text
    role-with-modifier-to-name | no hurry | Jerome Pollard | Fed Chair Jerome Pollard held rates. “We are in no hurry,”
                                                         ... the Fed chair said.
    they-is-no-speaker         | confirm  | -              | “We cannot confirm it,” they said.
""")

# 10. Quoted questions are claims with their speaker.
QUESTIONS = speaker_cases("""
    id                   | marker   | speaker     | text
    question-descriptive | Who pays | the senator | “Who pays for this?” the senator asked.
    question-inverted    | Why now  | Paula Green | “Why now?” asked investor Paula Green.
""")

# Negatives: a name inside a quote is not its speaker; a quote with no cue has none.
NEGATIVES = speaker_cases("""
    id               | marker      | speaker        | text
    name-in-quote    | wrong about | the strategist | “Powell is wrong about rates,” the strategist said.
    quote-no-speaker | Hold On     | -              | The band played “Hold On” twice during the encore.
    author-voice     | Shares      | -              | Shares of Orbit Labs fell 4% after the launch slipped.
    bare-quote-alone | Nothing     | -              | “Nothing lasts forever.”
""")


# Each error class and its cases: the claim holding the marker is attributed to the speaker.
SPEAKER_CLASSES = {
    "pronoun-chains-keep-their-person": PRONOUN_CHAIN,
    "pronoun-never-takes-a-name-inside-the-quote": PRONOUN_NOT_FROM_QUOTE,
    "reporting-verbs-and-noun-cues": CUES,
    "surname-only-people-are-pronoun-antecedents": SURNAME_ANTECEDENT,
    "continuations-and-lead-ins": CONTINUATIONS,
    "attribution-in-the-next-sentence-or-before-a-colon": CLOSED_BY_MARK + COLON_NO_VERB,
    "quotation-without-a-cue-belongs-to-the-subject": MIXED_NO_CUE + MIXED_NO_CUE_NEGATIVES,
    "objects-and-times-before-a-cue": OBJECT_BEFORE_CUE + ISSUED + BETWEEN_SUBJECT_AND_VERB + QUANTIFIED,
    "subject-shapes": SHAPES,
    "verb-inside-the-quotation-never-wins": VERB_INSIDE,
    "descriptive-speakers-keep-their-noun-phrase": DESCRIPTIVE,
    "normalisation-keeps-the-fullest-name": NORMALISE,
    "negatives": NEGATIVES,
}

# Quotations mixed into a sentence, and quoted questions, are quote claims of their speaker.
QUOTE_CLASSES = {
    "mixed-quotes-are-quotes-of-their-speaker": MIXED,
    "quoted-questions-are-quote-claims": QUESTIONS,
}


def by_class(classes: dict[str, list]) -> list[object]:
    """Every case of every class, its id prefixed with its class."""
    return [pytest.param(*p.values, id=f"{name}-{p.id}") for name, table in classes.items() for p in table]


@pytest.mark.parametrize(("text", "marker", "speaker"), by_class(SPEAKER_CLASSES))
def test_speaker_of_the_claim_holding_the_marker(text: str, marker: str, speaker: str | None) -> None:
    assert speaker_of(text, marker) == speaker


@pytest.mark.parametrize(("text", "marker", "speaker"), by_class(QUOTE_CLASSES))
def test_quote_claims_of_their_speaker(text: str, marker: str, speaker: str) -> None:
    hit = next(c for c in claims(text) if marker in c.text)
    assert (hit.speaker, hit.claim_type) == (speaker, "quote")


def test_unattributed_reader_question_is_not_a_claim() -> None:
    text = "What does the rate rise mean for savers?\nThe central bank raised rates on Tuesday."
    assert [c.text for c in claims(text)] == ["The central bank raised rates on Tuesday."]
