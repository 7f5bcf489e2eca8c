"""Subjects: normalised through aliases, from the figure's clause first, then sentence, then article."""

from __future__ import annotations

import pytest
from cases import cases

from newsfacts.facts.subject import SubjectIndex, normalize_subject
from newsfacts.figures import extract_figures

ALIASES = cases("""
    written                     | canonical
    U.S.                        | United States
    US                          | United States
    Washington                  | United States
    the Fed                     | United States
    Japanese                    | Japan
    Tokyo                       | Japan
    NVDA                        | Nvidia
    Tories                      | Conservatives
    Lib Dems                    | Liberal Democrats
    # a capitalised word glued to a known name
    Annual U.S.                 | United States
    # unknown names are kept
    Mitsubishi Heavy Industries | Mitsubishi Heavy Industries
    Japan’s                     | Japan
""")


@pytest.mark.parametrize(("written", "canonical"), ALIASES)
def test_aliases_normalise(written: str, canonical: str) -> None:
    assert normalize_subject(written) == canonical


def subject(text: str, raw: str) -> str | None:
    return next(f.subject for f in extract_figures(text) if f.raw_text == raw)


IN_CONTEXT = cases("""
    text                                                                     | raw | expected
    # the figure's own clause wins over the rest of the sentence
    Nvidia shares rose 3%, while AMD fell 2%.                                | 2%  | AMD
    Nvidia shares rose 3%, while AMD fell 2%.                                | 3%  | Nvidia
    Washington set a tariff of 15% on Japanese cars.                         | 15% | Japan
    The European Union faces a 15% tariff, and Switzerland a tariff of 39%.  | 39% | Switzerland
    # a name governed by a preposition yields to the clause's subject
    Japan will work with U.S. forces, raising defence spending to 2% of GDP. | 2%  | Japan
    # the measure's kind of subject: a party for seats, a company for a share move
    In Britain, Labour won 412 seats.                                        | 412 | Labour
    # a parenthesis names its own subject; the article's main country never stands in for it
    Japan settled, as did the Philippines (19% tariff).                      | 19% | Philippines
    Japan settled, while Vietnam’s 20% tariff stands.                        | 20% | Vietnam
""")


@pytest.mark.parametrize(("text", "raw", "expected"), IN_CONTEXT)
def test_subject_from_the_figures_clause(text: str, raw: str, expected: str) -> None:
    assert subject(text, raw) == expected


def test_article_fallback_takes_the_most_mentioned_entity_of_the_kind() -> None:
    body = "The Fed met. Powell spoke in Washington. Japan watched. Oracle shares were flat."
    index = SubjectIndex(body)
    assert index.main(frozenset({"country"})) == "United States"
    assert index.main(frozenset({"company"})) == "Oracle"
    assert index.main(frozenset({"party"})) is None


def test_an_unrelated_sentence_does_not_lend_its_subject() -> None:
    text = "Tesla sold more cars. The unemployment rate rose to 4.3%."
    assert subject(text, "4.3%") is None  # a company is no subject for a jobless rate
