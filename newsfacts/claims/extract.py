"""Claim extraction: sentences of a body that state something, with speaker, type and hedging.

The body is the span document_metadata gives (`body_start`, `body_end`): page furniture around it
is the metadata's decision, made once. The body is split into sentences (`newsfacts.sentences`),
lines that state nothing are dropped (`newsfacts.claims.detect`), and each remaining sentence
becomes one claim, or one claim per clause when it attributes words to several speakers
("..., with Takaichi explaining that ... “difficult,” while Treasury Secretary Bessent expressed
hope that ..."): each clause keeps its own speaker.

Speakers carry over between sentences the way news prose carries them:

- a lead-in ("Powell said:") gives its speaker to the quotation in the next sentence or paragraph;
- a bare quotation takes the speaker named in the next sentence of its paragraph when that one
  is a quotation too ("“...” “...,” she said") or opens with the attribution of a quotation closed
  by "!" or "?" ("“Is it two?” Roe asked."), else the current speaker of its paragraph, else
  the speaker of the previous paragraph when that paragraph ended in attributed words (a quote
  paragraph with no cue continues the previous speaker), else the person whom the previous
  paragraph's last sentence, the author's words, opens with as its subject ("X was upbeat.");
- "he"/"she" resolve to the people the previous sentences made salient (`speakers.Discourse`).

A body that quotes in single marks (‘...’) is read through a copy in double marks of the same
length (`newsfacts.claims.single_quotes`); the claims keep the original's words.

Regexes that look for rare things (speech cues, quotations, quotation marks) run once over the
whole body; per sentence only cheap anchored matches run, and per claim one pass finds the cues of
its type and hedging (`newsfacts.claims.lexicon.CueScan`). Patterns that scan open with a literal
or a character set, never with `\b` or a look-behind, so that the regex engine skips through the
text (see `newsfacts.claims.lexicon`). That keeps extraction above 2.5 MB/s
(`bench/claims_throughput.py`).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from newsfacts.claims.classify import CUES, carries_statistic, claim_type
from newsfacts.claims.detect import core_span, furniture_reason
from newsfacts.claims.hedging import HEDGE
from newsfacts.claims.model import Claim
from newsfacts.claims.people import People, QuoteTest
from newsfacts.claims.single_quotes import double_single_quotes
from newsfacts.claims.speakers import (
    Attribution,
    Context,
    CueStarts,
    Discourse,
    attributions,
    lead_in_source,
    mixed_quote_source,
)
from newsfacts.facts.trie import WORD_CHARS
from newsfacts.sentences import MAX_BODY_CHARS, char_offsets, split_sentences

# Speech cues and the starts of the claim cues' phrases, found in one pass over a body.
_CUE_STARTS = CueStarts(CUES)
# Quotation marks that open a quotation, and all of them.
_OPENING_MARKS = ("“", '"')
_QUOTE_MARKS = '“”"'
# A share of quoted characters at or above which a sentence is someone's words even unattributed.
_QUOTED_SHARE = 0.5


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    text: str  # text[start:end]
    mark: int  # the first quotation mark in it, or -1
    line_start: int
    atts: list[Attribution]
    furniture: bool
    lead: str | None = None  # who a lead-in with no cue ("Cruz called them on it:") introduces


def _choose(atts: Sequence[Attribution]) -> Attribution | None:
    """Of several attributions in one clause, the one introducing a direct quotation wins."""
    if not atts:
        return None
    return next((a for a in atts if a.quoted), atts[0])


# Where one speaker's clause ends and the next one's begins, and what a clause does not end with.
_CONNECTIVE = re.compile(
    r"(?:[,;]\s+|\s+[–—-]\s+)(?:(?:while|whereas|but|and|with|though|although|as)\s+)?$"
    r"|\s(?:while|whereas|but|though|although|and)\s+$"
)
_TRAILING = " \t,;:–—-"


def _clauses(text: str, start: int, end: int, atts: list[Attribution]) -> list[tuple[int, int, Attribution | None]]:
    """Split text[start:end] where the speaker changes at a clause boundary."""
    if len(atts) < 2:
        return [(start, end, atts[0] if atts else None)]  # what `_choose` gives one or none
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


def _quoted_share(quotes: QuoteTest, s: int, e: int) -> float:
    i = bisect_right(quotes.ends, s)
    covered = 0
    while i < len(quotes.starts) and quotes.starts[i] < e:
        covered += min(e, quotes.ends[i]) - max(s, quotes.starts[i])
        i += 1
    return covered / max(1, e - s)


_LOWER_WORD = re.compile(rf"[a-z](?<![{WORD_CHARS}’'-][a-z])")
_TWO_WORDS = re.compile(rf"[{WORD_CHARS}]\s+[{WORD_CHARS}]")


def _quotes_words(text: str, quotes: QuoteTest, s: int, e: int) -> bool:
    """Does text[s:e] quote someone's words, not just a name or a title ("“Saturday Night Live”")?

    A quoted passage of two words or more with a lower-case one ("called it “a disgrace”") is
    speech; a single quoted word with no speaker is a scare quote ("the “temporary” surcharge").
    """
    i = bisect_right(quotes.ends, s)
    while i < len(quotes.starts) and quotes.starts[i] < e:
        qs, qe = max(s, quotes.starts[i]), min(e, quotes.ends[i])
        if _LOWER_WORD.search(text, qs, qe) and _TWO_WORDS.search(text, qs, qe):
            return True
        i += 1
    return False


def _make_claim(
    text: str,
    s: int,
    e: int,
    att: Attribution | None,
    quotes: QuoteTest,
    figure_starts: list[int],
    figures: list[tuple[int, int]],
    piece: str,
    has_mark: bool,
    phrase_starts: list[int],
) -> Claim:
    quoted = has_mark and (
        att is not None or _quoted_share(quotes, s, e) >= _QUOTED_SHARE or _quotes_words(text, quotes, s, e)
    )
    statistic = carries_statistic(text, s, e, figure_starts, figures)
    cues = CUES.within(text, phrase_starts, s, e)  # the type's cues and the hedges
    # By position: keywords double the cost of building a frozen dataclass.
    speaker = att.speaker if att else None
    return Claim(s, e, piece, speaker, claim_type(piece, quoted, statistic, cues), HEDGE in cues)


def _first_mark(marks: list[int], s: int, e: int) -> int:
    """The first of the sorted quotation-mark offsets `marks` in [s, e), or -1."""
    i = bisect_left(marks, s)
    return marks[i] if i < len(marks) and marks[i] < e else -1


def _quote_test(text: str, end: int, marks: list[int], line_starts: list[int]) -> QuoteTest:
    """The quotations of a body, read off its quotation marks `marks` and `line_starts` (no scan).

    A quotation: curly quotes closed in the paragraph, or left open to its end (a quote that runs
    on into the next paragraph), or a pair of straight quotes on one line, or a last straight
    quote on a line that opens a word (left open to the line's end). Scraped text mixes curly
    and straight marks ("“We won," she said), so either closes either. These are the matches of
    `“[^“”"\n]*(?:[”"]|(?=\n)|$)|"[^"“”\n]*["”]|(?:(?<=[ \t\n])|^)"(?=[^\\W_])[^"“”\n]*(?=\n[ \t\r\n]*["“])`
    over the body, `end` its end.
    """
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(marks)
    while i < n:
        at = marks[i]
        after = marks[i + 1] if i + 1 < n else end  # the next mark, else the end
        line = bisect_right(line_starts, at)
        stop = line_starts[line] - 1 if line < len(line_starts) else end  # the line break, else the end
        mark = text[at]
        if after < stop and (text[after] != "“" if mark == "“" else mark == '"' and text[after] != "“"):
            starts.append(at)
            ends.append(after + 1)
            i += 2
            continue
        if after >= stop and (mark == "“" or (mark == '"' and _opens_unpaired(text, at, stop, end))):
            starts.append(at)
            ends.append(stop)
        i += 1
    return QuoteTest(starts, ends)


def _opens_unpaired(text: str, at: int, stop: int, end: int) -> bool:
    """Does the straight quotation mark at `at`, the last of its line, open a quotation that runs
    on to the line's end (a quote going on in the next paragraph)? It does after a space or at the
    line's start, before a word, when the next paragraph opens with a quotation mark: `Wicker
    said: "Two years ago ...` with no closing mark, then `"We won ...`."""
    if not ((at == 0 or text[at - 1] in " \t\n") and at + 1 < stop and text[at + 1].isalnum()):
        return False
    # The next paragraph opens with a quotation mark: the quote goes on there (a mark left out
    # by mistake, "..., said Kessel." on the same line, is no such quote).
    nxt = stop
    while nxt < end and text[nxt] in " \t\r\n":
        nxt += 1
    return nxt < end and text[nxt] in '“"'


def _is_lead_in(text: str, sent: _Sentence) -> bool:
    """An attribution that ends its sentence with a colon ("Powell said:"), or with a comma at the
    end of its paragraph ("Asked about it, he said,"), introduces what follows."""
    return bool(sent.atts) and _lead_in_colon(text, sent.start, sent.end) >= 0


def _lead_in_colon(text: str, start: int, end: int) -> int:
    """Where the colon that ends text[start:end] is, or the comma that ends it at a line break
    (the sentence introduces what follows), or -1."""
    at = end - 1
    while at >= start and text[at] in " *_":
        at -= 1
    if at < start or text[at] not in ":,":
        return -1
    return at if text[at] == ":" or text[at + 1 : at + 2] in ("\n", "") else -1


# "“...!”" or "“...?”" at the end of a sentence: the splitter ends the sentence at the mark.
_CLOSED_BY_MARK = re.compile(r"[!?][”\"][\s*_]*$")
# How far into a sentence the attribution that names the previous quotation's speaker may end.
_MAX_OPENING_ATTRIBUTION = 60


def _names_the_speaker(text: str, quote: _Sentence, nxt: _Sentence) -> bool:
    """ "“We won!” Ada Roe said on Monday.": a quotation closed by "!" or "?" ends the sentence, and the
    next one opens with its attribution ("Ada Roe said", "the mayor wrote")."""
    if not nxt.atts or _CLOSED_BY_MARK.search(text, quote.start, quote.end) is None:
        return False
    att = nxt.atts[0]
    return att.anchor == nxt.start and att.verb_end - nxt.start <= _MAX_OPENING_ATTRIBUTION


def _carry(
    text: str, sents: list[_Sentence], quotes: QuoteTest, subject_of: Callable[[int, int], str | None]
) -> list[str | None]:
    """The speaker each bare quotation inherits from around it (None: keeps its own attribution).

    `subject_of(start, end)` is the person opening the sentence text[start:end] as its subject.
    """
    inherited: list[str | None] = [None] * len(sents)
    lead_in: str | None = None
    current: tuple[str, int] | None = None  # (speaker, paragraph) of the last attributed quotation
    prev_para_speaker: tuple[str, int] | None = None
    prev_para_end = -1  # the index of the last sentence of the previous paragraph
    last_line = -1
    last_speaker: str | None = None
    whos: list[str | None] = []  # the speaker each sentence ends up with, so far
    quote_starts = quotes.starts
    for i, sent in enumerate(sents):
        if sent.line_start != last_line:
            prev_para_speaker = (last_speaker, last_line) if last_speaker else None
            prev_para_end = i - 1
            last_line = sent.line_start
        if sent.furniture:
            lead_in = sent.atts[-1].speaker if _is_lead_in(text, sent) else sent.lead
            last_speaker = None
            whos.append(None)
            continue
        bare = not sent.atts and text.startswith(_OPENING_MARKS, sent.start)
        speaker: str | None = None
        opened = -1
        if not (bare or sent.atts or not i) and (q := bisect_right(quote_starts, sent.start) - 1) >= 0:
            opened = quote_starts[q] if quote_starts[q] < sent.start < quotes.ends[q] else -1
        if opened >= 0:
            # "Roe said, “Costs rose.\nPrices will follow.”": a sentence inside a quotation that
            # opened in an earlier sentence has that sentence's speaker.
            j = i - 1
            while j > 0 and sents[j].start > opened:
                j -= 1
            speaker = whos[j]
            inherited[i] = speaker
        elif bare:
            nxt = sents[i + 1] if i + 1 < len(sents) else None
            if lead_in:
                speaker = lead_in
            elif (
                nxt is not None
                and nxt.line_start == sent.line_start
                and nxt.atts
                and (text.startswith(_OPENING_MARKS, nxt.start) or _names_the_speaker(text, sent, nxt))
            ):
                speaker = nxt.atts[0].speaker
            elif current and current[1] == sent.line_start:
                speaker = current[0]
            elif prev_para_speaker and not quotes(sent.start - 1):
                speaker = prev_para_speaker[0]
            elif i == prev_para_end + 1 and prev_para_end >= 0 and _introduces(text, sents[prev_para_end], quotes):
                # "Viguerie is upbeat about the race.\n“He can win.”": a quote paragraph with no cue
                # after a paragraph closing on a person's deeds is that person's words.
                prev = sents[prev_para_end]
                speaker = subject_of(prev.start, prev.end)
            inherited[i] = speaker
        lead_in = sent.atts[-1].speaker if _is_lead_in(text, sent) else sent.lead
        who = speaker or (sent.atts[-1].speaker if sent.atts else None)
        whos.append(who)
        quoted = sent.mark >= 0 or opened >= 0
        if who and quoted:
            current = (who, sent.line_start)
            last_speaker = who
        else:
            # "Smith said the plan works.\n“It will pay for itself.”": reported speech also hands
            # its speaker to a quote paragraph that follows.
            last_speaker = who
            if sent.atts:
                # "“Is it two?” Roe asked. “Or three?”": an attribution of the quotation before it
                # keeps that quotation's speaker current.
                current = (who, sent.line_start) if i and inherited[i - 1] == who else None
    return inherited


def _introduces(text: str, sent: _Sentence, quotes: QuoteTest) -> bool:
    """May the sentence ending a paragraph introduce a quote paragraph after it: the author's
    own words (no attribution, no quotation marks), not page furniture?"""
    return not sent.atts and sent.mark < 0 and not sent.furniture and not quotes(sent.end - 1)


def _quotation_speakers(sents: list[_Sentence], quotes: QuoteTest, inherited: list[str | None]) -> list[bool]:
    """Give the sentences of a quotation that runs over several sentences the quotation's speaker.

    "Roe said, “Costs rose. Prices will follow.”": the second sentence is Roe's words too, though
    no cue and no mark opens it; "“Costs rose. Prices will follow,” Roe said.": so is the first.
    The speaker is the cue before the quotation, else the one right after its close, else the
    speaker the opening sentence inherited. Updates `inherited`; returns which sentences start
    inside a quotation (they are quotes even with no mark of their own).
    """
    inside = [False] * len(sents)
    for i, sent in enumerate(sents):
        q = bisect_right(quotes.starts, sent.start) - 1
        if i == 0 or q < 0 or not quotes.starts[q] < sent.start < quotes.ends[q] or sent.furniture:
            continue
        inside[i] = True
        if sent.atts:
            continue  # its own attribution, after the quotation closes in it
        qs, qe = quotes.starts[q], quotes.ends[q]
        j = i - 1
        while j > 0 and sents[j].start > qs:
            j -= 1
        k = i
        while k + 1 < len(sents) and sents[k].end < qe and sents[k + 1].start < qe:
            k += 1
        before = [a.speaker for a in sents[j].atts if a.verb_end <= qs]
        after = [a.speaker for a in sents[k].atts if a.anchor >= qe - 1] if k > i else []
        speaker = (before or after or [inherited[j] or (sents[j].atts[-1].speaker if sents[j].atts else None)])[0]
        if speaker is None:
            continue
        inherited[i] = speaker
        if after and not before and not sents[j].atts:
            inherited[j] = speaker  # "“Costs rose. Prices will follow,” Roe said.": the opening sentence too
    return inside


def _whole_line(lines: list[int], i: int) -> bool:
    """Is sentence `i` all of its line but white space (a paragraph of one sentence)? `lines` are
    the line starts of a body's sentences: the splitter cuts at every line break and leaves only
    white space outside its sentences, so a sentence is alone on its line when no neighbour
    shares the line."""
    line = lines[i]
    return (i == 0 or lines[i - 1] != line) and (i + 1 == len(lines) or lines[i + 1] != line)


def extract_claims(
    text: str,
    body_start: int = 0,
    body_end: int | None = None,
    figure_spans: Sequence[tuple[int, int]] = (),
) -> list[Claim]:
    """Claims of the body text[body_start:body_end], in text order.

    `figure_spans` are the (char_start, char_end) of numeric figures found in the body; a claim
    carrying one (other than a bare date) is a statistic unless a quote or forecast takes
    precedence (see `newsfacts.claims.classify`). A sentence with quotation marks is a quote when
    it has a speaker or is mostly quotation.
    """
    end = len(text) if body_end is None else max(0, min(body_end, len(text)))
    end = min(end, max(0, body_start) + MAX_BODY_CHARS)
    start = min(max(0, body_start), end)
    doubled = double_single_quotes(text, start, end)
    if doubled is None:
        return _extract(text, start, end, figure_spans)
    # Read through the copy in double marks; each claim keeps the original's words, same span.
    return [replace(c, text=text[c.char_start : c.char_end]) for c in _extract(doubled, start, end, figure_spans)]


def _extract(text: str, start: int, end: int, figure_spans: Sequence[tuple[int, int]]) -> list[Claim]:
    """The claims of text[start:end], the body already bounded."""
    sentences = split_sentences(text, start, end)
    if not sentences:
        return []
    figures = sorted(figure_spans)
    figure_starts = [s for s, _ in figures]
    line_starts = [start] + [i + 1 for i in char_offsets(text, "\n", start, end)]
    # Every quotation mark of the body, once: quotations, sentences and claims look theirs up by bisection.
    marks = char_offsets(text, _QUOTE_MARKS, start, end)
    quotes = _quote_test(text, end, marks, line_starts)
    people = People(text, start, end, quotes)
    ctx = Context(text, people, quotes, Discourse(people))
    speech, phrase_starts = _CUE_STARTS(text, start, end)
    verbs = [v for v in speech if not quotes(v.start())]
    verb_starts = [v.start() for v in verbs]

    lines = [line_starts[bisect_right(line_starts, sent.start) - 1] for sent in sentences]
    sents: list[_Sentence] = []
    for i, sent in enumerate(sentences):
        line_start = lines[i]
        cs, ce = core_span(text, sent.start, sent.end)
        whole_line = _whole_line(lines, i)
        lo, hi = bisect_left(verb_starts, cs), bisect_left(verb_starts, ce)
        atts = attributions(text, cs, ce, verbs[lo:hi], ctx) if lo < hi else []
        lead = None
        mark = _first_mark(marks, cs, ce)
        if not atts and mark > cs and _quotes_words(text, quotes, cs, ce):
            # Quoted words with no speech cue belong to the sentence's subject (a mixed quote).
            att = mixed_quote_source(text, cs, mark, ctx)
            atts = [att] if att is not None else []
        elif (
            not atts
            and i + 1 < len(sentences)
            and text.startswith(_OPENING_MARKS, sentences[i + 1].start)
            and (colon := _lead_in_colon(text, cs, ce)) >= 0
        ):
            # "Cruz called them on it:\n“...”": a colon with no cue before a quotation opening next;
            # the lead-in itself stays the author's words.
            lead = att.speaker if (att := lead_in_source(text, cs, colon, ctx)) is not None else None
        core = sent.text if cs == sent.start and ce == sent.end else text[cs:ce]
        furniture = furniture_reason(core, text[line_start : line_start + 8], whole_line) is not None
        ctx.discourse.add([a.speaker for a in atts] if atts else [], cs, ce)
        sents.append(_Sentence(cs, ce, core, mark, line_start, atts, furniture, lead))

    claims: list[Claim] = []
    inherited = _carry(text, sents, quotes, ctx.discourse.opening_person)
    inside = _quotation_speakers(sents, quotes, inherited)
    for sent, speaker, quoted in zip(sents, inherited, inside, strict=True):
        if sent.furniture:
            continue
        atts = [Attribution(speaker, sent.start, sent.start, True, sent.start)] if speaker else sent.atts
        for s, e, att in _clauses(text, sent.start, sent.end, atts):
            if s == sent.start and e == sent.end:
                piece, has_mark = sent.text, sent.mark >= 0 or quoted
            else:
                piece, has_mark = text[s:e], _first_mark(marks, s, e) >= 0
            claims.append(_make_claim(text, s, e, att, quotes, figure_starts, figures, piece, has_mark, phrase_starts))
    return claims
