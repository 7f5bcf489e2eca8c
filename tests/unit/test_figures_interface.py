"""The interface others code against: offsets into the full text, body bounds, sentence, version."""

from __future__ import annotations

import dataclasses

from newsfacts.figures import EXTRACTOR_VERSION, Figure, extract_figures


def test_offsets_are_into_the_full_text_and_body_only() -> None:
    head = "---\ndate: 2025-11-13\nimage: https://x.com/15.jpg\n---\n"
    body = "Tariffs were capped at 15%. Growth was 2%."
    tail = "\nRead 5 more articles about 2026."
    text = head + body + tail
    figures = extract_figures(text, len(head), len(head) + len(body))
    assert [f.raw_text for f in figures] == ["15%", "2%"]
    for f in figures:
        assert text[f.char_start : f.char_end] == f.raw_text
        assert len(head) <= f.char_start < f.char_end <= len(head) + len(body)


def test_sentence_holds_the_figure() -> None:
    text = "First sentence here. Shares rose 5% on Monday. Last one."
    (f,) = extract_figures(text)
    assert f.sentence == "Shares rose 5% on Monday."


def test_figure_is_frozen_and_slotted() -> None:
    (f,) = extract_figures("It rose 5%.")
    assert isinstance(f, Figure)
    assert dataclasses.is_dataclass(f) and not hasattr(f, "__dict__")


def test_version_names_the_release_and_a_digest() -> None:
    assert EXTRACTOR_VERSION.startswith("figures-")
    assert "+" in EXTRACTOR_VERSION


def test_body_bounds_are_clamped() -> None:
    assert extract_figures("It rose 5%.", 0, 10_000)[0].raw_text == "5%"
    assert extract_figures("It rose 5%.", 50, 60) == []
    assert extract_figures("", 0, None) == []


def test_subject_from_text_and_catalog() -> None:
    (f,) = extract_figures("Yaskawa Electric gaining 3.2% in early trading.")
    assert f.subject == "Yaskawa Electric"
    (g,) = extract_figures("It rose 3.2% in early trading.")
    assert g.subject is None
