"""Views in the published warehouse for the questions analysts ask most."""

from __future__ import annotations

VIEWS: dict[str, str] = {
    # Every figure with its document's title and date: "what does each source say about metric X?"
    "v_figures_by_metric": """
        SELECT f.metric, f.unit, f.kind, f.value, f.value_low, f.value_high, f.qualifier, f.raw_text,
               f.subject, f.document_id, m.title, m.published_date, f.sentence
        FROM figures f LEFT JOIN document_metadata m USING (document_id)
        WHERE f.metric IS NOT NULL
    """,
    # Metrics the sources disagree on, with the disagreement spelled out.
    "v_conflicts": """
        SELECT metric, unit, n_sources, value_min, value_max, sources, conflicts
        FROM metric_consistency WHERE verdict = 'conflict'
    """,
    # Who said what: attributed claims with their source document.
    "v_claims_by_speaker": """
        SELECT c.speaker, c.claim_type, c.hedged, c.text, c.document_id, m.title, c.cluster_id
        FROM claims c LEFT JOIN document_metadata m USING (document_id)
        WHERE c.speaker IS NOT NULL
    """,
    # Data quality over time: share of expectations met per run and suite.
    "v_data_quality": """
        SELECT run_id, suite, min(validated_at) AS validated_at, count(*) AS expectations,
               count(*) FILTER (WHERE success) AS passed, count(*) FILTER (WHERE NOT success) AS failed
        FROM validation_results GROUP BY run_id, suite
    """,
}
