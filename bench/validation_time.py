"""Time the GX import and the integrity suites on a synthetic warehouse.

Default size: 10,000 documents, 400,000 claims (40 per document), 200,000 figures (one in every
other claim), 200,000 claim_figures links. All rows are valid, plus a handful of corrupted ones so the
unexpected-example path is exercised too.

    .venv/bin/python bench/validation_time.py [--documents 10000] [--claims-per-doc 40] [--corrupt-all]
"""

from __future__ import annotations

import argparse
import time

import duckdb


def build(con: duckdb.DuckDBPyConnection, documents: int, claims_per_doc: int) -> None:
    con.execute(f"""
    CREATE TABLE claims_src AS
    SELECT i AS doc, j, printf('Claim %d of document %d says growth hit %d.5%% this year. ', j, i, j) AS text
    FROM range({documents}) AS t(i), range({claims_per_doc}) AS s(j);

    CREATE TABLE claims AS
    SELECT 'c_' || doc || '_' || j AS claim_id, 'doc_' || doc AS document_id,
        (sum(length(text)) OVER (PARTITION BY doc ORDER BY j) - length(text))::INTEGER AS char_start,
        (sum(length(text)) OVER (PARTITION BY doc ORDER BY j))::INTEGER AS char_end,
        text, NULL::VARCHAR AS speaker, 'statistic' AS claim_type, false AS hedged,
        CASE WHEN j < 2 THEN 'k_' || j END AS cluster_id
    FROM claims_src;

    CREATE TABLE documents AS
    SELECT 'doc_' || doc AS document_id, 'doc_' || doc || '.txt' AS file_name,
        'doc_' || doc || '.txt' AS source_path, sha256(string_agg(text, '' ORDER BY j)) AS content_sha256,
        string_agg(text, '' ORDER BY j) AS raw_text, sum(length(text))::INTEGER AS char_count,
        TIMESTAMP '2025-08-01 10:00:00' AS ingested_at
    FROM claims_src GROUP BY doc;

    CREATE TABLE document_metadata AS
    SELECT document_id, 'title' AS title, NULL::VARCHAR AS author, DATE '2025-07-01' AS published_date,
        'publisher' AS publisher, NULL::VARCHAR AS description, 'neutral' AS sentiment_label,
        0.0::DOUBLE AS sentiment_score, 500 AS word_count, 0 AS body_start, char_count AS body_end
    FROM documents;

    CREATE TABLE figures AS
    SELECT 'f_' || c.claim_id AS figure_id, c.document_id,
        (c.char_start + instr(c.text, s.j || '.5%') - 1)::INTEGER AS char_start,
        (c.char_start + instr(c.text, s.j || '.5%') - 1 + length(s.j || '.5%'))::INTEGER AS char_end,
        s.j || '.5%' AS raw_text, 'percent' AS kind, s.j + 0.5 AS value, NULL::DOUBLE AS value_low,
        NULL::DOUBLE AS value_high, 'percent' AS unit, 'exact' AS qualifier,
        'growth_' || (s.j % 10) AS metric,
        NULL::VARCHAR AS subject, c.text AS sentence, 'bench' AS extractor_version,
        NULL::VARCHAR AS direction, NULL::VARCHAR AS endpoint
    FROM claims AS c JOIN claims_src AS s ON c.claim_id = 'c_' || s.doc || '_' || s.j
    WHERE s.j % 2 = 0;

    CREATE TABLE claim_figures AS SELECT 'c_' || substr(figure_id, 5) AS claim_id, figure_id, document_id
    FROM figures;

    CREATE TABLE claim_clusters AS
    SELECT cluster_id, any_value(text) AS representative_text,
        count(DISTINCT document_id)::INTEGER AS n_sources, count(*)::INTEGER AS n_claims
    FROM claims WHERE cluster_id IS NOT NULL GROUP BY cluster_id;

    CREATE TABLE metric_consistency AS
    SELECT metric, unit, count(DISTINCT document_id)::INTEGER AS n_sources, count(*)::INTEGER AS n_mentions,
        min(value) AS value_min, max(value) AS value_max, 'consistent' AS verdict,
        list(DISTINCT document_id ORDER BY document_id) AS sources, NULL::VARCHAR AS fact_key
    FROM figures GROUP BY metric, unit;

    DROP TABLE claims_src;

    -- a few corrupted rows so failures (and their examples) are part of the timing
    UPDATE figures SET char_end = 100000 WHERE figure_id IN ('f_c_7_0', 'f_c_9_2');
    UPDATE claims SET claim_type = 'rumour' WHERE claim_id = 'c_5_3';
    UPDATE figures SET value = 1e9 WHERE figure_id = 'f_c_11_4';
    """)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--claims-per-doc", type=int, default=40)
    parser.add_argument(
        "--corrupt-all",
        action="store_true",
        help="worst case: every figure span and every claim offset wrong (GX reports 600k failing rows)",
    )
    args = parser.parse_args()

    con = duckdb.connect(":memory:")
    t = time.perf_counter()
    build(con, args.documents, args.claims_per_doc)
    counts = {
        tbl: con.execute(f"SELECT count(*) FROM {tbl}").fetchone()[0]
        for tbl in ("documents", "figures", "claims", "claim_figures")
    }
    if args.corrupt_all:
        con.execute("UPDATE figures SET raw_text = raw_text || 'x', kind = 'bogus'")
        con.execute("UPDATE claims SET char_end = char_end + 100000")
    print(f"synthetic warehouse built in {time.perf_counter() - t:.1f} s: {counts}")

    t = time.perf_counter()
    import great_expectations  # noqa: F401

    print(f"import great_expectations: {time.perf_counter() - t:.2f} s")

    from newsfacts.quality.runner import gx_context, run_integrity_suites
    from newsfacts.quality.suites import integrity_suites

    t = time.perf_counter()
    gx_context()
    print(f"ephemeral context + pandas datasource: {time.perf_counter() - t:.2f} s")

    t = time.perf_counter()
    for spec in integrity_suites():
        t1 = time.perf_counter()
        con.execute(spec.query).df()
        print(f"  DuckDB frame for {spec.name:30s} {time.perf_counter() - t1:6.2f} s")
    print(f"DuckDB frames alone: {time.perf_counter() - t:.2f} s")

    t = time.perf_counter()
    outcomes = run_integrity_suites(con)
    total = time.perf_counter() - t
    for s in outcomes:
        failed = [(o.check, o.unexpected_count) for o in s.outcomes if not o.success]
        print(
            f"  {s.suite:30s} rows={s.row_count!s:>7} {len(s.outcomes):2d} expectations "
            f"{s.seconds:6.2f} s  failed={failed}"
        )
    print(f"run_integrity_suites (frames + GX): {total:.2f} s")
    incremental(con)


def incremental(con: duckdb.DuckDBPyConnection) -> None:
    """A refresh after one document changed: each scoped suite checks only that document's rows."""
    from newsfacts.quality.runner import run_suite
    from newsfacts.quality.suites import integrity_suites
    from newsfacts.warehouse import audit
    from newsfacts.warehouse.schema import LEDGER

    con.execute(LEDGER.ddl(constraints=False))
    t = time.perf_counter()
    for spec in integrity_suites():
        audit.record_pass(con, spec)
    print(f"record every suite's per-document digests: {time.perf_counter() - t:.2f} s")
    con.execute("UPDATE figures SET qualifier = 'approx' WHERE document_id = 'doc_42'")
    t = time.perf_counter()
    for spec in integrity_suites():
        t1 = time.perf_counter()
        outcome = run_suite(con, spec, audit.changed_keys(con, spec))
        failed = [(o.check, o.unexpected_count) for o in outcome.outcomes if not o.success]
        print(
            f"  {spec.name:30s} rows={outcome.row_count!s:>7} {time.perf_counter() - t1:6.2f} s  "
            f"(digests + scoped check) failed={failed}"
        )
    print(f"one changed document, scoped suites: {time.perf_counter() - t:.2f} s")


if __name__ == "__main__":
    main()
