"""Reading logframes: the layouts found by their header words, values with their years, the
vertical logic, and every cell that could not be placed told with its sheet and cell."""

from __future__ import annotations

import io

import openpyxl
import pytest

import toc
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


def test_dfid_weighting_and_risk_cells_below_their_labels() -> None:
    """As the DFID template has them: labels in a row, values below; a weighting typed as 25% is
    stored by Excel as 0.25 with a percent format, and read as 25."""
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "RESULTS FRAMEWORK"
    rows: list[list[object]] = [
        ["OUTPUT 1", "Output Indicator 1.1", "", "Baseline", "Milestone 1 (2016)", "Target (2018)"],
        ["Health workers trained", "Number of midwives trained", "Planned", "0 (2014)", "200", "500"],
        ["", "", "Achieved", "", "180", ""],
        ["", "", "Source", "Training records"],
        ["IMPACT WEIGHTING (%)", "", "", "", "RISK RATING"],
        [0.25, "", "", "", "High"],
    ]
    for row in rows:
        ws.append(row)
    ws["A6"].number_format = "0%"
    raw = io.BytesIO()
    book.save(raw)
    model, notes = load(raw.getvalue())
    assert not notes
    (node,) = model.nodes
    assert (node.weighting, node.risk) == (25, "High")
    assert model.locate(node.id, "weighting").line == 6  # type: ignore[union-attr]


def test_a_weighting_that_is_not_a_percent_is_located() -> None:
    data = _book(
        [
            ["OUTPUT 1", "Output Indicator 1.1", "", "Baseline", "Target (2018)"],
            ["Roads rebuilt", "Km", "Planned", "0 (2014)", "50"],
            ["OUTPUT WEIGHTING (%)", "much"],
        ]
    )
    with pytest.raises(LoadError) as caught:
        load(data)
    assert "'much' is not a percent" in str(caught.value)
    assert caught.value.problems[0].location.line == 3


def test_v4c_results_framework_as_dfid_staff_keep_it() -> None:
    """DFID Nigeria's Voices for Change outputs in the 2011 results framework (tests/data/logframes)."""
    model, notes = load((DATA / "v4c_fcdo.xlsx").read_bytes(), "v4c_fcdo.xlsx")
    assert not notes  # every cell placed: labels, values, weighting, risk and assumptions
    assert model.programme.title.startswith("Voices for Change (V4C)")  # type: ignore[union-attr]
    outputs = [n for n in model.nodes if n.level is Level.OUTPUT]
    assert [(n.weighting, n.risk) for n in outputs] == [(20, "Low"), (35, "Medium"), (20, "Medium")]
    assert [len(n.indicators) for n in outputs] == [4, 4, 4]
    girls = outputs[0].indicators[0]
    assert girls.label.startswith("Number of girls who receive CSAGE package")  # type: ignore[union-attr]
    assert [(b.year, b.value) for b in girls.baselines] == [(2013, 0)]  # the year from "Baseline (2013)"
    assert [(p.label, p.end, p.target.value if p.target else None) for p in girls.periods] == [
        ("Milestone 1", "2014", 10000),
        ("Milestone 2", "2015", 40000),
        ("Milestone 3", "2016", 80000),
        ("Target", "2017", 100000),
    ]
    assert girls.means_of_verification == [
        "A safe space monitoring tool to be developed by Population Council.",
        "CSAGE biannual field performance survey.",
    ]
    assert outputs[0].indicators[2].baselines[0].text is not None  # "tbc" stays words
    assert len(model.assumptions) == 7
    assert str(model.locate(outputs[1].indicators[0].id)) == "v4c_fcdo.xlsx:RESULTS FRAMEWORK!B24"


def test_the_2011_templates_project_name_is_the_title_and_text_above_the_table_is_told() -> None:
    """DFID's 2011 logframe template labels the title PROJECT NAME; a title no label names, or
    any other text above the first indicator header, is told rather than dropped."""
    table: list[list[object]] = [
        ["IMPACT", "Impact Indicator 1", "", "Baseline", "Target (2020)"],
        ["Fewer deaths", "Deaths", "Planned", "100", "60"],
    ]
    model, notes = load(_book([["PROJECT NAME", "Safe Births"], [], *table]))
    assert (model.programme.title, notes) == ("Safe Births", [])
    model, notes = load(_book([["PROGRAMME TITLE: Safe Births"], ["Draft for the board"], *table]))
    assert model.programme.title == "Safe Births"
    assert notes == [
        "logframe.xlsx:Sheet!A2: not placed: 'Draft for the board' (no logframe column or row takes it)"
    ]
    model, notes = load(_book([["PROJECT", "Safe Births"], [], *table]))
    assert model.programme.title == "logframe"  # no title label: the file's name, and both cells told
    assert [n.split(": not placed")[0] for n in notes] == ["logframe.xlsx:Sheet!A1", "logframe.xlsx:Sheet!B1"]


def test_the_templates_unfilled_target_date_header_is_an_undated_target() -> None:
    data = _book(
        [
            ["IMPACT", "Impact Indicator 1", "", "Baseline", "Milestone 1 (date)", "Target (date)"],
            ["Fewer deaths", "Deaths", "Planned", "100", "80", "60"],
        ]
    )
    model, notes = load(data)
    assert not notes
    periods = model.nodes[0].indicators[0].periods
    assert [(model.text(p.label), p.start, p.end) for p in periods] == [
        ("Milestone 1", None, None),
        ("Target", None, None),
    ]


LFC_SOURCE = "Afrobaromter (www. Afrobarometer.org) Round 5: Kenya 2011, Nigeria 2012, Uganda 2012"


def test_lfc_results_framework_with_its_impact_and_outcome() -> None:
    """DFID's Leadership for Change logframe (tests/data/logframes): the IMPACT and OUTCOME blocks
    read as the impact and outcome, linked up the chain, with their indicators' real values."""
    model, notes = load((DATA / "lfc_fcdo.xlsx").read_bytes(), "lfc_fcdo.xlsx")
    assert not notes  # every cell placed, the PROJECT NAME beside its label too
    assert model.programme.title == "Leadership for Change: making it work for girls and women"
    assert [n.level for n in model.nodes] == [Level.IMPACT, Level.OUTCOME] + [Level.OUTPUT] * 4
    impact, outcome, *outputs = model.nodes
    assert model.text(impact.label).startswith(
        "Increased provision and take up of services by girls and women"
    )
    health, identity = impact.indicators
    assert model.text(health.label).endswith("access medical treatment at a public clinic or hospital")
    assert [(b.value, b.original, b.year) for b in health.baselines] == [(54, "54%", None)]
    assert [(b.value, b.year) for b in identity.baselines] == [(30, None)]
    # Milestones 1 and 2 say N/A: kept as undated periods with no value; the Target (date) header is undated
    assert [
        (model.text(p.label), p.start, p.target.original if p.target else None, p.actual)
        for p in health.periods
    ] == [("Milestone 1", None, None, None), ("Milestone 2", None, None, None), ("Target", None, "59%", None)]
    assert [p.target.value for p in identity.periods if p.target] == [35]
    assert health.means_of_verification == identity.means_of_verification == [LFC_SOURCE]
    assert [(link.source, link.target) for link in model.links] == [(outcome.id, impact.id)] + [
        (o.id, outcome.id) for o in outputs
    ]
    assert [model.text(i.label).split(")")[0] for i in outcome.indicators] == ["(Vital Voices"] * 3 + [
        "(Women Win"
    ]
    assert all(not i.baselines and not i.periods for i in outcome.indicators)  # not in the source
    assert [len(o.indicators) for o in outputs] == [0, 0, 0, 0]  # the template's blocks, unfilled
    (assumption,) = model.assumptions
    assert assumption.applies_to == [impact.id]
    assert str(model.locate(health.id)) == "lfc_fcdo.xlsx:RESULTS FRAMEWORK!B4"
    assert str(model.locate(outcome.id)) == "lfc_fcdo.xlsx:RESULTS FRAMEWORK!A14"
    same = toc.load(DATA / "lfc_fcdo.xlsx")  # the library's own entry point reads the same model
    assert same.model_dump(exclude={"programme"}) == model.model_dump(exclude={"programme"})
    assert same.programme.title == model.programme.title
