"""Attribution: who the words of a claim belong to.

Speech is found from its verbs, which are rare in text, so one regex pass over the body finds
every candidate and only those are examined. For each speech verb the speaker is the noun phrase
next to it:

- subject before the verb, optionally with an appositive: "Takaichi, speaking from Tokyo,
  described ...", "with one expert stating, “...”", "Bessent expressed hope that ...";
- after the verb when the verb follows a quotation ("“...,” said Smith") or introduces its source
  ("quoting one senior fellow: “...”", "according to analysts, ...").

Verbs that double as nouns or take other objects ("notes", "added", "described") only count with a
speech complement: "that", a colon or a quotation close by. Speakers are normalised to the name as
written without leading titles and possessors ("Treasury Secretary Bessent" -> "Bessent",
"Japan's Prime Minister Sanae Takaichi" -> "Sanae Takaichi"); descriptions stay as written ("one
senior fellow"). "he"/"she" resolve to a person named nearby, see `PersonIndex`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from newsfacts.claims.people import PersonIndex

_NAME = r"[A-Z][\w’'.-]*"
_CONNECTORS = frozenset(("of", "for", "the", "and", "de", "da", "du", "van", "von", "der", "bin", "al", "la", "le"))
CAP_RUN = rf"{_NAME}(?:\s+(?:(?:{'|'.join(sorted(_CONNECTORS))})\s+)?{_NAME}){{0,6}}"
_HEAD_WORDS = (
    "experts? analysts? officials? economists? fellows? researchers? spokes(?:person|man|woman)s? sources? "
    "diplomats? investors? strategists? observers? critics? lawmakers? legislators? ministers? executives? "
    "advis[eo]rs? aides? scholars? professors? directors? leaders? presidents? secretar(?:y|ies) "
    "chair(?:man|woman|person)?s? ceos? governors? traders? bankers? managers? commentators? authors? "
    "governments? ministr(?:y|ies) agenc(?:y|ies) reports? surveys? stud(?:y|ies) polls? people members? "
    "representatives? negotiators? envoys? ambassadors? officers? police witness(?:es)? residents? voters? "
    "statements? insiders? authorit(?:y|ies) compan(?:y|ies) firms? banks? groups? unions? participants? "
    "partners?"
)
_QUANTIFIERS = "one an? the another two three four five several some many most other these those its his her their our"


def _either_case(words: str) -> str:
    """An alternation of the words with the first letter in either case, e.g. `[Ee]xperts?`.

    Faster than `(?i:...)`, and the lookahead on first letters lets the engine skip most
    positions without trying each alternative.
    """
    firsts = "".join(sorted({c for w in words.split() for c in (w[0], w[0].upper())}))
    return f"(?=[{firsts}])(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in words.split()) + ")"


_GROUP = (
    rf"(?:(?:{_either_case(_QUANTIFIERS)})\s+)?(?:[a-z][\w-]*\s+){{0,3}}(?:{_either_case(_HEAD_WORDS)})\b"
    rf"(?:\s+(?:from|at|of|with|for|in)\s+(?:the\s+)?(?:{CAP_RUN}|(?:[a-z][\w-]*\s+){{0,2}}[a-z][\w-]*))?"
)
_NP = rf"(?<![\w’'.-])(?P<np>{_GROUP}|{CAP_RUN}|[Hh]e|[Ss]he|[Tt]hey)"
_ADVERBS = (
    r"also|has|have|had|reportedly|publicly|again|later|then|previously|repeatedly|recently|once|"
    r"further|separately|similarly|likewise|earlier|explicitly|openly|herself|himself|would|will|"
    r"is|was|were|are|being|been|had|once|just|already|frequently|often"
)
_TAIL = rf"(?P<app>,\s[^,;:“”\"]{{1,80}},)?\s+(?:(?:{_ADVERBS})\s+){{0,2}}$"
# Subjects are searched for in two passes: names and pronouns over the whole window, described
# groups ("one senior fellow") only near a head noun. A single pattern trying the group form at
# every word start costs ten times as much.
_SUBJECT_NAME = re.compile(rf"(?<![\w’'.-])(?P<np>{CAP_RUN}|[Hh]e|[Ss]he|[Tt]hey){_TAIL}")
_SUBJECT_GROUP = re.compile(rf"(?<![\w’'.-])(?P<np>{_GROUP}){_TAIL}")
_HEAD = re.compile(rf"(?<![\w-])(?:{_either_case(_HEAD_WORDS)})\b")
_AFTER = re.compile(rf"\s+{_NP}")

_BARE_VERBS = r"said|says|say|told|tells|stated|saying|stating"
_COMPLEMENT_VERBS = (
    r"proclaim(?:s|ed|ing)?|argu(?:e|es|ed|ing)|not(?:e|es|ed|ing)|warn(?:s|ed|ing)?|add(?:s|ed|ing)?|"
    r"explain(?:s|ed|ing)?|describ(?:e|es|ed|ing)|claim(?:s|ed|ing)?|insist(?:s|ed|ing)?|"
    r"declar(?:e|es|ed|ing)|announc(?:e|es|ed|ing)|assert(?:s|ed|ing)?|stress(?:es|ed|ing)?|"
    r"emphasi[sz](?:e|es|ed|ing)|acknowledg(?:e|es|ed|ing)|admit(?:s|ted|ting)?|observ(?:e|es|ed)|"
    r"remark(?:s|ed)?|predict(?:s|ed|ing)?|caution(?:s|ed|ing)?|conced(?:e|es|ed)|wr(?:ote|ites?)|"
    r"(?:re)?affirm(?:s|ed|ing)?|confirm(?:s|ed|ing)?|estimat(?:e|es|ed)|contend(?:s|ed)?|"
    r"maintain(?:s|ed)?|believ(?:e|es|ed)|thinks?|thought|suggest(?:s|ed)?|repl(?:y|ies|ied)|"
    r"respond(?:s|ed)?|recall(?:s|ed)?|testif(?:y|ies|ied)|vow(?:s|ed)?|promis(?:e|es|ed)|"
    r"pledg(?:e|es|ed)|put it|"
    r"express(?:ed|es|ing)?\s+(?:\w+\s+){0,2}?(?:hope|concern|confidence|optimism|doubt|fears?|"
    r"belief|frustration|regret|surprise)s?(?=\s+that\b)"
)
SPEECH = re.compile(
    rf"\b(?:(?P<bare>{_BARE_VERBS})|(?P<verb>{_COMPLEMENT_VERBS})|(?P<quoting>quoting)"
    r"|(?P<according>[Aa]ccording to))\b"
)
_COMPLEMENT = re.compile(r"\s+(?:[\w’'-]+\s+){0,4}?that\b|\s*[:,]?\s*[“\"]|[^.;:“”\"]{0,80}[“\"]")
_QUOTE_AFTER_SOURCE = re.compile(r"[^“”\"]{1,90}?[:,]\s*[“\"]")
_AFTER_QUOTE = re.compile(r"[”\"],?\s+$")
_SOURCE = re.compile(r"\s+(?P<np>(?:[^,.;:“”\"\n]|\.(?=\S)){2,90}?)\s*(?=[,.;:]|$|\s[“\"])")
_SOURCE_PREFIX = re.compile(
    r"(?:(?:a|an|the|recent)\s+)*(?:reports?|data|figures|estimates|statements?|analysis|research|"
    r"surveys?|polls?|comments?|remarks)\s+(?:from|by|of)\s+",
    re.IGNORECASE,
)

_LEADING_JUNK_LIST = (
    "with and but while as that when because after before since though although so then where which "
    "who if of for from to in on at by also said says the"
)
_LEADING_JUNK = frozenset(_LEADING_JUNK_LIST.split())
_NOT_SPEAKERS_LIST = "it this that they there we i you which who what these those one he she"
_NOT_SPEAKERS = frozenset(_NOT_SPEAKERS_LIST.split())
_TITLES_LIST = """
    President Prime Minister Secretary Treasury Finance Foreign Defense Defence Economic Security Trade
    Chief Executive Cabinet Deputy Vice Chancellor Governor Senator Sen. Rep. Representative Mr. Mrs.
    Ms. Dr. Prof. Professor Ambassador General Gen. Chairman Chairwoman Chair CEO Director Spokesperson
    Spokesman Spokeswoman King Queen Prince Pope Judge Justice Mayor Commissioner Speaker Premier
    Leader Lord Lady Sir Former Senior Acting Interior Commerce State Labor Labour Health Education
    Energy Agriculture Transport Environment Chairperson Lt. Col. Gov. Minister-President
    """
TITLES = frozenset(_TITLES_LIST.split())


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speech verb with its speaker.

    `anchor` is where the attribution clause begins ("Takaichi, speaking ...", "quoting ...");
    `claim_start` is where the attributed words begin: the anchor, except after "quoting X:",
    where the claim is the quotation itself.
    """

    speaker: str
    anchor: int
    verb_end: int
    quoted: bool
    claim_start: int


def normalise_speaker(np: str) -> str | None:
    """The speaker as written, without leading function words, titles and possessors."""
    tokens = np.split()
    while tokens and tokens[0].lower() in _LEADING_JUNK:
        tokens = tokens[1:]
    if not tokens:
        return None
    if all(t[0].isupper() or t in _CONNECTORS for t in tokens):
        # A name: drop what precedes its last possessive or title ("Prime Minister" alone stays).
        titled = tokens[-1] not in TITLES
        cut = -1
        for i, tok in enumerate(tokens[:-1]):
            if tok.endswith(("’s", "'s")) or (titled and tok in TITLES):
                cut = i
        tokens = tokens[cut + 1 :]
    if len(tokens[-1]) > 3 and tokens[-1].endswith(".") and tokens[-1].count(".") == 1:
        tokens[-1] = tokens[-1][:-1]
    speaker = " ".join(tokens).strip(" ,;:-–—")
    if not speaker or speaker.lower() in _NOT_SPEAKERS or not any(c.isalpha() for c in speaker):
        return None
    return speaker


def _source_after(text: str, pos: int, end: int) -> str | None:
    m = _SOURCE.match(text, pos, end)
    if m is None:
        return None
    np = _SOURCE_PREFIX.sub("", m.group("np"), count=1)
    return normalise_speaker(np)


def _subject(text: str, lo: int, verb_start: int, people: PersonIndex) -> tuple[str | None, int]:
    """The subject right before a speech verb; of a name and a group, the one starting first."""
    lo = max(lo, verb_start - 160)
    m = _SUBJECT_NAME.search(text, lo, verb_start)
    head = _HEAD.search(text, lo, verb_start)
    if head is not None:
        group = _SUBJECT_GROUP.search(text, max(lo, head.start() - 60), verb_start)
        if group is not None and (m is None or group.start() <= m.start()):
            m = group
    if m is None:
        return None, verb_start
    np = m.group("np")
    if np.lower() in ("he", "she"):
        return people.resolve(m.start("np")), m.start("np")
    return normalise_speaker(np), m.start("np")


def attributions(text: str, start: int, end: int, verbs: list[re.Match[str]], people: PersonIndex) -> list[Attribution]:
    """Attributions in the sentence text[start:end], from its speech-verb matches in order."""
    found: list[Attribution] = []
    for v in verbs:
        vs, ve = v.start(), v.end()
        if v.group("according") or v.group("quoting"):
            speaker, anchor = _source_after(text, ve, end), vs
        elif _AFTER_QUOTE.search(text, max(start, vs - 4), vs) and (after := _AFTER.match(text, ve, end)):
            speaker, anchor = normalise_speaker(after.group("np")), vs
        else:
            speaker, anchor = _subject(text, start, vs, people)
            # A verb like "wrote" or "added" reports speech only with its words: "that ...", a
            # quotation after it, or one just before its subject ("“...,” one analyst wrote").
            if v.group("verb") and not (
                _COMPLEMENT.match(text, ve, end) or _AFTER_QUOTE.search(text, max(start, anchor - 4), anchor)
            ):
                continue
        if speaker is None:
            continue
        window = text[max(start, anchor - 3) : min(end, ve + 100)]
        quoted = any(mark in window for mark in '“”"')
        if found and found[-1].speaker == speaker:
            found[-1] = replace(found[-1], quoted=found[-1].quoted or quoted)
            continue
        claim_start = anchor
        if v.group("quoting") and (q := _QUOTE_AFTER_SOURCE.match(text, ve, end)):
            claim_start = q.end() - 1
        found.append(Attribution(speaker, anchor, ve, quoted, claim_start))
    return found
