"""Attribution: who the words of a claim belong to.

A small explicit model rather than a parser. Speech is found from its cues (the tables in
`newsfacts.claims.cues`), which are rare in text, so one regex pass over the body finds every
candidate; cues inside a quotation are dropped, because the words of a quote never choose their
own speaker. For each cue the speaker is the noun phrase the sentence shape puts next to it:

- subject before the cue, with an optional apposition: "Takaichi, speaking from Tokyo,
  described ...", "Scott Pruitt, the attorney general of Oklahoma, said", "“...,” the network said";
- after the cue when it follows a quotation or a comma (inverted): "“...,” said national finance
  director Dennis Cheng", "The talks stalled, said one diplomat";
- the source of a noun cue: "according to a Wednesday report from the Bureau of Labor Statistics";
- the subject of the main clause for a participle: "Tapper is slamming the deal, saying “...”";
- the issuer of a document: "Trump issued a statement saying “...”" gives Trump;
- with no cue at all, the agent that opens a sentence quoting words (a mixed quote): "Rubio
  bemoaned a climate in which people “literally hate each other”", "Bush: “...”".

Verbs that double as nouns or take other objects ("notes", "added", "called") count only with a
speech complement: "that", a colon, or a quotation in the clause or just before it. Names become
the fullest name the document gives the person ("Powell" -> "Jerome Powell"); descriptions keep
their noun phrase ("the company", "one senior fellow"); "he"/"she" resolve through `Discourse`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from newsfacts.claims.cues import (
    BARE_VERBS,
    BEGIN_VERBS,
    COMPLEMENT_VERBS,
    DESCRIPTIVE_HEADS,
    MODIFIER_TITLES,
    PHRASAL_VERBS_TEXT,
    PRONOUNS,
    QUOTE_ONLY_VERBS_TEXT,
    RESUMING_CUES,
    ROLE_TITLES,
    ROLE_WORDS,
    SOURCE_CUES,
)
from newsfacts.claims.cues import (
    TITLES as _TITLES_TEXT,
)
from newsfacts.claims.lexicon import CueScan, either_case, first_letters
from newsfacts.claims.people import ORG_WORDS, People, QuoteTest
from newsfacts.claims.verbs import has_finite_verb
from newsfacts.facts.trie import WORD_CHARS, not_word_class, trie_regex
from newsfacts.metadata.lines import word_set

TITLES = frozenset(_TITLES_TEXT.split())
# Title words that qualify a title rather than stand before a name alone ("National Security
# Adviser Ann Roe"): before a single last word they are part of a name ("National Beverage").
_MODIFIER_TITLES = frozenset(MODIFIER_TITLES.split())
_ROLE_SET = frozenset(ROLE_WORDS.split())
_PHRASAL_VERBS = frozenset(" ".join(p.split()) for p in PHRASAL_VERBS_TEXT.split(",") if p.strip())
QUOTE_ONLY_VERBS = frozenset(QUOTE_ONLY_VERBS_TEXT.split()) | _PHRASAL_VERBS


def _forms(entry: str) -> list[str]:
    """A verb's base form with its -s, -ed and -ing forms ("base:irregular,forms" spells them out)."""
    base, _, irregular = entry.partition(":")
    if irregular:
        return [base, *irregular.split(",")]
    if base.endswith("y") and base[-2:-1] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith(("s", "sh", "ch", "x", "z")):
        return [base, base + "es", base + "ed", base + "ing"]
    return [base, base + "s", base + "ed", base + "ing"]


_SAID = frozenset(["said", "says", "told", "tells"])
_BARE_FORMS = frozenset(f for e in BARE_VERBS.split() for f in _forms(e)) | {"Said", "Says"}
# Base forms that are not also past forms: after "a"/"this" they are nouns ("a meaningful tell").
_BASE_ONLY = frozenset(
    _forms(e)[0] for e in (BARE_VERBS + " " + COMPLEMENT_VERBS).split() if _forms(e)[0] not in _forms(e)[1:]
)
_BEGIN_VERBS = frozenset(BEGIN_VERBS.split())
_VERB_FORMS = (
    frozenset(f for e in COMPLEMENT_VERBS.split() for f in _forms(e)) - _BARE_FORMS | _PHRASAL_VERBS | _BEGIN_VERBS
)
SPEECH = re.compile(
    rf"(?<![{WORD_CHARS}’'-])(?:(?P<bare>{trie_regex(_BARE_FORMS)})|(?P<verb>{trie_regex(_VERB_FORMS)})"
    rf"|(?P<resume>{trie_regex(RESUMING_CUES.split())})(?=\s*[,:“\"])"
    rf"|(?P<source>{either_case(SOURCE_CUES)}))(?![{WORD_CHARS}’'-])"
)
# Where a cue may start: after a character that is no part of a word, a cue word next. The
# pattern opens with that character, which lets the engine skip through the letters of a body;
# the ASCII word characters listed in it are tested against a bitmap, before the Unicode tables.
_CUE_WORDS = _BARE_FORMS | _VERB_FORMS | set(RESUMING_CUES.split())
_CUE_FIRSTS = [*_CUE_WORDS, *SOURCE_CUES, *(c[0].upper() for c in SOURCE_CUES)]
_CUE_WORD = rf"(?=(?:{trie_regex(_CUE_WORDS)}|{either_case(SOURCE_CUES)})(?![{WORD_CHARS}’'-]))"


class CueStarts:
    """Where `SPEECH` may match in a body, and where the phrases of a `CueScan` start, in one pass.

    SPEECH opens with a look-behind, which makes the engine try it at every position; it is tried
    only after a character that is no part of a word and before a cue word. The phrases of the
    claim cues (`newsfacts.claims.classify.CUES`) start after such a character too, so one scan
    finds both: the test of the character before every word is the costliest step of either.
    """

    def __init__(self, phrases: CueScan | None = None) -> None:
        speech = rf"(?={first_letters(_CUE_FIRSTS)}){_CUE_WORD}"
        if phrases is None:
            self._pattern = re.compile(not_word_class("’'\\-") + speech)
        else:
            # Group 1: a cue word that starts a phrase too; group 2: a phrase only (`lastindex`).
            # The tests that fail most often go first: the prefix trees before the character
            # before the cue word, the first letters of both lists once before either tree.
            firsts = first_letters([*_CUE_FIRSTS, *phrases.firsts])
            phrase = f"(?={phrases.phrase_tree})"
            either = rf"{speech}(?<![’'\-])(?:{phrase}()|)|{phrase}()"
            self._pattern = re.compile(rf"{not_word_class()}(?={firsts})(?:{either})")

    def __call__(self, text: str, start: int, end: int) -> tuple[list[re.Match[str]], list[int]]:
        """The matches of `SPEECH` in text[start:end], as `SPEECH.finditer` gives them (cue matches
        never overlap, so trying only the candidates gives the same list), and the sorted offsets
        where a phrase starts right after a non-word character, `start` included (for
        `CueScan.within`)."""
        found = [m for m in [SPEECH.match(text, start, end)] if m is not None]
        starts: list[int] = []
        # From the character before `start`, so that a phrase at `start` is seen too (the speech
        # cue there is the match above).
        for c in self._pattern.finditer(text, max(0, start - 1), end):
            at, kind = c.end(), c.lastindex
            if kind != 2 and at > start and (m := SPEECH.match(text, at, end)) is not None:
                found.append(m)
            if kind is not None:
                starts.append(at)
        return found, starts


_SPEECH_CUES = CueStarts()


def speech_cues(text: str, start: int, end: int) -> list[re.Match[str]]:
    """The matches of `SPEECH` in text[start:end], as `SPEECH.finditer` gives them."""
    return _SPEECH_CUES(text, start, end)[0]


_NAME = rf"[A-Z][{WORD_CHARS}’'.-]*"
_CONNECTORS = frozenset(("of", "for", "the", "and", "de", "da", "du", "van", "von", "der", "bin", "al", "la", "le"))
CAP_RUN = rf"{_NAME}(?:\s+(?:(?:of\s+the|{'|'.join(sorted(_CONNECTORS))})\s+)?{_NAME}){{0,6}}"
_FUNCTION = word_set(
    "the a an of to in on at for by with from and or but that which who whom whose as than this these those "
    "said says told is are was were has have had will would it its he she they we i you not also when while"
)
_DETERMINERS = "the a an one another two three several some many most other these those this that its his her their our"
_DETERMINER_SET = frozenset(_DETERMINERS.split())
_HEAD_SET = set(DESCRIPTIVE_HEADS.split()) | _ROLE_SET
_HEADS = either_case(_HEAD_SET | {w + "s" for w in _HEAD_SET if not w.endswith("s")})
_HEAD = re.compile(rf"(?<![{WORD_CHARS}-])(?:{_HEADS})\b")
_MODIFIER = rf"(?!(?i:{'|'.join(sorted(_FUNCTION))})\b)[{WORD_CHARS}’'/.-]+"  # "They note" is no group
# Participles that take a prepositional phrase into a described source ("a person familiar with ...").
_POSTMODIFIERS = ("familiar", "close", "involved", "briefed")
_GROUP = (
    rf"(?:(?:{either_case(_DETERMINERS.split())})\s+)?(?:{_MODIFIER}\s+){{0,3}}?(?:{_HEADS})"
    rf"(?:\s+(?:from|at|of|with|for|in)\s+(?:the\s+)?(?:{CAP_RUN}|(?:[a-z][{WORD_CHARS}-]*\s+){{0,2}}[a-z][{WORD_CHARS}-]*)"
    rf"|\s+(?:{'|'.join(_POSTMODIFIERS)})\s+(?:with|to|in|on)\s+(?:the\s+)?(?:[{WORD_CHARS}’'-]+\s+){{0,2}}[{WORD_CHARS}-]+)?"
)
_ADVERBS = (
    r"also|has|have|had|reportedly|publicly|again|later|then|previously|repeatedly|recently|once|"
    r"further|separately|similarly|likewise|earlier|explicitly|openly|herself|himself|would|will|"
    r"is|was|were|are|being|been|just|already|frequently|often|quickly|flatly|simply|even|still|"
    r"has\s+long|had\s+long|told\s+\w+\s+and|went\s+on\s+to|goes\s+on\s+to|go\s+on\s+to|"
    r"continued\s+to|proceeded\s+to|did\s+not|did|does|do|on\s+[A-Z][a-z]+day|last\s+(?:week|month|year)|"
    r"didn[’']t|does\s+not|doesn[’']t|"
    r"(?!(?:daily|weekly|monthly|quarterly|yearly|family|ally|rally|italy|early|only|july)\b)[a-z]{2,}ly"
)
# An aside between a subject and its verb: ", the mayor,", " (D-Ohio)", or both (" (D-Ohio), a rival,").
_APPOSITION = r"(?P<app>,\s[^,;:“”\"]{1,150},|\s\([^()\n]{1,30}\)(?:,\s[^,;:“”\"]{1,150},|,)?)?"
_TAIL = rf"{_APPOSITION}\s+(?:(?:{_ADVERBS})\s+){{0,2}}$"
# Subjects are searched for in two passes: names and pronouns over the whole window, described
# groups only near a head noun. One pattern trying the group form at every word costs ten times more.
# A pronoun may carry its auxiliary: "he’s said", "they’d told".
_CONTRACTED = re.compile(r"(he|she|they|we|you|it|i)[’'](?:d|ve|ll|re|m)")
_SUBJECT_NAME = re.compile(
    rf"(?<![{WORD_CHARS}’'.-])(?P<np>{CAP_RUN}|[Hh]e|[Ss]he|[Tt]hey)(?:(?:(?<=[Hh]e)|(?<=[Tt]hey))[’'](?:s|d|ve))?{_TAIL}"
)
_SUBJECT_GROUP = re.compile(rf"(?<![{WORD_CHARS}’'.-])(?P<np>{_GROUP}){_TAIL}")
# A capitalised word, then the further words of a name after it; apposed, a title may lead ("Dr.").
_NAME_WORD = rf"[A-Z][{WORD_CHARS}’'-]+"
_MORE_NAME_WORDS = rf"(?: [A-Z][{WORD_CHARS}’'.-]+)"
_APPOSED_NAME = re.compile(rf",\s(?:[A-Z][a-z]{{1,3}}\.\s)?(?P<name>{_NAME_WORD}{_MORE_NAME_WORDS}{{1,2}}),")
_WHO = re.compile(rf"(?<=,\s)who{_TAIL}")
_SUBJECT_DET = re.compile(
    rf"(?<![{WORD_CHARS}’'.-])(?P<np>(?:{either_case(_DETERMINERS.split())})\s+(?:{_MODIFIER}\s+){{0,3}}?[a-z][{WORD_CHARS}-]+){_TAIL}"
)
# The subject that opens a clause, for a participle cue later in it ("X is slamming it, saying").
_WHOLE_NAME = re.compile(rf"(?P<np>(?:[a-z][{WORD_CHARS}-]*\s+){{0,3}}{CAP_RUN})\s*")
_CLAUSE_OPENERS = r"(?:(?:And|But|Then|So|Yet|Still|Now|Later|Instead|Meanwhile)\s+)?"
_OPENING_NP = (
    rf"{_CLAUSE_OPENERS}(?P<np>{_GROUP}|{CAP_RUN}|[Hh]e|[Ss]he){_APPOSITION}\s+(?:(?:{_ADVERBS})\s+){{0,2}}[a-z]"
)
# First the sentence's own first words ("Christie, the governor, repeated ..."), then after up to
# three opening phrases of up to 120 characters each ("Speaking in Salem, New Hampshire, Trump went
# after ...", "And although he thanked the crowd for its long support, he struck a softer note, saying").
_OPENING_DIRECT = re.compile(_OPENING_NP)
_OPENING_SUBJECT = re.compile(rf"(?:[^,;:“”\"]{{1,120}},\s+){{1,3}}?{_OPENING_NP}")
_OPENER = re.compile(r"[A-Za-z]+")

# A speech complement: "that" within a few words, a colon, or a quotation in the same clause (no
# comma between: "praised her candor, with one expert stating, “...”" is the expert's quote).
_QUOTE_NEAR = r"\s*[:,]?\s*[“\"]|(?:[^.;:,“”\"]|\.(?=\S)){0,80}[,:]?\s*[“\"]|\s*:|[^.;:“”\"]{0,60}:\s*[“\"]"
_THAT_NEAR = rf"\s+(?:[{WORD_CHARS}’'-]+\s+){{0,4}}?that\b"
_COMPLEMENT = re.compile(rf"{_THAT_NEAR}|{_QUOTE_NEAR}")
_QUOTE_COMPLEMENT = re.compile(_QUOTE_NEAR)
# What those two can match where no opening quotation mark follows in the sentence: their other
# alternatives all end on one, and each costs a walk of up to 80 characters to rule out.
_COMPLEMENT_UNQUOTED = re.compile(rf"{_THAT_NEAR}|\s*:")
_QUOTE_COMPLEMENT_UNQUOTED = re.compile(r"\s*:")


def _has_complement(text: str, verb_end: int, end: int, quote_only: bool) -> bool:
    """Does a speech complement follow the verb ending at `verb_end`, in text[:end]?"""
    if text.find("“", verb_end, end) >= 0 or text.find('"', verb_end, end) >= 0:
        complement = _QUOTE_COMPLEMENT if quote_only else _COMPLEMENT
    else:
        complement = _QUOTE_COMPLEMENT_UNQUOTED if quote_only else _COMPLEMENT_UNQUOTED
    return complement.match(text, verb_end, end) is not None


# "X declined to comment but said ...": the verb shares the subject that opens the sentence.
_COORDINATED = re.compile(rf"\b(?:but|and|then|later|before|after)\s+(?:(?:{_ADVERBS})\s+){{0,2}}$")
# "She then turned to the crowd: “...”", "Pollster Ann Roe: “...”": a colon opening a quotation.
_COLON_QUOTE = re.compile(r":\s*[“\"]")
_QUOTE_AFTER_SOURCE = re.compile(r"[^“”\"]{1,90}?[:,]\s*[“\"]")
# A quotation closed by its own punctuation ("“...,” said", "“...?” asked"): the attribution follows.
_AFTER_QUOTE = re.compile(r"[”\"][,.!?]?\s+$|[,.!?][”\"]\s+$")
_AFTER_COMMA = re.compile(r",\s+$")
_ASIDE_SUBJECT = re.compile(rf",\s+(?:[{WORD_CHARS}’'.-]+\s+){{1,6}}$")
_CLAUSE_END = re.compile(
    r"(?:\s+(?:on\s+)?\w+day|\s+in\s+an?\s+\w+|\s+(?:later|earlier|yesterday|today))?\s*[.!?]?\s*$"
)
_PARENTHETICAL = re.compile(r",\s[^.;“”\"]{0,80}[“\"]")
_STOP_AFTER = (
    r"on|in|during|after|before|when|while|who|which|whose|as|last|this|yesterday|today|tonight|earlier|"
    r"told|adding|noting|saying|explaining|and|but|because|since|via|through|to|about|of\s+(?:the|a|his|her)\s+"
    r"(?:plan|deal|bill|idea|decision|move)|at\s+(?:an?|the)\s+(?:rally|event|news|press|meeting|hearing|"
    r"conference|debate|campaign|town)"
)
# "said a source involved in the talks", "says one aide close to the mayor": the preposition after
# such a participle belongs to the speaker's description, so the phrase does not stop at it.
_NOT_POSTMODIFIED = "".join(f"(?<!{w})" for w in _POSTMODIFIERS)
_POSTMODIFIER_TAIL = re.compile(rf"\s+(?:{'|'.join(_POSTMODIFIERS)})\s+(?:with|to|in|on)\s.*$")
# A full stop that ends the phrase: not the dot of a middle initial ("said Jason C. Ervin").
_NOT_AN_INITIAL = r"\.(?!(?<=(?<![\w.])[A-Z]\.)\s+[A-Z])"
_AFTER_VERB = re.compile(
    rf"\s+(?:(?:{_ADVERBS}|on\s+\w+day|\w+day|recently)\s+)?(?P<np>(?:[^,.;:!?“”\"\n]|\.(?=\S)|\.(?<=[A-Z]\.)(?=\s+[A-Z])){{2,90}}?)"
    rf"(?=\s*(?:[,;:!?“”\"]|{_NOT_AN_INITIAL}|$)|{_NOT_POSTMODIFIED}\s+(?:{_STOP_AFTER})\b)"
)
_SOURCE = re.compile(
    r"\s+(?P<np>(?:[^,.;:“”\"\n]|\.(?=\S)|\.(?<=[A-Z]\.)(?=\s+[A-Z])){2,90}?)"
    r"\s*(?=[,;:]|\.(?<!(?<![A-Za-z])[A-Z]\.)|\.\s*$|$|\s[“\"])"  # not at "U.S." or "G." before a word
)
_SOURCE_PREFIX = re.compile(
    r"(?:[\w’'-]+\s+){0,3}?(?:reports?|data|figures|estimates?|statements?|analysis|research|"
    r"surveys?|polls?|comments?|remarks|releases?|filings?|documents?|stud(?:y|ies)|numbers|"
    r"statistics|projections|forecasts?|testimony|interviews?|posts?|tweets?)\s+"
    r"(?:(?:released|published|issued|compiled|provided|made)\s+)?(?:from|by|of|with|to)\s+",
    re.IGNORECASE,
)

_LEADING_JUNK = word_set(
    "with and but yet while as that when because after before since though although so then where which "
    "who if of for from to in on at by also said says"
)
_NOT_SPEAKERS = word_set("it this that they there we i you which who what these those one he she us them him her")
# "the senator", "the former governor": a role noun that can stand for a titled person named before.
_ROLE_NP = re.compile(rf"the\s+(?:(?P<mod>[{WORD_CHARS}.-]+)\s+)?(?P<role>{'|'.join(sorted(ROLE_TITLES))})")
_TRAILING_NAME = re.compile(rf"(?<![{WORD_CHARS}’'.-]){_NAME_WORD}{_MORE_NAME_WORDS}{{0,2}}$")
# Words that open a clause or a prepositional phrase, not a speaker, right after a quotation
# ("“...,” while ...", "“...” in a Facebook post": "post" is then a noun).
_NOT_AFTER_QUOTE = (
    "while whereas but and as with though although when after before because "
    "in on at from to by for during into over under about against"
)
# Between a closing quotation and its verb: the speaker, whatever its head ("“...,” the investor said").
_QUOTE_NP = re.compile(
    rf"[”\"][,.!?]?\s+(?!(?:{'|'.join(_NOT_AFTER_QUOTE.split())})\b)"
    rf"(?P<np>[^,;:“”\"]{{2,80}}?){_TAIL}"
)
# "Marco Rubio of Florida, who mused ...": a relative pronoun's antecedent.
_ANTECEDENT = re.compile(
    rf"(?<![{WORD_CHARS}’'.-])(?P<np>{CAP_RUN})(?:\s+\([^()]{{1,20}}\))?(?:\s+of\s+{CAP_RUN})?,\s+$"
)
# A speaker the document never marks as a person may still be one: a two- or three-word name.
_PERSON_LIKE = re.compile(rf"[A-Z][a-z][{WORD_CHARS}’'-]+{_MORE_NAME_WORDS}{{0,2}}")
# Capitalised sentence openers that are never a speaker by themselves.
_NOT_SUBJECT_LIST = (
    "Many Some Another Later Earlier Most Few Several Both All Other Others Meanwhile Still Then Now "
    "Instead Yet However Also Here There Today Yesterday Tonight Monday Tuesday Wednesday Thursday "
    "Friday Saturday Sunday Outside Inside Even For After Before During Since Ever Once A An The Early Late "
    "Each Every Soon Nothing Everyone Everybody Nobody Someone Despite Beyond Although Though Because "
    "Unlike Like Without Within Amid Among Against Until Unless Whether Perhaps Maybe Indeed"
)
_NOT_SUBJECT_WORDS = frozenset(_NOT_SUBJECT_LIST.split())
# Month names: a speaker by themselves only as a surname the document gives a person ("Ana March").
_MONTHS_LIST = "January February March April May June July August September October November December"
_MONTHS = frozenset(_MONTHS_LIST.split())
# Of those, the ones that open an adverbial phrase rather than a noun phrase ("Later, ...").
_QUANTIFIERS = frozenset(["Several", "Many", "Others", "Another", "Most", "Both", "Some", "Few"])
_NOUN_OPENERS_LIST = "The A An Many Some Another Most Few Several Both All Other Others"
_OPENER_WORDS = _NOT_SUBJECT_WORDS - frozenset(_NOUN_OPENERS_LIST.split())
_SINGULAR_SUBJECT = re.compile(r"(?:[Aa]n?|[Oo]ne|[Aa]nother|[Tt]his|[Tt]hat|[Ee]ach|[Ee]very)\s")
_POSSESSIVES = frozenset(["his", "her", "its", "their", "our", "my", "your"])
_POSSESSIVE_WORDS = frozenset(w.capitalize() for w in _POSSESSIVES)
_DANGLING_LIST = "of for in at by to from with and or but who that which as on into than"
_DANGLING = frozenset(_DANGLING_LIST.split())
_AUXILIARIES_LIST = "should would will can could may might must are is was were be it now"
_AUXILIARIES = frozenset(_AUXILIARIES_LIST.split())
# Plural nouns without an -s, which take a base-form verb after "the" ("the police say").
_UNMARKED_PLURALS_LIST = "people police staff media public children men women personnel clergy cattle folk"
_UNMARKED_PLURALS = frozenset(_UNMARKED_PLURALS_LIST.split())
_FUNCTION_OR_AUXILIARY = frozenset(w.lower() for w in _FUNCTION) | _AUXILIARIES | _DANGLING
_MODALS_LIST = "must should would will can could may might shall"
_MODALS = frozenset(_MODALS_LIST.split())
_TIME_NOUNS_LIST = (
    "time times past moment day days week weeks month months year years night morning evening weekend ago"
)
_TIME_NOUNS = frozenset(_TIME_NOUNS_LIST.split())
_PREPOSITIONS = frozenset(["of", "at", "from", "for", "with", "in", "by", "on"])


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speech cue with its speaker.

    `anchor` is where the attribution clause begins ("Takaichi, speaking ...", "quoting ...");
    `claim_start` is where the attributed words begin: the anchor, except after "quoting X:",
    where the claim is the quotation itself.
    """

    speaker: str
    anchor: int
    verb_end: int
    quoted: bool
    claim_start: int


def _is_name_token(tok: str) -> bool:
    return tok[:1].isupper() or tok in _CONNECTORS


def normalise_speaker(np: str) -> str | None:
    """The speaker as written, without leading function words, titles, roles and possessors.

    "Japan’s Prime Minister Sanae Takaichi" -> "Sanae Takaichi"; "national finance director Dennis
    Cheng" -> "Dennis Cheng"; "the Washington Post" keeps its article; "one senior fellow" stays.
    """
    tokens = np.split()
    article = None
    while tokens and tokens[0].lower() in _LEADING_JUNK | {"the"}:
        article = tokens[0].lower() if tokens[0].lower() == "the" else article
        tokens = tokens[1:]
    if not tokens:
        return None
    # A trailing name after lower-case roles ("9/11 widow Terry Strada", "the Fed chair Jerome Powell").
    i = len(tokens)
    while i > 0 and _is_name_token(tokens[i - 1]):
        i -= 1
    if 0 < i < len(tokens) and tokens[i] not in _CONNECTORS:
        prefix = tokens[:i]
        roles = any(t.lower() in _ROLE_SET or t.lower().rstrip("s") in _ROLE_SET or t[0].isdigit() for t in prefix)
        bare = prefix[0].lower() not in _DETERMINER_SET and len(tokens) - i in (2, 3)
        if (roles or bare) and not _PREPOSITIONS.intersection(prefix) and tokens[-1] not in ORG_WORDS:
            tokens, article = tokens[i:], None
    if all(_is_name_token(t) for t in tokens):
        # A name: drop what precedes its last possessive or title ("Prime Minister" alone stays).
        titled = tokens[-1] not in TITLES
        cut = -1
        for j, tok in enumerate(tokens[:-1]):
            rest = tokens[j + 1 :]
            person_like = len(rest) <= 3 and not _CONNECTORS.intersection(rest) and not ORG_WORDS.intersection(rest)
            of_phrase = j > 0 and tokens[j - 1] in _CONNECTORS  # "Bureau of Labor Statistics"
            title = tok in TITLES or tok.lower() in _ROLE_SET  # "Sen.", "Engineer Ruth Oyelaran"
            if tok in _MODIFIER_TITLES and j == len(tokens) - 2:
                title = False  # "National Beverage", "Federal Express": a name, not a title and a surname
            if tok.endswith(("’s", "'s")) or (titled and title and person_like and not of_phrase):
                cut = j
        if cut >= 0:
            tokens, article = tokens[cut + 1 :], None
        elif article and not ORG_WORDS.intersection(tokens) and len(tokens) > 1 and tokens[0] not in TITLES:
            article = None if tokens[-1][0].isupper() and len(tokens) <= 3 and _looks_personal(tokens) else article
    elif article:
        tokens = ["the", *tokens]
        article = None
    if len(tokens[-1]) > 3 and tokens[-1].endswith(".") and tokens[-1].count(".") == 1:
        tokens[-1] = tokens[-1][:-1]
    speaker = " ".join(tokens).strip(" ,;:-–—")
    if not speaker or speaker.lower() in _NOT_SPEAKERS or not any(c.isalpha() for c in speaker):
        return None
    if article and all(_is_name_token(t) for t in tokens):
        speaker = "the " + speaker
    return speaker


def _looks_personal(tokens: list[str]) -> bool:
    """A two-or-three word capitalised run that no organisation word marks as an institution, and
    whose last word is no descriptive head ("the Ohio Republican" is a description)."""
    return not ORG_WORDS.intersection(tokens) and tokens[-1].lower() not in _HEAD_SET


@dataclass(slots=True)
class Discourse:
    """The people each earlier sentence made salient, for "he"/"she" speakers.

    Each entry is (speakers, start, end) of a sentence; its candidates are the speakers first, then
    the people it names outside quotations, in order. They are worked out only when a pronoun
    needs them: most sentences are never looked back at.
    """

    people: People
    history: list[tuple[list[str], int, int]] = field(default_factory=list)
    # Sentences with no speaker whose subject is a pronoun or a role noun, by history index; who
    # the subject is gets worked out only when a later pronoun looks back at it.
    subjects: dict[int, tuple[str, int]] = field(default_factory=dict)
    resolved: dict[int, str | None] = field(default_factory=dict)

    def add(self, speakers: list[str], start: int, end: int) -> None:
        """Record a sentence; one with no speaker also records what its subject is.

        "Ted Cruz is calling on rivals to quit. Though he named nobody, he made it clear ... He
        asked them to “...”": the chain of "he" subjects keeps Cruz, not the rivals named on the way.
        """
        if speakers:
            self.people.speakers.update(speakers)
        else:
            text = self.people.text
            head = min(end, start + _SUBJECT_REACH)
            if _HE_OR_SHE.search(text, start, head) and (m := _PRONOUN_SUBJECT.match(text, start, head)):
                self.subjects[len(self.history)] = (m.group("pro"), m.start("pro"))
            elif text.startswith(("The ", "the "), start) and (m := _ROLE_SUBJECT.match(text, start, head)):
                self.subjects[len(self.history)] = (m.group("role").lower(), start)
        self.history.append((speakers, start, end))

    def _entry_speakers(self, index: int, depth: int) -> list[str]:
        """The speakers of history entry `index`, or the person its subject stands for."""
        speakers = self.history[index][0]
        if speakers or index not in self.subjects or depth >= _MAX_CHAIN:
            return speakers
        if index not in self.resolved:
            word, pos = self.subjects[index]
            if word.lower() in PRONOUNS:
                found = self.resolve(word, pos, self.history[index][1], index, depth + 1)
            else:
                found = p.full if (p := self.people.by_role(word, pos)) is not None else None
            self.resolved[index] = found
        found = self.resolved[index]
        return [found] if found else []

    def _speakers(self, speakers: list[str], pos: int) -> list[tuple[str, str | None]]:
        """The speakers that are people the document names (not "the company", not a place)."""
        out = []
        for s in speakers:
            p = self.people.person(s, pos)
            if p is not None:
                out.append((p.full, p.gender))
            elif _PERSON_LIKE.fullmatch(s) and not ORG_WORDS.intersection(s.split()):
                out.append((s, None))  # a full name or a surname the text uses like one
        return out

    def resolve(
        self, pronoun: str, pos: int, sentence_start: int, upto: int | None = None, depth: int = 0
    ) -> str | None:
        """The person a "he"/"she" at `pos` stands for, or None when nothing agrees ("they" and
        "it" stand for a group or a body that spoke just before: `_body`).

        Candidates come from the three sentences before (speakers first, then people named outside
        quotations as a clause's subject), then from the speakers of up to nine more, and last from
        the people the three sentences name only in passing (objects, possessors). Names earlier in the pronoun's own
        sentence are passed over: "Asked about Lee, he said" is rarely about Lee. `upto` is the
        history index the pronoun's sentence has (the end of the history by default).
        """
        if pronoun.lower() in ("they", "it"):
            return self._body(len(self.history) if upto is None else upto, pos, pronoun.lower() == "they")
        gender = PRONOUNS.get(pronoun.lower())
        if gender is None:
            return None

        def agree(cands: list[tuple[str, str | None]]) -> str | None:
            return next((n for n, g in cands if g in (None, gender)), None)

        if upto is None and (own := self._own_subject(sentence_start, pos)) is not None:
            name, g = own
            if g in (None, gender):
                return name
        upto = len(self.history) if upto is None else upto
        found = None
        passing: list[tuple[str, str | None]] = []
        for i in range(upto - 1, max(-1, upto - 4), -1):
            _, lo, hi = self.history[i]
            subjects, others = self._mentioned_split(lo, hi)
            passing.extend(others)
            found = agree(self._speakers(self._entry_speakers(i, depth), hi) + subjects)
            if found:
                break
        for i in range(upto - 4, max(-1, upto - 13), -1):
            if found:
                break
            _, lo, hi = self.history[i]
            found = agree(self._speakers(self._entry_speakers(i, depth), hi) + self._mentioned(lo, hi)[:1])
        # A person named only in passing is the last resort: "Rubio refrained from attacking Chris
        # Christie. He dismissed ..." is Rubio, and so is a speaker two sentences back.
        found = found or agree(passing)
        # The pronoun tells the person's gender: a later "she" will not take a "he".
        if found and (p := self.people.person(found, pos)) is not None and p.gender is None:
            p.gender = gender
        return found

    def opening_person(self, start: int, end: int) -> str | None:
        """The person who opens the sentence text[start:end] as its subject, a name the document
        marks as a person's ("However, Solskjaer was confident ..."), or None."""
        own = self._own_subject(start, end)
        if own is not None:
            return own[0] if self.people.person(own[0], start) is not None else None
        # "He was upbeat.", "The senator sought ...": the subject a speakerless sentence recorded.
        i = bisect_left(self.history, start, key=lambda entry: entry[1])
        if i < len(self.history) and self.history[i][1] == start and i in self.subjects:
            found = self._entry_speakers(i, 0)
            return found[0] if found else None
        return None

    def _body(self, upto: int, pos: int, plural: bool) -> str | None:
        """The speaker a "they" or an "it" stands for: the latest speaker of the three sentences
        before that is a group ("officials at the ministry", "Senate Democrats") for "they", or a
        single body or document ("the company", "the email") for "it"; never a person."""
        for i in range(upto - 1, max(-1, upto - 4), -1):
            for s in reversed(self.history[i][0]):
                if plural and self._is_group(s, pos):
                    return s
                if not plural and not self._is_group(s, pos) and not self._is_person_like(s, pos):
                    return s
        return None

    def _is_person_like(self, speaker: str, pos: int) -> bool:
        """A person the document names, or a name shaped like a person's ("Kara Voss", "Voss")."""
        if self.people.person(speaker, pos) is not None:
            return True
        return bool(_PERSON_LIKE.fullmatch(speaker)) and not ORG_WORDS.intersection(speaker.split())

    def _is_group(self, speaker: str, pos: int) -> bool:
        """A plural noun phrase or two names joined by "and": not a person, not "the company"."""
        if " and " in speaker:
            return True
        words = speaker.split()
        # The head noun stands before the first preposition: "officials at the ministry".
        cut = next((i for i, w in enumerate(words) if w in _DANGLING and i > 0), len(words))
        last = words[cut - 1]
        plural = last.endswith("s") and not last.endswith(("ss", "us", "is", "’s", "'s")) and len(last) > 3
        if not plural or self.people.person(speaker, pos) is not None:
            return False
        # A capitalised plural is a group only by its head noun ("Senate Democrats", not "Ana Sanders").
        return speaker[:1].islower() or last.lower() in _HEAD_SET or last.lower()[:-1] in _HEAD_SET

    def _own_subject(self, sentence_start: int, pos: int) -> tuple[str, str | None] | None:
        """The person who opens the pronoun's own sentence as its subject, before the pronoun:
        "Trump has blasted the system, which he said is rigged", "Ruiz said she will run, and she
        told ..."; not "Asked about Lee, he said" (no name opens the clause as its subject)."""
        text = self.people.text
        if pos <= sentence_start or text[max(0, pos - 3) : pos].rstrip().endswith((",", "”", '"')):
            return None  # "Pruitt backs the plan, he said": an aside speaks of the subject, not as it
        at = sentence_start
        for _ in range(_OPENING_PHRASES + 1):
            if (m := _OWN_SUBJECT.match(text, at, pos)) is not None:
                name, where = m.group("name"), m.start("name")
                if (p := self.people.person(name, where)) is not None:
                    return p.full, p.gender
                # A full name the document never marks as a person's ("Kara Voss"), not "His" or "At".
                words = name.split()
                if len(words) > 1 and words[0] not in _NOT_SUBJECT_WORDS and words[0] not in _POSSESSIVE_WORDS:
                    return next(iter(self._speakers([name], where)), None)
            comma = text.find(", ", at, min(pos, at + _OPENING_PHRASE))
            if comma < 0:
                return None
            at = comma + 2
        return None

    def _mentioned(self, lo: int, hi: int) -> list[tuple[str, str | None]]:
        return [(p.full, p.gender) for _, p in self.people.mentions(lo, hi)]

    def _mentioned_split(self, lo: int, hi: int) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]]]:
        """The people named in text[lo:hi] as a clause's subject, and those named only in passing
        (an object, a possessor: "attacking his rivals, Jeb Bush and Chris Christie")."""
        subjects: list[tuple[str, str | None]] = []
        others: list[tuple[str, str | None]] = []
        for at, p in self.people.mentions(lo, hi):
            acting = self.people.is_subject(at, lo) or self.people.acts_at(at)
            (subjects if acting else others).append((p.full, p.gender))
        return subjects, others


# A name opening a clause as the subject of a lower-case verb, with an apposition between: "Trump
# has blasted ...", "Ana Ruiz, the mayor, said ...". Tried at the sentence's start and after each of
# up to three opening phrases ("At a rally in Salem, Maine, on Monday, Ruiz said ...").
_OPENING_PHRASES = 3
_OPENING_PHRASE = 60
_OWN_SUBJECT = re.compile(
    rf"(?:(?:But|And|Then|Yet|So|Still|Now|Later)\s+)?(?P<name>{CAP_RUN})(?:,\s[^,;:“”\"]{{1,80}},)?"
    rf"\s+(?:(?:{_ADVERBS})\s+){{0,2}}[a-z]"
)
# How many "he" subjects in a row a pronoun is followed back through.
_MAX_CHAIN = 4
# How far into a sentence its subject is looked for; a cheap test first.
_SUBJECT_REACH = 60
_HE_OR_SHE = re.compile(rf"[HhSs](?<![{WORD_CHARS}].)h?e\s")  # "\b[HhSs]h?e\s", opening with the letter (see lexicon)


@dataclass(slots=True)
class Context:
    """What attribution needs of the document beyond the sentence."""

    text: str
    people: People
    quotes: QuoteTest
    discourse: Discourse


def _finish(np: str, pos: int, sentence_start: int, ctx: Context) -> str | None:
    """Normalise a noun phrase and turn a name into the document's fullest form of it."""
    low = np.lower().removesuffix("’s").removesuffix("'s")
    if (contracted := _CONTRACTED.fullmatch(low)) is not None:
        np = low = contracted.group(1)  # "they’ve said", "she’d told", "They’re less hostile": the pronoun
    if low in PRONOUNS or low == "it":
        return ctx.discourse.resolve(low, pos, sentence_start)
    if np.endswith(("’s", "'s")):
        return None  # a possessor: "Clinton’s email", "Trump’s call for" are nouns, not speech
    # "the Florida senator" is a senator named near "Florida"; with no such one it stays a description.
    near = np[role.start("mod") : role.end("mod")] if (role := _ROLE_NP.fullmatch(low)) and role.group("mod") else ""
    if role and (p := ctx.people.by_role(role.group("role"), pos, near if near[:1].isupper() else None)):
        return p.full
    speaker = normalise_speaker(np)
    if speaker in _QUANTIFIERS:
        return speaker.lower()  # "Several said ...", "Another wrote ...": an unnamed group or person
    if speaker is None or speaker in _NOT_SUBJECT_WORDS or speaker.endswith(("’s", "'s")):
        return None
    if speaker in _MONTHS and ctx.people.person(speaker, pos) is None:
        return None  # "In December, the prince called ...": a time, not a speaker
    if " " not in speaker and len(speaker) > 5 and speaker.endswith("ing") and speaker[1:].islower():
        return None  # "Speaking at a rally, Trump ...", "Led by the mayor, ...": a participle, not a name
    if speaker.rsplit(None, 1)[-1].lower() in _DETERMINER_SET | _POSSESSIVES:
        return None  # "coupled with his recall": after a determiner the cue word is a noun
    # "an angry Hollande", "Secretary of State Ada Kerr": a person the document names, at the end, wins.
    tail = _TRAILING_NAME.search(speaker)
    joined = tail is not None and speaker[: tail.start()].endswith(" and ")  # "Ana Roe and Carl Ebner": both
    if tail is not None and tail.start() > 0 and not joined and (p := ctx.people.person(tail.group(), pos)) is not None:
        return p.full
    if not speaker[0].isupper():
        return speaker if _is_description(speaker) else None
    name, of, place = speaker.partition(" of ")
    if of and place.removeprefix("the ")[:1].isupper():
        # "Marco Rubio of Florida", "Ada Roe of the Cato Institute": the person, not the place.
        if (p := ctx.people.person(name, pos)) is not None:
            return p.full
        if _PERSON_LIKE.fullmatch(name) and " " in name and not ORG_WORDS.intersection(name.split()):
            return name
    return ctx.people.canonical(speaker, pos)


def _is_description(speaker: str) -> bool:
    """A lower-case speaker is a noun phrase ("the company", "former employees"), not a piece of a
    clause: no dangling word or auxiliary last ("refusing to", "many are", "the platform should"),
    no modal anywhere, no verb form first ("whipping lawmakers", "revised her statement")."""
    words = speaker.split()
    first, last = words[0].lower(), words[-1].lower()
    if last in _DANGLING or last in _AUXILIARIES or _MODALS.intersection(words):
        return False  # "the federal government must ensure": a modal makes it a clause
    verb_first = len(first) > 4 and first.endswith(("ing", "ed")) and first not in _HEAD_SET
    return not verb_first or len(words) == 1


def _source_after(text: str, pos: int, end: int, start: int, ctx: Context) -> str | None:
    m = _SOURCE.match(text, pos, end)
    if m is None:
        return None
    np = _SOURCE_PREFIX.sub("", m.group("np"), count=1)
    first = np.split()[0] if np.split() else ""
    if text[pos - 6 : pos].lower().endswith("citing") and not (first[:1].isupper() or _HEAD.search(np)):
        return None  # "citing her quick action": a reason, not a source
    return _finish(np, m.start("np"), start, ctx)


def _subject(
    text: str, lo: int, verb_start: int, sentence_start: int, ctx: Context, bare: bool = False
) -> tuple[str | None, int]:
    """The subject right before a speech verb; of a name and a group, the one starting first.

    Failing those, any determiner phrase right before the verb is its subject ("the utility said",
    "one man wrote"); the complement test still decides whether the verb reports speech.
    """
    # An apposition ("X, the attorney general of Y, said") needs a long look back; else a short one.
    reach = 200 if text.rfind(",", max(lo, verb_start - 30), verb_start) >= 0 else 90
    lo = max(lo, verb_start - reach)
    if text.find(", ", lo, verb_start) >= 0 and (age := _AGE.search(text, lo, verb_start)) is not None:
        # "Mara Voss, 35, a nurse from Tulsa, Okla., said": the name an age follows is the subject,
        # however many appositions come after the age.
        # It must open its clause: not "Police arrested Ivo Marsh, 23, of Leeds, said a spokesman".
        aged = _AGED_SUBJECT.search(text, max(lo, age.start() - 60), verb_start)
        before = text[sentence_start : aged.start()] if aged is not None else ""
        if aged is not None and (
            not before.strip() or _AFTER_QUOTE.search(before) or _CLAUSE_OPENING.fullmatch(before)
        ):
            return _finish(aged.group("np"), aged.start(), sentence_start, ctx), aged.start()
    if (q := _QUOTE_NP.match(text, max(sentence_start, lo - 1), verb_start)) and lo > sentence_start:
        np, at = q.group("np"), q.start("np")
        # Right after a quotation closed by its punctuation any phrase speaks; after a bare closing
        # mark (a mixed quote: "the “broken” system and he pledged") only a short one does.
        closed = text[q.start() - 1 : q.start() + 2]
        short = np.count(" ") < 4 and " and " not in np
        if (short or any(c in closed for c in ",.!?")) and (np.lower() not in _NOT_SPEAKERS or np.lower() in PRONOUNS):
            if (app := q.group("app")) and np[:1].islower() and (name := _APPOSED_NAME.fullmatch(app)):
                np, at = name.group("name"), q.start("app") + name.start("name")
            return _finish(np, at, sentence_start, ctx), at
    if (
        text.find(", who", lo, verb_start) >= 0
        and (w := _WHO.search(text, lo, verb_start))
        and (a := _ANTECEDENT.search(text, max(lo, w.start() - 120), w.start()))
    ):
        return _finish(a.group("np"), a.start("np"), sentence_start, ctx), a.start("np")
    m = _SUBJECT_NAME.search(text, lo, verb_start)
    head = _HEAD.search(text, max(lo, verb_start - 120), verb_start)
    if head is not None:
        group = _SUBJECT_GROUP.search(text, max(lo, head.start() - 60), verb_start)
        if group is not None and (m is None or group.start() <= m.start()):
            m = group
    if m is None:
        m = _SUBJECT_DET.search(text, max(lo, verb_start - 80), verb_start)
    if m is None:
        return None, verb_start
    np, at = m.group("np"), m.start("np")
    app = m.group("app")
    if app and np[:1].islower() and (name := _APPOSED_NAME.fullmatch(app)):
        # "the chief executive, Bo Lindgren, told investors": the name in the apposition.
        np, at = name.group("name"), m.start("app") + name.start("name")
    if (
        np[:1].isupper()
        and (text[at - 2 : at] == ", " or _PREPOSITION_BEFORE.search(text, max(lo, at - 12), at))
        and (opening := _OPENING_NAME.match(text, sentence_start, at))
        and ctx.people.person(np, at) is None
        and _PERSON_LIKE.fullmatch(opening.group("np"))
    ):
        # "Ana Roe, at a town hall in Columbus, Ohio, said ...", "Mia Corr, a grower from Fresno,
        # California, says": the place ends an aside; the name that opens the sentence is the subject.
        np, at = opening.group("np"), opening.start("np")
    if _object_like(np) or (np[:1].islower() and _PREPOSITION_BEFORE.search(text, max(lo, at - 12), at)):
        # "someone in the audience shouted", "an email to his supporters notes": the phrase right
        # before the verb is the object of a preposition; the subject stands before it.
        return None, REJECTED
    return _finish(np, at, sentence_start, ctx), at


# A person's age apposed to a name ("Ivo Marsh, 61,"), then asides of up to 150 characters that may
# hold commas ("a grower from Fresno, California,"), then the cue's adverbs.
_AGE = re.compile(r",\s\d{1,3},\s")
_AGED_SUBJECT = re.compile(
    rf"(?<![{WORD_CHARS}’'.-])(?P<np>{CAP_RUN}),\s\d{{1,3}},\s(?:(?:[^;:.“”\"]|\.(?=[,\w])){{1,150}},\s)?"
    rf"(?:(?:{_ADVERBS})\s+){{0,2}}$"
)
# What may come before a clause's subject: a conjunction, or opening phrases that hold no verb.
_CLAUSE_OPENING = re.compile(rf"\s*{_CLAUSE_OPENERS}(?:[^,;:“”\"]{{1,60}},\s+){{0,2}}")
# A second role joined to the first by "and", then the name of the person holding both.
_ROLE_AND_NAME = re.compile(
    rf"\s+and\s+(?:[{WORD_CHARS}.-]+\s+){{0,3}}?(?P<name>{_NAME_WORD}{_MORE_NAME_WORDS}{{1,2}})"
)
# A subject pronoun right after a capitalised word that opens the clause.
_PRONOUN_NEXT = re.compile(r"\s+(?P<pro>he|she|they)\s")
# A name (or two joined by "and") after a dash or "from", right before a colon opening a quotation.
_DASHED_SOURCE = re.compile(
    rf"(?:\s[-–—]\s+|(?<![{WORD_CHARS}])[Ff]rom\s+)(?P<np>{_NAME_WORD}{_MORE_NAME_WORDS}{{0,3}}"
    rf"(?:\s+and\s+{_NAME_WORD}{_MORE_NAME_WORDS}{{0,3}})?)\s*$"
)
# A name opening a sentence, then an aside after a comma.
_OPENING_NAME = re.compile(rf"(?P<np>{CAP_RUN}),\s")
# A preposition right before a described phrase: the phrase is its object. Not "of" ("a third of
# voters say") nor "with" ("with the mayor calling it ...": the participle's subject).
_PREPOSITION_BEFORE = re.compile(
    rf"(?<![{WORD_CHARS}’'-])(?:to|in|into|for|from|on|at|by|about|against|during|over|under)\s+$",
    re.IGNORECASE,
)


# The subject of a sentence that reports no speech, for the pronouns after it: "he" a few words
# in ("But on Sunday he endorsed ..."), or a role noun ("The Florida senator sought ...").
_PRONOUN_SUBJECT = re.compile(rf"(?:[{WORD_CHARS}’'-]+,?\s+){{0,4}}?(?P<pro>[Hh]e|[Ss]he)\s+[a-z]")
_ROLE_SUBJECT = re.compile(rf"[Tt]he\s+(?:[{WORD_CHARS}.-]+\s+)?(?P<role>{'|'.join(sorted(ROLE_TITLES))})\s+[a-z]")
# A sentence right after a quotation closed by "!" or "?", whose verb comes within this reach.
_QUOTE_BEFORE = re.compile(r"[!?][”\"][\s*_]*$")
_NEXT_ATTRIBUTION_REACH = 60
# A document someone issues ("a statement", "an open letter"): its issuer is the speaker.
_ISSUED = re.compile(
    r"an?\s+(?:[\w-]+\s+){0,2}(?:statement|letter|memo|e-?mail|tweet|post|video|release|note|message|"
    r"ad|advertisement|op-ed|essay|report|filing)s?"
)
# An "as" clause opening a sentence (after a conjunction or "Of course,"), up to its cue ...
_AS_OPENING = re.compile(
    r"(?:(?:But|And|Yet|So|Of course|Still),?\s+)?[Aa]s\s+(?!well\b|soon\b|long\b|far\b|much\b)[^,;:“”\"]{2,80}$"
)
# ... and after the cue, "it" or a time or place, then the comma that ends the clause.
_AS_END = re.compile(
    r"(?:\s+(?:it|so))?(?:\s+(?:in|on|at|during|last|this|earlier|recently|yesterday|today)\b[^,;:“”\"]{0,40})?,"
)
# A quotation closed by its punctuation, then a short subject, right before a cue ("“...,” he began").
_QUOTE_THEN_SUBJECT = re.compile(r"[,.!?][”\"]\s+(?:[^\s“”\"]+\s+){1,4}$")
# A negated cue before an indirect question reports no words.
_NEGATED = re.compile(
    rf"(?<![{WORD_CHARS}’'-])(?:not|never|n[’']t|declined\s+to|refused\s+to|would\s+not|could\s+not)\s+$"
)
_WH_NEXT = re.compile(r"\s+(?:what|whether|how|if|when|why|which|who|where)\b")
# Verbs whose passive subject is the hearer ("investors were told", "he was asked").
_HEARER_VERBS = frozenset(["told", "asked"])
_PASSIVE_HEARD = re.compile(r"\s(?:was|were|been|being|is|are)\s+(?:told|asked)\b")
_PASSIVE = re.compile(rf"(?<![{WORD_CHARS}’'-])(?:was|were|been|being|be|is|are|get|got)\s+$")
# The anchor `_subject` gives when the phrase before the verb is an object or a time, not a subject.
REJECTED = -1


def _as_clause(text: str, start: int, verb_start: int, verb_end: int, end: int) -> bool:
    """Is the cue in an opening "as X noted," clause ("As the Post's Ana Roe puts it, ...", "But as
    the tabloid noted in an op-ed Thursday, ...")? It reports the words of the clause after it."""
    return _AS_END.match(text, verb_end, end) is not None and _AS_OPENING.match(text, start, verb_start) is not None


def _singular_the(text: str, anchor: int, verb_start: int) -> bool:
    """Is the phrase from `anchor` to a base-form cue "the" and lower-case words with a singular
    last word that names no speaking body ("the caustic chant", "the key point")? Then the cue
    word is its head noun."""
    if not text.startswith(("the ", "The "), anchor):
        return False
    words = text[anchor:verb_start].split()
    last = words[-1] if 1 < len(words) <= 4 else ""
    return (
        last.isalpha()
        and not _FUNCTION_OR_AUXILIARY.intersection(words[1:])  # "the piece goes on to slam"
        and not last.endswith("ly")
        and last.islower()
        and not last.endswith("s")
        and last not in _UNMARKED_PLURALS
        and last not in _HEAD_SET  # "the club insist": a body may take a plural verb
    )


def _object_like(np: str) -> bool:
    """A phrase before a cue that cannot be its subject: "his list by saying", "at the time said",
    "the secretary of state will": it ends in a preposition, names a time, or is a possession that
    is no speaking body ("his home"; "his office", "her lawyer" can speak)."""
    words = np.lower().split()
    if not words or words[-1] in _DANGLING:
        return True
    if words[-1] in _TIME_NOUNS:
        return True
    return words[0] in _POSSESSIVES and not any(w.rstrip("s") in _HEAD_SET or w in _HEAD_SET for w in words[1:])


def _opening_subject(
    text: str, start: int, verb_start: int, ctx: Context, colon: bool = False
) -> tuple[str | None, int]:
    """The subject that opens the clause ("Rep. Ana Roe reacted to the news, saying ...").

    Before a colon the subject may also be the whole clause ("Pollster Ann Roe: “...”").
    """
    if colon and (name := _WHOLE_NAME.fullmatch(text, start, verb_start)):
        return _finish(name.group("np"), start, start, ctx), start
    if colon and (dashed := _DASHED_SOURCE.search(text, start, verb_start)):
        # "TURNOUT WAS HIGH - Ana Roe and Carl Ebner: “...”", "More from Roe: “...”": a roundup's source.
        return _finish(dashed.group("np"), dashed.start("np"), start, ctx), dashed.start("np")
    first = _OPENER.match(text, start, verb_start)
    opener = first is not None and (first.group().lower() in _LEADING_JUNK or first.group() in _OPENER_WORDS)
    m = None if opener else _OPENING_DIRECT.match(text, start, verb_start)
    np = m.group("np") if m is not None else ""
    if m is not None and " " not in np and np.lower() not in PRONOUNS and ctx.people.person(np, m.start()) is None:
        # "Immediately after the attacks, Trump issued ...", "Loyalty, he noted, ...": a lone word
        # that is nobody the document names gives way to a subject after an opening phrase.
        m = _OPENING_SUBJECT.match(text, start, verb_start) or (None if _is_common_word(np, m.start(), ctx) else m)
    m = m or _OPENING_SUBJECT.match(text, start, verb_start)
    if m is None and opener:
        m = _OPENING_DIRECT.match(text, start, verb_start)  # "When Trump answered ..."
    if m is not None and colon and m.group("np")[:1].islower() and not m.group("np").startswith(("he", "she")):
        return None, verb_start
    if m is None or ctx.quotes(m.start("np")):
        return None, verb_start
    if m.group("np").lower() in _ROLE_SET and (named := _ROLE_AND_NAME.match(text, m.end("np"), verb_start)):
        # "chairman and CEO Wilbur Gantz went on air": two roles joined, then the person holding them.
        return _finish(named.group("name"), named.start("name"), start, ctx), m.start("np")
    if " " not in m.group("np") and (pro := _PRONOUN_NEXT.match(text, m.end("np"), verb_start)):
        # "Recently she announced ...", "Finally he said": the word before the pronoun is an adverb.
        return _finish(pro.group("pro"), pro.start("pro"), start, ctx), pro.start("pro")
    return _finish(m.group("np"), m.start("np"), start, ctx), m.start("np")


def _titled_name(words: list[str]) -> bool:
    """Capitalised words, a role or head noun, then a name or nothing: "Priorities spokesman Justin
    Barasky", "Sales chief Ana Roe", "one Sanders supporter". The capitalised words before the noun
    name an organisation or a person, so none of them is a verb."""
    first = 1 if words[0].lower() in _DETERMINER_SET else 0
    i = max((j for j, w in enumerate(words) if w.lower() in _HEAD_SET), default=0)
    if i <= first:
        return False
    return all(w[:1].isupper() for w in words[first:i] + words[i + 1 :]) and (first or i < len(words) - 1)


def _inverted(text: str, verb_end: int, end: int, sentence_start: int, ctx: Context) -> str | None:
    """The speaker after the verb: "“...,” said national finance director Dennis Cheng"."""
    m = _AFTER_VERB.match(text, verb_end, end)
    if m is None:
        return None
    np = m.group("np")
    words = np.split()
    if words[0].lower() == "that" or (not _titled_name(words) and has_finite_verb(_POSTMODIFIER_TAIL.sub("", np))):
        return None  # "..., said that fact speaks volumes": a clause, not a speaker
    if len(words) > 12 or not (
        any(w[0].isupper() for w in words) or words[0].lower() in _DETERMINER_SET or _HEAD.search(np)
    ):
        return None
    return _finish(np, m.start("np"), sentence_start, ctx)


def attributions(text: str, start: int, end: int, verbs: list[re.Match[str]], ctx: Context) -> list[Attribution]:
    """Attributions in the sentence text[start:end], from its speech-cue matches in order."""
    found: list[Attribution] = []
    speaker: str | None
    for v in verbs:
        vs, ve = v.start(), v.end()
        lo = max(start, ctx.quotes.end_before(vs))
        word = v.group()
        if word in _HEARER_VERBS and _PASSIVE.search(text, max(start, vs - 12), vs):
            continue  # "Shareholders were told that ...": the subject heard the words, said none
        if _WH_NEXT.match(text, ve, end) and _NEGATED.search(text, max(start, vs - 12), vs):
            continue  # "Dr. Roe did not say what those steps could be": no words reported
        after_quote = _AFTER_QUOTE.search(text, max(start, vs - 5), vs) is not None
        after_comma = _AFTER_COMMA.search(text, max(start, vs - 3), vs) is not None
        supported = True
        if v.group("verb"):
            # Whether a verb like "added" or "called" reports speech is decided first, on cheap
            # anchored tests: most of them in a body do not, and need no subject search.
            # "..., Song wrote." and "Costs, he added, were “...”": a clause-final or parenthetical
            # attribution reports the words around it.
            aside = _ASIDE_SUBJECT.search(text, max(start, vs - 80), vs) is not None and (
                _CLAUSE_END.match(text, ve, end) is not None or _PARENTHETICAL.match(text, ve, end) is not None
            )
            # "“Is it two?” Ada Roe asked.": the quotation closed by its mark ends the sentence before.
            follows = vs - start <= _NEXT_ATTRIBUTION_REACH and _QUOTE_BEFORE.search(text, max(0, start - 4), start)
            supported = (
                after_quote
                or aside
                or bool(follows)
                or _has_complement(text, ve, end, word in QUOTE_ONLY_VERBS)
                or _as_clause(text, start, vs, ve, end)
            )
            if not supported and lo <= start:
                continue  # no quotation closes before the verb in this sentence: nothing can support it
            next_to_quote = after_quote or _QUOTE_THEN_SUBJECT.search(text, max(start, vs - 60), vs) is not None
            if word in _BEGIN_VERBS and not (next_to_quote or text.startswith(":", ve)):
                continue  # "started selling “green” bonds": a verb of beginning reports only words next to it
        if v.group("resume"):
            # "Adding, “...”" opens a sentence that goes on with the previous sentence's speaker.
            previous = ctx.discourse.history[-1][0] if ctx.discourse.history else []
            if vs != start or not previous:
                continue
            speaker, anchor = previous[-1], vs
        elif v.group("source") and not (after_comma and word.lower() == "citing"):
            speaker, anchor = _source_after(text, ve, end, start, ctx), vs
        elif after_comma and word.endswith("ing"):
            speaker, anchor = (found[-1].speaker, vs) if found else _opening_subject(text, start, vs, ctx)
        elif after_quote or vs == start:
            speaker, anchor = _inverted(text, ve, end, start, ctx), vs
            if speaker is None:
                speaker, anchor = _subject(text, lo, vs, start, ctx)
                anchor = vs if anchor == REJECTED else anchor
        else:
            speaker, anchor = _subject(text, lo, vs, start, ctx)
            if anchor == REJECTED and (word.endswith("ing") or word in _SAID):
                # "Obama punctuated his list by saying", "Trump at the time said": the clause's subject.
                speaker, anchor = _opening_subject(text, start, vs, ctx)
            anchor = vs if anchor == REJECTED else anchor
            if speaker is None and after_comma:
                speaker, anchor = _inverted(text, ve, end, start, ctx), vs
            if speaker is None and _COORDINATED.search(text, max(start, vs - 40), vs):
                speaker, anchor = _opening_subject(text, start, vs, ctx)
        if speaker is not None and anchor > start and not v.group("source") and _ISSUED.fullmatch(speaker):
            # "Trump issued a statement saying ...": the statement speaks for whoever issued it.
            issuer, at = _opening_subject(text, start, anchor, ctx)
            if issuer is not None and not _ISSUED.fullmatch(issuer):
                speaker, anchor = issuer, at
        anchor = vs if speaker is None else anchor
        if word in _BASE_ONLY and (_SINGULAR_SUBJECT.match(text, anchor, vs) or _singular_the(text, anchor, vs)):
            continue  # "a state visit", "the caustic chant": a singular subject never takes a base form
        # "“...,” one analyst wrote": a quotation just before the subject supports the verb too.
        if not supported and _AFTER_QUOTE.search(text, max(start, anchor - 5), anchor) is None:
            continue
        if speaker is None:
            continue
        window = text[max(start, anchor - 3) : min(end, ve + 100)]
        quoted = any(mark in window for mark in '“”"')
        if found and found[-1].speaker == speaker:
            found[-1] = replace(found[-1], quoted=found[-1].quoted or quoted)
            continue
        claim_start = anchor
        if word.lower() == "quoting" and (q := _QUOTE_AFTER_SOURCE.match(text, ve, end)):
            claim_start = q.end() - 1
        found.append(Attribution(speaker, anchor, ve, quoted, claim_start))
    if not found and (c := _COLON_QUOTE.search(text, start, end)) and not ctx.quotes(c.start()):
        speaker, anchor = _opening_subject(text, start, c.start(), ctx, colon=True)
        if speaker is not None:
            found.append(Attribution(speaker, anchor, c.start(), True, anchor))
    return found


def mixed_quote_source(text: str, start: int, quote_start: int, ctx: Context) -> Attribution | None:
    """The subject of a sentence that quotes words with no speech cue: "Rubio bemoaned a climate in
    which people “literally hate each other”", "Gov. Ada Roe defended the aide as a “decent man”".

    News prose puts quoted words in the mouth of the clause's subject, whatever the verb; only a
    name, a pronoun or a described group that opens the sentence counts ("The bill, dubbed “...”"
    opens with no speaker).
    """
    speaker, anchor = None, start
    quote_start = min(quote_start, start + _MIXED_REACH)  # the subject opens the sentence
    colon = text.rfind(":", start, quote_start)
    if colon >= 0 and not text[colon + 1 : quote_start].strip():
        # "Bush: “...”": the words before a colon that opens the quotation may be the speaker.
        speaker, anchor = _opening_subject(text, start, colon, ctx, colon=True)
    if speaker is None:
        speaker, anchor = _opening_subject(text, start, quote_start, ctx)
    if speaker is None or not _is_agent(speaker, anchor, ctx) or _PASSIVE_HEARD.search(text, anchor, quote_start):
        return None  # "The minister was asked if she had “any regrets”": the asker speaks
    return Attribution(speaker, anchor, anchor, True, start)


def lead_in_source(text: str, start: int, colon: int, ctx: Context) -> Attribution | None:
    """The speaker of a sentence that ends in a colon before a quotation, with no speech cue:
    "Cruz called them on it:", "Stated Ada Roe:", "Pollster Ann Roe:" introduce the words after.

    Only an agent that opens the clause counts, as for a mixed quote; "The full text follows:"
    gives nobody.
    """
    verb = _OPENER.match(text, start, colon)
    if verb is not None and verb.group().lower() in _CUE_WORDS and text.startswith(" ", verb.end()):
        start = verb.end() + 1  # "Stated Ada Roe:": an inverted cue before the name
    speaker, anchor = _opening_subject(text, start, colon, ctx, colon=True)
    if speaker is None or not _is_agent(speaker, anchor, ctx):
        return None
    return Attribution(speaker, anchor, colon, True, start)


# How far from a sentence's start the subject of a mixed quote and its verb may reach.
_MIXED_REACH = 220


def _is_agent(speaker: str, pos: int, ctx: Context) -> bool:
    """A speaker that can only be someone: a person the document names, a full name, an acronym
    ("NRA"), or a described group ("the group"); not a capitalised opener ("Soon", "Each", "Led")."""
    words = speaker.split()
    if not speaker[0].isupper() or ctx.people.person(speaker, pos) is not None:
        return True
    if words[0] in _NOT_SUBJECT_WORDS:
        return False
    if len(words) > 1:
        return True
    return not _is_common_word(speaker, pos, ctx)


def _is_common_word(word: str, pos: int, ctx: Context) -> bool:
    """A capitalised word the text nearby also writes in lower case ("Soon", "Each"): not a name."""
    if not word[:1].isupper() or word.isupper() or ctx.people.person(word, pos) is not None:
        return False
    lo, hi = max(0, pos - _COMMON_WORD_WINDOW), min(len(ctx.text), pos + _COMMON_WORD_WINDOW)
    # The word first and the test of the character before it after, so that the engine looks for
    # the word as a literal instead of trying the look-behind at every position of the window.
    low = re.escape(word.lower())
    return re.search(rf"{low}(?![{WORD_CHARS}’'-])(?<![{WORD_CHARS}’'-]{low})", ctx.text[lo:hi]) is not None


# How far around a lone capitalised subject the text is searched for the word in lower case.
_COMMON_WORD_WINDOW = 5000
