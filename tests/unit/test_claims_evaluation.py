"""The seeds against the gold: recall, speakers, no furniture; and the scorer's own rules."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.evaluation.claims import GOLD_CANDIDATES, TARGET_RECALL, run_seeds, score_claims
from newsfacts.claims import extract_claims

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOLD = next((p for p in GOLD_CANDIDATES if p.exists()), None)
needs_gold = pytest.mark.skipif(GOLD is None, reason="gold annotations not available")


def _as_dicts(text: str) -> list[dict]:
    return [
        {
            "char_start": c.char_start,
            "char_end": c.char_end,
            "text": c.text,
            "speaker": c.speaker,
            "claim_type": c.claim_type,
        }
        for c in extract_claims(text)
    ]


@needs_gold
def test_extractor_alone_meets_the_bar_on_whole_seed_texts() -> None:
    raw = {p.name: p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    report = score_claims(GOLD, {name: _as_dicts(text) for name, text in raw.items()}, raw)
    assert report["recall"] >= TARGET_RECALL, report["misses"]
    assert report["n_speakers_right"] == report["n_speakers"], report["speaker_errors"]
    assert report["not_claims_returned"] == []


@needs_gold
def test_in_process_run_with_the_other_modules_meets_the_bar() -> None:
    predictions, raw, clusters = run_seeds(SEEDS)
    report = score_claims(GOLD, predictions, raw)
    assert report["recall"] >= TARGET_RECALL, report["misses"]
    assert report["n_speakers_right"] == report["n_speakers"], report["speaker_errors"]
    assert report["not_claims_returned"] == []
    assert all(c["n_sources"] >= 2 for c in clusters)


def _gold(tmp_path: Path, doc: dict) -> Path:
    path = tmp_path / "gold.yaml"
    path.write_text(yaml.safe_dump({"documents": {"a.txt": doc}}), encoding="utf-8")
    return path


def test_scorer_rules(tmp_path: Path) -> None:
    raw = "Heading\nTreasury Secretary Bessent said imports would fall. Rates rose.\nRead more"
    gold = _gold(
        tmp_path,
        {
            "claims": [
                {"ctx": "Bessent said imports", "speaker": "bessent"},
                {"ctx": "fall. Rates rose", "speaker": None},
            ],
            "not_claims": ["Heading", "Read more"],
        },
    )
    first = raw.index("Treasury")
    end = raw.index(" Rates")
    preds = {
        "a.txt": [
            {
                "char_start": first,
                "char_end": end,
                "text": raw[first:end],
                "speaker": "Treasury Secretary Bessent",
            },
            {"char_start": raw.index("Read"), "char_end": len(raw), "text": "Read more", "speaker": None},
        ]
    }
    report = score_claims(gold, preds, {"a.txt": raw})
    assert report["n_found"] == 1 and report["recall"] == 0.5  # the second ctx spans two claims
    assert report["speaker_accuracy"] == 1.0  # gold speaker contained in the predicted one
    assert [m["ctx"] for m in report["misses"]] == ["fall. Rates rose"]
    assert [f["not_claim"] for f in report["not_claims_returned"]] == ["Read more"]
