"""Numbers as people read them: grouped per language (CLDR), originals kept, milestones as a series."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from toc.model import Indicator
from toc.model.numbers import read_number
from toc.numbers_display import latest, series, shortened, show_number, show_value, trend


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (2800000, "en", "2,800,000"),
        (2800000, "nl", "2.800.000"),
        (2800000, "de", "2.800.000"),
        (2800000, "fr", "2\u202f800\u202f000"),
        (1234.5, "en", "1,234.5"),
        (1234.5, "nl", "1.234,5"),
        (0.75, "fr", "0,75"),
        (999, "en", "999"),
        (-3, "en", "-3"),
        (None, "en", "–"),
    ],
)
def test_show_number(value: float | None, lang: str, text: str) -> None:
    assert show_number(value, lang) == text


def test_percent_spacing_follows_the_language() -> None:
    assert show_number(70, "en", percent=True) == "70%"
    assert show_number(70, "nl", percent=True) == "70\u00a0%"


@given(st.integers(-(10**12), 10**12), st.sampled_from(["en", "fr"]))
def test_a_shown_whole_number_reads_back_as_itself(value: int, lang: str) -> None:
    # (not nl/de: "1.000" with one group of points reads as one, toc.model.numbers)
    reading = read_number(show_number(value, lang))
    assert reading is not None
    assert reading.value == value


def _indicator(**fields: object) -> Indicator:
    return Indicator.model_validate({"id": "i", "label": "x", **fields})


def test_the_original_is_shown_as_reported() -> None:
    ind = _indicator(periods=[{"start": "2018", "end": "2019", "target": "2.800.000", "actual": "10–12"}])
    assert show_value(ind.periods[0].target, ind, "en") == "2.800.000"
    assert show_value(ind.periods[0].actual, ind, "en") == "10–12"


def test_latest_names_every_figure_and_marks_the_trend() -> None:
    ind = _indicator(
        baseline=0,
        unit="km",
        periods=[
            {"start": "2015", "end": "2015", "label": "Milestone 1", "target": 0, "actual": 50},
            {"start": "2016", "end": "2016", "label": "Milestone 2", "target": 2000000, "actual": 40},
        ],
    )
    text = latest(ind, ind.periods[1], "en")
    assert text == "baseline 0 · target 2,000,000 · actual 40 ↓ (km)"
    assert "→ 2000000" not in text
    assert trend(ind, ind.periods[0]) == "↑"
    assert series(ind, "nl") == [
        "Milestone 1: streefwaarde 0, gerealiseerd 50",
        "Milestone 2: streefwaarde 2.000.000, gerealiseerd 40",
    ]


def test_a_judged_milestone_says_so() -> None:
    ind = _indicator(
        periods=[{"start": "2018", "end": "2019", "target": 20, "verdict": {"status": "achieved"}}]
    )
    assert series(ind, "en") == ["2018–2019: target 20, actual – (judged: achieved)"]


def test_a_value_in_words_is_shortened_for_a_box_at_a_word_and_kept_whole_elsewhere() -> None:
    quote = "Het is nog niet mogelijk om een definitief cijfer te geven. Zeker 18/20 pilootgemeenten"
    indicator = Indicator.model_validate(
        {"id": "i", "label": "x", "periods": [{"start": 2019, "end": 2019, "target": 15, "actual": quote}]}
    )
    period = indicator.periods[0]
    assert show_value(period.actual, indicator, "nl") == quote
    short = show_value(period.actual, indicator, "nl", most=60)
    assert short == "Het is nog niet mogelijk om een definitief cijfer te geven…"
    assert len(short) <= 60
    assert show_value(period.target, indicator, "nl", most=5) == "15"  # numbers are never cut
    assert shortened("x" * 100, 60) == "x" * 59 + "…"  # one long word is cut where it must be
