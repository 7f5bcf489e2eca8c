"""The benchmark corpus generator (bench/corpus.py): deterministic, article-sized, varied."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH_CORPUS = Path(__file__).resolve().parents[2] / "bench" / "corpus.py"


@pytest.fixture(scope="module")
def corpus():
    spec = importlib.util.spec_from_file_location("bench_corpus", BENCH_CORPUS)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the file executes
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


def test_articles_are_deterministic_sized_and_varied(corpus):
    texts = [corpus.article_text(i) for i in range(12)]
    assert texts == [corpus.article_text(i) for i in range(12)]
    assert all(corpus.MIN_BYTES <= len(t.encode()) <= corpus.MAX_BYTES + 200 for t in texts)
    assert len(set(texts)) == 12
    assert any(t.startswith("---\n") for t in texts)  # YAML front matter on some
    assert corpus.relative_path(12345) == "p01/s23/a012345.txt"
    assert corpus.article_file(999)[1] == corpus.article_file(998)[1]  # a byte-identical duplicate every 1,000
