"""Does a line contain a finite verb? Separates statements from page furniture.

Taglines, headings and list labels are noun phrases ("AI-powered research, real-time alerts, and
portfolio analytics for institutional investors."); a claim says something about the world and so
needs a finite verb. There is no tagger here (it would cost more than the whole extractor), so the
test is lexical: auxiliaries and modals first (one regex pass, which settles most sentences), then
past-tense forms, third-person -s forms ("strengthens ties") and base forms after a plural subject
("polls show"), each only in a position where a verb can stand.
"""

from __future__ import annotations

import re

from newsfacts.facts.trie import not_word_class, trie_regex

_AUXILIARY_WORDS = """
    is are was were am be been has have had do does did will would shall should can could may might
    must cannot
    """
_NEGATED = "can won isn aren wasn weren doesn don didn hasn haven"
_WITH_S = "it that there he she what who"
_WITH_VERB = "i we you they"
_CONTRACTIONS = [
    *(f"{w}{a}t" for w in _NEGATED.split() for a in "’'"),
    *(f"{w}{a}s" for w in _WITH_S.split() for a in "’'"),
    *(f"{w}{a}{v}" for w in _WITH_VERB.split() for a in "’'" for v in ("m", "re", "ve", "ll", "d")),
]
# Searched in the text with a space in front: opening with the character before the word (not
# `\b`) lets the regex engine skip through the letters of a sentence. The words as a prefix tree,
# matched ignoring case: a position tries a branch per letter, not every word one after another.
_AUXILIARY = re.compile(rf"{not_word_class()}(?i:{trie_regex([*_AUXILIARY_WORDS.split(), *_CONTRACTIONS])})\b")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'-]*|[,;:]")

_IRREGULAR_PAST_LIST = """
    said told held made took gave saw came went got met left rose fell grew led won lost paid sold
    bought built began became brought thought kept found spent sent struck stood ran drew drove
    wrote spoke chose knew sought fought meant shown showed hit cut set put let rang sank swung
    taught caught felt heard understood withdrew overtook undertook forgave forgot froze shook
    """
_IRREGULAR_PAST = frozenset(_IRREGULAR_PAST_LIST.split())
# -ed words that are not verbs.
_ED_NOT_VERB_LIST = """
    need seed speed feed bed red shed breed greed indeed creed deed weed reed steed embed naked
    wicked sacred kindred rugged ragged hundred bred shred fled sled sped wed led
    """
_ED_NOT_VERB = frozenset(_ED_NOT_VERB_LIST.split())
# Words after which an -s or -ed form is a noun or an adjective, not a verb.
_NOT_SUBJECT_LIST = """
    the a an this that these those its his her their our your my some any no every each all both
    many more most few several such other another of for from to in on at by with about into over
    under between through and or but nor as than per via amid among within without very highly
    fully newly well less least
    """
_NOT_SUBJECT = frozenset(_NOT_SUBJECT_LIST.split())
_FUNCTION_LIST = """
    and or but nor yet so than then also only just even still not very too up down out off across
    against along around behind below beside beyond despite except near since toward towards upon
    whether while where when which who whom whose what how why alike both either neither
    """
_FUNCTION = frozenset(_FUNCTION_LIST.split())
_NOT_BASE_ENDINGS_TEXT = "s ly ing ed tion sion ment ness ity al ic ive ous ful"
_NOT_BASE_ENDINGS = tuple(_NOT_BASE_ENDINGS_TEXT.split())


def has_finite_verb(text: str) -> bool:
    """True when `text` contains a finite verb (by the lexical tests above)."""
    if _AUXILIARY.search(" " + text):
        return True
    tokens = _TOKEN.findall(text)
    last_word = next((t for t in reversed(tokens) if t not in ",;:"), "")
    for i, tok in enumerate(tokens):
        if tok in ",;:" or "-" in tok or not tok[0].islower():
            continue
        if tok in _IRREGULAR_PAST:
            return True
        prev = tokens[i - 1] if i else ""
        if prev in ",;:" or prev.lower() in _NOT_SUBJECT or not prev:
            continue
        if len(tok) > 4 and tok.endswith("ed") and tok not in _ED_NOT_VERB:
            return True
        if _is_s_verb(tok, tokens, i, prev, last_word):
            return True
        if _is_plural_present(tok, prev):
            return True
    return False


def _is_plural_present(tok: str, prev: str) -> bool:
    """A base form after a plural subject or a pronoun: "polls show", "they remain"."""
    if len(tok) < 3 or tok in _NOT_SUBJECT or tok in _FUNCTION or tok.endswith(_NOT_BASE_ENDINGS):
        return False
    p = prev.lower()
    if p in ("they", "we", "you", "i"):
        return True
    return len(p) > 3 and p.endswith("s") and not p.endswith(("ss", "us", "is", "ics", "’s", "'s"))


def _is_s_verb(tok: str, tokens: list[str], i: int, prev: str, last_word: str) -> bool:
    """A third-person -s form ("strengthens ties") rather than a plural noun ("alerts, and")."""
    if len(tok) < 4 or not tok.endswith("s") or tok.endswith(("ss", "us", "is", "ics", "’s", "'s")):
        return False
    if i + 1 >= len(tokens) or tokens[i + 1] in ",;:" or tok == last_word:
        return False
    return "-" not in prev and not prev.endswith(("ly", "al", "ive", "ous", "ful", "ic"))
