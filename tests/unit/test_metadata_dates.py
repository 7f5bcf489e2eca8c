"""Publication dates: the written forms news pages use, year-less wire dates, body dates, future dates."""

from __future__ import annotations

import datetime

import pytest

from newsfacts.metadata import parse_metadata
from newsfacts.metadata.dates import parse_date_line

TODAY = datetime.date(2025, 12, 1)
HEADLINE = "Grain exports rebound after drought year"
STORY = (
    "Shipments of wheat and maize rose sharply in the latest season, the farm ministry said in a "
    "report released on Friday."
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("09/02/25 03:52 PM EDT", datetime.date(2025, 9, 2)),  # a US zone puts the month first
        ("Thursday, 22 May 2025", datetime.date(2025, 5, 22)),
        ("Update: 2017-09-12 21:29 GMT", datetime.date(2017, 9, 12)),
        ("Published Sept. 18, 2024", datetime.date(2024, 9, 18)),
        ("Published: 18th of September 2024", datetime.date(2024, 9, 18)),
        ("Oct. 29, 2010 at 5:06 PM", datetime.date(2010, 10, 29)),
        ("Sept 18th, 2024, 10:00 a.m. EDT", datetime.date(2024, 9, 18)),
        ("3rd March 2025 | 10:15 IST", datetime.date(2025, 3, 3)),
        ("Tue, 12/12/2017 - 01:59", datetime.date(2017, 12, 12)),
        ("• Markets • Friday, 7 March 2025", datetime.date(2025, 3, 7)),
        ("06/04/2019 | 08:13pm EDT", datetime.date(2019, 6, 4)),  # month first under a US zone
        ("July 20, 2015 / 5:16 AM / 2 years ago", datetime.date(2015, 7, 20)),
    ],
)
def test_dateline_forms(line: str, expected: datetime.date):
    text = f"{HEADLINE}\n\n{line}\n\n{STORY}\n"
    metadata = parse_metadata(text, today=TODAY)
    assert metadata.published_date == expected
    assert text[metadata.body_start : metadata.body_end] == STORY


@pytest.mark.parametrize(
    "value",
    [
        "09/02/25",  # day and month could be either way round, and no zone settles it
        "05/06/2024",
        "Sep 18",  # no year
        "September 2024",  # no day
        "tomorrow",
    ],
)
def test_dates_that_are_not_stated_in_full(value: str):
    assert parse_date_line(value) is None


def test_wire_date_without_a_year_is_not_guessed():
    text = f"{HEADLINE}\n\nSep 18 (Reuters) - {STORY}\n"
    metadata = parse_metadata(text, today=TODAY)
    assert metadata.published_date is None
    assert metadata.publisher == "Reuters"
    assert text[metadata.body_start : metadata.body_end] == STORY


def test_wire_date_takes_the_year_stated_in_the_header():
    text = f"{HEADLINE}\n\n© 2024 Example Media\n\nSep 18 (Reuters) - {STORY}\n"
    assert parse_metadata(text, today=TODAY).published_date == datetime.date(2024, 9, 18)


def test_wire_date_with_its_own_year():
    text = f"{HEADLINE}\n\nNEW YORK, Sept 18, 2024 (Reuters) - {STORY}\n"
    assert parse_metadata(text, today=TODAY).published_date == datetime.date(2024, 9, 18)


def test_date_inside_the_body_is_not_the_publication_date():
    text = f"{HEADLINE}\n\n{STORY} The next report is due on March 3, 2025.\n\nThursday, 22 May 2025\n"
    assert parse_metadata(text, today=TODAY).published_date is None


def test_first_sentence_with_a_date_is_not_a_dateline():
    text = f"On March 3, 2025 the ministry said grain shipments had doubled from a year earlier.\n\n{STORY}"
    assert parse_metadata(text, today=TODAY).published_date is None


def test_published_preferred_to_updated():
    text = f"{HEADLINE}\n\nUpdated: 2025-03-04 08:00 GMT\n\nPublished: 2025-03-03 09:00 GMT\n\n{STORY}\n"
    assert parse_metadata(text, today=TODAY).published_date == datetime.date(2025, 3, 3)


def test_future_date_is_an_issue_and_null():
    text = f"{HEADLINE}\n\nPublished Sept. 18, 2031\n\n{STORY}\n"
    metadata = parse_metadata(text, today=TODAY)
    assert metadata.published_date is None
    (issue,) = metadata.issues
    assert issue.field == "published_date"
    assert issue.value == "Published Sept. 18, 2031"
    assert "2031-09-18" in issue.reason


def test_future_front_matter_date_is_an_issue_too():
    text = f"---\ntitle: {HEADLINE}\ndate: 2031-01-05\n---\n\n{STORY}\n"
    metadata = parse_metadata(text, today=TODAY)
    assert metadata.published_date is None
    assert [issue.value for issue in metadata.issues] == ["2031-01-05"]


@pytest.mark.parametrize(("days", "kept"), [(0, True), (1, True), (2, False)])
def test_one_day_ahead_is_a_time_zone_not_an_issue(days: int, kept: bool):
    date = TODAY + datetime.timedelta(days=days)
    metadata = parse_metadata(f"{HEADLINE}\n\n{date.isoformat()}\n\n{STORY}\n", today=TODAY)
    assert (metadata.published_date == date) is kept
    assert bool(metadata.issues) is not kept


def test_today_defaults_to_the_real_date():
    metadata = parse_metadata(f"{HEADLINE}\n\nPublished: 2999-01-01\n\n{STORY}\n")
    assert metadata.published_date is None and metadata.issues


def test_date_opening_the_first_paragraph_is_header():
    text = f"{HEADLINE}\n\nMar 3, 2025 | {STORY}\n"
    metadata = parse_metadata(text, today=TODAY)
    assert metadata.published_date == datetime.date(2025, 3, 3)
    assert text[metadata.body_start : metadata.body_end] == STORY


def test_label_whose_value_was_lost_is_header():
    text = f"{HEADLINE}\n\nPublished\n\non\n\n{STORY}\n"
    metadata = parse_metadata(text, today=TODAY)
    assert metadata.published_date is None
    assert text[metadata.body_start : metadata.body_end] == STORY


@pytest.mark.parametrize("line", ["Last updated: 5 mins ago", "Published 2 hours ago"])
def test_relative_dates_are_header_but_never_a_date(line: str):
    text = f"{HEADLINE}\n\n{line}\n\n{STORY}\n"
    metadata = parse_metadata(text, today=TODAY)
    assert metadata.published_date is None
    assert text[metadata.body_start : metadata.body_end] == STORY
