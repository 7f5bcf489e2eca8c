"""Fact consistency across sources: do the documents that report a fact agree? (pure polars)

A fact is a metric of one subject for one period: figures are compared only when they share a
`fact_key` (newsfacts/facts/key.py), never because their sentences share words. Within a fact,
values are converted to one unit per dimension first (durations by newsfacts/facts/units.yaml: "45
business days" against "45 days"; physical units by pint's factors in newsfacts/figures/units.json:
miles against kilometres); a conversion that is only approximate makes the converted value an
"about" value. The row's unit is the one most mentions use.

Every figure mention becomes an interval from its qualifier:

    exact v                -> v +- the rounding its digits imply ("412": 0.49; "33.8%": 0.049), or
                              +- |v|*exact_tolerance when the raw text has no digits ("five")
    approx v               -> [v - |v|*approx_tolerance, v + |v|*approx_tolerance]  ("about 10%")
    more_than / at_least v -> [v, +inf)      (v = value_low when set, else value)
    less_than / at_most v  -> (-inf, v]      (v = value_high when set, else value)
    range                  -> [value_low, value_high]

Bounds are closed: "over 4%" and "up to 5%" both admit 4-5%, and a strict "more than 5" against an
exact 5 is within rounding anyway.

Per (fact_key, unit) — a fact reported in two currencies is compared within each separately — a
document may mention several values (several companies' share moves,
a figure then and now), so what a document says is the UNION of its mentions' intervals, and the
sources agree when some value lies in every document's union:

    single_source  one document reports the metric (whatever it says, no other source contradicts it)
    consistent     two or more documents, and some value is compatible with every document
    conflict       two or more documents, and no value is compatible with all of them

The common case is checked in polars (all intervals intersect, hence so do the unions); only metrics
that fail it are swept in Python, mention by mention.

For a conflict, the mentions are split into the smallest number of groups that each agree (greedy
interval stabbing: sort by upper bound, open a group at the first upper bound, take every interval
starting at or before it; optimal for intervals), and ``conflicts`` names each group's values as
written and their documents, on one line (wrapped here):

    japan_us_investment_pledge|Japan|: 500000000000 USD in doc_b ($500 billion)
    vs 550000000000 USD in doc_a ($550 billion)
    — in their words: doc_b: “Officials said ...”; doc_a: “Japan upholds ...”

Groups, in increasing order of value, are joined by " vs ", mentions within a group by ", ". The
values as written come first, then each document's sentence (cut to SENTENCE_CHARS), so the check
metadata and the HTML report put the disagreeing sentences side by side.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

import polars as pl

from newsfacts.facts.period import UNNAMED_FISCAL_YEAR
from newsfacts.facts.tables import table
from newsfacts.figures.units import DIMENSION_OF, FACTORS

EXACT_TOLERANCE = 0.005
SENTENCE_CHARS = 240
APPROX_TOLERANCE = 0.10

OUTPUT_SCHEMA: dict[str, pl.DataType] = {
    "metric": pl.Utf8(),
    "unit": pl.Utf8(),
    "n_sources": pl.Int32(),
    "n_mentions": pl.Int32(),
    "value_min": pl.Float64(),
    "value_max": pl.Float64(),
    "verdict": pl.Utf8(),
    "sources": pl.List(pl.Utf8()),
    "fact_key": pl.Utf8(),
    "subject": pl.Utf8(),
    "period": pl.Utf8(),
    "conflicts": pl.Utf8(),
}

_INPUT_COLUMNS: dict[str, pl.DataType] = {
    "figure_id": pl.Utf8(),
    "document_id": pl.Utf8(),
    "metric": pl.Utf8(),
    "unit": pl.Utf8(),
    "kind": pl.Utf8(),
    "value": pl.Float64(),
    "value_low": pl.Float64(),
    "value_high": pl.Float64(),
    "qualifier": pl.Utf8(),
    "raw_text": pl.Utf8(),
    "fact_key": pl.Utf8(),
    "sentence": pl.Utf8(),
}

_QUALIFIER_WORDS = {
    "approx": "about ",
    "more_than": "more than ",
    "at_least": "at least ",
    "less_than": "less than ",
    "at_most": "at most ",
}


# The first number as written: "33.8%" -> 33.8 with one decimal, "$1,200" -> 1200 with none.
_WRITTEN = r"(\d[\d,]*)(?:\.(\d+))?"
# A value written with d decimals stands for anything that rounds to it: half a unit of its last
# digit, just under, so that "80 trillion" and "81 trillion" do not touch.
ROUNDING_HALF = 0.49


def _rounding_half_width() -> pl.Expr:
    """Half-width of the rounding a figure's raw text implies, in its value's units (NULL when the
    raw text has no digits, e.g. "five seats")."""
    raw = pl.col("raw_text").fill_null("")
    whole = raw.str.extract(_WRITTEN, 1).str.replace_all(",", "")
    decimals = raw.str.extract(_WRITTEN, 2)
    written = (whole + pl.when(decimals.is_not_null()).then(pl.lit(".") + decimals).otherwise(pl.lit(""))).cast(
        pl.Float64, strict=False
    )
    places = decimals.str.len_chars().fill_null(0).cast(pl.Float64)
    point = pl.coalesce(pl.col("value"), pl.col("value_low"), pl.col("value_high"))
    scale = pl.when(written.is_not_null() & (written != 0)).then(point.abs() / written)
    return scale * ROUNDING_HALF * (pl.lit(10.0).pow(-places))


def mention_intervals(
    figures: pl.DataFrame,
    exact_tolerance: float = EXACT_TOLERANCE,
    approx_tolerance: float = APPROX_TOLERANCE,
) -> pl.DataFrame:
    """The input rows with ``lo``/``hi`` interval bounds (NULL when the row carries no number).

    An exact value spans the rounding its digits imply ("412" is 411.51-412.49, "33.8%" is
    33.751-33.849); without digits to read it spans +-exact_tolerance (relative).
    """
    v, low, high = pl.col("value"), pl.col("value_low"), pl.col("value_high")
    q = pl.col("qualifier")
    lower_bound = pl.coalesce(low, v)
    upper_bound = pl.coalesce(high, v)
    # A point value (exact or unknown qualifier); fall back to the bounds when value is missing.
    point = pl.coalesce(v, low, high)
    half = pl.coalesce(_rounding_half_width(), point.abs() * exact_tolerance)
    inf = float("inf")
    lo = (
        pl.when(q == "range")
        .then(pl.coalesce(low, v, high))
        .when(q.is_in(["more_than", "at_least"]))
        .then(lower_bound)
        .when(q.is_in(["less_than", "at_most"]))
        .then(pl.when(upper_bound.is_not_null()).then(pl.lit(-inf)))
        .when(q == "approx")
        .then(point - point.abs() * approx_tolerance)
        .otherwise(point - half)
    )
    hi = (
        pl.when(q == "range")
        .then(pl.coalesce(high, v, low))
        .when(q.is_in(["more_than", "at_least"]))
        .then(pl.when(lower_bound.is_not_null()).then(pl.lit(inf)))
        .when(q.is_in(["less_than", "at_most"]))
        .then(upper_bound)
        .when(q == "approx")
        .then(point + point.abs() * approx_tolerance)
        .otherwise(point + half)
    )
    return figures.with_columns(lo.alias("lo"), hi.alias("hi"))


def _num(x: float) -> str:
    if x.is_integer() and abs(x) < 1e18:
        return str(int(x))
    return repr(x)


def describe_mention(row: dict) -> str:
    """'550000000000 USD' / 'more than 4 percent' / '15-25 percent' (value as stored, with its unit)."""
    q = row.get("qualifier")
    v, low, high = row.get("value"), row.get("value_low"), row.get("value_high")
    if q == "range" and low is not None and high is not None:
        number = f"{_num(low)}-{_num(high)}"
    elif q in ("more_than", "at_least") and (low is not None or v is not None):
        number = _QUALIFIER_WORDS[q] + _num(low if low is not None else v)
    elif q in ("less_than", "at_most") and (high is not None or v is not None):
        number = _QUALIFIER_WORDS[q] + _num(high if high is not None else v)
    else:
        point = next((x for x in (v, low, high) if x is not None), None)
        number = (_QUALIFIER_WORDS.get(q or "", "")) + (_num(point) if point is not None else "?")
    unit = row.get("unit")
    return f"{number} {unit}" if unit else number


def agreeing_groups(mentions: list[dict]) -> list[list[dict]]:
    """Split mentions (dicts with lo/hi) into the fewest groups whose intervals share a value.

    Greedy stabbing: the smallest upper end stabs every interval opening at or below it, and what is
    left is split the same way. In order of lower ends each group is the next slice, found by
    bisection under the smallest upper end of what is left, so a fact with tens of thousands of
    mentions costs n log n, not one pass over the rest per group. Each group lists its mentions by
    (hi, lo), ties in input order.
    """
    by_lo = sorted(range(len(mentions)), key=lambda i: mentions[i]["lo"])
    los = [mentions[i]["lo"] for i in by_lo]
    smallest_hi = [mentions[i]["hi"] for i in by_lo]  # from each position on
    for k in range(len(smallest_hi) - 2, -1, -1):
        smallest_hi[k] = min(smallest_hi[k], smallest_hi[k + 1])
    groups: list[list[dict]] = []
    start = 0
    while start < len(by_lo):
        end = max(bisect_right(los, smallest_hi[start], lo=start), start + 1)  # lo <= hi: never empty
        members = sorted(by_lo[start:end], key=lambda i: (mentions[i]["hi"], mentions[i]["lo"], i))
        groups.append([mentions[i] for i in members])
        start = end
    return groups


def documents_agree(mentions: list[dict]) -> bool:
    """True when one value lies inside at least one mention interval of every document (a sweep)."""
    docs = {m["document_id"] for m in mentions}
    # Closed intervals: at equal positions, openings (0) come before closings (1).
    events = sorted(
        [(m["lo"], 0, m["document_id"]) for m in mentions] + [(m["hi"], 1, m["document_id"]) for m in mentions]
    )
    open_per_doc: dict[str, int] = {}
    covered = 0
    for _, closing, doc in events:
        if closing:
            open_per_doc[doc] -= 1
            covered -= open_per_doc[doc] == 0
        else:
            covered += open_per_doc.get(doc, 0) == 0
            open_per_doc[doc] = open_per_doc.get(doc, 0) + 1
            if covered == len(docs):
                return True
    return False


def _sentence(m: dict) -> str:
    sentence = " ".join((m.get("sentence") or "").split())
    return sentence if len(sentence) <= SENTENCE_CHARS else sentence[: SENTENCE_CHARS - 1] + "…"


def _describe_group(group: list[dict]) -> str:
    parts = []
    for m in sorted(group, key=lambda m: (m["document_id"] or "", m.get("figure_id") or "")):
        raw = m.get("raw_text")
        suffix = f" ({raw})" if raw else ""
        parts.append(f"{describe_mention(m)} in {m['document_id']}{suffix}")
    # Same wording from the same document twice says nothing new.
    return ", ".join(dict.fromkeys(parts))


def describe_conflict(fact_key: str, mentions: list[dict]) -> str:
    """'<fact_key>: <values as written, with documents and sentences> vs <...>'."""
    groups = agreeing_groups(mentions)
    groups.sort(key=lambda g: (min(m["lo"] for m in g), min(m["document_id"] or "" for m in g)))
    text = f"{fact_key}: " + " vs ".join(_describe_group(g) for g in groups)
    # The sentences come after every value, so a reader cutting the text short keeps the values.
    said = dict.fromkeys(f"{m['document_id']}: “{_sentence(m)}”" for g in groups for m in g if m.get("sentence"))
    return text + (" — in their words: " + "; ".join(said) if said else "")


@cache
def _units() -> pl.DataFrame:
    """Every unit a figure can carry with its dimension and factor: durations from units.yaml,
    physical units from the extractor's own table (pint's conversions, exact)."""
    rows = [
        {"unit": unit, "_dim": spec["dimension"], "_factor": float(spec["factor"]), "_exact": bool(spec["exact"])}
        for unit, spec in table("units.yaml")["units"].items()
    ] + [{"unit": unit, "_dim": DIMENSION_OF[unit], "_factor": f, "_exact": True} for unit, f in FACTORS.items()]
    return pl.DataFrame(rows, schema={"unit": pl.Utf8, "_dim": pl.Utf8, "_factor": pl.Float64, "_exact": pl.Boolean})


def _business_days() -> str:
    pattern = table("units.yaml")["business_days"]
    re.compile(pattern)  # fail early on a bad edit
    return pattern


def to_common_units(frame: pl.DataFrame) -> pl.DataFrame:
    """Values of one fact in one unit per dimension: the unit most of its mentions use.

    Unknown units are their own dimension (currencies: JPY is never converted to USD). A
    converted value whose conversion is approximate is compared as "about" the value.
    """
    units = _units()
    business = units.filter(pl.col("unit") == "business_day")
    frame = frame.join(units, on="unit", how="left")
    working_day = (pl.col("unit") == "day") & pl.col("raw_text").fill_null("").str.contains(_business_days())
    frame = frame.with_columns(
        pl.when(working_day).then(pl.lit(business["_factor"][0])).otherwise(pl.col("_factor")).alias("_factor"),
        pl.when(working_day).then(pl.lit(False)).otherwise(pl.col("_exact")).alias("_exact"),
    ).with_columns(
        pl.coalesce(pl.col("_dim"), pl.col("unit"), pl.lit("")).alias("_dim"),
        pl.col("_factor").fill_null(1.0),
        pl.col("_exact").fill_null(True),
        pl.when(working_day).then(pl.lit("business_day")).otherwise(pl.col("unit")).alias("_as_unit"),
    )
    counts = (
        frame.group_by(["fact_key", "_dim", "unit"])
        .agg(pl.len().alias("_n"), pl.col("_factor").first().alias("_report_factor"))
        .sort(["_n", "unit"], descending=[True, False], nulls_last=True)
        .group_by(["fact_key", "_dim"], maintain_order=True)
        .first()
        .select("fact_key", "_dim", pl.col("unit").alias("_report_unit"), "_report_factor")
    )
    frame = frame.join(counts, on=["fact_key", "_dim"], how="left", nulls_equal=True)
    scale = pl.col("_factor") / pl.col("_report_factor")
    converted = pl.col("_as_unit").fill_null("") != pl.col("_report_unit").fill_null("")
    loose = converted & ~pl.col("_exact")
    return frame.with_columns(
        *[(pl.col(c) * scale).alias(c) for c in ("value", "value_low", "value_high")],
        pl.when(loose & (pl.col("qualifier") == "exact"))
        .then(pl.lit("approx"))
        .otherwise(pl.col("qualifier"))
        .alias("qualifier"),
        pl.col("_report_unit").alias("unit"),
    ).drop("_dim", "_factor", "_exact", "_as_unit", "_report_unit", "_report_factor")


def _key_part(i: int) -> pl.Expr:
    parts = pl.col("fact_key").str.split("|")
    return pl.when(parts.list.len() == 3).then(parts.list.get(i, null_on_oob=True))


def complete_fact_keys(frame: pl.DataFrame) -> pl.DataFrame:
    """Fact keys with an unnamed subject or period completed from the other figures of the metric.

    An article that never names the country ("Payrolls rose by 187,000 in August") or the quarter
    ("quarterly revenue was $76.5 billion") reports the fact the other sources name when exactly one
    completion exists: the only subject given to that metric for that period, the only period
    given to it for that subject. With two or more candidates the key stays as it is (and is
    compared with nothing it might not be about). A figure whose basis is unknown is then not
    compared (drop_unmarked_basis).
    """
    if frame.is_empty() or "fact_key" not in frame.columns:
        return frame
    parts = frame.select(
        _key_part(0).alias("_m"), _key_part(1).alias("_s"), _key_part(2).alias("_p"), pl.col("fact_key")
    ).with_row_index("_row")
    pending = pl.col("_p").str.starts_with(UNNAMED_FISCAL_YEAR)
    if not parts.select(((pl.col("_s") == "") | (pl.col("_p") == "") | pending).any()).item():
        return drop_unmarked_basis(frame)
    filled = _name_fiscal_years(parts, pending)
    known = filled.drop("_row").filter(pl.col("_m").is_not_null()).unique()
    for part, other in (("_s", "_p"), ("_p", "_s")):
        given = (
            known.filter(pl.col(part) != "")
            .group_by("_m", other)
            .agg(pl.col(part).unique().alias("_options"))
            .filter(pl.col("_options").list.len() == 1)
            .select("_m", other, pl.col("_options").list.first().alias("_only"))
        )
        filled = filled.join(given, on=["_m", other], how="left", nulls_equal=True).with_columns(
            pl.when(pl.col(part) == "").then(pl.coalesce("_only", part)).otherwise(pl.col(part)).alias(part)
        )
        filled = filled.drop("_only")
        known = filled.drop("_row").filter(pl.col("_m").is_not_null()).unique()
    completed = pl.when(pl.col("_m").is_not_null()).then(pl.concat_str(["_m", "_s", "_p"], separator="|"))
    # a fact of nobody at no time (both still unnamed) is too loose to hold two sources to
    loose = pl.col("_m").is_not_null() & (pl.col("_s") == "") & (pl.col("_p") == "")
    keys = filled.sort("_row").select(
        pl.when(loose)
        .then(pl.lit(None, dtype=pl.Utf8))
        .otherwise(pl.coalesce(completed, pl.col("fact_key")))
        .alias("fact_key")
    )
    return drop_unmarked_basis(frame.with_columns(keys))


def _name_fiscal_years(parts: pl.DataFrame, pending: pl.Expr) -> pl.DataFrame:
    """A fiscal quarter of an unnamed year ('FY?-Q4') becomes the latest such quarter the other
    sources give that metric and subject ('FY2022-Q4'): a report's own quarter is the latest of its
    number, and the year-ago one ('compared to $83.4 billion') the one before it."""
    quarter = pl.col("_p").str.slice(-1).alias("_q")
    named = (
        parts.filter(pl.col("_p").str.contains(r"^FY\d{4}-Q[1-4]$"))
        .group_by("_m", "_s", quarter)
        .agg(pl.col("_p").max().alias("_named"))
    )
    return (
        parts.with_columns(pl.when(pending).then(quarter))
        .join(named, on=["_m", "_s", "_q"], how="left")
        .with_columns(pl.when(pending).then(pl.coalesce("_named", "_p")).otherwise("_p").alias("_p"))
        .drop("_q", "_named")
    )


# The qualifier (newsfacts/facts/key.py) of a basis that news also quotes unmarked: a bank's managed
# revenue is often written as plain "revenue". (Unmarked net income is the reported figure by
# convention, so an adjusted one does not make it ambiguous.)
BASES = ("managed",)


def drop_unmarked_basis(frame: pl.DataFrame) -> pl.DataFrame:
    """Fact keys of figures whose accounting basis is unknown, set to None.

    When some document reports a fact on a basis of BASES too ("reported revenue of $50.2 billion,
    and managed revenue of $51.0 billion"), a document that names no basis for that fact at all
    ("revenues surged to $51 billion") may mean either: it is compared with neither. A document
    that gives both keeps its plain figure as the reported one.
    """
    if (
        frame.is_empty()
        or "document_id" not in frame.columns
        or not frame["fact_key"].str.contains(r"\.(?:" + "|".join(BASES) + r")\b").any()
    ):
        return frame
    parts = pl.col("fact_key").str.split("|")
    metric = parts.list.get(0, null_on_oob=True)
    base = metric.str.split(".").list.eval(pl.element().filter(~pl.element().is_in(list(BASES)))).list.join(".")
    rest = parts.list.slice(1).list.join("|")
    work = frame.with_row_index("_row").with_columns(
        (base + "|" + rest).alias("_fact"), (metric != base).alias("_marked")
    )
    marked = work.filter(pl.col("_marked")).select("_fact", "document_id").unique()
    facts_with_basis = marked.select("_fact").unique().with_columns(pl.lit(True).alias("_has_basis"))
    docs_with_basis = marked.with_columns(pl.lit(True).alias("_doc_marks"))
    work = work.join(facts_with_basis, on="_fact", how="left").join(
        docs_with_basis, on=["_fact", "document_id"], how="left"
    )
    unknown = pl.col("_has_basis").fill_null(False) & ~pl.col("_marked") & pl.col("_doc_marks").is_null()
    keys = work.sort("_row").select(
        pl.when(unknown).then(pl.lit(None, dtype=pl.Utf8)).otherwise("fact_key").alias("fact_key")
    )
    return frame.with_columns(keys)


def build_metric_consistency(
    figures: pl.DataFrame,
    exact_tolerance: float = EXACT_TOLERANCE,
    approx_tolerance: float = APPROX_TOLERANCE,
) -> pl.DataFrame:
    """One row per (fact_key, unit): sources, value span and verdict; ``conflicts`` explains a conflict.

    Rows without a fact key are not compared. A frame without a ``fact_key`` column (figures from
    before contract version 2) is compared per metric. Rows without any number count as mentions
    (and sources) but constrain nothing.
    """
    missing = {c: t for c, t in _INPUT_COLUMNS.items() if c not in figures.columns}
    frame = figures.with_columns([pl.lit(None, dtype=t).alias(c) for c, t in missing.items()])
    frame = frame.select([pl.col(c).cast(t) for c, t in _INPUT_COLUMNS.items()])
    if "fact_key" in missing:
        frame = frame.with_columns(pl.col("metric").alias("fact_key"))
    frame = frame.filter(pl.col("fact_key").is_not_null() & pl.col("metric").is_not_null())
    # a key completion left loose (no subject, no period) is compared with nothing
    frame = complete_fact_keys(frame).filter(pl.col("fact_key").is_not_null())
    # NaN is "no number", not a number that conflicts with everything.
    frame = frame.with_columns([pl.col(c).fill_nan(None) for c in ("value", "value_low", "value_high")])
    if frame.is_empty():
        return pl.DataFrame(schema=OUTPUT_SCHEMA)

    frame = mention_intervals(to_common_units(frame), exact_tolerance, approx_tolerance)
    keys = ["fact_key", "unit"]
    parts = pl.col("fact_key").str.split("|")
    summary = (
        frame.group_by(keys)
        .agg(
            pl.col("metric").first().alias("metric"),
            pl.col("document_id").n_unique().cast(pl.Int32).alias("n_sources"),
            pl.len().cast(pl.Int32).alias("n_mentions"),
            pl.min_horizontal(pl.col("value").min(), pl.col("value_low").min(), pl.col("value_high").min()).alias(
                "value_min"
            ),
            pl.max_horizontal(pl.col("value").max(), pl.col("value_low").max(), pl.col("value_high").max()).alias(
                "value_max"
            ),
            pl.col("document_id").drop_nulls().unique().sort().alias("sources"),
            pl.col("lo").max().alias("_max_lo"),
            pl.col("hi").min().alias("_min_hi"),
        )
        .with_columns(
            pl.when(parts.list.len() == 3).then(parts.list.get(1, null_on_oob=True)).alias("subject"),
            pl.when(parts.list.len() == 3).then(parts.list.get(2, null_on_oob=True)).alias("period"),
        )
        .with_columns(
            pl.when(pl.col("subject") == "").then(None).otherwise(pl.col("subject")).alias("subject"),
            pl.when(pl.col("period") == "").then(None).otherwise(pl.col("period")).alias("period"),
            (
                (pl.col("n_sources") > 1) & pl.col("_max_lo").is_not_null() & (pl.col("_max_lo") > pl.col("_min_hi"))
            ).alias("_conflict"),
        )
        .with_columns(
            pl.when(pl.col("_conflict"))
            .then(pl.lit("conflict"))
            .when(pl.col("n_sources") <= 1)
            .then(pl.lit("single_source"))
            .otherwise(pl.lit("consistent"))
            .alias("verdict")
        )
    )

    suspects = summary.filter(pl.col("_conflict")).select(keys)
    texts: dict[tuple, str] = {}
    if not suspects.is_empty():
        rows = frame.join(suspects, on=keys, how="inner", nulls_equal=True).filter(pl.col("lo").is_not_null())
        for (key, unit), part in rows.group_by(keys):
            mentions = part.to_dicts()
            if not documents_agree(mentions):
                texts[(key, unit)] = describe_conflict(key, mentions)

    conflicts_col = [texts.get((k, u), "") for k, u in zip(summary["fact_key"], summary["unit"], strict=True)]
    result = summary.with_columns(pl.Series("conflicts", conflicts_col, dtype=pl.Utf8)).with_columns(
        pl.when(pl.col("conflicts") != "")
        .then(pl.lit("conflict"))
        .when(pl.col("verdict") == "conflict")
        .then(pl.lit("consistent"))
        .otherwise(pl.col("verdict"))
        .alias("verdict")
    )
    return result.select(list(OUTPUT_SCHEMA)).cast(OUTPUT_SCHEMA).sort(["metric", *keys], nulls_last=True)
