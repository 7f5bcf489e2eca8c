"""The matching protocol of bench/metadata_eval.py: what counts as right, wrong, missed and guessed.

Every page here is written for the test; no third-party text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from bench.metadata_eval import SAME, Report, bound_right, evaluate, gold_bounds, main, parse, score_page
from newsfacts.metadata import DocumentMetadata

PAGE = (
    "Harbour authority doubles ferry fares\n\n"
    "By Ann Lee\n\n"
    "Published March 3, 2024\n\n"
    "PORTVILLE (Reuters) - The harbour authority doubled ferry fares on Monday, citing fuel costs.\n\n"
    "Commuters said the rise would hurt.\n\n"
    "(Reporting by Ann Lee; Editing by Bo Chan)\n"
)
GOLD = {
    "name": "ferry",
    "title": "Harbour authority doubles ferry fares",
    "author": "Ann Lee",
    "published_date": "2024-03-03",
    "publisher": "Reuters",
    "body_first": "The harbour authority doubled",
    "body_last": "the rise would hurt.",
}


def _metadata(**values: object) -> DocumentMetadata:
    base: dict[str, object] = dict.fromkeys(("title", "author", "published_date", "publisher", "description"))
    base |= {"sentiment_label": None, "sentiment_score": None, "word_count": 0, "body_start": 0, "body_end": 0}
    base |= {"front_matter": None, "front_matter_error": None}
    return DocumentMetadata(**(base | values))  # type: ignore[arg-type]


# (field, ours, gold, same)
MATCHES = [
    ("title", "Harbour  Authority doubles ferry fares.", "Harbour authority doubles ferry fares", True),
    ("title", "“Harbour authority doubles ferry fares”", "Harbour authority doubles ferry fares", True),
    ("title", "Harbour authority doubles fares", "Harbour authority doubles ferry fares", False),
    ("author", "By Ann Lee and Bo Chan", "Bo Chan, Ann Lee", True),
    ("author", "Ann Lee", "Ann Lee and Bo Chan", False),
    ("author", "Staff correspondent Ann Lee", "Ann Lee", False),
    ("publisher", "AP", "The Associated Press", True),
    ("publisher", "Xinhua News Agency", "Xinhua", True),
    ("publisher", "PRNewswire", "PR Newswire", True),
    ("publisher", "Reuters", "Bloomberg", False),
    ("published_date", "2024-03-03", "2024-03-03", True),
    ("published_date", "2024-03-04", "2024-03-03", False),
]


@pytest.mark.parametrize(("name", "ours", "gold", "same"), MATCHES)
def test_field_matching(name: str, ours: str, gold: str, same: bool) -> None:
    assert SAME[name](ours, gold) is same


TEXT = "HEADLINE\n\nPORTVILLE -- The fares rose. More >>>\nShare this"
# (what, ours, gold, right)
BOUNDS = [
    ("same offset", 22, 22, True),
    ("whitespace and a dateline dash between", TEXT.index("--"), TEXT.index("The"), True),
    ("a dateline word between", TEXT.index("PORTVILLE"), TEXT.index("The"), False),
    ("a wire end mark between", TEXT.index(" More"), TEXT.index(">>>") + 3, True),
    ("furniture word between", TEXT.index(" More"), len(TEXT), False),
]


@pytest.mark.parametrize(("what", "ours", "gold", "right"), BOUNDS)
def test_body_bound_tolerance(what: str, ours: int, gold: int, right: bool) -> None:
    assert bound_right(TEXT, ours, gold) is right, what


def test_gold_bounds_from_words_and_offsets() -> None:
    start, end = gold_bounds(GOLD, PAGE)
    assert PAGE[start:end].startswith("The harbour") and PAGE[start:end].endswith("would hurt.")
    assert gold_bounds({"body_start": 3, "body_end": 9}, PAGE) == (3, 9)


def test_a_value_where_gold_is_null_is_guessed_and_a_null_where_gold_states_one_is_missed() -> None:
    report = Report()
    row = {**GOLD, "title": None, "author": ["Ann Lee", "A. Lee"], "body_start": 0, "body_end": 0}
    score_page(report, row, PAGE, _metadata(title="Some line", author=None))
    fields = report.fields
    assert (fields["title"].guessed, fields["title"].stated, fields["title"].right_null) == (1, 0, 0)
    assert (fields["author"].missed, fields["author"].stated) == (1, 1)
    assert fields["publisher"].missed == 1 and report.both_right == 1
    assert {m.field for m in report.misses} == {"title (guessed)", "author (missed)", "published_date (missed)",
                                                "publisher (missed)"}  # fmt: skip


def test_real_parse_of_a_wire_page_scores_every_field(tmp_path: Path) -> None:
    report = evaluate([GOLD], lambda _name: PAGE)
    assert {n: (s.right, s.stated) for n, s in report.fields.items()} == {
        "title": (1, 1),
        "author": (1, 1),
        "published_date": (1, 1),
        "publisher": (1, 1),
    }
    assert (report.start_right, report.end_right) == (1, 1)


def test_parse_sets_a_future_date_aside_as_the_stage_does() -> None:
    assert parse("A page\n\nPublished March 3, 2999\n\nSome body text here that runs on.\n").published_date is None


def test_main_reads_pages_folder_and_prints_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "ferry.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "dev.jsonl").write_text(json.dumps({**GOLD, "author": "Bo Chan"}) + "\n", encoding="utf-8")
    main([str(tmp_path), "--errors"])
    out = capsys.readouterr().out
    assert "author (wrong)" in out and "ours: Ann Lee" in out
    assert re.search(r"^title +1/1 ", out, re.M) and "both 1/1 = 1.000" in out
