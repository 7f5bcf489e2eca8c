"""The five seed articles: gold metadata and the body bounds a reader would draw."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from newsfacts.metadata import parse_metadata

SEEDS = Path(__file__).parents[2] / "seeds"

# Copied from the gold annotations (metadata of each seed); None means "not in the document".
GOLD = {
    "000_48409c7ed5325bf9.txt": {
        "title": None,
        "author": None,
        "published_date": None,
        "sentiment_label": "neutral",
        "sentiment_score": 0.05,
    },
    "001_3887277c7194da92.txt": {"title": None, "author": None, "published_date": None},
    "002_f66ae24a59a2818f.txt": {
        "title": "Trump Signals Reinforced U.S.–Japan Alignment",
        "author": None,
        "published_date": None,
    },
    "003_f583991e5d9312b4.txt": {"title": None, "author": None, "published_date": None},
    "004_947de27b776df003.txt": {
        "title": "US-Japan Bilateral Stability",
        "author": "Daisuke Kawai",
        "published_date": datetime.date(2025, 11, 13),
    },
}

# (body starts with, body ends with, text just after the body that must be outside it)
BOUNDS = {
    "000_48409c7ed5325bf9.txt": (
        "Donald Trump and Japanese Prime Minister",
        "diversified electronics assembly.",
        "AI-powered research, real-time alerts",
    ),
    "001_3887277c7194da92.txt": (
        "Japan’s new Prime Minister Sanae Takaichi",
        "trajectories in international relations.",
        "",
    ),
    "002_f66ae24a59a2818f.txt": ("Flash Points", "without raising temperature.", "Source"),
    "003_f583991e5d9312b4.txt": (
        "Donald Trump’s declaration",
        "in the decade ahead for global investors.",
        "",
    ),
    "004_947de27b776df003.txt": ("_In a visit that consolidated", "across the Indo-Pacific.", "---"),
}


def _read(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(GOLD))
def test_seed_metadata_matches_gold(name: str):
    metadata = parse_metadata(_read(name))
    gold = GOLD[name]
    assert metadata.title == gold["title"]
    assert metadata.author == gold["author"]
    assert metadata.published_date == gold["published_date"]
    assert metadata.sentiment_label == gold.get("sentiment_label")
    assert metadata.sentiment_score == gold.get("sentiment_score")


@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_seed_body_bounds(name: str):
    text = _read(name)
    metadata = parse_metadata(text)
    starts, ends, after = BOUNDS[name]
    body = text[metadata.body_start : metadata.body_end]
    assert body.startswith(starts)
    assert body.endswith(ends)
    assert text[metadata.body_end :].strip().startswith(after)
    assert metadata.word_count > 100


def test_seed_000_trailer_is_outside_the_body():
    text = _read("000_48409c7ed5325bf9.txt")
    metadata = parse_metadata(text)
    body = text[metadata.body_start : metadata.body_end]
    for furniture in ("AI-powered research", "Request Demo", "Overall Sentiment", "Sentiment Score"):
        assert furniture not in body


def test_seed_001_keeps_its_mid_body_blurb():
    text = _read("001_3887277c7194da92.txt")
    metadata = parse_metadata(text)
    assert "read now for expert insights." in text[metadata.body_start : metadata.body_end]


def test_seed_002_navigation_is_outside_the_body():
    text = _read("002_f66ae24a59a2818f.txt")
    metadata = parse_metadata(text)
    assert "Trump Signals" not in text[metadata.body_start : metadata.body_end]
    assert text[metadata.body_end :].split() == ["Source", "Related", "Articles", "Latest", "Posts"]


def test_seed_004_front_matter_and_bio():
    text = _read("004_947de27b776df003.txt")
    metadata = parse_metadata(text)
    assert metadata.front_matter is not None
    assert metadata.front_matter["date"] == "2025-11-13 12:00:00 +0800"
    assert metadata.front_matter_error is None
    assert metadata.description == "The Trump–Takaichi Summit and Japan’s Emerging Economic Statecraft"
    assert metadata.publisher is None
    assert "is a Project Assistant Professor" not in text[metadata.body_start : metadata.body_end]


def test_seeds_without_front_matter_report_none():
    metadata = parse_metadata(_read("000_48409c7ed5325bf9.txt"))
    assert metadata.front_matter is None
    assert metadata.front_matter_error is None
