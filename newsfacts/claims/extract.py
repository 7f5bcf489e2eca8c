"""Claim extraction: sentences of a body that state something, with speaker, type and hedging.

The body is split into sentences (`newsfacts.sentences`), furniture is dropped
(`newsfacts.claims.detect`), and each remaining sentence becomes one claim, or one claim per
clause when it attributes words to several different speakers ("..., with Takaichi explaining
that ... “difficult,” while Treasury Secretary Bessent expressed hope that ..."): each clause then
keeps its own speaker. Regexes that look for rare things (speech verbs) run once over the whole
body; per sentence only cheap anchored matches run, which keeps extraction above 2 MB/s.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from newsfacts.claims.classify import carries_statistic, claim_type, is_long_quotation
from newsfacts.claims.detect import bio_lines, core_span, front_matter_end, furniture_reason
from newsfacts.claims.hedging import is_hedged
from newsfacts.claims.model import Claim
from newsfacts.claims.people import PersonIndex
from newsfacts.claims.speakers import SPEECH, Attribution, attributions
from newsfacts.sentences import MAX_BODY_CHARS, split_sentences

_NEWLINE = re.compile(r"\n")
_INDENT = re.compile(r"[^\S\n]*")
_REST_BLANK = re.compile(r"[^\S\n]*(?:\n|$)")
# Where one speaker's clause ends and the next one's begins.
_CONNECTIVE = re.compile(
    r"(?:[,;]\s+|\s+[–—-]\s+)(?:(?:while|whereas|but|and|with|though|although|as)\s+)?$"
    r"|\s(?:while|whereas|but|though|although)\s+$"
)
_OPENS_WITH_QUOTE = re.compile(r"[“\"]")
_QUOTE_MARK = re.compile(r"[“”\"]")
_TRAILING = " \t,;:–—-"


def _choose(atts: Sequence[Attribution]) -> Attribution | None:
    """Of several attributions in one clause, the one introducing a direct quotation wins."""
    if not atts:
        return None
    return next((a for a in atts if a.quoted), atts[0])


def _clauses(text: str, start: int, end: int, atts: list[Attribution]) -> list[tuple[int, int, Attribution | None]]:
    """Split text[start:end] where the speaker changes at a clause boundary."""
    if len({a.speaker for a in atts}) < 2:
        return [(start, end, _choose(atts))]
    pieces: list[tuple[int, int, Attribution | None]] = []
    cur_start, cur = start, [atts[0]]
    for prev, att in zip(atts, atts[1:], strict=False):
        boundary = None
        if att.speaker != cur[0].speaker and prev.verb_end <= att.anchor:
            boundary = _CONNECTIVE.search(text, prev.verb_end, att.anchor)
        if boundary is None:
            cur.append(att)
            continue
        cut = boundary.start()
        while cut > cur_start and text[cut - 1] in _TRAILING:
            cut -= 1
        if cut <= cur_start or att.claim_start >= end:
            cur.append(att)
            continue
        pieces.append((cur_start, cut, _choose(cur)))
        cur_start, cur = att.claim_start, [att]
    pieces.append((cur_start, end, _choose(cur)))
    return pieces


def _make_claim(
    text: str,
    s: int,
    e: int,
    att: Attribution | None,
    figure_starts: list[int],
    figures: list[tuple[int, int]],
) -> Claim:
    piece = text[s:e]
    quoted = att is not None and att.quoted and _QUOTE_MARK.search(piece) is not None
    statistic = carries_statistic(text, s, e, figure_starts, figures)
    return Claim(
        char_start=s,
        char_end=e,
        text=piece,
        speaker=att.speaker if att else None,
        claim_type=claim_type(piece, quoted or is_long_quotation(piece), statistic),
        hedged=is_hedged(piece),
    )


def extract_claims(
    text: str,
    body_start: int = 0,
    body_end: int | None = None,
    figure_spans: Sequence[tuple[int, int]] = (),
) -> list[Claim]:
    """Claims of the body text[body_start:body_end], in text order.

    `figure_spans` are the (char_start, char_end) of numeric figures found in the body; a claim
    carrying one (other than a bare date) is a statistic unless a quote or forecast takes
    precedence (see `newsfacts.claims.classify`).

    A sentence that is a bare quotation takes its speaker from what comes before it: a lead-in
    ending in a colon ("The governor said:") or, in the same paragraph, the previous attributed
    quotation ("“We can wait,” Powell said. “The economy is strong.”").
    """
    end = len(text) if body_end is None else max(0, min(body_end, len(text)))
    end = min(end, max(0, body_start) + MAX_BODY_CHARS)
    start = front_matter_end(text, min(max(0, body_start), end))
    sentences = split_sentences(text, start, end)
    if not sentences:
        return []
    figures = sorted(figure_spans)
    figure_starts = [s for s, _ in figures]
    people = PersonIndex(text, start, end, [s.start for s in sentences])
    verbs = list(SPEECH.finditer(text, start, end))
    verb_starts = [v.start() for v in verbs]
    line_starts = [start] + [m.end() for m in _NEWLINE.finditer(text, start, end)]
    bios = bio_lines(text, line_starts, start, end)

    claims: list[Claim] = []
    carried: tuple[str, int | None] | None = None  # (speaker, paragraph it holds for; None: next sentence)
    for sent in sentences:
        line_start = line_starts[bisect_right(line_starts, sent.start) - 1]
        if line_start in bios:
            continue
        cs, ce = core_span(text, sent.start, sent.end)
        core = text[cs:ce]
        whole_line = (
            _INDENT.match(text, line_start).end() == sent.start and _REST_BLANK.match(text, sent.end, end) is not None
        )
        lo, hi = bisect_left(verb_starts, cs), bisect_left(verb_starts, ce)
        atts = attributions(text, cs, ce, verbs[lo:hi], people) if lo < hi else []
        if furniture_reason(core, text[line_start : line_start + 8], whole_line):
            carried = (atts[-1].speaker, None) if atts and core.endswith(":") else None
            continue
        for att in atts:
            people.add_speaker(att.speaker)
        bare_quote = not atts and _OPENS_WITH_QUOTE.match(core) is not None
        if bare_quote and carried and carried[1] in (None, line_start):
            atts = [Attribution(carried[0], cs, cs, True, cs)]
        for s, e, att in _clauses(text, cs, ce, atts):
            claims.append(_make_claim(text, s, e, att, figure_starts, figures))
        last = claims[-1] if claims else None
        if atts and core.endswith(":"):
            carried = (atts[-1].speaker, None)
        elif last is not None and last.claim_type == "quote" and last.speaker:
            carried = (last.speaker, line_start)
        else:
            carried = None
    return claims
