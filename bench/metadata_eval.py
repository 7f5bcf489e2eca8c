"""Document metadata on real pages: per field right / stated / wrong / missed / guessed, and body bounds.

    .venv/bin/python bench/metadata_eval.py PATH [--gold FILE] [--pages DIR] [--errors]

PATH is a folder kept outside the repository (third-party text is never committed) holding the
pages as `NAME.txt` (in PATH or PATH/pages, or the subfolder `--pages` names) and a gold JSONL
(`--gold`, default `dev.jsonl`), one page a line:
`{"name", "title", "author", "published_date", "publisher", "body_start", "body_end"}`, each field
the value the text states, a list of accepted spellings, or null when the text does not state it;
`body_start`/`body_end` are code-point offsets (or, instead, `body_first`/`body_last`: the opening
words of the first body sentence and the closing words of the last, located here).

Each page is read as landing reads a file (bytes decoded by `newsfacts.landing.decode`) and parsed
by `parse_metadata`, then passed through the metadata stage's future-date guard, as the stage does.

Matching:
- title: equal after NFKC, whitespace and case folding, ignoring surrounding quotes and a closing period;
- author: the same set of people (names split at "and", "&", ",", ";", a leading "By" dropped);
- publisher: the same outlet after folding corporate suffixes, a leading "The" and `PUBLISHER_ALIASES`;
- published_date: the same ISO day;
- body start / end: right when the text between ours and the gold offset holds no letter or digit
  beyond the wire end marks in `TOLERATED_MARKS` (whitespace and punctuation, such as the dash a
  dateline leaves, are tolerated; any word is not).
A value where gold is null is *guessed*; no value where gold states one is *missed*.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIELDS = ("title", "author", "published_date", "publisher")
# The issue 15 bar (share of stated values found right; body: both bounds right).
BAR = {"title": 0.85, "author": 0.8, "published_date": 0.75, "publisher": 0.7, "body": 0.8}
# One outlet, several names (after `_fold_outlet`). Key and value are folded spellings.
PUBLISHER_ALIASES = {
    "ap": "associated press",
    "afp": "agence france presse",
    "prnewswire": "pr newswire",
    "punchng": "punch",
    "upi": "united press international",
    "xinhua news": "xinhua",
}
_OUTLET_NOISE = re.compile(r"\b(the|inc|llc|ltd|plc|co|news agency|agency|online|newswire service)\b\.?", re.I)
# Wire end marks tolerated between our body end and gold's.
TOLERATED_MARKS = re.compile(r"\b(enditem|more)\b", re.I)
_NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*", re.I)


def fold(text: str) -> str:
    """NFKC, whitespace and case folded; surrounding quotes and a closing period dropped."""
    text = " ".join(unicodedata.normalize("NFKC", text).split()).casefold()
    return text.strip(" \"'“”‘’").removesuffix(".").strip()


def _fold_outlet(name: str) -> str:
    folded = re.sub(r"[^\w' ]+", " ", fold(name))
    folded = " ".join(_OUTLET_NOISE.sub(" ", folded).split())
    return PUBLISHER_ALIASES.get(folded, folded)


def _people(names: str) -> frozenset[str]:
    folded = re.sub(r"^by\s+", "", fold(names))
    return frozenset(p for p in (fold(part) for part in _NAME_SPLIT.split(folded)) if p)


SAME: dict[str, Callable[[str, str], bool]] = {
    "title": lambda ours, gold: fold(ours) == fold(gold),
    "author": lambda ours, gold: _people(ours) == _people(gold),
    "publisher": lambda ours, gold: _fold_outlet(ours) == _fold_outlet(gold),
    "published_date": lambda ours, gold: ours == gold,
}


def bound_right(text: str, ours: int, gold: int) -> bool:
    """No letter or digit (beyond a tolerated wire mark) lies between the two offsets."""
    between = TOLERATED_MARKS.sub(" ", text[min(ours, gold) : max(ours, gold)])
    return not any(ch.isalnum() for ch in between)


@dataclass
class FieldScore:
    stated: int = 0
    right: int = 0
    wrong: int = 0
    missed: int = 0
    guessed: int = 0
    right_null: int = 0

    @property
    def share(self) -> float:
        return self.right / self.stated if self.stated else 0.0


@dataclass
class Miss:
    page: str
    field: str
    gold: Any
    ours: Any


@dataclass
class Report:
    pages: int = 0
    fields: dict[str, FieldScore] = field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    start_right: int = 0
    end_right: int = 0
    both_right: int = 0
    misses: list[Miss] = field(default_factory=list)

    def share(self, count: int) -> float:
        return count / self.pages if self.pages else 0.0


def gold_bounds(row: dict[str, Any], text: str) -> tuple[int, int]:
    """The gold body offsets: given, or located from the first and last body words."""
    if row.get("body_start") is not None and row.get("body_end") is not None:
        return int(row["body_start"]), int(row["body_end"])
    start = text.index(row["body_first"])
    return start, text.index(row["body_last"], start) + len(row["body_last"])


def _accepted(value: Any) -> list[str]:
    if value is None:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def _ours(metadata: Any, name: str) -> str | None:
    value = getattr(metadata, name)
    if value is None:
        return None
    return value.isoformat() if name == "published_date" else str(value)


def score_page(report: Report, row: dict[str, Any], text: str, metadata: Any) -> None:
    """Add one page's fields and body bounds to the report."""
    report.pages += 1
    for name in FIELDS:
        score, gold, ours = report.fields[name], _accepted(row.get(name)), _ours(metadata, name)
        if not gold:
            if ours is None:
                score.right_null += 1
            else:
                score.guessed += 1
                report.misses.append(Miss(row["name"], name + " (guessed)", None, ours))
            continue
        score.stated += 1
        if ours is None:
            score.missed += 1
            report.misses.append(Miss(row["name"], name + " (missed)", gold[0], None))
        elif any(SAME[name](ours, g) for g in gold):
            score.right += 1
        else:
            score.wrong += 1
            report.misses.append(Miss(row["name"], name + " (wrong)", gold[0], ours))
    start, end = gold_bounds(row, text)
    start_ok = bound_right(text, metadata.body_start, start)
    end_ok = bound_right(text, metadata.body_end, end)
    report.start_right += start_ok
    report.end_right += end_ok
    report.both_right += start_ok and end_ok
    if not start_ok:
        report.misses.append(Miss(row["name"], "body_start", _around(text, start), _around(text, metadata.body_start)))
    if not end_ok:
        report.misses.append(Miss(row["name"], "body_end", _around(text, end), _around(text, metadata.body_end)))


def _around(text: str, offset: int, width: int = 40) -> str:
    return f"{offset}: {text[max(0, offset - width) : offset]!r} | {text[offset : offset + width]!r}"


def read_page(path: Path) -> str:
    """The page's text as landing decodes the file."""
    from newsfacts.landing import decode

    decoded = decode(path.read_bytes())
    if isinstance(decoded, str):
        raise ValueError(f"{path}: {decoded}")
    return decoded[0]


def parse(text: str) -> Any:
    """`parse_metadata` as the metadata stage calls it, future-date guard included."""
    from newsfacts.metadata import parse_metadata
    from newsfacts.stages.metadata import latest_trusted_date, trusted

    return trusted(parse_metadata(text), latest_trusted_date())


def evaluate(rows: Iterable[dict[str, Any]], page_text: Callable[[str], str]) -> Report:
    report = Report()
    for row in rows:
        text = page_text(row["name"])
        score_page(report, row, text, parse(text))
    return report


def format_report(report: Report) -> list[str]:
    lines = [f"pages: {report.pages}", "field           right/stated  share  wrong missed guessed  right-null  bar"]
    for name, s in report.fields.items():
        bar = "ok" if s.share >= BAR[name] and not s.guessed else "below"
        lines.append(
            f"{name:<15} {s.right:>5}/{s.stated:<6} {s.share:6.3f} {s.wrong:>6} {s.missed:>6} {s.guessed:>7}"
            f"  {s.right_null:>10}  {bar}"
        )
    both = report.share(report.both_right)
    lines.append(
        f"body start {report.start_right}/{report.pages}  end {report.end_right}/{report.pages}  "
        f"both {report.both_right}/{report.pages} = {both:.3f}  {'ok' if both >= BAR['body'] else 'below'}"
    )
    return lines


def _page_finder(folder: Path, pages: str = "pages") -> Callable[[str], str]:
    def page_text(name: str) -> str:
        for candidate in (folder / f"{name}.txt", folder / pages / f"{name}.txt"):
            if candidate.exists():
                return read_page(candidate)
        raise FileNotFoundError(f"{name}.txt not in {folder} or {folder / pages}")

    return page_text


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("path", type=Path, help="folder with the pages and the gold JSONL")
    parser.add_argument("--gold", default="dev.jsonl", help="gold JSONL inside PATH (or a path)")
    parser.add_argument("--pages", default="pages", help="subfolder of PATH holding the pages (default pages)")
    parser.add_argument("--errors", action="store_true", help="print every miss")
    args = parser.parse_args(argv)
    gold_path = Path(args.gold) if Path(args.gold).is_absolute() else args.path / args.gold
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    report = evaluate(rows, _page_finder(args.path, args.pages))
    if args.errors:
        for miss in report.misses:
            print(f"{miss.page}  {miss.field}\n    gold: {miss.gold}\n    ours: {miss.ours}")
    print("\n".join(format_report(report)))


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
