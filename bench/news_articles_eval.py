"""Value+unit precision and recall of the figures stage on whole hand-annotated real news pages.

    python -m bench.news_articles_eval PATH [--errors] [--quantulum] [--tolerance 1e-3]

PATH is a JSONL file kept outside the repository (third-party text is never committed), one page a
line: `{"id", "name", "url", "topic", "text", "body_start", "body_end", "chrome": [[start, end]],
"quantities": [...], "not_figures": [{"text", "start", "end", "reason"}]}`. `text` is the page as it
was saved, furniture included (menus, datelines, bylines, captions, related links, footers);
`body_start`/`body_end` bound the article body a reader reads, `chrome` marks furniture inside it.
Quantities are annotated only in the body (a headline's figure is marked optional); `not_figures`
lists numbers that are deliberately not quantities (dates, names, tenors), for the report only.

Each page goes through the library calls the pipeline makes, not through Dagster: the landing's
`decode` of its UTF-8 bytes, the metadata stage's `metadata_batch` (parse_metadata, then the future
date check) for the body bounds and publication date, and the figures stage's `figures_batch`, which
extracts figures inside those bounds only. Whatever the pipeline keeps out of the body is therefore
kept out here; whatever it lets in (a caption, a dateline, a related link) is scored.

Matching is bench/news_figures_eval.py's protocol, by import (`score_sentences` with the page as one
row): span overlap, value within the tolerance, unit equal after canonical spelling; `date` figures
are not scored, a figure overlapping optional gold is dropped. Every other figure that matches no gold
quantity is a false figure, and one that lies outside the gold body or in marked furniture is also
counted on the `chrome` line: the figures the pipeline would store from page furniture.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from bench.news_figures_eval import (
    Pred,
    Result,
    UnitComparer,
    canonical_unit,
    overlaps,
    quantulum_extractor,
    report,
    score_sentences,
    values_match,
)
from bench.scoring import Score

CONTEXT = 70  # characters shown either side of an error
# The `figures` columns that make a Pred, in its field order.
FIGURE_COLUMNS = ("char_start", "char_end", "raw_text", "kind", "value", "value_low", "value_high", "unit", "per_unit")


@dataclass(frozen=True)
class Landed:
    """What the pipeline made of one page: its text, the body bounds metadata found, the figures."""

    text: str
    body_start: int
    body_end: int
    figures: list[Pred]


def land_page(text: str, document_id: str = "doc") -> Landed:
    """One page through landing's decode, the metadata stage and the figures stage (library calls)."""
    from newsfacts.landing import decode
    from newsfacts.stages.figures import figures_batch
    from newsfacts.stages.metadata import metadata_batch

    decoded = decode(text.encode("utf-8"))
    if isinstance(decoded, str):
        return Landed(text, 0, 0, [])  # rejected by landing: nothing is extracted
    landed, _encoding = decoded
    meta = metadata_batch([(document_id, landed)])["document_metadata"].row(0, named=True)
    start, end = meta["body_start"], meta["body_end"]
    frame = figures_batch([(document_id, landed, start, end, meta["published_date"])])["figures"]
    figures = [Pred(*row) for row in frame.select(FIGURE_COLUMNS).iter_rows()]
    return Landed(landed, start, end, figures)


def in_chrome(page: dict, pred: Pred) -> bool:
    """The figure lies outside the gold body, or overlaps furniture marked inside it."""
    if pred.end <= page["body_start"] or pred.start >= page["body_end"]:
        return True
    return any(pred.start < e and s < pred.end for s, e in page.get("chrome", ()))


def on_listed(page: dict, pred: Pred) -> dict | None:
    """The listed not-a-figure number the figure overlaps, if any."""
    return next((n for n in page.get("not_figures", ()) if overlaps(n, pred)), None)


@dataclass
class PageScore:
    """One page's result under the protocol, with its chrome figures and the pipeline's body bounds."""

    page: dict
    result: Result
    chrome: list[Pred] = field(default_factory=list)
    listed: list[Pred] = field(default_factory=list)
    body: tuple[int, int] = (0, 0)


@dataclass
class ArticlesResult:
    """Per page and overall scores for one extractor."""

    pages: list[PageScore] = field(default_factory=list)
    overall: Result = field(default_factory=Result)

    @property
    def chrome(self) -> int:
        return sum(len(p.chrome) for p in self.pages)

    @property
    def listed(self) -> int:
        return sum(len(p.listed) for p in self.pages)


def score_articles(
    pages: Iterable[dict],
    land: Callable[[dict], Landed],
    tol: float = 1e-3,
    units: UnitComparer | None = None,
) -> ArticlesResult:
    """Score the figures `land` returns for each page; the overall score sums the pages."""
    units = units or UnitComparer()
    out = ArticlesResult()
    for page in pages:
        landed = land(page)
        if landed.figures and landed.text != page["text"]:
            raise ValueError(f"{page['id']}: landing changed the text, so gold offsets do not apply to its figures")
        res = score_sentences([page], lambda _t, f=landed.figures: f, tol, units)
        false = [p for _row, p in res.false]
        out.pages.append(
            PageScore(
                page,
                res,
                chrome=[p for p in false if in_chrome(page, p)],
                listed=[p for p in false if on_listed(page, p) is not None],
                body=(landed.body_start, landed.body_end),
            )
        )
    out.overall = _combined(out.pages)
    return out


def _combined(pages: list[PageScore]) -> Result:
    """The pages' results summed into one (the misses and false figures kept in page order)."""
    total = Result()
    for ps in pages:
        r = ps.result
        total.overall += r.overall
        total.value_only += r.value_only
        for name in ("gold_by_kind", "missed_by_kind", "pred_by_kind", "false_by_kind"):
            getattr(total, name).update(getattr(r, name))
        total.misses.extend(r.misses)
        total.false.extend(r.false)
    return total


def pipeline_lander() -> Callable[[dict], Landed]:
    """The pipeline's library path over a page's saved text."""
    return lambda page: land_page(page["text"], page["id"])


def quantulum_lander() -> Callable[[dict], Landed]:
    """quantulum3 over the same body text the pipeline's metadata stage bounded, offsets into the page."""
    extract = quantulum_extractor()

    def land(page: dict) -> Landed:
        ours = land_page(page["text"], page["id"])
        body = ours.text[ours.body_start : ours.body_end]
        shift = ours.body_start
        figures = [
            Pred(p.start + shift, p.end + shift, p.text, p.kind, p.value, p.low, p.high, p.unit, p.per_unit)
            for p in extract(body)
        ]
        return Landed(ours.text, ours.body_start, ours.body_end, figures)

    return land


def _f1(s: Score) -> float:
    return 2 * s.precision * s.recall / (s.precision + s.recall) if s.precision + s.recall else 0.0


def print_pages(res: ArticlesResult) -> None:
    print(f"    {'page':<22} {'topic':<13} gold ours right   P     R     F1   chrome  body start/end vs gold")
    for ps in res.pages:
        s, page = ps.result.overall, ps.page
        ds, de = ps.body[0] - page["body_start"], ps.body[1] - page["body_end"]
        print(
            f"    {page.get('name', page['id']):<22} {page['topic']:<13} {s.gold:>4} {s.pred:>4} {s.right:>5}"
            f"  {s.precision:.3f} {s.recall:.3f} {_f1(s):.3f}  {len(ps.chrome):>5}   {ds:+d} / {de:+d}"
        )


def print_summary(name: str, res: ArticlesResult) -> None:
    report(name, res.overall)
    ours = res.overall.overall.pred
    print(
        f"    chrome: {res.chrome} of our {ours} scored figures lie outside the gold body or in marked furniture; "
        f"{res.listed} false figures fall on listed not-a-figure numbers"
    )


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - CONTEXT) : start].replace("\n", " / ")
    right = text[end : end + CONTEXT].replace("\n", " / ")
    return f"...{left}[[{text[start:end]}]]{right}..."


def print_errors(res: ArticlesResult, tol: float) -> None:
    """Misses (why: no figure, value, unit) and false figures (where: chrome, listed, body), by page."""
    why: Counter = Counter()
    where: Counter = Counter()
    for ps in res.pages:
        page, text = ps.page, ps.page["text"]
        lines = []
        for _row, g, over in ps.result.misses:
            reason = "no figure" if not over else ("unit" if any(values_match(g, p, tol) for p in over) else "value")
            why[reason] += 1
            want = g["value"] if g["value"] is not None else (g["low"], g["high"])
            got = "; ".join(
                f"{p.text!r} {p.kind} {p.value if p.value is not None else (p.low, p.high)} "
                f"{canonical_unit(p.unit, p.per_unit)}"
                for p in over
            )
            lines.append(
                f"  MISS [{reason}] {g['text']!r} want {want} {canonical_unit(g['unit'], g.get('per_unit'))}"
                f"{'  got ' + got if got else ''}\n      {_context(text, g['start'], g['end'])}"
            )
        for _row, p in ps.result.false:
            listed = on_listed(page, p)
            place = "chrome" if in_chrome(page, p) else ("listed: " + listed["reason"] if listed else "body")
            where[place.split(":")[0]] += 1
            shown = p.value if p.value is not None else (p.low, p.high)
            lines.append(
                f"  FALSE [{place}] {p.text!r} {p.kind} {shown} {canonical_unit(p.unit, p.per_unit)}"
                f"\n      {_context(text, p.start, p.end)}"
            )
        if lines:
            print(f"\n== {page.get('name', page['id'])} ({page['topic']}) {page['url']}")
            print("\n".join(lines))
    print(f"\nmisses by reason: {dict(why.most_common())}; false figures by place: {dict(where.most_common())}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", type=Path, help="annotated pages, JSONL")
    ap.add_argument("--errors", action="store_true", help="print misses and false figures page by page")
    ap.add_argument("--quantulum", action="store_true", help="also score quantulum3 on the same body text")
    ap.add_argument("--tolerance", type=float, default=1e-3, help="relative tolerance on values")
    args = ap.parse_args(argv)
    pages = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"{args.path}: {len(pages)} pages")
    units = UnitComparer()
    res = score_articles(pages, pipeline_lander(), args.tolerance, units)
    print_summary("newsfacts", res)
    print_pages(res)
    if args.quantulum:
        peer = score_articles(pages, quantulum_lander(), args.tolerance, units)
        print_summary("quantulum3", peer)
        print_pages(peer)
    if args.errors:
        print_errors(res, args.tolerance)


if __name__ == "__main__":
    main()
