"""Page shapes measured on real news pages (bench/metadata_eval.py), one table per shape, with negatives.

Every page is written for the test in our own words; the shapes are those the real pages showed.
"""

from __future__ import annotations

import datetime

import pytest

from newsfacts.metadata import parse_metadata

HEADLINE = "Toolmaker lifts yearly outlook after strong spring orders"
STORY = (
    "The company raised its forecast for the year on Tuesday after orders from builders rose faster "
    "than it had planned for."
)
LATER = "Its shares rose 4% in early trading."


def _page(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def _body(text: str) -> str:
    m = parse_metadata(text)
    return text[m.body_start : m.body_end]


# Press-release datelines: place in capitals, the full date, the distributor, a dash.
# (dateline, publisher, date)
PRESS_DATELINES = [
    ("DENVER, March 4, 2024 /PRNewswire/ -- ", "PRNewswire", datetime.date(2024, 3, 4)),
    ("DENVER, Colo., Mar. 4, 2024 /PRNewswire/ -- ", "PRNewswire", datetime.date(2024, 3, 4)),
    ("MALMÖ, Sweden, March 4, 2024 /PRNewswire/ -- ", "PRNewswire", datetime.date(2024, 3, 4)),
    ("BERGEN, Norway, March 4, 2024 (GLOBE NEWSWIRE) -- ", "Globe Newswire", datetime.date(2024, 3, 4)),
    ("DENVER,Mar. 4,2024 -- ", None, datetime.date(2024, 3, 4)),
    ("DENVER--(BUSINESS WIRE)--", "Business Wire", None),
    ("LAGOS, March 4( Xinhua)--", "Xinhua", None),
]


@pytest.mark.parametrize(("dateline", "publisher", "date"), PRESS_DATELINES)
def test_press_release_dateline_names_distributor_and_date(
    dateline: str, publisher: str | None, date: datetime.date | None
) -> None:
    text = _page(HEADLINE, dateline + STORY, LATER)
    m = parse_metadata(text)
    assert (m.title, m.publisher, m.published_date) == (HEADLINE, publisher, date)
    assert text[m.body_start :].startswith(STORY)


@pytest.mark.parametrize(
    "opening",
    [
        "Toolmakers, March 4, 2024 -- a date to remember -- raised their outlook.",  # not in capitals
        "DENVER, March 4 -- no year, so not a press dateline, the firm said today.",
        "Acme Corp, Mar. 4, 2024 - the company raised its outlook.",
    ],
)
def test_sentences_with_a_date_and_a_dash_are_not_press_datelines(opening: str) -> None:
    text = _page(HEADLINE, opening, LATER)
    m = parse_metadata(text)
    assert m.publisher is None
    assert text[m.body_start :].startswith(opening)
