"""Expectation suites, defined in code and versioned with it.

A suite is a ``SuiteSpec``: the DuckDB query that turns a contract table into the frame GX validates
(the table's own columns plus computed boolean columns for rules GX cannot express on one table:
provenance, orphans, unit-for-kind, bound ordering) and a list of ``ExpectationSpec``s naming a GX
expectation class and its keyword arguments. Nothing here imports Great Expectations (its import
takes seconds); ``build_gx_suite`` turns a spec into a ``gx.ExpectationSuite`` lazily.

Every expectation carries a stable ``check`` name (used to match results back, independent of GX's
result ordering) and ``context`` columns: the columns printed in the unexpected examples next to the
row's key (e.g. figure_id, document_id, char_start, char_end, char_count for an offset failure).
Computed context columns that only matter for failures (snippets, actual lengths) are NULL on good
rows so they cost nothing at scale.

GX never sees a whole table: the runner hands it the rows that fail some expectation (found by
DuckDB with one predicate per expectation, see runner.py) and a one-row frame of whole-table
aggregates (``ExpectationSpec.aggregate``: counts). A suite with a ``Scope`` checks only the rows of
the keys whose content changed since it last passed, plus rows without a key (NULL or empty) and,
over the whole table, rows sharing an id with the changed ones (duplicates) and links to a missing
claim or figure. A row whose document is missing is under a changed key: `documents` is digested too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from newsfacts.quality.provenance import documents_dedup_sql, span_check_columns
from newsfacts.vocabulary import (
    CLAIM_TYPES,
    DIRECTIONS,
    ENDPOINTS,
    FIGURE_KINDS,
    MONEY_UNIT_REGEX,
    QUALIFIERS,
    UNITS_BY_KIND,
    VALUE_RANGES,
    VERDICTS,
)
from newsfacts.warehouse.schema import CLAIM_ROWS, CLAIMS, TABLES_BY_NAME

SUITES_VERSION = "2026.2"

# The unit rule of each kind whose unit is open-ended (the rest take UNITS_BY_KIND's fixed units):
# money a currency code's shape, quantity any unit symbol. A SQL predicate over the unit column `UNIT`.
OPEN_UNIT_RULES: dict[str, str] = {
    "money": f"regexp_full_match(UNIT, '{MONEY_UNIT_REGEX}')",
    "quantity": "length(trim(UNIT)) > 0",
}


@dataclass(frozen=True)
class ExpectationSpec:
    check: str  # stable name, unique within the suite
    gx_type: str  # class name in great_expectations.expectations
    kwargs: dict[str, Any]
    description: str
    context: tuple[str, ...] = ()  # extra columns shown in unexpected examples
    aggregate: str | None = None  # scalar DuckDB SQL over whole tables: validated on the aggregates frame

    @property
    def column_name(self) -> str | None:
        if "column" in self.kwargs:
            return str(self.kwargs["column"])
        if "column_list" in self.kwargs:
            return ",".join(self.kwargs["column_list"])
        if "column_A" in self.kwargs:
            return f"{self.kwargs['column_A']},{self.kwargs['column_B']}"
        return None


@dataclass(frozen=True)
class Scope:
    """How a suite checks only what changed: the keys whose rows changed, and its query over them.

    ``digests`` name, per table the suite reads, the column holding the key (a document_id): per key,
    an order-independent hash of its rows in each table tells whether it changed since the last pass
    (newsfacts/warehouse/audit.py). ``query`` is the suite's query over the changed keys: ``{keys}``
    is a relation with one column ``key``; ``{key_list}`` the same keys and the empty key, as a
    parenthesized list of constants (runner.key_list), for a filter DuckDB must push into a view.
    """

    digests: tuple[tuple[str, str], ...]
    query: str


@dataclass(frozen=True)
class SuiteSpec:
    name: str
    table: str
    query: str  # DuckDB SQL producing the frame to validate
    key_columns: tuple[str, ...]  # always shown in unexpected examples
    expectations: tuple[ExpectationSpec, ...]
    blocking: bool = True
    reads: tuple[str, ...] = ()  # other tables the query joins: all upstream of `table` in the pipeline
    version: str = SUITES_VERSION
    extra: dict[str, Any] = field(default_factory=dict)
    scope: Scope | None = None  # None: every run checks the whole table
    # (view, stored table): where `view` is a view (staging), the suite reads `stored` in its place;
    # the view's joined tables carry no column the suite checks, and joining them grows with the corpus.
    through: tuple[tuple[str, str], ...] = ()


def bound(spec: SuiteSpec, views: frozenset[str]) -> SuiteSpec:
    """`spec` reading each of its `through` views' stored table when the database defines it as a view.

    `views`: the names that are views in the database (staging's `claims`); the published layout
    stores those as tables, and the suite then reads them as written.
    """
    pairs = [(view, stored) for view, stored in spec.through if view in views]
    if not pairs:
        return spec

    def sql(text: str) -> str:
        for view, stored in pairs:
            text = re.sub(rf"\b(FROM|JOIN)(\s+){view}\b", rf"\1\2{stored}", text)
        return text

    scope = spec.scope
    if scope is not None:
        names = dict(pairs)
        digests = tuple((names.get(table, table), column) for table, column in scope.digests)
        scope = Scope(digests=digests, query=sql(scope.query))
    return replace(spec, query=sql(spec.query), scope=scope)


# -- expectation helpers ---------------------------------------------------------------------------


def _not_null(col: str, what: str) -> ExpectationSpec:
    return ExpectationSpec(f"{col}_not_null", "ExpectColumnValuesToNotBeNull", {"column": col}, f"{what} is never NULL")


def _unique(col: str, what: str) -> ExpectationSpec:
    return ExpectationSpec(f"{col}_unique", "ExpectColumnValuesToBeUnique", {"column": col}, f"{what} is unique")


def _true(col: str, description: str, context: tuple[str, ...] = ()) -> ExpectationSpec:
    """A computed boolean column must be True on every row."""
    return ExpectationSpec(
        col, "ExpectColumnValuesToBeInSet", {"column": col, "value_set": [True]}, description, context
    )


def _in_set(col: str, values: tuple[str, ...], description: str, context: tuple[str, ...] = ()) -> ExpectationSpec:
    return ExpectationSpec(
        f"{col}_in_vocabulary",
        "ExpectColumnValuesToBeInSet",
        {"column": col, "value_set": list(values)},
        description,
        context,
    )


def _between(
    col: str, low: float | None, high: float | None, description: str, context: tuple[str, ...] = ()
) -> ExpectationSpec:
    kwargs: dict[str, Any] = {"column": col}
    if low is not None:
        kwargs["min_value"] = low
    if high is not None:
        kwargs["max_value"] = high
    return ExpectationSpec(f"{col}_in_range", "ExpectColumnValuesToBeBetween", kwargs, description, context)


def _sql_list(values: tuple[str, ...]) -> str:
    return ", ".join("'" + v.replace("'", "''") + "'" for v in values)


def _scoped(table: str, where: str | None) -> tuple[str, str]:
    """(WITH prefix, FROM relation): the table, or its rows matching `where` computed once as `scoped`.

    A stored table's rows are picked by rowid first, so `where` is read on its narrow columns and
    only the picked rows are read whole: a one-new run at 100,000 articles read every document's
    text for one row (0.6 s from disk, 0.01 s so). A view (`claims`) has no rowid."""
    if where is None:
        return "", table
    if TABLES_BY_NAME[table].stored:
        rows = f"SELECT * FROM {table} WHERE rowid IN (SELECT rowid FROM {table} WHERE {where})"
    else:
        rows = f"SELECT * FROM {table} WHERE {where}"
    return f"WITH scoped AS MATERIALIZED ({rows})\n    ", "scoped"


def _in_scope(table: str, unique: tuple[str, ...]) -> str:
    """Rows of `table` a scoped run checks: changed keys, rows without a key (NULL or empty: they have
    no digest), and over the whole table the rows sharing an id with those (duplicates).

    A duplicate always has a row under a changed key: two rows under unchanged keys were both there
    at the last pass, which would then have failed. So the rows sharing an id with the changed rows
    are every duplicate, without grouping the whole table. Likewise an orphan (a row whose document
    is missing) is under a changed key: its row came or changed under that key, or the document left
    it, which moved the key's digest of `documents` (each suite reading documents digests them too).
    """
    keyless = "document_id IS NULL OR document_id = ''"
    changed = f"document_id IN (SELECT key FROM {{keys}}) OR {keyless}"
    parts = ["document_id IN (SELECT key FROM {keys})", keyless]
    parts += [f"{u} IN (SELECT {u} FROM {table} WHERE {changed})" for u in unique]
    return " OR ".join(f"({p})" for p in parts)


# -- integrity suites ------------------------------------------------------------------------------

# The claims and claim_figures suites read no cluster_id: in staging, the stored claim rows.
CLAIMS_STORED = ((CLAIMS.name, CLAIM_ROWS.name),)

_SPAN_CONTEXT = ("document_id", "char_start", "char_end", "char_count")


def _documents_sql(where: str | None) -> str:
    with_, rows = _scoped("documents", where)
    return f"""
    {with_}SELECT d.document_id, d.source_path, d.file_name, d.content_sha256, d.char_count,
        coalesce(length(d.raw_text) = d.char_count, false) AS char_count_matches_text,
        CASE WHEN NOT coalesce(length(d.raw_text) = d.char_count, false)
             THEN length(d.raw_text) END AS text_length
    FROM {rows} AS d
    ORDER BY d.document_id
    """


def documents_suite(min_documents: int = 1) -> SuiteSpec:
    return SuiteSpec(
        name="documents_integrity",
        table="documents",
        query=_documents_sql(None),
        scope=Scope(
            digests=(("documents", "document_id"),),
            query=_documents_sql(_in_scope("documents", ("document_id", "source_path"))),
        ),
        key_columns=("document_id",),
        expectations=(
            ExpectationSpec(
                "documents_landed",
                "ExpectColumnValuesToBeBetween",
                {"column": "documents_row_count", "min_value": min_documents},
                f"at least {min_documents} document(s) landed",
                aggregate="SELECT count(*) FROM documents",
            ),
            _not_null("document_id", "document_id"),
            _unique("document_id", "document_id"),
            _not_null("source_path", "source_path"),
            _unique("source_path", "source_path (one row per landed file)"),
            _not_null("file_name", "file_name"),
            ExpectationSpec(
                "content_sha256_is_hex_digest",
                "ExpectColumnValuesToMatchRegex",
                {"column": "content_sha256", "regex": "^[0-9a-fA-F]{64}$"},
                "content_sha256 is a SHA-256 hex digest",
            ),
            _not_null("content_sha256", "content_sha256"),
            _true(
                "char_count_matches_text",
                "char_count = number of code points of raw_text",
                ("char_count", "text_length"),
            ),
        ),
    )


def _document_metadata_sql(scoped: bool) -> str:
    # FULL JOIN with documents: a document without its metadata row shows up as a row with
    # has_metadata = false (documents_integrity runs before metadata exists, so the rule lives here).
    # Rules about a metadata row's own values hold trivially on those rows, so each failure counts once.
    # Scoped, the documents are those of the metadata rows checked, of the changed keys, and those
    # without metadata (whole table), so no checked document misses a metadata row it has.
    rows = _in_scope("document_metadata", ("document_id",)) if scoped else None
    docs = (
        "document_id IN (SELECT key FROM {keys})"
        " OR document_id NOT IN (SELECT document_id FROM document_metadata WHERE document_id IS NOT NULL)"
        f" OR document_id IN (SELECT document_id FROM document_metadata WHERE {rows})"
        if scoped
        else None
    )
    return f"""
    SELECT coalesce(m.document_id, d.document_id) AS document_id,
        m.published_date, m.body_start, m.body_end, m.word_count, d.char_count,
        (m.present IS NOT NULL) AS has_metadata,
        (m.present IS NULL OR d.document_id IS NOT NULL) AS document_exists,
        (m.present IS NULL OR (m.body_start IS NOT NULL AND m.body_end IS NOT NULL)) AS body_offsets_set,
        coalesce(0 <= m.body_start AND m.body_start <= m.body_end AND m.body_end <= d.char_count, true)
            AS body_in_document
    FROM (SELECT *, true AS present FROM document_metadata{f" WHERE {rows}" if rows else ""}) AS m
    FULL OUTER JOIN ({documents_dedup_sql(docs)}) AS d ON d.document_id = m.document_id
    ORDER BY document_id
    """


def document_metadata_suite() -> SuiteSpec:
    return SuiteSpec(
        name="document_metadata_integrity",
        reads=("documents",),
        table="document_metadata",
        query=_document_metadata_sql(scoped=False),
        scope=Scope(
            digests=(("document_metadata", "document_id"), ("documents", "document_id")),
            query=_document_metadata_sql(scoped=True),
        ),
        key_columns=("document_id",),
        expectations=(
            _not_null("document_id", "document_id"),
            _unique("document_id", "document_id (one metadata row per document)"),
            _true("has_metadata", "every document has its document_metadata row"),
            _true("document_exists", "document_id exists in documents (no orphans)"),
            _true("body_offsets_set", "body_start and body_end are set", ("body_start", "body_end")),
            _true(
                "body_in_document",
                "0 <= body_start <= body_end <= documents.char_count",
                ("body_start", "body_end", "char_count"),
            ),
            _between("word_count", 0, None, "word_count is not negative", ("word_count",)),
        ),
    )


def document_issues_suite() -> SuiteSpec:
    """WARN, never blocks: values set aside from one document are findings about it, not broken data.

    One failing row per issue, naming the file, the field, the value as found and why it is not trusted.
    """
    query = """
    SELECT i.document_id, d.source_path, i.field, i.value, i.reason, false AS value_trusted
    FROM document_issues AS i
    LEFT JOIN (SELECT document_id, any_value(source_path) AS source_path FROM documents GROUP BY 1) AS d
           USING (document_id)
    ORDER BY i.document_id, i.field
    """
    return SuiteSpec(
        name="document_issues",
        table="document_issues",
        reads=("documents",),
        query=query,
        key_columns=("document_id",),
        blocking=False,
        expectations=(
            _true(
                "value_trusted",
                "no value was set aside as untrusted (each listed value is NULL in its table)",
                ("source_path", "field", "value", "reason"),
            ),
        ),
    )


def _span_suite(
    table: str,
    key: str,
    text_column: str,
    sql: Callable[[str | None], str],
    expectations: tuple[ExpectationSpec, ...],
    through: tuple[tuple[str, str], ...] = (),
) -> SuiteSpec:
    """The suite of a table of spans of documents (figures, claims): its key, its document and that each
    span's stored text is the document's text at its offsets, then the table's own `expectations`.

    `sql(where)` is the table's query, over every row (None) or over the rows `where` selects.
    """
    return SuiteSpec(
        name=f"{table}_integrity",
        reads=("documents",),
        table=table,
        query=sql(None),
        scope=Scope(
            digests=((table, "document_id"), ("documents", "document_id")),
            query=sql(_in_scope(table, (key,))),
        ),
        key_columns=(key,),
        through=through,
        expectations=(
            _not_null(key, key),
            _unique(key, key),
            _not_null("document_id", "document_id"),
            _true("document_exists", "document_id exists in documents (no orphans)", ("document_id",)),
            _true("offsets_in_document", "0 <= char_start < char_end <= documents.char_count", _SPAN_CONTEXT),
            _true(
                "span_matches",
                f"substr(documents.raw_text, char_start + 1, char_end - char_start) = {text_column}",
                ("document_id", "char_start", "char_end", "stored_text", "document_span"),
            ),
            *expectations,
        ),
    )


def _kind_value_columns(alias: str) -> str:
    """Per kind, the one of value/value_low/value_high most likely to break the kind's range.

    ``{kind}_value`` is the smallest of the set values when that one is below the range's lower bound,
    otherwise the largest: one column (and one expectation) per kind, showing the offending value.
    """
    a = alias
    parts = []
    for kind, (low, _high) in VALUE_RANGES.items():
        least = f"least({a}.value, {a}.value_low, {a}.value_high)"
        greatest = f"greatest({a}.value, {a}.value_low, {a}.value_high)"
        parts.append(
            f"CASE WHEN {a}.kind = '{kind}' THEN "
            f"CASE WHEN {least} < {low!r} THEN {least} ELSE {greatest} END END AS {kind}_value"
        )
    return ",\n        ".join(parts)


def _unit_valid_sql(alias: str) -> str:
    """unit valid for kind, from the vocabulary: the fixed units of a kind, or its open-ended rule."""
    unit = f"{alias}.unit"
    cases = [f"WHEN '{kind}' THEN {rule.replace('UNIT', unit)}" for kind, rule in OPEN_UNIT_RULES.items()]
    cases += [f"WHEN '{kind}' THEN {unit} IN ({_sql_list(units)})" for kind, units in UNITS_BY_KIND.items()]
    return f"coalesce(CASE {alias}.kind " + " ".join(cases) + " ELSE true END, false)"


def _figures_sql(where: str | None) -> str:
    with_, rows = _scoped("figures", where)
    docs = None if where is None else "document_id IN (SELECT document_id FROM scoped)"
    return f"""
    {with_}SELECT f.figure_id, f.document_id, f.char_start, f.char_end, f.kind, f.unit, f.qualifier,
        f.value, f.value_low, f.value_high, f.direction, f.endpoint{span_check_columns("f", "raw_text")},
        {_unit_valid_sql("f")} AS unit_valid_for_kind,
        (f.value_low IS NULL OR f.value_high IS NULL OR f.value_low <= f.value_high) AS bounds_ordered,
        (f.qualifier IS DISTINCT FROM 'range'
            OR (f.value IS NULL AND f.value_low IS NOT NULL AND f.value_high IS NOT NULL))
            AS range_shape_valid,
        (f.qualifier IS NOT DISTINCT FROM 'range' OR f.value IS NOT NULL) AS value_set_unless_range,
        {_kind_value_columns("f")}
    FROM {rows} AS f
    LEFT JOIN ({documents_dedup_sql(docs)}) AS d ON d.document_id = f.document_id
    ORDER BY f.figure_id
    """


def figures_suite() -> SuiteSpec:
    value_ctx = ("kind", "qualifier", "value", "value_low", "value_high")
    ranges = [
        _between(
            f"{kind}_value",
            low,
            high,
            f"{kind} figures: value, value_low and value_high within [{low:g}, {high:g}]",
            value_ctx,
        )
        for kind, (low, high) in VALUE_RANGES.items()
    ]
    return _span_suite(
        "figures",
        "figure_id",
        "raw_text",
        _figures_sql,
        (
            _not_null("kind", "kind"),
            _in_set("kind", FIGURE_KINDS, "kind in the contract's vocabulary"),
            _not_null("unit", "unit"),
            _true("unit_valid_for_kind", "unit valid for its kind (money: ISO 4217 code, ...)", ("kind", "unit")),
            _not_null("qualifier", "qualifier"),
            _in_set("qualifier", QUALIFIERS, "qualifier in the contract's vocabulary"),
            _in_set("direction", DIRECTIONS, "direction is up or down where set"),
            _in_set("endpoint", ENDPOINTS, "endpoint is from or to where set"),
            _true("bounds_ordered", "value_low <= value_high where both are set", ("value_low", "value_high")),
            _true(
                "range_shape_valid",
                "range rows have value NULL and both value_low and value_high set",
                value_ctx,
            ),
            _true("value_set_unless_range", "non-range rows have a value", value_ctx),
            *ranges,
        ),
    )


def _claims_sql(where: str | None) -> str:
    with_, rows = _scoped("claims", where)
    docs = None if where is None else "document_id IN (SELECT document_id FROM scoped)"
    return f"""
    {with_}SELECT c.claim_id, c.document_id, c.char_start, c.char_end, c.claim_type
        {span_check_columns("c", "text")}
    FROM {rows} AS c
    LEFT JOIN ({documents_dedup_sql(docs)}) AS d ON d.document_id = c.document_id
    ORDER BY c.claim_id
    """


def claims_suite() -> SuiteSpec:
    return _span_suite(
        "claims",
        "claim_id",
        "text",
        _claims_sql,
        (
            _not_null("claim_type", "claim_type"),
            _in_set("claim_type", CLAIM_TYPES, "claim_type in the contract's vocabulary"),
        ),
        through=CLAIMS_STORED,
    )


def _claim_figures_sql(scoped: bool) -> str:
    # Scoped: the links under changed keys or none (NULL or empty: no digest), and over the whole table
    # those of a claim or figure in a changed document or missing altogether, and those sharing a claim
    # with the changed ones (a duplicated pair always has a row under a changed key, see _in_scope).
    # The missing claims and figures are whole-table anti-joins: a link stored under another document
    # than its claim's passes every rule, and when that claim and figure go, no key that moved names
    # it (test_a_link_stored_under_another_document_than_its_claim_is_orphaned_in_a_scoped_run). The
    # one to claims hashes the links' claim ids, not the 3.8M claims' (0.3 s of 0.4 s).
    changed = "document_id IN (SELECT key FROM {keys})"
    keyless = "document_id IS NULL OR document_id = ''"
    where = f"""{changed} OR {keyless}
        OR claim_id IN (SELECT claim_id FROM claim_figures WHERE {changed} OR {keyless})
        OR claim_id IN (SELECT claim_id FROM claims WHERE {changed})
        OR figure_id IN (SELECT figure_id FROM figures WHERE {changed})
        OR claim_id IN (SELECT o.claim_id FROM claim_figures AS o ANTI JOIN claims AS c USING (claim_id))
        OR figure_id NOT IN (SELECT figure_id FROM figures WHERE figure_id IS NOT NULL)"""
    with_, rows = _scoped("claim_figures", where if scoped else None)
    claims = " AND claim_id IN (SELECT claim_id FROM scoped)" if scoped else ""
    figures = " AND figure_id IN (SELECT figure_id FROM scoped)" if scoped else ""
    return f"""
    {with_}SELECT cf.claim_id, cf.figure_id,
        (c.claim_id IS NOT NULL) AS claim_exists,
        (f.figure_id IS NOT NULL) AS figure_exists,
        coalesce(c.document_id = f.document_id, true) AS same_document,
        c.document_id AS claim_document_id, f.document_id AS figure_document_id
    FROM {rows} AS cf
    LEFT JOIN (SELECT claim_id, any_value(document_id) AS document_id FROM claims
               WHERE claim_id IS NOT NULL{claims} GROUP BY claim_id) AS c ON c.claim_id = cf.claim_id
    LEFT JOIN (SELECT figure_id, any_value(document_id) AS document_id FROM figures
               WHERE figure_id IS NOT NULL{figures} GROUP BY figure_id) AS f ON f.figure_id = cf.figure_id
    ORDER BY cf.claim_id, cf.figure_id
    """


def claim_figures_suite() -> SuiteSpec:
    return SuiteSpec(
        name="claim_figures_integrity",
        reads=("claims", "figures"),
        table="claim_figures",
        query=_claim_figures_sql(scoped=False),
        scope=Scope(
            digests=(("claim_figures", "document_id"), ("claims", "document_id"), ("figures", "document_id")),
            query=_claim_figures_sql(scoped=True),
        ),
        key_columns=("claim_id", "figure_id"),
        through=CLAIMS_STORED,
        expectations=(
            _not_null("claim_id", "claim_id"),
            _not_null("figure_id", "figure_id"),
            ExpectationSpec(
                "claim_figure_pair_unique",
                "ExpectCompoundColumnsToBeUnique",
                {"column_list": ["claim_id", "figure_id"]},
                "(claim_id, figure_id) pairs are unique",
            ),
            _true("claim_exists", "claim_id exists in claims (no orphans)"),
            _true("figure_exists", "figure_id exists in figures (no orphans)"),
            _true(
                "same_document",
                "a claim and the figures it carries come from the same document",
                ("claim_document_id", "figure_document_id"),
            ),
        ),
    )


def _claim_clusters_sql(scoped: bool) -> str:
    # FULL JOIN with the claims grouped by cluster_id: a cluster_id used by claims without its
    # claim_clusters row shows up with cluster_row_exists = false (claims_integrity runs before the
    # clusters are built, so the rule lives here); the other rules hold trivially on such rows.
    # Scoped, the keys are cluster ids: those whose claim_clusters row or whose claims (any column, as
    # the claims' digests keyed by cluster_id see them) changed since the last pass, and every row with
    # a NULL or empty cluster_id, which have no digest. A duplicated or dangling cluster_id always moved
    # a digest when it appeared (see _in_scope); a changed cluster's claims are all counted.
    # The keys come as a list of constants ({key_list}, with ''), which DuckDB applies to the cluster
    # memberships under the claims view; a relation of keys is a semi-join after the view's whole join.
    changed = "cluster_id IN {key_list}"
    clusters = f" WHERE {changed} OR cluster_id IS NULL" if scoped else ""
    claims = f" AND {changed}" if scoped else ""
    return f"""
    SELECT coalesce(k.cluster_id, a.cluster_id) AS cluster_id, k.n_sources, k.n_claims,
        (k.present IS NOT NULL) AS cluster_row_exists,
        (k.present IS NULL OR coalesce(length(trim(k.representative_text)) > 0, false))
            AS has_representative_text,
        (k.present IS NULL OR coalesce(k.n_claims >= k.n_sources, false)) AS claims_cover_sources,
        coalesce(a.n_claims, 0) AS actual_n_claims, coalesce(a.n_sources, 0) AS actual_n_sources,
        (k.present IS NULL OR coalesce(k.n_claims = a.n_claims AND k.n_sources = a.n_sources, false))
            AS counts_match_claims
    FROM (SELECT *, true AS present FROM claim_clusters{clusters}) AS k
    FULL OUTER JOIN (SELECT cluster_id, count(*) AS n_claims, count(DISTINCT document_id) AS n_sources
                     FROM claims WHERE cluster_id IS NOT NULL{claims} GROUP BY cluster_id) AS a
           ON a.cluster_id = k.cluster_id
    ORDER BY cluster_id
    """


def claim_clusters_suite() -> SuiteSpec:
    counts_ctx = ("n_claims", "actual_n_claims", "n_sources", "actual_n_sources")
    return SuiteSpec(
        name="claim_clusters_integrity",
        reads=("claims",),
        table="claim_clusters",
        query=_claim_clusters_sql(scoped=False),
        scope=Scope(
            digests=(("claim_clusters", "cluster_id"), ("claims", "cluster_id")),
            query=_claim_clusters_sql(scoped=True),
        ),
        key_columns=("cluster_id",),
        expectations=(
            _not_null("cluster_id", "cluster_id"),
            _unique("cluster_id", "cluster_id"),
            _true(
                "cluster_row_exists",
                "every cluster_id set on claims has its claim_clusters row",
                ("actual_n_claims",),
            ),
            _true("has_representative_text", "representative_text is set"),
            _between("n_sources", 1, None, "n_sources >= 1", ("n_sources",)),
            _true("claims_cover_sources", "n_claims >= n_sources", ("n_claims", "n_sources")),
            _true(
                "counts_match_claims",
                "n_claims / n_sources match the claims carrying the cluster_id",
                counts_ctx,
            ),
        ),
    )


def metric_consistency_suite() -> SuiteSpec:
    query = """
    SELECT mc.metric, mc.unit, coalesce(mc.fact_key, mc.metric) AS fact, mc.verdict, mc.n_sources,
        mc.n_mentions, mc.value_min, mc.value_max, len(mc.sources) AS n_listed_sources,
        coalesce(len(mc.sources) = mc.n_sources, false) AS sources_match_n_sources,
        coalesce(mc.n_mentions >= mc.n_sources, false) AS mentions_cover_sources,
        (mc.value_min IS NULL OR mc.value_max IS NULL OR mc.value_min <= mc.value_max) AS min_le_max,
        coalesce((mc.verdict = 'single_source' AND mc.n_sources = 1)
                 OR (mc.verdict = 'consistent' AND mc.n_sources >= 2)
                 OR mc.verdict = 'conflict', false) AS verdict_matches_sources,
        (fg.metric IS NOT NULL) AS metric_in_figures
    FROM metric_consistency AS mc
    LEFT JOIN (SELECT DISTINCT metric, unit FROM figures WHERE metric IS NOT NULL) AS fg
           ON fg.metric = mc.metric AND fg.unit IS NOT DISTINCT FROM mc.unit
    ORDER BY fact, mc.unit
    """
    return SuiteSpec(
        name="metric_consistency_integrity",
        reads=("figures",),
        table="metric_consistency",
        query=query,
        key_columns=("fact", "unit"),
        expectations=(
            _not_null("metric", "metric"),
            ExpectationSpec(
                "fact_unit_unique",
                "ExpectCompoundColumnsToBeUnique",
                {"column_list": ["fact", "unit"]},
                "one row per fact (fact_key, or the metric when the fact has no key) and unit",
            ),
            _not_null("verdict", "verdict"),
            _in_set("verdict", VERDICTS, "verdict in the contract's vocabulary"),
            _between("n_sources", 1, None, "n_sources >= 1", ("n_sources",)),
            _true("sources_match_n_sources", "len(sources) = n_sources", ("n_sources", "n_listed_sources")),
            _true("mentions_cover_sources", "n_mentions >= n_sources", ("n_mentions", "n_sources")),
            _true("min_le_max", "value_min <= value_max", ("value_min", "value_max")),
            _true(
                "verdict_matches_sources",
                "single_source iff one source; consistent needs two or more",
                ("verdict", "n_sources"),
            ),
            _true("metric_in_figures", "every (metric, unit) comes from figures"),
        ),
    )


def integrity_suites(min_documents: int = 1) -> list[SuiteSpec]:
    """All BLOCKING integrity suites, one per audited table (warehouse/schema.py), in dependency order."""
    return [
        documents_suite(min_documents),
        document_metadata_suite(),
        figures_suite(),
        claims_suite(),
        claim_figures_suite(),
        claim_clusters_suite(),
        metric_consistency_suite(),
    ]


# -- WARN-level consistency suite ------------------------------------------------------------------


def consistency_suite() -> SuiteSpec:
    """WARN: sources disagree on a metric. Validated on the metric_consistency frame (with `conflicts`)."""
    return SuiteSpec(
        name="metric_consistency",
        table="metric_consistency",
        query="",  # validated on an in-memory frame, see runner.run_consistency_suite
        key_columns=("fact", "unit"),
        blocking=False,
        expectations=(
            ExpectationSpec(
                "no_conflicting_sources",
                "ExpectColumnValuesToNotBeInSet",
                {"column": "verdict", "value_set": ["conflict"]},
                "no fact is reported with incompatible values by different sources",
                ("fact_key", "conflicts"),
            ),
            _in_set("verdict", VERDICTS, "verdict in the contract's vocabulary"),
            ExpectationSpec(
                "fact_unit_unique",
                "ExpectCompoundColumnsToBeUnique",
                {"column_list": ["fact_key", "unit"]},
                "one row per (fact_key, unit)",
            ),
            _between("n_sources", 1, None, "n_sources >= 1", ("n_sources",)),
        ),
    )


def build_gx_suite(spec: SuiteSpec):  # -> gx.ExpectationSuite (lazy import)
    """Materialise a spec as a GX ExpectationSuite (imports great_expectations)."""
    import great_expectations as gx

    suite = gx.ExpectationSuite(name=spec.name, meta={"version": spec.version, "blocking": spec.blocking})
    for e in spec.expectations:
        cls = getattr(gx.expectations, e.gx_type)
        suite.add_expectation(
            cls(
                **e.kwargs,
                description=e.description,
                meta={"check": e.check, "context": list(e.context)},
            )
        )
    return suite
