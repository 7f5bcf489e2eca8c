"""Context rules that decide a number is NOT a figure: names and models ("Nikkei 225", "Sakhalin 1
and 2", "6G"), labels ("phase 2", "No. 3"), list enumerators ("(1)", "2."), and numbers inside
URLs, e-mail addresses and file names.

Each rule looks at a few characters around the number only, so the cost per number is constant.
"""

from __future__ import annotations

import re

from newsfacts.figures import grammar as g
from newsfacts.figures.lexicon import DATE_PREFIXES, FUNCTION_WORDS, LABEL_WORDS, MONTHS
from newsfacts.figures.numbers import SMALL_WORDS

MAX_TOKEN = 200  # a run of non-space characters this long is code or a URL, never prose
_QUARTER = re.compile(r"(?:[QH][1-4]|[1-4]Q|[12]H|FY|CY)", re.IGNORECASE)
_NAME_CHAIN = re.compile(rf"(?:{g.SP}*(?:,|&|and|or){g.SP}*[0-9]+\b)+")
_WORD_END = re.compile(r"[A-Za-z]+$")
_CLOSERS = ".,;:!?)]}\"”’'"
_DOT_LETTER = re.compile(r"\.[A-Za-z]")


def masked_end(text: str, pos: int) -> int | None:
    """End of the URL/e-mail/file-name token holding `pos`, or None when `pos` is in plain prose."""
    lo = max(0, pos - MAX_TOKEN)
    hi = min(len(text), pos + MAX_TOKEN)
    # prose: a space on each side and no line break or tab between them, so those spaces are the
    # token's edges; two finds and a slice instead of six finds
    before, after = text.rfind(" ", lo, pos), text.find(" ", pos, hi)
    if before >= 0 and after >= 0:
        token = text[before + 1 : after]
        plain = "\n" not in token and "\t" not in token and "/" not in token and "@" not in token
        if plain and not _DOT_LETTER.search(token):
            return None
    # the token's edges: the nearest space, line break or tab on each side (no generator per number)
    start = max(text.rfind(" ", lo, pos), text.rfind("\n", lo, pos), text.rfind("\t", lo, pos)) + 1
    ends = [i for i in (text.find(" ", pos, hi), text.find("\n", pos, hi), text.find("\t", pos, hi)) if i >= 0]
    end = min(ends) if ends else hi
    if (start == 0 and lo > 0) or (not ends and hi < len(text)):
        return end  # an endless token: not prose
    token = text[start:end]
    if "/" not in token and "@" not in token and not _DOT_LETTER.search(token):
        return None  # no URL, address or file name can hide in it: the common case, decided fast
    for m in g.MASKED.finditer(token):
        if m.start() <= pos - start < m.end():
            return start + m.end()
    return None


def left_attachment(text: str, start: int) -> str:
    """How a numeral touches what precedes it: "free", "date_only" ("mid-2026") or "name"."""
    if start == 0:
        return "free"
    c = text[start - 1]
    if c.isalnum() or c in "#/\\:@&":
        return "name"  # "A320", "G7", "#1", "24/7", "12:00"
    before = text[start - 2] if start > 1 else " "
    if c == "_" and before.isalnum():
        return "name"  # "var_2025"; a lone "_" is markdown emphasis
    if c in "-–" and before.isalnum():
        word = _WORD_END.search(text, max(0, start - 12), start - 1)
        return "date_only" if word and word.group().lower() in DATE_PREFIXES else "name"
    if c == ".":
        return "name"  # "v.2"; a bare ".5" is too rare to be worth the risk of reading it as 5
    if c in "'’" and not before.isalnum():
        return "name"  # "’80s": too terse to read safely
    return "free"


def is_enumerator(text: str, start: int, end: int) -> bool:
    """'(1)', '1)' and '1.' opening a list item are enumerators, not figures."""
    if end - start > 3 or not text[start:end].isdigit():
        return False
    after = text[end : end + 1]
    if after == ")" and (start == 0 or text[start - 1] in "(\n"):
        return True  # "(1)", "1)" opening a line
    if after == ")" and text[start - 1] in " \t":
        lo = max(0, start - 60)
        return text.rfind("(", lo, start) <= text.rfind(")", lo, start)  # "1) wait", not "(down from 612)"
    if after in (".", ")") and text[end + 1 : end + 2] in (" ", "\t", "\n", ""):
        return g.LINE_START_BEFORE.search(text, max(0, start - 12), start) is not None
    return False


def word_before(text: str, start: int) -> str | None:
    """The whitespace-delimited token right before `start`: one to three inline spaces away, its
    last MAX_TOKEN_BEFORE characters, all within WORD_BEFORE_WINDOW characters (read by C-level
    strips and one split, not a regex tried at every position of the window)."""
    lo = max(0, start - WORD_BEFORE_WINDOW)
    window = text[lo:start]
    token_end = window.rstrip(g.INLINE_SPACES)
    if not 1 <= len(window) - len(token_end) <= 3 or not token_end or token_end[-1].isspace():
        return None
    return token_end.rsplit(None, 1)[-1][-MAX_TOKEN_BEFORE:]


WORD_BEFORE_WINDOW = 45
MAX_TOKEN_BEFORE = 40


def is_label_or_name(text: str, start: int) -> bool:
    """A number right after a label word ("phase 2", "No. 3") or a capitalised name ("Nikkei 225")."""
    tok = word_before(text, start)
    if tok is None:
        return False
    if tok.lower() in LABEL_WORDS:
        return True
    if tok[-1] in _CLOSERS or tok.endswith(("’s", "'s")):
        return False
    core = tok.lstrip('(["“‘*_')
    if not core or not core[0].isalpha():
        return False
    capitalised = core[0].isupper() or any(ch.isupper() for ch in core[1:])
    if not capitalised or core.lower() in FUNCTION_WORDS or core in MONTHS:
        return False
    if core.lower() in SMALL_WORDS and is_sentence_start(text, text.rfind(core, 0, start)):
        return False  # "Two 12MP cameras", "Three 4-inch screens": a count opening the sentence, no name
    return _QUARTER.fullmatch(core) is None


def name_chain_end(text: str, end: int) -> int:
    """End of a coordinated list of numbers after a name: "Sakhalin 1 and 2"."""
    m = _NAME_CHAIN.match(text, end)
    return m.end() if m else end


def is_sentence_start(text: str, start: int) -> bool:
    """True when only opening punctuation separates `start` from the end of the previous sentence."""
    return g.SENTENCE_START_BEFORE.search(text, max(0, start - 8), start) is not None


def sentence_bounds(text: str, start: int, end: int, back: int, ahead: int) -> tuple[int, int]:
    """The sentence around text[start:end] as the figure rules read it, at most `back` characters
    before and `ahead` after: from the last ". " or line break before `start` to the next ". "."""
    lo = max(0, start - back)
    brk = max(text.rfind(". ", lo, start), text.rfind("\n", lo, start))
    lo = brk + 1 if brk >= 0 else lo
    hi = text.find(". ", end, end + ahead)
    return lo, hi if hi >= 0 else min(len(text), end + ahead)


def month_before(text: str, start: int) -> int | None:
    """Start of a month name right before `start` ("July 2025", "Oct. 4")."""
    lo = max(0, start - 12)
    end = start - 1 if start > lo and text[start - 1] == "\n" else start  # `$` also matches before it
    window = text[lo:end]
    head = window.rstrip(g.INLINE_SPACES)
    if len(head) == len(window):
        return None  # no space before the number
    head = head[:-1] if head.endswith(",") else head
    if not (head[:-1] if head.endswith(".") else head).endswith(_MONTH_NAMES):
        return None  # a plain test that MONTH_BEFORE needs to pass, before its search of the window
    m = g.MONTH_BEFORE.search(text, lo, start)
    return m.start() if m else None


_MONTH_NAMES = tuple(MONTHS)
