"""A static, self-contained HTML data-quality report (inline CSS, no scripts, no CDN: renders offline).

GX's own Data Docs pull their CSS from a CDN and render unstyled without network, so the report is a
plain page built with ``html.escape``: a summary, one table per suite (expectation, column, success,
observed value, unexpected count, examples) and the metric consistency table with conflicts
highlighted. Content is news text, so it is untrusted: escaped everywhere, and free to wrap anywhere
(one long unbroken file name must not widen a table past the page). ``write_report`` writes
``out_dir/runs/<run_id>.html`` and the same page as ``out_dir/index.html`` (the latest run), which
links to the earlier runs kept in ``runs/``.

``write_run_report`` builds the same page for one run from the warehouse itself (its
``validation_results`` rows and ``metric_consistency``), for callers that validate one suite at a
time (one Dagster asset check per table): outcomes passed to it are also kept as JSON under
``out_dir/outcomes/<run_id>/`` so their unexpected examples (which validation_results does not hold)
appear in every later rewrite of that run's page.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import shutil
from html import escape
from pathlib import Path

import duckdb
import polars as pl

from newsfacts.quality.runner import ExpectationOutcome, SuiteOutcome
from newsfacts.quality.suites import consistency_suite, integrity_suites
from newsfacts.warehouse.staging import table_fingerprint

KEEP_RUNS = 50  # run pages and stored outcomes kept in out_dir
# A fact reported by thousands of documents, or disagreeing in thousands of places, is shown by its first
# few and a count of the rest: the page is for reading, and the whole lists stay in metric_consistency.
# Listed in full, 2,435 facts at 100,000 articles made a 59 MB page, rewritten twice by every run.
LISTED_SOURCES = 20
CONFLICT_CHARS = 2_000

_CSS = """
:root { --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --line: #d0d7de; --muted: #57606a; }
* { box-sizing: border-box; }
body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 0 auto;
       max-width: 1200px; padding: 1.5rem; color: #1f2328; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1.5rem 0 .4rem; }
.meta, .muted { color: var(--muted); }
table { border-collapse: collapse; width: 100%; margin: .4rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
h1, h2, h3, p, nav, code { overflow-wrap: anywhere; }
td.wrap, ul.examples li { overflow-wrap: anywhere; }
td.wrap { min-width: 10rem; }
th { background: #f6f8fa; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 1rem; font-size: 12px; font-weight: 600;
         color: #fff; }
.pass { background: var(--ok); } .fail { background: var(--bad); } .warn { background: var(--warn); }
tr.failed td { background: #ffebe9; } tr.warned td { background: #fff8c5; }
tr.conflict td { background: #ffebe9; }
ul.examples { margin: 0; padding-left: 1.1rem; }
.cards { display: flex; gap: .75rem; flex-wrap: wrap; margin: 1rem 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: .5rem .9rem; min-width: 9rem; }
.card b { display: block; font-size: 1.3rem; }
nav a { margin-right: .6rem; }
"""


def _safe_run_id(run_id: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", run_id).strip("._") or "run"


def _badge(success: bool, blocking: bool = True) -> str:
    if success:
        return '<span class="badge pass">pass</span>'
    return '<span class="badge fail">fail</span>' if blocking else '<span class="badge warn">warn</span>'


def _cell(value: object) -> str:
    if value is None:
        return '<span class="muted">—</span>'
    return escape(str(value))


def _suite_section(s: SuiteOutcome) -> str:
    level = "blocking" if s.blocking else "warn"
    rows = []
    for o in s.outcomes:
        cls = "" if o.success else (' class="failed"' if s.blocking else ' class="warned"')
        examples = (
            '<ul class="examples">'
            + "".join(f'<li class="mono">{escape(e)}</li>' for e in o.unexpected_examples)
            + "</ul>"
            if o.unexpected_examples
            else ""
        )
        check = getattr(o, "check", "") or ""
        description = getattr(o, "description", "") or ""
        rows.append(
            f"<tr{cls}><td>{_badge(o.success, s.blocking)}</td>"
            f"<td><b>{escape(check)}</b><br><code>{escape(o.expectation)}</code>"
            f"{'<br><span class=muted>' + escape(description) + '</span>' if description else ''}</td>"
            f"<td><code>{_cell(o.column_name)}</code></td>"
            f"<td>{_cell(o.observed_value)}</td>"
            f'<td class="num">{_cell(o.unexpected_count)}</td>'
            f"<td>{examples}</td></tr>"
        )
    rows_info = f"{s.row_count} rows · " if s.row_count is not None else ""
    return (
        f'<h3 id="{escape(s.suite)}">{_badge(s.success, s.blocking)} {escape(s.suite)} '
        f'<span class="muted">({level} · {rows_info}{len(s.outcomes)} expectations · '
        f"{s.seconds:.2f} s)</span></h3>"
        "<table><thead><tr><th>result</th><th>expectation</th><th>column</th><th>observed</th>"
        "<th>unexpected</th><th>examples (up to 5)</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _fmt_number(x: object) -> str:
    if isinstance(x, float):
        return str(int(x)) if x.is_integer() and abs(x) < 1e18 else f"{x:g}"
    return _cell(x)


@dataclasses.dataclass(frozen=True)
class RenderedConsistency:
    """The metric consistency section as HTML, and its number of conflicts (for the summary cards).

    Rendered once per content of `metric_consistency`: each suite's check rewrites the run's page.
    """

    html: str
    conflicts: int


def render_consistency(consistency: pl.DataFrame | None) -> RenderedConsistency:
    conflicts = (
        consistency.filter(pl.col("verdict") == "conflict").height
        if consistency is not None and not consistency.is_empty() and "verdict" in consistency.columns
        else 0
    )
    return RenderedConsistency(_consistency_section(consistency), conflicts)


def _consistency_section(consistency: pl.DataFrame | None) -> str:
    if consistency is None or consistency.is_empty():
        return '<h2 id="consistency">Metric consistency</h2><p class="muted">No metrics reported.</p>'
    frame = consistency
    if "conflicts" not in frame.columns:
        frame = frame.with_columns(pl.lit("").alias("conflicts"))
    order = pl.when(pl.col("verdict") == "conflict").then(0).otherwise(1)
    frame = frame.sort([order, "metric"], nulls_last=True)
    rows = []
    for r in frame.iter_rows(named=True):
        conflict = r.get("verdict") == "conflict"
        sources_text = _listed(r.get("sources"), r.get("_sources_total"))
        conflicts_text = _cut(r.get("conflicts") or "", r.get("_conflicts_chars"))
        rows.append(
            f"<tr{' class=conflict' if conflict else ''}><td>{_cell(r.get('metric'))}</td>"
            f"<td>{_cell(r.get('unit'))}</td>"
            f"<td>{'<b>conflict</b>' if conflict else _cell(r.get('verdict'))}</td>"
            f'<td class="num">{_cell(r.get("n_sources"))}</td>'
            f'<td class="num">{_cell(r.get("n_mentions"))}</td>'
            f'<td class="num">{_fmt_number(r.get("value_min"))}</td>'
            f'<td class="num">{_fmt_number(r.get("value_max"))}</td>'
            f'<td class="mono wrap">{_cell(sources_text)}</td>'
            f"<td class=wrap>{escape(conflicts_text)}</td></tr>"
        )
    n_conflicts = frame.filter(pl.col("verdict") == "conflict").height
    return (
        f'<h2 id="consistency">Metric consistency <span class="muted">({frame.height} metrics, '
        f"{n_conflicts} in conflict)</span></h2>"
        "<table><thead><tr><th>metric</th><th>unit</th><th>verdict</th><th>sources</th><th>mentions</th>"
        "<th>min</th><th>max</th><th>documents</th><th>conflicting values</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


def _listed(sources: object, total: int | None = None) -> object:
    """The first LISTED_SOURCES documents of a fact, and how many more there are (`total`: the
    length of the whole list, when `sources` was already cut in SQL)."""
    if not isinstance(sources, list):
        return sources
    total = max(total or 0, len(sources))
    text = ", ".join(str(s) for s in sources[:LISTED_SOURCES])
    return text + (f" … and {total - LISTED_SOURCES:,} more" if total > LISTED_SOURCES else "")


def _cut(text: str, total: int | None = None) -> str:
    """The first CONFLICT_CHARS characters of a conflict text, and how much more there is."""
    total = max(total or 0, len(text))
    if total <= CONFLICT_CHARS:
        return text
    return f"{text[:CONFLICT_CHARS]} … ({total - CONFLICT_CHARS:,} characters more in metric_consistency.conflicts)"


def render_report(
    outcomes: list[SuiteOutcome],
    consistency: pl.DataFrame | RenderedConsistency | None,
    run_id: str,
    generated_at: dt.datetime | None = None,
    earlier_runs: list[str] | None = None,
    link_prefix: str = "runs/",
) -> str:
    """The report page as one HTML string."""
    generated_at = generated_at or dt.datetime.now(dt.UTC)
    blocking_failed = [s.suite for s in outcomes if s.blocking and not s.success]
    warned = [s.suite for s in outcomes if not s.blocking and not s.success]
    n_exp = sum(len(s.outcomes) for s in outcomes)
    n_failed = sum(1 for s in outcomes for o in s.outcomes if not o.success)
    status = "failed" if blocking_failed else ("passed with warnings" if warned else "passed")
    status_badge = _badge(not blocking_failed and not warned, blocking=bool(blocking_failed))
    section = consistency if isinstance(consistency, RenderedConsistency) else render_consistency(consistency)
    conflicts = section.conflicts
    cards = (
        '<div class="cards">'
        f"<div class=card><b>{len(outcomes)}</b>suites</div>"
        f"<div class=card><b>{n_exp - n_failed}/{n_exp}</b>expectations passed</div>"
        f"<div class=card><b>{len(blocking_failed)}</b>blocking suites failed</div>"
        f"<div class=card><b>{conflicts}</b>metric conflicts</div></div>"
    )
    toc = "".join(
        f"<tr><td>{_badge(s.success, s.blocking)}</td>"
        f'<td><a href="#{escape(s.suite)}">{escape(s.suite)}</a></td>'
        f"<td>{'blocking' if s.blocking else 'warn'}</td>"
        f'<td class="num">{sum(1 for o in s.outcomes if not o.success)}</td>'
        f'<td class="num">{len(s.outcomes)}</td></tr>'
        for s in outcomes
    )
    runs_nav = ""
    if earlier_runs:
        links = "".join(
            f'<a href="{escape(link_prefix + _safe_run_id(r))}.html">{escape(r)}</a>' for r in earlier_runs[:30]
        )
        runs_nav = f'<nav class="muted">Runs: {links}</nav>'
    return (
        "<!DOCTYPE html>\n<html lang=en><head><meta charset=utf-8>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>newsfacts data quality · {escape(run_id)}</title><style>{_CSS}</style></head><body>"
        f"<h1>newsfacts data quality {status_badge}</h1>"
        f'<p class="meta">run <code>{escape(run_id)}</code> · {escape(status)} · generated '
        f"{escape(generated_at.isoformat(timespec='seconds'))}</p>{runs_nav}{cards}"
        "<table><thead><tr><th></th><th>suite</th><th>level</th><th>failed</th><th>expectations</th></tr>"
        f"</thead><tbody>{toc}</tbody></table>"
        f"{section.html}"
        '<h2 id="suites">Suites</h2>' + "".join(_suite_section(s) for s in outcomes) + "</body></html>\n"
    )


def write_report(
    outcomes: list[SuiteOutcome],
    consistency: pl.DataFrame | RenderedConsistency | None,
    out_dir: Path,
    run_id: str,
) -> Path:
    """Write ``out_dir/runs/<run_id>.html`` and ``out_dir/index.html`` (latest run); return index.html."""
    out_dir = Path(out_dir)
    runs_dir = out_dir / "runs"
    runs_dir.mkdir(parents=True, exist_ok=True)
    name = _safe_run_id(run_id)
    earlier = sorted(
        (p for p in runs_dir.glob("*.html") if p.stem != name), key=lambda p: p.stat().st_mtime, reverse=True
    )
    earlier_ids = [p.stem for p in earlier]
    generated_at = dt.datetime.now(dt.UTC)
    if not isinstance(consistency, RenderedConsistency):
        consistency = render_consistency(consistency)
    run_page = render_report(outcomes, consistency, run_id, generated_at, earlier_ids, link_prefix="")
    index_page = render_report(outcomes, consistency, run_id, generated_at, earlier_ids, link_prefix="runs/")
    _write_atomic(runs_dir / f"{name}.html", run_page)
    index = out_dir / "index.html"
    _write_atomic(index, index_page)
    return index


def _write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def _prune(directory: Path, keep: int, pattern: str = "*") -> None:
    entries = sorted(directory.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[keep:]:
        if old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
        else:
            old.unlink(missing_ok=True)


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _known_suites() -> tuple[list[str], dict[str, bool], dict[tuple[str, str, str | None], tuple[str, str]]]:
    """Suite order, blocking flags and (suite, expectation, column) -> (check, description)."""
    specs = [*integrity_suites(), consistency_suite()]
    order = [s.name for s in specs]
    blocking = {s.name: s.blocking for s in specs}
    checks = {
        (s.name, _snake(e.gx_type), e.column_name): (e.check, e.description) for s in specs for e in s.expectations
    }
    return order, blocking, checks


def _outcomes_from_rows(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, SuiteOutcome]:
    try:
        rows = con.execute(
            """
            SELECT suite, expectation, column_name, success, observed_value, unexpected_count, validated_at
            FROM validation_results WHERE run_id = ? ORDER BY validated_at, rowid
            """,
            [run_id],
        ).fetchall()
    except duckdb.Error:
        return {}
    _, blocking, checks = _known_suites()
    latest: dict[str, object] = {}
    for r in rows:  # a suite validated twice in one run: its latest validation counts
        latest[r[0]] = max(latest.get(r[0], r[6]), r[6])
    suites: dict[str, list[ExpectationOutcome]] = {}
    for suite, expectation, column, success, observed, count, at in rows:
        if at != latest[suite]:
            continue
        check, description = checks.get((suite, expectation, column), ("", ""))
        suites.setdefault(suite, []).append(
            ExpectationOutcome(suite, expectation, column, bool(success), observed, count, [], check, description)
        )
    return {
        name: SuiteOutcome(
            name,
            all(o.success for o in outs),
            outs,
            0.0,
            blocking.get(name, True),
            None,
            [o.check or o.expectation for o in outs if not o.success],
        )
        for name, outs in suites.items()
    }


def _save_outcome(directory: Path, outcome: SuiteOutcome) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    _write_atomic(directory / f"{_safe_run_id(outcome.suite)}.json", json.dumps(dataclasses.asdict(outcome)))


def _load_outcomes(directory: Path) -> dict[str, SuiteOutcome]:
    loaded: dict[str, SuiteOutcome] = {}
    for path in sorted(directory.glob("*.json")) if directory.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            outs = [ExpectationOutcome(**o) for o in data.pop("outcomes")]
            loaded[data["suite"]] = SuiteOutcome(outcomes=outs, **data)
        except (OSError, ValueError, TypeError, KeyError):
            continue  # a half-written or foreign file never breaks the report
    return loaded


# What the page shows of metric_consistency, cut in DuckDB: the whole lists are never read into Python.
_CONSISTENCY_SQL = f"""
    SELECT * REPLACE (
            list_slice(sources, 1, {LISTED_SOURCES}) AS sources, left(conflicts, {CONFLICT_CHARS}) AS conflicts
        ),
        len(sources) AS _sources_total, length(conflicts) AS _conflicts_chars
    FROM metric_consistency ORDER BY metric, unit"""

# The section of the last `metric_consistency` content rendered in this process, by its fingerprint.
_RENDERED: dict[str, RenderedConsistency] = {}


def _consistency(con: duckdb.DuckDBPyConnection) -> RenderedConsistency:
    """`metric_consistency` as it stands in `con`, read and rendered only when its content changed."""
    try:
        key = table_fingerprint(con, "metric_consistency")
        if key not in _RENDERED:
            frame = con.execute(_CONSISTENCY_SQL).pl()
            _RENDERED.clear()
            _RENDERED[key] = render_consistency(frame)
        return _RENDERED[key]
    except duckdb.Error:
        return render_consistency(None)


def save_run_outcomes(out_dir: Path, run_id: str, outcomes: list[SuiteOutcome]) -> Path:
    """Keep the suites' outcomes (with their examples) for run ``run_id``'s page; the folder holding them.

    A later ``write_run_report`` of the run shows them: a run whose steps each validate one suite
    stores each outcome as it comes and writes the page once, when the run ends (the page lists every
    fact of ``metric_consistency``: rewritten per suite, it cost what the corpus size costs, each time).
    """
    store = Path(out_dir) / "outcomes" / _safe_run_id(run_id)
    for outcome in outcomes:
        _save_outcome(store, outcome)
    _prune(Path(out_dir) / "outcomes", KEEP_RUNS)
    return store


def write_run_report(
    con: duckdb.DuckDBPyConnection,
    out_dir: Path,
    run_id: str,
    outcomes: list[SuiteOutcome] | None = None,
) -> Path:
    """Rewrite the report of run ``run_id`` from the warehouse behind ``con``; return index.html.

    Suites come from ``validation_results`` rows of that run (no examples there), overridden by the
    outcomes stored for the run under ``out_dir/outcomes/<run_id>/`` and by ``outcomes`` (which are
    stored there too, so pass each suite's outcome to keep its unexpected examples in the page).
    The consistency table is ``metric_consistency`` as it stands in ``con``.
    """
    out_dir = Path(out_dir)
    store = save_run_outcomes(out_dir, run_id, outcomes or [])
    suites = _outcomes_from_rows(con, run_id)
    suites.update(_load_outcomes(store))
    order, _, _ = _known_suites()
    ranked = sorted(suites.values(), key=lambda s: (order.index(s.suite) if s.suite in order else len(order), s.suite))
    index = write_report(ranked, _consistency(con), out_dir, run_id)
    _prune(out_dir / "runs", KEEP_RUNS, "*.html")
    return index
