"""Reading logframes: the layouts found by their header words, values with their years, the
vertical logic, and every cell that could not be placed told with its sheet and cell."""

from __future__ import annotations

import io

import openpyxl
import pytest

from tests.logframes.helpers import DATA, load
from toc.errors import LoadError
from toc.io.logframe.read import dated, items, level_of
from toc.model import Level
from toc.rules import run_rules


def _book(rows: list[list[object]], title: str = "Sheet", merges: tuple[str, ...] = ()) -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = title
    for row in rows:
        ws.append(row)
    for merge in merges:
        ws.merge_cells(merge)
    raw = io.BytesIO()
    book.save(raw)
    return raw.getvalue()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2,000,000 (2017)", ("2,000,000", "2017")),
        ("0 (2013)", ("0", "2013")),
        ("45 % [2019]", ("45 %", "2019")),
        ("2017: 45%", ("45%", "2017")),
        ("12 (March 2020)", ("12", "2020")),
        ("policy adopted", ("policy adopted", None)),
        ("(2017)", ("(2017)", None)),
    ],
)
def test_a_value_with_its_year(text: str, expected: tuple[str, str | None]) -> None:
    assert dated(text) == expected


def test_several_items_in_one_cell() -> None:
    assert items("• first\n- second\n\n* third") == ["first", "second", "third"]
    assert items("-3 households") == ["-3 households"]  # a minus is not a bullet


@pytest.mark.parametrize(
    ("text", "level", "number"),
    [
        ("Impact (Overall objective)", "impact", ""),
        ("OUTPUT 2", "output", "2"),
        ("Output 1.2: Farmers trained", "output", "1.2"),
        ("Specific objective", "outcome", ""),
        ("Goal", "impact", ""),
        ("Purpose", "outcome", ""),
        ("Activities", "activity", ""),
        ("Specifieke doelstelling", "outcome", ""),
        ("Objectif général", "impact", ""),
    ],
)
def test_level_words(text: str, level: str, number: str) -> None:
    found = level_of(text)
    assert found is not None
    assert found[:2] == (level, number)


def test_vvsg_workbook_as_a_practitioner_keeps_it() -> None:
    model, notes = load((DATA / "vvsg_eu.xlsx").read_bytes(), "vvsg_eu.xlsx")
    levels = [n.level for n in model.nodes]
    assert levels.count(Level.IMPACT) == 1
    assert levels.count(Level.OUTCOME) == 1
    assert levels.count(Level.OUTPUT) == 4
    indicators = {i.label: i for _, i in model.indicators()}
    assert len(indicators) == 8  # three of them written in one cell, one per line
    trajectories = indicators[
        "70 verschillende steden en gemeenten hebben deelgenomen aan één of meerdere leertrajecten"
    ]
    period = trajectories.periods[0]
    assert (period.end, period.target and period.target.value, period.actual and period.actual.value) == (
        "2019",
        70,
        40,
    )
    useful = indicators[
        "70% van de deelnemers aan de leertrajecten ervaart deze trajecten als nuttig en interessant"
    ]
    assert useful.periods[0].actual is not None
    assert useful.periods[0].actual.original == "53 %"
    assert not useful.baselines  # "—": the report gives none
    communication = indicators[
        "80 steden en gemeenten hebben de SDG's opgenomen in hun interne en externe communicatie"
    ]
    assert communication.means_of_verification == ["enquête Mondiale Dimensie 2018"]
    # the vertical logic: every output contributes to the outcome, the outcome to the impact
    targets = {link.source: link.target for link in model.links}
    assert all(targets[n.id] == "outcome-1" for n in model.nodes if n.level is Level.OUTPUT)
    assert targets["outcome-1"] == "impact"
    # "Niet van toepassing" is no assumption; the others sit on the link up from their row
    assert len(model.assumptions) == 4
    assert [link.assumptions for link in model.links if link.source == "output-1.1"] == [
        ["output-1.1-assumption-1"]
    ]
    # the comments column is no logframe column: each of its cells is told, with sheet and cell
    assert notes[0].startswith("vvsg_eu.xlsx:Logframe!I5: not placed: 'para 58'")
    assert len(notes) == 4
    # where each element was written
    assert str(model.locate("output-2.1-indicator-3")) == "vvsg_eu.xlsx:Logframe!C12"


def test_numbered_activities_attach_to_their_output() -> None:
    data = _book(
        [
            ["Level", "Objectives", "Indicators", "Means of verification", "Assumptions"],
            ["Goal", "Poverty reduced", "Poverty rate", "Census", ""],
            ["Purpose", "Incomes rise", "Income", "Survey", "Prices hold"],
            ["Outputs", "1. Farmers trained", "Farmers trained", "Register", ""],
            ["", "2. Roads built", "km built", "Reports", ""],
            ["Activities", "2.1 Survey routes", "", "", ""],
            ["", "1.1 Run courses", "", "", "Trainers available"],
        ]
    )
    model, notes = load(data)
    assert not notes
    targets = {link.source: link.target for link in model.links}
    assert targets["activity-2.1"] == "output-2"
    assert targets["activity-1.1"] == "output-1"
    assert targets["output-1"] == targets["output-2"] == "outcome"
    assert model.assumptions[-1].statement == "Trainers available"


def test_headers_in_another_case_with_extra_words_and_columns() -> None:
    data = _book(
        [
            ["My programme logframe"],
            [],
            [
                "RESULTS",
                "Results chain (intervention logic)",
                "Indicators (OVI)",
                "Notes",
                "BASELINE (value & year)",
                "TARGET (value & year)",
                "current value* (reference year)",
                "Sources & means of verification",
                "ASSUMPTIONS",
            ],
            [
                "Impact",
                "People live longer",
                "Life expectancy",
                "",
                "61 (2015)",
                "64 (2025)",
                "62 (2020)",
                "WHO",
                "",
            ],
            [
                "Outcome",
                "Clinics serve more people",
                "Visits per year",
                "check!",
                "2,000,000 (2017)",
                "2,800,000 (2025)",
                "",
                "HMIS",
                "Staff stay",
            ],
            [],
            ["Outputs", "Clinics built", "Clinics", "", "0 (2017)", "40 (2025)", "12 (2020)", "Reports", ""],
        ]
    )
    model, notes = load(data)
    outcome = next(n for n in model.nodes if n.level is Level.OUTCOME)
    baseline = outcome.indicators[0].baselines[0]
    assert (baseline.value, baseline.original, baseline.year) == (2_000_000, "2,000,000", 2017)
    output = next(n for n in model.nodes if n.level is Level.OUTPUT)
    periods = output.indicators[0].periods
    assert [(p.end, p.target and p.target.value, p.actual and p.actual.value) for p in periods] == [
        ("2025", 40, None),
        ("2020", None, 12),
    ]
    assert notes == ["logframe.xlsx:Sheet!D5: not placed: 'check!' (no logframe column or row takes it)"]


def test_the_blank_dfid_template_reads_as_an_empty_results_framework() -> None:
    model, notes = load((DATA / "dfid_template_blank.xlsx").read_bytes(), "dfid.xlsx")
    assert not model.nodes
    assert not notes  # its labels (PRIMARY THEME, Source, weighting) are known words with nothing beside them


def test_a_sheet_with_no_logframe_is_a_clear_error() -> None:
    with pytest.raises(LoadError) as caught:
        load(_book([["Name", "Phone"], ["Ann", "123"]]), "people.xlsx")
    assert "no logframe found" in str(caught.value)
    assert "Means of verification" in caught.value.problems[0].hint


def test_a_milestone_without_a_year_is_kept_undated_and_flagged_for_iati() -> None:
    data = _book(
        [
            ["IMPACT", "Impact Indicator", "Baseline", "Milestone 1", "Target (2020)"],
            ["Fewer deaths", "Deaths", "100", "80", "60"],
        ]
    )
    model, _ = load(data)
    (indicator,) = model.nodes[0].indicators
    first, last = indicator.periods
    assert (model.text(first.label), first.start, first.end) == ("Milestone 1", None, None)
    assert (last.start, last.end) == ("2020", "2020")
    assert [p.target.value for p in indicator.periods if p.target] == [80, 60]
    found = [d for d in run_rules(model) if d.name == "iati-period-undated"]
    assert [(d.sheet, d.line) for d in found] == [("Sheet", 2)]


def test_csv_matrix_with_semicolons() -> None:
    text = (
        "Level;Objectives;Indicators;Means of verification;Assumptions\n"
        "Goal;Health improves;Deaths;Census;\n"
        "Outputs;Nurses trained;Nurses;Register;Nurses stay\n"
    )
    model, notes = load(text.encode(), "matrix.csv")
    assert [n.label for n in model.nodes] == ["Health improves", "Nurses trained"]
    assert model.links[0].assumptions == ["output-assumption-1"]
    assert not notes
