"""Writing logframes: each layout read back with openpyxl alone, the round trips, text never a
formula, the same bytes every time, and what a layout cannot hold told."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest

import toc
from tests.logframes.helpers import DATA, VVSG, cells, export, export_csv, held, load
from toc.io.logframe.write import row_heights
from toc.model import Model

LAYOUTS = ("eu", "fcdo", "matrix")


@pytest.fixture(scope="module")
def vvsg() -> Model:
    return toc.load(VVSG)


def test_eu_layout_of_the_vvsg_model(vvsg: Model) -> None:
    data, notes = export(vvsg, "eu", "nl")
    book = openpyxl.load_workbook(io.BytesIO(data))
    ws = book["LOGFRAME"]
    assert [c.value for c in ws[1]] == [
        "Resultaten",
        "Resultatenketen",
        "Indicatoren",
        "Basiswaarden (waarde en referentiejaar)",
        "Streefwaarden (waarde en referentiejaar)",
        "Huidige waarde (referentiejaar)",
        "Bronnen en verificatiemiddelen",
        "Aannames",
    ]
    assert ws.freeze_panes == "C2"
    assert ws["A2"].value == "Impact (Algemene doelstelling)"
    assert ws["A2"].fill.fgColor.rgb.endswith("D9E1F2")
    assert ws["B2"].alignment.wrap_text
    assert any(
        r.min_col == r.max_col == 1 and r.max_row > r.min_row for r in ws.merged_cells.ranges
    )  # level cells merged
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert "40 (2019-12)" in texts  # a current value with its year (Tabel 3: 40 of 70 municipalities)
    assert "Activiteiten" in texts  # the activities table below the matrix
    assert notes
    assert "cannot hold" in notes[0]
    assert f"{len(vvsg.evidence)} evidence" in notes[0]
    assert "3 pathways" in notes[0]


def test_fcdo_layout_every_milestone_planned_and_achieved() -> None:
    model = toc.loads(
        """
toc: 1
programme: {id: p, title: Roads}
logframe:
  impact:
    id: i
    label: Trade grows
    indicators:
      - id: ind
        label: Exports
        baseline: {value: "2,000,000", year: 2017}
        periods:
          - {start: 2018, end: 2018, label: Milestone 1, target: 2100000, actual: "2,050,000"}
          - {start: 2019, end: 2019, label: Milestone 2, target: 2200000}
          - {start: 2020, end: 2020, label: Target, target: 2500000}
        means_of_verification: [Customs data]
    assumptions: [{id: a, statement: Borders stay open}]
"""
    )
    changes = [("OUTPUT", "Output 2 indicator replaced"), ("=cmd", "@evil")]
    data, _ = export(model, "fcdo", record_of_changes=changes)
    book = openpyxl.load_workbook(io.BytesIO(data))
    ws = book["RESULTS FRAMEWORK"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=3, max_row=6)]
    assert rows[0][:7] == [
        "IMPACT",
        "Impact Indicator 1.1",
        None,
        "Baseline",
        "Milestone 1 (2018)",
        "Milestone 2 (2019)",
        "Target (2020)",
    ]
    assert rows[1][1:7] == ["Exports", "Planned", "2,000,000 (2017)", "2100000", "2200000", "2500000"]
    assert rows[2][2:5] == ["Achieved", None, "2,050,000"]
    assert rows[3][2:4] == ["Source", "Customs data"]
    log = book["RECORD OF CHANGES"]
    assert [c.value for c in log[1]] == [
        "Date",
        "Version number",
        "Level of change",
        "Reason for change",
        "Approved by",
    ]
    assert [log["C2"].value, log["D2"].value, log["C3"].value, log["D3"].value] == [
        "OUTPUT",
        "Output 2 indicator replaced",
        "=cmd",
        "@evil",
    ]
    assert log["C3"].data_type == "s"
    back, _ = load(data)
    assert held(back) == held(model)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_model_to_workbook_to_model_keeps_what_the_layout_holds(vvsg: Model, layout: str) -> None:
    data, _ = export(vvsg, layout, "en")
    back, _ = load(data)
    expected = held(vvsg, "en", matrix=layout == "matrix", eu=layout == "eu", fcdo=layout == "fcdo")
    if layout == "fcdo":  # the results framework lists no activities
        expected = [r for r in expected if r[0] != "activity"]
    assert held(back, matrix=layout == "matrix", eu=layout == "eu", fcdo=layout == "fcdo") == expected


@pytest.mark.parametrize("workbook", ["vvsg_eu.xlsx", "v4c_fcdo.xlsx", "lfc_fcdo.xlsx"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_workbook_to_model_to_workbook_keeps_every_cell(layout: str, workbook: str) -> None:
    source, _ = load((DATA / workbook).read_bytes())
    first, _ = export(source, layout)
    again, _ = export(load(first)[0], layout)
    assert cells(again) == cells(first)
    assert again == first  # the same bytes, too


def test_the_same_model_gives_the_same_bytes(vvsg: Model) -> None:
    assert export(vvsg, "eu")[0] == export(vvsg, "eu")[0]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_no_zip_entry_carries_the_time_or_file_mode_of_the_export(vvsg: Model, layout: str) -> None:
    """Bytes that stay the same from one day (and machine) to the next: openpyxl dates its
    entries now, and writes each sheet through a temporary file with its own date and mode."""
    with zipfile.ZipFile(io.BytesIO(export(vvsg, layout)[0])) as archive:
        entries = archive.infolist()
    assert any(e.filename.startswith("xl/worksheets/") for e in entries)
    assert {(e.date_time, e.external_attr, e.compress_type) for e in entries} == {
        ((1980, 1, 1, 0, 0, 0), 0o600 << 16, zipfile.ZIP_DEFLATED)  # rw-------, as zipfile gives text
    }


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("label", ['=HYPERLINK("http://x")', "+1+2", "-3", "@SUM(A1)", "=1/0"])
def test_text_is_never_a_formula(layout: str, label: str) -> None:
    model = toc.loads(
        f"""
toc: 1
programme: {{id: p, title: {label!r}}}
nodes:
  - {{id: o, level: outcome, label: {label!r},
      indicators: [{{id: i, label: {label!r}, means_of_verification: [{label!r}]}}]}}
  - {{id: a, level: output, label: {label!r}}}
links: [{{from: a, to: o, assumptions: [s]}}]
assumptions: [{{id: s, statement: {label!r}}}]
"""
    )
    data, _ = export(model, layout)
    book = openpyxl.load_workbook(io.BytesIO(data))
    found = [
        c
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value and label in str(c.value)
    ]
    assert found
    for cell in found:
        assert cell.data_type == "s", cell.coordinate
    back, _ = load(data)
    assert str(back.nodes[0].label).endswith(label)


def test_csv_matrix_round_trip(vvsg: Model) -> None:
    text = export_csv(vvsg, "en")
    assert text.splitlines()[0] == "Level,Objectives,Indicators,Means of verification,Assumptions"
    back, _ = load(text.encode(), "vvsg.csv")
    assert held(back, matrix=True) == held(vvsg, "en", matrix=True)


def test_the_model_language_is_the_default(vvsg: Model) -> None:
    data, _ = export(vvsg, "matrix")  # the VVSG model is in Dutch first
    ws = openpyxl.load_workbook(io.BytesIO(data))["LOGFRAME"]
    assert ws["A1"].value == "Niveau"
    assert ws["A2"].value == "Algemene doelstelling"


def test_fcdo_weighting_and_risk_rating_round_trip() -> None:
    model = toc.loads(
        """
toc: 1
programme: {id: p, title: Roads}
nodes:
  - {id: imp, level: impact, label: Trade grows}
  - {id: oc, level: outcome, label: Roads used, weighting: 100, risk: Low}
  - id: o1
    level: output
    label: Roads rebuilt
    weighting: 62.5
    risk: Medium
    indicators:
      - {id: k1, label: Km rebuilt, baseline: {value: "0", year: 2015}}
  - {id: o2, level: output, label: Crews trained, weighting: 37.5, risk: an election may stop the works}
links:
  - {from: o1, to: oc}
  - {from: o2, to: oc}
  - {from: oc, to: imp}
"""
    )
    data, notes = export(model, "fcdo")
    assert not any("weighting" in n for n in notes)
    ws = openpyxl.load_workbook(io.BytesIO(data))["RESULTS FRAMEWORK"]
    texts = [str(c.value) for row in ws.iter_rows() for c in row if c.value]
    assert {"OUTPUT WEIGHTING (%)", "RISK RATING", "62.5%"} <= set(texts)
    back, notes = load(data)
    assert not notes  # every cell placed
    rated = {
        n.label.root if hasattr(n.label, "root") else str(n.label): (n.weighting, n.risk) for n in back.nodes
    }
    assert rated == {
        "Trade grows": (None, None),
        "Roads used": (100, "Low"),
        "Roads rebuilt": (62.5, "Medium"),
        "Crews trained": (37.5, "an election may stop the works"),
    }
    assert export(back, "fcdo")[0] == data  # and the same workbook again


@pytest.mark.parametrize("layout", ["eu", "matrix"])
def test_other_layouts_say_they_cannot_hold_weighting_and_risk(layout: str) -> None:
    model = toc.loads(
        "toc: 1\nprogramme: {id: p, title: P}\n"
        "nodes:\n  - {id: o, level: output, label: Out, weighting: 30, risk: High}\n"
    )
    _, notes = export(model, layout)
    assert any("1 results' weighting and risk rating" in n for n in notes)


def test_the_v4c_results_framework_round_trip_in_its_own_layout() -> None:
    """The DFID workbook as read, written as an FCDO results framework and read again: every
    output, indicator, baseline, milestone, source, assumption, weighting and risk rating."""
    source, _ = load((DATA / "v4c_fcdo.xlsx").read_bytes())
    back, notes = load(export(source, "fcdo")[0])
    assert not notes
    assert held(back, fcdo=True) == held(source, fcdo=True)
    assert back.programme.title == source.programme.title


def _chain(model: Model) -> tuple[list[tuple[object, ...]], ...]:
    """A model's results, links, assumptions and every indicator's periods (label, dates, target
    and actual), by position and text: a written workbook numbers every result, so ids differ."""
    at = {n.id: k for k, n in enumerate(model.nodes)}
    return (
        [(n.level, model.text(n.label), len(n.indicators)) for n in model.nodes],
        [(at[k.source], at[k.target]) for k in model.links],
        [(model.text(a.statement), [at[x] for x in a.applies_to]) for a in model.assumptions],
        [
            (at[n.id], j, model.text(p.label) if p.label else None, p.start, p.end, p.target, p.actual)
            for n in model.nodes
            for j, i in enumerate(n.indicators)
            for p in i.periods
        ],
    )


def test_the_lfc_results_framework_round_trip_in_its_own_layout() -> None:
    """Leadership for Change read, written as a results framework and read again: the impact,
    the outcome and the outputs, their links, every indicator, baseline, milestone (those saying
    N/A too), source and assumption."""
    source, _ = load((DATA / "lfc_fcdo.xlsx").read_bytes())
    data, notes = export(source, "fcdo")
    assert not notes  # the results framework holds all of it
    back, notes = load(data)
    assert not notes
    assert held(back, fcdo=True) == held(source, fcdo=True)
    assert _chain(back) == _chain(source)
    assert back.programme.title == source.programme.title
    ws = openpyxl.load_workbook(io.BytesIO(data))["RESULTS FRAMEWORK"]
    assert [c.value for c in ws[3]][:7] == [
        "IMPACT",
        "Impact Indicator 1.1",
        None,
        "Baseline",
        "Milestone 1",
        "Milestone 2",
        "Target",
    ]
    assert [c.value for c in ws[4]][3:7] == ["54%", "N/A", "N/A", "59%"]


HEALTH = """
toc: 1
programme: {id: p, title: Health}
nodes:
  - id: imp
    level: impact
    label: Fewer deaths
    indicators:
      - id: d
        label: Deaths
"""
"""A model with one indicator, its baseline and periods to follow."""

UNDATED = (
    HEALTH
    + """        baseline: {value: "100", year: 2015}
        periods:
          - {label: Milestone 1, target: "80", actual: "85"}
          - {start: 2020, end: 2020, label: Target, target: "60"}
"""
)


def test_an_undated_milestone_is_written_under_its_label_and_read_back_undated() -> None:
    model = toc.loads(UNDATED)
    data, _ = export(model, "fcdo")
    ws = openpyxl.load_workbook(io.BytesIO(data))["RESULTS FRAMEWORK"]
    assert [c.value for c in ws[3]][3:6] == ["Baseline", "Milestone 1", "Target (2020)"]
    back, notes = load(data)
    assert not notes
    assert held(back, fcdo=True) == held(model, fcdo=True)
    first = back.nodes[0].indicators[0].periods[0]
    assert (back.text(first.label), first.start, first.end) == ("Milestone 1", None, None)
    assert export(back, "fcdo")[0] == data  # workbook → model → workbook: the same bytes


def test_a_milestone_with_no_value_is_written_n_a_and_read_back() -> None:
    """An empty Planned and Achieved column is no milestone when read: a period with neither
    a target nor an actual value is written N/A, so that it comes back."""
    model = toc.loads(
        HEALTH
        + """        periods:
          - {start: 2019, end: 2019, label: Milestone 1}
          - {start: 2020, end: 2020, label: Milestone 2, actual: "70"}
          - {start: 2021, end: 2021, label: Target, target: "60"}
"""
    )
    data, _ = export(model, "fcdo")
    ws = openpyxl.load_workbook(io.BytesIO(data))["RESULTS FRAMEWORK"]
    assert [c.value for c in ws[4]][4:7] == ["N/A", None, "60"]  # the actual alone keeps Milestone 2
    back, notes = load(data)
    assert not notes
    assert [
        (model.text(p.label), p.start, p.target, p.actual) for p in back.nodes[0].indicators[0].periods
    ] == [(model.text(p.label), p.start, p.target, p.actual) for p in model.nodes[0].indicators[0].periods]


def test_an_undated_current_value_in_the_eu_matrix() -> None:
    model = toc.loads(UNDATED)
    data, _ = export(model, "eu")
    texts = [
        str(c.value) for row in openpyxl.load_workbook(io.BytesIO(data))["LOGFRAME"].iter_rows() for c in row
    ]
    assert "85" in texts  # the current value, with no year to write
    assert "60 (2020)" in texts
    back, _ = load(data)
    assert held(back, eu=True) == held(model, eu=True)
    current = back.nodes[0].indicators[0].periods[-1]
    assert (current.start, current.actual and current.actual.value) == (None, 85)


def test_a_practitioners_undated_milestone_round_trip_in_the_same_layout() -> None:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    for row in (
        [
            "OUTPUT 1",
            "Output Indicator 1.1",
            "",
            "Baseline (2012)",
            "Milestone 1",
            "Milestone 2",
            "Target (2015)",
        ],
        ["Wells dug", "Wells working", "Planned", "0", "20", "40", "60"],
        ["", "", "Achieved", "", "18", "", ""],
    ):
        ws.append(row)
    raw = io.BytesIO()
    book.save(raw)
    model, _ = load(raw.getvalue())
    periods = model.nodes[0].indicators[0].periods
    assert [(model.text(p.label), p.end) for p in periods] == [
        ("Milestone 1", None),
        ("Milestone 2", None),
        ("Target", "2015"),
    ]
    first, _ = export(model, "fcdo")
    again, _ = load(first)
    assert cells(export(again, "fcdo")[0]) == cells(first)
    assert held(again, fcdo=True) == held(model, fcdo=True)


def test_row_heights_are_those_openpyxl_sets_itself() -> None:
    """The quick way to set row heights against the plain one: the same rows, attributes and
    saved sheet."""
    heights = {2: 32, 3: 47.5, 7: 17, 1000: 92}

    def saved(quick: bool) -> tuple[bytes, dict[int, dict[str, object]]]:
        book = openpyxl.Workbook()
        ws = book.active
        assert ws is not None
        ws["A1"] = "text"
        if quick:
            row_heights(ws, heights)
        else:
            for row, height in heights.items():
                ws.row_dimensions[row].height = height
        rows = {r: dict(vars(d), own=d.parent is ws, style=d.style_id) for r, d in ws.row_dimensions.items()}
        raw = io.BytesIO()
        book.save(raw)
        with zipfile.ZipFile(raw) as archive:
            return archive.read("xl/worksheets/sheet1.xml"), rows

    quick, plain = saved(quick=True), saved(quick=False)
    assert quick == plain
    assert b'<row r="1000" ht="92" customHeight="1"' in quick[0]
