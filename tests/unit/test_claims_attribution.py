"""Who said what, by the error classes of issue 14, each a table of cases with negatives.

Every case is written for these tests (invented people, real-news shapes across topics). A case
gives a text and the speaker of each quote claim in order, or of the claim holding a marker.
"""

from __future__ import annotations

import pytest

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


# 1b. A chain of "he" subjects keeps its person past others named on the way.
PRONOUN_CHAIN = [
    case(
        "Senator Tom Vance is urging his rivals to quit. Though he did not name Paul Grady or Mark Ellis, "
        "he made it clear they should go. He asked them to “step aside for the party.”",
        "step aside",
        "Tom Vance",
        "he-chain",
    ),
    case(
        "Sen. Ruth Amos spoke after Lena Cole. The Ohio senator thanked her staff. She said the vote was "
        "“a long time coming.”",
        "long time",
        "Ruth Amos",
        "role-subject",
    ),
    case(
        "Ohio Sen. Ruth Amos spoke first at the long hearing on Tuesday. Sen. Ada Holm of Maine spoke next. "
        "“We will not move,” the Ohio senator said.",
        "not move",
        "Ruth Amos",
        "role-with-place",
    ),
    case(
        "Sen. Ada Holm of Maine spoke at the long hearing on Tuesday. “We will not move,” the Texas senator said.",
        "not move",
        "the Texas senator",
        "role-place-matches-nobody",
    ),
    case(
        "Mark Ellis met Tom Vance on Monday. Mark Ellis left early. “It went fine,” he said.",
        "went fine",
        "Mark Ellis",
        "no-chain-latest-subject",
    ),
]

# 1. A pronoun never resolves to a name inside the quotation it introduces.
PRONOUN_NOT_FROM_QUOTE = [
    case(
        "Senator Dana Whitfield spoke in Des Moines on Monday. “Her outreach reads as pandering to Lena Ortiz,” "
        "she said.",
        "pandering",
        "Dana Whitfield",
        "she-is-previous-subject",
    ),
    case(
        "Mr. Tomas Reyes runs the refinery. “Nobody at Marcus Hale Oil asked us,” he said.",
        "Nobody",
        "Tomas Reyes",
        "he-skips-name-in-quote",
    ),
    case(
        "Analyst Peter Lindqvist covers chipmakers. “I would not bet against Maria Chen here,” he told clients.",
        "bet against",
        "Peter Lindqvist",
        "told-clients",
    ),
]

# 2. Reporting verbs in every tense, and noun cues.
CUES = [
    case("Governor Ruth Baines called the pipeline “a reckless gamble.”", "reckless", "Ruth Baines", "called"),
    case("“Get out of my office,” Director Len Odum barked.", "my office", "Len Odum", "barked"),
    case("“We are ready to ship,” beamed founder Ida Moss.", "ready to ship", "Ida Moss", "beamed-inverted"),
    case("Coach Amir Diaz grumbled that the schedule was “brutal.”", "brutal", "Amir Diaz", "grumbled-that"),
    case(
        "“Markets will thank us later,” Finance Minister Olu Adeyemi tweeted on Sunday.",
        "thank us",
        "Olu Adeyemi",
        "tweeted",
    ),
    case("“Where is the money?” asked Councilwoman Irene Park.", "money", "Irene Park", "asked-inverted"),
    case(
        "Rep. Calvin Moss accused the regulator of “sleeping at the wheel.”",
        "sleeping",
        "Calvin Moss",
        "accused",
    ),
    case("Coach Dale Rourke blasted the referees as “a disgrace.”", "disgrace", "Dale Rourke", "blasted"),
    case("“We are not done,” Nadia Farouk continued.", "not done", "Nadia Farouk", "continued"),
    case(
        "“The drug works in older patients,” Dr. Helen Brandt concluded.",
        "drug works",
        "Helen Brandt",
        "concluded",
    ),
    case("“I should have bought the dip,” Simon Achebe joked.", "dip", "Simon Achebe", "joked"),
    case(
        "Chief Executive Ana Lucero reiterated that the launch is “on schedule.”",
        "on schedule",
        "Ana Lucero",
        "reiterated",
    ),
    case(
        "Paul Okafor insists the merger is “good for drivers.”",
        "good for drivers",
        "Paul Okafor",
        "insists",
    ),
    case(
        "“Prices could double by winter,” warned energy analyst Greta Holm.",
        "double",
        "Greta Holm",
        "warned-inverted",
    ),
    case(
        "Mayor Felix Arend conceded that the count was “messy but fair.”",
        "messy",
        "Felix Arend",
        "conceded",
    ),
    case("Pop star Kira Vale posted: “Vote early, vote often.”", "Vote early", "Kira Vale", "posted-colon"),
    case(
        "“The vaccine rollout was a success,” Health Secretary Omar Diallo wrote in an op-ed.",
        "rollout",
        "Omar Diallo",
        "wrote",
    ),
    case(
        "Ivan Petrov testified that the audit was “never finished.”",
        "never finished",
        "Ivan Petrov",
        "testified",
    ),
    case(
        "Northwind Air announced that fares would rise “modestly” next year.",
        "modestly",
        "Northwind Air",
        "announced",
    ),
    case(
        "“We see a soft landing,” Gina Ross told reporters after the meeting.",
        "soft landing",
        "Gina Ross",
        "told-reporters",
    ),
    case(
        "In a statement, the utility said outages were “largely resolved.”",
        "largely resolved",
        "the utility",
        "in-a-statement",
    ),
]

# 3. A person named once in full and then by surname stays the antecedent of "he"/"she".
SURNAME_ANTECEDENT = [
    case(
        "Harold Quince opened the rally in Ohio. Quince said the race was tight. “We need every vote,” he added.",
        "every vote",
        "Harold Quince",
        "full-then-surname",
    ),
    case(
        "Kowalski said the plant would close. “It breaks my heart,” he added.",
        "breaks my heart",
        "Kowalski",
        "lone-surname-speaker",
    ),
]

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

CONTINUATIONS += [
    case(
        "“Rates are high,” said economist Vera Lind. Adding, “They will stay there.”",
        "stay there",
        "Vera Lind",
        "sentence-opening-participle",
    ),
]

CONTINUATIONS += [
    case(
        "Engineer Ruth Oyelaran said the dam is sound.\n“It will hold through the spring floods.”",
        "spring floods",
        "Ruth Oyelaran",
        "reported-speech-then-quote-paragraph",
    ),
]

# 4b. A quotation closed by "!" or "?" ends its sentence; the next sentence opens with its speaker.
CLOSED_BY_MARK = [
    case(
        "“We finally have a harbour that works!” Ada Roe said to reporters. She left at noon.",
        "harbour",
        "Ada Roe",
        "exclamation-then-attribution",
    ),
    case(
        "“Who will pay for the new line?” Councillor Ben Ortiz said in a letter on Friday.",
        "new line",
        "Ben Ortiz",
        "question-then-attribution",
    ),
    case(
        "“Have we started on the second tunnel yet?” Ida Moss replied. “The answer is yes.”",
        "answer is yes",
        "Ida Moss",
        "complement-verb-then-more-quotation",
    ),
    case("“All the way to the coast!” Ben Ortiz shouted, waving a flag.", "coast", "Ben Ortiz", "shouted"),
    case(
        "“Is the new line finished yet?” Later that week the crews said the work was done.",
        "finished",
        None,
        "attribution-not-opening-the-next-sentence",
    ),
    case("“Why is the vote happening now?” The board met again on Tuesday.", "vote happening", None, "no-speaker-next"),
]

# 4c. A name and a colon before a quotation, with no verb: "Roe: “...”".
COLON_NO_VERB = [
    case("Gov. Ray Dunmore: “The bridge opens in May, not a day later.”", "bridge opens", "Ray Dunmore", "name-colon"),
    case("Then, on the radio: “The bridge opens in May, not a day later.”", "bridge opens", None, "no-name-colon"),
]

# 5. Mixed quotes: a few quoted words inside the author's sentence are still the speaker's.
MIXED = [
    case(
        "Anchor Rhea Tapley insists the moves were “unethical” and “deeply harmful.”",
        "unethical",
        "Rhea Tapley",
        "insists-two-fragments",
    ),
    case(
        "Jonas Whitcomb described the quarter as “a clean beat.”",
        "clean beat",
        "Jonas Whitcomb",
        "described",
    ),
]

# 5b. A quotation with no speech cue at all belongs to the subject that opens its sentence.
MIXED_NO_CUE = [
    case(
        "Governor Ada Holm defended her budget chief as a “careful and honest steward” on Friday.",
        "careful",
        "Ada Holm",
        "defended-as",
    ),
    case(
        "Ada Holm runs the port authority. Holm also bemoaned a market in which shippers “simply hate "
        "waiting” for berths.",
        "hate",
        "Ada Holm",
        "surname-subject",
    ),
    case(
        "Addressing bankers in Zurich, Ilse Brand described rate cuts as “a door we are not opening yet.”",
        "door we",
        "Ilse Brand",
        "after-a-participle-phrase",
    ),
    case(
        "The company filed a plan to cut rates for “the households that need it most.”",
        "need it most",
        "the company",
        "described-group",
    ),
    case(
        "Mayor Lin Tao spoke on Monday. She warned that the levy is “not going anywhere.”",
        "levy",
        "Lin Tao",
        "pronoun-subject",
    ),
]
MIXED_NO_CUE += [
    case(
        "The retired surgeon has offered no details about his “very detailed and costly” plan.",
        "costly",
        "the retired surgeon",
        "described-person",
    ),
    case(
        "In a long interview, the Ohio Republican criticized the treaty as “a gift to rivals.”",
        "gift to",
        "the Ohio Republican",
        "party-noun",
    ),
]
MIXED_NO_CUE_NEGATIVES = [
    case("Soon the plan, known as “the long bridge,” went to a vote.", "long bridge", None, "adverb-opener"),
    case("The measure would place “boots on the ground” in the region.", "boots", None, "not-an-agent"),
    case("Each quarter brings a “fresh round of doubts” to the trading floor.", "fresh round", None, "common-word"),
    case("In Paris, the “Blue Line” opened to riders on Monday.", "Blue Line", None, "title-in-quotes"),
]

# 6b. An object or a time between the subject and its cue is no speaker.
OBJECT_BEFORE_CUE = [
    case("Ada Roe closed her speech by saying “we are not done yet.”", "not done", "Ada Roe", "by-saying"),
    case("Ben Ortiz at the time said the mine was “perfectly safe.”", "perfectly safe", "Ben Ortiz", "time-phrase"),
    case(
        "The secretary of state will visit, “as promised,” Mina Park said on Monday.",
        "as promised",
        "Mina Park",
        "noun-state",
    ),
    case("Her office said the plan was “dead on arrival.”", "dead on", "Her office", "possessive-speaking-body"),
]

# 6d. A party tag or a day between the subject and its verb.
BETWEEN_SUBJECT_AND_VERB = [
    case(
        "Vera Lind, the longest-serving member of the port board and its chair for the past eleven years "
        "running, said the dredging was “overdue.”",
        "overdue",
        "Vera Lind",
        "long-apposition",
    ),
    case("Sen. Ray Dunmore (D-Ore.), said on Monday that the levy was “a mess.”", "mess", "Ray Dunmore", "party-tag"),
    case("Gov. Ada Holm (R-Maine) on Wednesday said the levy was “a mess.”", "mess", "Ada Holm", "tag-and-day"),
    case("Ben Ortiz last week wrote that the levy was “a mess.”", "mess", "Ben Ortiz", "last-week"),
]

# 6e. An unnamed member of a group: "Another said", "Several wrote"; a clause piece is no speaker.
QUANTIFIED = [
    case("Two voters spoke to us. Another said the levy was “far too high.”", "far too", "another", "another"),
    case("Several said the new rules were “a good start.”", "good start", "several", "several"),
    case(
        "Officials kept refusing to discuss the plan, which critics called “a giveaway.”",
        "giveaway",
        "critics",
        "not-a-clause-piece",
    ),
]

# 6c. "issued a statement saying ...": the issuer speaks, not the statement; a statement that is
# the subject keeps its noun phrase.
ISSUED = [
    case(
        "On Friday, Ada Roe issued a statement saying the judge was “a fair and careful person.”",
        "careful",
        "Ada Roe",
        "issued-a-statement",
    ),
    case("The ministry released a report saying exports “fell sharply.”", "fell", "the ministry", "released-a-report"),
    case(
        "A statement from the ministry said exports “fell sharply.”",
        "fell",
        "A statement from the ministry",
        "statement-as-subject",
    ),
]

# 6. Subject shapes: role before the name, unnamed spokesperson, participle.
SHAPES = [
    case(
        "“They promised and they forgot,” said 9/11 widow Terry Stroud.",
        "promised",
        "Terry Stroud",
        "role-before-name",
    ),
    case(
        "“That is simply false,” another campaign spokesperson added Tuesday.",
        "simply false",
        "another campaign spokesperson",
        "unnamed-spokesperson",
    ),
    case(
        "Senator Ray Dunmore is slamming the trade deal, saying “it sells out our farmers.”",
        "sells out",
        "Ray Dunmore",
        "participle-saying",
    ),
    case(
        "Carla Nunez, the attorney general of Nevada, said the settlement was “long overdue.”",
        "overdue",
        "Carla Nunez",
        "apposition",
    ),
]

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
VERB_INSIDE = [
    case(
        "“My opponent said he would cut taxes, and he did not,” Governor Ines Moreau said.",
        "cut taxes",
        "Ines Moreau",
        "said-inside-quote",
    ),
    case(
        "“Analysts warned us for years,” the chief executive, Bo Lindgren, told investors.",
        "warned us",
        "Bo Lindgren",
        "warned-inside-quote",
    ),
]

VERB_INSIDE += [
    case(
        'Secretary Nell Ashby spoke at noon. “We balanced the books," she said "and nobody said it could be done.”',
        "balanced",
        "Nell Ashby",
        "mixed-curly-and-straight-marks",
    ),
]

# 8. Descriptive speakers keep their noun phrase.
DESCRIPTIVE = [
    case("The book says the founder “never trusted bankers.”", "never trusted", "the book", "book"),
    case("The filing says the lender faces “material losses.”", "material losses", "the filing", "filing"),
    case(
        "“The reform is overdue,” the influential daily wrote in an editorial.",
        "reform is overdue",
        "the influential daily",
        "daily",
    ),
    case("“We stand by our reporting,” the network said.", "stand by", "the network", "network"),
    case(
        "The statement said the talks were “productive and frank.”",
        "productive",
        "the statement",
        "statement",
    ),
    case("“Orders are strong,” the company said.", "Orders", "the company", "company"),
]

# 9. Normalisation keeps the name, not the title or the place.
NORMALISE = [
    case(
        "“We raised more than we hoped,” said national finance director Dennis Chong.",
        "raised more",
        "Dennis Chong",
        "title-before-name",
    ),
    case(
        "Scott Pruett, the attorney general of Oklahoma, said the rule was “unlawful.”",
        "unlawful",
        "Scott Pruett",
        "not-the-place",
    ),
    case(
        "Payrolls rose by 150,000, according to a Wednesday report from the Bureau of Labor Statistics.",
        "Payrolls",
        "the Bureau of Labor Statistics",
        "report-from",
    ),
    case(
        "Fed Chair Jerome Pollard spoke first. “Rates stay put,” Pollard said.",
        "stay put",
        "Jerome Pollard",
        "fullest-name",
    ),
    case(
        "Sen. Mara Quist voted no. “This bill is a giveaway,” the senator said.",
        "giveaway",
        "Mara Quist",
        "role-noun-to-name",
    ),
]

NORMALISE += [
    case(
        "Fed Chair Jerome Pollard held rates. “We are in no hurry,” the Fed chair said.",
        "no hurry",
        "Jerome Pollard",
        "role-with-modifier-to-name",
    ),
    case(
        "“We cannot confirm it,” they said.",
        "confirm",
        None,
        "they-is-no-speaker",
    ),
]

# 10. Quoted questions are claims with their speaker.
QUESTIONS = [
    case("“Who pays for this?” the senator asked.", "Who pays", "the senator", "question-descriptive"),
    case("“Why now?” asked investor Paula Green.", "Why now", "Paula Green", "question-inverted"),
]

# Negatives: a name inside a quote is not its speaker; a quote with no cue has none.
NEGATIVES = [
    case("“Powell is wrong about rates,” the strategist said.", "wrong about", "the strategist", "name-in-quote"),
    case("The band played “Hold On” twice during the encore.", "Hold On", None, "quote-no-speaker"),
    case("Shares of Orbit Labs fell 4% after the launch slipped.", "Shares", None, "author-voice"),
    case("“Nothing lasts forever.”", "Nothing", None, "bare-quote-alone"),
]


@pytest.mark.parametrize(("text", "marker", "speaker"), PRONOUN_CHAIN)
def test_pronoun_chains_keep_their_person(text: str, marker: str, speaker: str) -> None:
    assert speaker_of(text, marker) == speaker


@pytest.mark.parametrize(("text", "marker", "speaker"), PRONOUN_NOT_FROM_QUOTE)
def test_pronoun_never_takes_a_name_inside_the_quote(text: str, marker: str, speaker: str) -> None:
    assert speaker_of(text, marker) == speaker


@pytest.mark.parametrize(("text", "marker", "speaker"), CUES)
def test_reporting_verbs_and_noun_cues(text: str, marker: str, speaker: str) -> None:
    assert speaker_of(text, marker) == speaker


@pytest.mark.parametrize(("text", "marker", "speaker"), SURNAME_ANTECEDENT)
def test_surname_only_people_are_pronoun_antecedents(text: str, marker: str, speaker: str) -> None:
    assert speaker_of(text, marker) == speaker


@pytest.mark.parametrize(("text", "marker", "speaker"), CONTINUATIONS)
def test_continuations_and_lead_ins(text: str, marker: str, speaker: str) -> None:
    assert speaker_of(text, marker) == speaker


@pytest.mark.parametrize(("text", "marker", "speaker"), MIXED)
def test_mixed_quotes_are_quotes_of_their_speaker(text: str, marker: str, speaker: str) -> None:
    hit = next(c for c in claims(text) if marker in c.text)
    assert (hit.speaker, hit.claim_type) == (speaker, "quote")


@pytest.mark.parametrize(("text", "marker", "speaker"), CLOSED_BY_MARK + COLON_NO_VERB)
def test_attribution_in_the_next_sentence_or_before_a_colon(text: str, marker: str, speaker: str | None) -> None:
    assert speaker_of(text, marker) == speaker


@pytest.mark.parametrize(("text", "marker", "speaker"), MIXED_NO_CUE + MIXED_NO_CUE_NEGATIVES)
def test_quotation_without_a_cue_belongs_to_the_subject(text: str, marker: str, speaker: str | None) -> None:
    assert speaker_of(text, marker) == speaker


@pytest.mark.parametrize(
    ("text", "marker", "speaker"), OBJECT_BEFORE_CUE + ISSUED + BETWEEN_SUBJECT_AND_VERB + QUANTIFIED
)
def test_objects_and_times_before_a_cue_are_not_speakers(text: str, marker: str, speaker: str) -> None:
    assert speaker_of(text, marker) == speaker


@pytest.mark.parametrize(("text", "marker", "speaker"), SHAPES)
def test_subject_shapes(text: str, marker: str, speaker: str) -> None:
    assert speaker_of(text, marker) == speaker


@pytest.mark.parametrize(("text", "marker", "speaker"), VERB_INSIDE)
def test_verb_inside_the_quotation_never_wins(text: str, marker: str, speaker: str) -> None:
    assert speaker_of(text, marker) == speaker


@pytest.mark.parametrize(("text", "marker", "speaker"), DESCRIPTIVE)
def test_descriptive_speakers_keep_their_noun_phrase(text: str, marker: str, speaker: str) -> None:
    assert speaker_of(text, marker) == speaker


@pytest.mark.parametrize(("text", "marker", "speaker"), NORMALISE)
def test_normalisation_keeps_the_fullest_name(text: str, marker: str, speaker: str) -> None:
    assert speaker_of(text, marker) == speaker


@pytest.mark.parametrize(("text", "marker", "speaker"), QUESTIONS)
def test_quoted_questions_are_quote_claims(text: str, marker: str, speaker: str) -> None:
    hit = next(c for c in claims(text) if marker in c.text)
    assert (hit.speaker, hit.claim_type) == (speaker, "quote")


@pytest.mark.parametrize(("text", "marker", "speaker"), NEGATIVES)
def test_negatives(text: str, marker: str, speaker: str | None) -> None:
    assert speaker_of(text, marker) == speaker


def test_unattributed_reader_question_is_not_a_claim() -> None:
    text = "What does the rate rise mean for savers?\nThe central bank raised rates on Tuesday."
    assert [c.text for c in claims(text)] == ["The central bank raised rates on Tuesday."]
