"""Digit strings that are not figures: names and models, enumerators, ordinals, URLs, e-mail
addresses, file names, phone numbers, versions, times and stamps."""

from __future__ import annotations

import pytest

from newsfacts.figures import extract_figures


@pytest.mark.parametrize(
    "text",
    [
        # names and models
        "The Nikkei 225 has surged to highs.",
        "They discussed Sakhalin 1 and 2 projects.",
        "Covering AI, quantum, 6G, space and fusion.",
        "New 5G networks launched.",
        "Ford sold F-150 trucks.",
        "Boeing 737 jets were grounded.",
        "COVID-19 cases rose.",
        "The G7 leaders met.",
        "The G-7 leaders met.",
        "The A320 fleet grew.",
        "Windows 11 users upgraded.",
        "The S&P 500 companies reported.",
        "Vision 2030 and Expo 2025 were announced.",
        # labels
        "Article 9 of the constitution.",
        "Under phase 2 of the plan.",
        "It ranked No. 3 in the list.",
        "The top 5 firms.",
        # enumerators
        "(1) It gives the U.S. an anchor.",
        "(2) It constrains China's room.",
        "1. Apple\n2. Pear",
        "Options: 1) wait 2) act.",
        # ordinals
        "The 21st century began.",
        "She finished 1st and he came 3rd.",
        "The first woman in the post.",
        # URLs, e-mail, files
        "image : https://i.imgur.com/15Qobo8.jpeg",
        "See www.example.com/2025/11/report15 for more.",
        "Write to info2025@example.com today.",
        "Open photo_2025.jpg now.",
        # phone numbers, versions, times, stamps
        "Call 555-123-4567 now.",
        "Version v2.1.3 shipped.",
        "The host 192.168.0.1 answered.",
        "The meeting started at 12:30.",
        "date  : 2025-11-13 12:00:00 +0800",
        "It ran 24/7 after 9/11.",
        "A 3:1 ratio.",
        # general words
        "One expert said so.",
        "He won a medal.",
    ],
)
def test_not_figures(text: str) -> None:
    assert extract_figures(text) == []


def test_coordinated_name_numbers_are_skipped_together() -> None:
    figures = extract_figures("They discussed Sakhalin 1 and 2 projects and 15 new projects.")
    assert [(f.raw_text, f.value) for f in figures] == [("15", 15)]
