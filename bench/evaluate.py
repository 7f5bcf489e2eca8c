"""Score the PUBLISHED warehouse against the hand-made gold (metadata, figures, claims, consistency).

    python -m bench.evaluate --warehouse warehouse/news.duckdb [--gold tests/data/gold_seeds.yaml] [--json]

Reads the warehouse read-only, exactly as a BI tool would, so it measures what users get.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import duckdb

from bench.evaluation.claims import score_claims
from bench.evaluation.consistency import score_consistency
from bench.evaluation.figures import score_figures
from bench.evaluation.metadata import score_metadata

DEFAULT_GOLD = Path(__file__).resolve().parents[1] / "tests" / "data" / "gold_seeds.yaml"


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def evaluate(warehouse: Path, gold: Path = DEFAULT_GOLD) -> dict:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        docs = {r["file_name"]: r for r in _rows(con, "SELECT document_id, file_name, raw_text FROM documents")}
        by_id = {r["document_id"]: name for name, r in docs.items()}
        raw = {name: r["raw_text"] for name, r in docs.items()}

        def grouped(sql: str) -> dict[str, list[dict]]:
            out: dict[str, list[dict]] = {name: [] for name in docs}
            for r in _rows(con, sql):
                out[by_id[r["document_id"]]].append(r)
            return out

        metadata = {by_id[r["document_id"]]: r for r in _rows(con, "SELECT * FROM document_metadata")}
        figures = grouped("SELECT * FROM figures ORDER BY document_id, char_start")
        claims = grouped("SELECT * FROM claims ORDER BY document_id, char_start")
        consistency = _rows(con, "SELECT * FROM metric_consistency")
        clusters = _rows(con, "SELECT * FROM claim_clusters WHERE n_sources > 1 ORDER BY n_sources DESC")
    return {
        "metadata": score_metadata(gold, metadata),
        "figures": score_figures(gold, figures, raw),
        "claims": score_claims(gold, claims, raw),
        "consistency": score_consistency(gold, consistency),
        "corroborated_clusters": [
            {"n_sources": c["n_sources"], "n_claims": c["n_claims"], "text": c["representative_text"][:120]}
            for c in clusters
        ],
    }


def headline(scores: dict) -> str:
    f, c, m, k = scores["figures"], scores["claims"], scores["metadata"], scores["consistency"]
    return "\n".join(
        [
            f"metadata: {m['fields_right']}/{m['fields_checked']} fields right",
            f"figures: precision {f['precision']:.3f} recall {f['recall']:.3f} F1 {f['f1']:.3f} "
            f"value acc {f['value_accuracy']:.3f} qualifier acc {f['qualifier_accuracy']:.3f} "
            f"metric acc {f.get('metric_accuracy', float('nan')):.3f} traps extracted {len(f['traps_extracted'])}",
            f"claims: recall {c['recall']:.3f} speaker acc {c['speaker_accuracy']:.3f} "
            f"not_claims returned {len(c['not_claims_returned'])}",
            f"consistency: {k['facts_right']}/{k['facts']} gold facts right, false conflicts {k['false_conflicts']}",
            f"corroborated clusters: {[(x['n_sources'], x['text'][:50]) for x in scores['corroborated_clusters'][:5]]}",
        ]
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--warehouse", default="warehouse/news.duckdb", type=Path)
    parser.add_argument("--gold", default=DEFAULT_GOLD, type=Path)
    parser.add_argument("--json", action="store_true", help="print every detail as JSON")
    args = parser.parse_args(argv)
    scores = evaluate(args.warehouse, args.gold)
    print(json.dumps(scores, indent=2, default=str) if args.json else headline(scores))
    return 0


if __name__ == "__main__":
    sys.exit(main())
