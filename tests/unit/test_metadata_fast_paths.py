"""The fast paths of metadata parsing give exactly what the reference code gives.

Front matter is read by libyaml when it is installed, under the same restrictions as the
pure-Python loader (no aliases, timestamps kept as strings, no Python tags), and every shape on
which the two scanners disagree is left to the pure-Python loader. Words are counted over a
code-point array; the reference is the word pattern the count was defined by. Closing lines and
caption ends are matched with their `.*` alternatives searched from the end; the reference is the
plain alternation of the same rules.
"""

from __future__ import annotations

import re

import pytest
import yaml

from newsfacts.metadata import front_matter, furniture, furniture_rules, parse_metadata
from newsfacts.metadata.body import count_words

needs_libyaml = pytest.mark.skipif(front_matter._FastLoader is None, reason="PyYAML built without libyaml")


def _reference(content: str) -> object:
    return yaml.load(content, Loader=front_matter._Loader)


# Blocks libyaml reads, and must read exactly as the reference loader does.
FAST_SHAPES = {
    "plain keys": "title: Rates held steady\nauthor: Ann Example\n",
    "quoted values": "title: \"Output rose 3.2% in May\"\nsource: 'Wire'\n",
    "date stays a string": "date: 2025-11-13 12:00:00\npublished: 2024-03-01T10:00:00Z\n",
    "numbers and nulls": "count: 12\nratio: 0.5\nbig: 1e3\nhex: 0x1F\nnothing: ~\nflag: yes\n",
    "block list": "tags:\n  - energy\n  - oil\n",
    "flow list": "tags: [energy, oil, prices]\n",
    "nested mapping": "meta:\n  desk: markets\n  region: asia\n",
    "anchor without alias": "a: &first 1\nb: 2\n",
    "url without flow": "link: https://example.org/a?b=1\ntitle: Why now?\n",
    "comment": "title: A # trailing comment\n# full-line comment\n",
    "duplicate key": "a: 1\na: 2\n",
    "non-ascii": "title: Café prices — up 5%\n",
}

# Blocks where libyaml and the pure-Python scanner disagree: the reference loader reads them.
SLOW_SHAPES = {
    "tab in a value": "author: Ann\tExample\n",
    "tab after the colon": "title:\tRates\n",
    "byte-order mark": "a: b\ufeffc\n",
    "next-line character": "a: b\x85c\n",
    "tag": "a: !!str 12\n",
    "empty value under a bare tag": "a: !\n",
    "block scalar": "a: |\n  one\n  two\n",
    "backslash escape": 'a: "caf\\u00e9"\n',
    "question mark in a flow collection": "a: {b?: c}\n",
    "colon without space in a flow collection": "a: [b:c]\n",
}


@needs_libyaml
@pytest.mark.parametrize("content", FAST_SHAPES.values(), ids=FAST_SHAPES.keys())
def test_libyaml_reads_common_shapes_as_the_reference_loader(content: str) -> None:
    fast = front_matter._fast_load(content)
    assert fast is not front_matter._UNREAD
    assert fast == _reference(content)


@needs_libyaml
@pytest.mark.parametrize("content", SLOW_SHAPES.values(), ids=SLOW_SHAPES.keys())
def test_disagreeing_shapes_go_to_the_reference_loader(content: str) -> None:
    assert front_matter._fast_load(content) is front_matter._UNREAD


@needs_libyaml
@pytest.mark.parametrize(
    "content, error",
    [
        ("a: &x [lol, lol]\nb: [*x, *x]\n", yaml.composer.ComposerError),
        ("a: !!python/object:os.system x\n", yaml.constructor.ConstructorError),
        ("a: [b\n", yaml.MarkedYAMLError),
    ],
    ids=["alias", "python tag", "unclosed flow"],
)
def test_libyaml_loader_keeps_the_restrictions(content: str, error: type[Exception]) -> None:
    with pytest.raises(error):
        yaml.load(content, Loader=front_matter._FastLoader)


@needs_libyaml
def test_deep_nesting_is_left_to_the_reference_loader() -> None:
    depth = front_matter.MAX_FAST_DEPTH + 1
    content = "a: " + "[" * depth + "]" * depth + "\n"
    with pytest.raises(front_matter._TooDeep):
        yaml.load(content, Loader=front_matter._FastLoader)
    assert front_matter._fast_load(content) is front_matter._UNREAD
    shallow = "a: " + "[" * 3 + "]" * 3 + "\n"
    assert front_matter._fast_load(shallow) == {"a": [[[]]]}


@pytest.mark.parametrize(
    "content, found",
    [
        ("a: &x 1\nb: *x\n", "aliases (*name) are not allowed (line 3, column 4)"),
        ("title: [unclosed\nauthor: X\n", "invalid YAML front matter: "),
    ],
    ids=["alias", "malformed"],
)
def test_failures_report_the_reference_loaders_message(content: str, found: str) -> None:
    metadata = parse_metadata(f"---\n{content}---\nBody text.\n")
    assert metadata.front_matter is None
    assert found in (metadata.front_matter_error or "")


_REFERENCE_WORD = re.compile(r"[^\W_]+(?:['’.,/\-][^\W_]+)*")

WORD_CASES = {
    "joined by apostrophe, hyphen, period, comma, slash": ("Japan’s dual-use U.S 3.2 1,000 and/or", 6),
    "dashes and spaces separate": ("rates – up — again", 3),
    "trailing and doubled joiners do not join": ("end. a..b c-", 4),
    "underscore separates": ("snake_case", 2),
    "digits beyond ASCII": ("٣٤ ² ⅷ", 3),
    "letters beyond the BMP": ("𝐀𝐁 𝟙-𝟚 😀 x", 3),
    "only punctuation": ("— … ! ?", 0),
    "empty": ("", 0),
}


@pytest.mark.parametrize("text, expected", WORD_CASES.values(), ids=WORD_CASES.keys())
def test_count_words_matches_the_word_pattern(text: str, expected: int) -> None:
    assert count_words(text, 0, len(text)) == expected
    assert len(_REFERENCE_WORD.findall(text)) == expected


@pytest.mark.parametrize("start, end", [(0, 5), (2, 9), (-3, 9), (4, 2), (0, 100)])
def test_count_words_window_bounds_as_pattern_positions(start: int, end: int) -> None:
    text = "ab-cd ef’s 1,2"
    assert count_words(text, start, end) == len(_REFERENCE_WORD.findall(text, max(start, 0), max(end, 0)))


_REFERENCE_TRAILING = re.compile("|".join(f"(?:{pattern})" for pattern in furniture_rules.TRAILING_LINES), re.I)
_REFERENCE_CAPTION = re.compile("|".join(f"(?:{pattern})" for pattern in furniture_rules.CAPTION_END))

CLOSING_LINES = {
    "anchored disclaimer": "Disclaimer: this is not advice",
    "floating advice clause": "The views here do not constitute investment advice.",
    "floating clause not at the end": "Note: it does not constitute financial advice for anyone",
    "second branch of one rule": "Sign up and enter your email address below",
    "ends in a disclosure policy": "The site has a disclosure policy.",
    "disclosure policy not at the end": "The site has a disclosure policy for staff",
    "prose": "Crude prices rose 2% on Tuesday as supply worries grew.",
    "newline before the clause": "First line\nit does not constitute investment advice",
    "empty": "",
}
CAPTION_LINES = {
    "photo credit in brackets": "Traders work on the floor in New York. (Photo by A. Roe/AFP)",
    "wire credit": "A tanker at anchor off the coast. REUTERS/Ann Roe/File Photo",
    "credit mid-line": "(Photo by A. Roe) and then more text follows here",
    "prose": "The central bank held its key rate at 4.5%.",
}


@pytest.mark.parametrize("line", CLOSING_LINES.values(), ids=CLOSING_LINES.keys())
def test_trailing_lines_match_as_the_plain_alternation(line: str) -> None:
    assert furniture._TRAILING.fullmatch(line) == (_REFERENCE_TRAILING.fullmatch(line) is not None)


@pytest.mark.parametrize("line", CAPTION_LINES.values(), ids=CAPTION_LINES.keys())
def test_caption_ends_match_as_the_plain_alternation(line: str) -> None:
    assert furniture._CAPTION.fullmatch(line) == (_REFERENCE_CAPTION.fullmatch(line) is not None)


def test_whole_line_matches_and_rejects() -> None:
    assert furniture._TRAILING.fullmatch(CLOSING_LINES["floating advice clause"])
    assert not furniture._TRAILING.fullmatch(CLOSING_LINES["disclosure policy not at the end"])
    assert not furniture._TRAILING.fullmatch(CLOSING_LINES["newline before the clause"])


@pytest.mark.parametrize(
    "pattern, branches",
    [
        ("a|b", ["a", "b"]),
        ("(?:a|b)c", ["(?:a|b)c"]),
        (r"[|]x|\|y", ["[|]x", r"\|y"]),
        ("[]|]z|w", ["[]|]z", "w"]),
        (".*a|.*?b", [".*a", ".*?b"]),
    ],
)
def test_branches_split_only_at_top_level(pattern: str, branches: list[str]) -> None:
    assert furniture._branches(pattern) == branches


def test_lazy_and_possessive_runs_stay_anchored() -> None:
    matcher = furniture._WholeLine((".*?end", ".*+x", ".*tail"))
    assert matcher.anchored is not None and matcher.anchored.pattern == "(?:.*?end)|(?:.*+x)"
    assert matcher.ending is not None and matcher.ending.pattern == r"(?:(?:tail))\Z"
    assert matcher.fullmatch("the end") and matcher.fullmatch("a tail") and not matcher.fullmatch("tail end x")
