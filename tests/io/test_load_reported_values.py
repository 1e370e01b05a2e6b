"""Loader errors for the fields of issue 13 (values as reported, verdicts, parts, settings): each is
located at the line and column where it was written, names the path as written, and says how to fix it."""

from __future__ import annotations

import pytest

import toc
from toc.errors import Problem

INDICATOR = """\
toc: 1
programme: {id: p, title: P}
nodes:
  - id: o
    level: outcome
    label: O
    indicators:
      - id: i
        label: Municipalities with an SDG plan
        baseline: {year: 2016, value: 3}
        periods:
          - start: 2017
            end: 2019
            target: 20
            actual:
              - {value: 12}
              - {value: 7, dimensions: {province: Limburg}}
            verdict: {status: on-track, quote: Zeker 18/20 pilootgemeenten}
"""


def problems(text: str) -> list[Problem]:
    with pytest.raises(toc.LoadError) as caught:
        toc.loads(text, "m.yaml")
    return caught.value.problems


def test_the_example_loads() -> None:
    period = toc.loads(INDICATOR).nodes[0].indicators[0].periods[0]
    assert period.actual is not None
    assert period.actual.value == 12


def test_a_verdict_status_that_is_no_judgement_names_the_allowed_ones() -> None:
    [found] = problems(INDICATOR.replace("status: on-track", "status: nearly"))
    assert (found.location.line, found.location.column) == (18, 31)
    assert found.path == "nodes[0].indicators[0].periods[0].verdict.status"
    assert "achieved" in found.message + found.hint
    assert "off-track" in found.message + found.hint
    assert found.target == "i"


def test_an_unknown_field_in_a_part_is_located_in_its_list() -> None:
    [found] = problems(INDICATOR.replace("{value: 7, dimensions", "{value: 7, dimension"))
    assert found.location.line == 17
    assert found.path == "nodes[0].indicators[0].periods[0].actual[1].dimension"
    assert found.message == "unknown field 'dimension'"
    assert "dimensions" in found.hint


def test_a_dimension_given_as_a_list_asks_for_a_mapping() -> None:
    [found] = problems(INDICATOR.replace("dimensions: {province: Limburg}", "dimensions: [Limburg]"))
    assert found.location.line == 17
    assert "mapping" in found.message + found.hint


def test_a_baseline_year_out_of_range_is_named_at_the_single_baseline() -> None:
    [found] = problems(INDICATOR.replace("year: 2016", "year: 16"))
    assert (found.location.line, found.location.column) == (10, 26)
    assert found.path == "nodes[0].indicators[0].baseline.year"


def test_text_and_a_value_that_is_text_cannot_both_be_given() -> None:
    [found] = problems(INDICATOR.replace("target: 20", "target: {value: twenty, text: twenty}"))
    assert found.location.line == 14
    assert "keep one" in found.message


def test_a_tolerance_above_the_band_says_its_bound() -> None:
    text = INDICATOR.replace(
        "programme: {id: p, title: P}\n", "programme: {id: p, title: P}\nsettings: {tolerance: 5}\n"
    )
    [found] = problems(text)
    assert (found.location.line, found.location.column) == (3, 23)
    assert "0.5" in found.message


def test_an_unknown_rating_scale_names_fcdo() -> None:
    text = INDICATOR.replace(
        "programme: {id: p, title: P}\n", "programme: {id: p, title: P}\nsettings: {rating_scale: dfid}\n"
    )
    [found] = problems(text)
    assert found.location.line == 3
    assert "fcdo" in found.message + found.hint
