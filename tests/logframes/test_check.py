"""``toc check`` on a workbook: the rules run on it, and every format points at sheet and cell."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import toc
from tests.logframes.helpers import DATA
from toc.cli import main
from toc.cli.streams import Streams
from toc.diagnostics import Diagnostic, Severity
from toc.errors import Location, Problem
from toc.formatters import Report, render

WORKBOOK = DATA / "vvsg_eu.xlsx"


def _run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], Streams(out, err, {}))
    return code, out.getvalue(), err.getvalue()


def test_check_a_workbook_text(tmp_path: Path) -> None:
    path = tmp_path / "logframe.xlsx"
    path.write_bytes(WORKBOOK.read_bytes())
    code, out, err = _run("check", path)
    assert code in (0, 1)
    # the impact has no indicator: found at the cell of its results chain
    assert "  Logframe!B4 warning  impact " in out
    assert "has no indicator [TOC401 indicator-missing]" in out
    assert f"toc check: {path}:Logframe!I5: not placed: 'para 58'" in err


def test_check_a_workbook_json() -> None:
    _code, out, _ = _run("check", WORKBOOK, "--format", "json")
    found = json.loads(out)["diagnostics"]
    missing = next(d for d in found if d["name"] == "indicator-missing")
    assert (missing["sheet"], missing["line"], missing["column"]) == ("Logframe", 4, 2)


SHEETED = Diagnostic(
    "lf.xlsx", 7, 3, "TOC401", "no indicator", "indicator-missing", Severity.WARNING, "x", sheet="LOGFRAME"
)
REPORT = Report((SHEETED,), ("lf.xlsx",))


def test_location_names_the_cell() -> None:
    assert str(Location("lf.xlsx", 7, 3, "LOGFRAME")) == "lf.xlsx:LOGFRAME!C7"
    assert str(Location("lf.xlsx", 7, 28, "S")) == "lf.xlsx:S!AB7"
    assert str(Location("lf.xlsx", 0, 0, "S")) == "lf.xlsx:S"
    assert str(Location("m.yaml", 7, 3)) == "m.yaml:7:3"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("text", "  LOGFRAME!C7 warning  no indicator"),
        (
            "github",
            "::warning file=lf.xlsx,line=7,col=3,title=TOC401 indicator-missing::LOGFRAME!C7: no indicator",
        ),
        ("junit", "lf.xlsx:LOGFRAME!C7: no indicator"),
    ],
)
def test_each_formatter_shows_the_sheet(name: str, expected: str) -> None:
    assert expected in render(name, REPORT)


def test_json_and_sarif_carry_the_sheet() -> None:
    data = json.loads(render("json", REPORT))["diagnostics"][0]
    assert (data["file"], data["sheet"], data["line"], data["column"]) == ("lf.xlsx", "LOGFRAME", 7, 3)
    sarif = json.loads(render("sarif", REPORT))["runs"][0]["results"][0]["locations"][0]
    assert sarif["physicalLocation"]["region"] == {"startLine": 7, "startColumn": 3}
    assert sarif["properties"] == {"sheet": "LOGFRAME", "cell": "C7"}
    ET.fromstring(render("junit", REPORT))  # still well-formed


def test_an_unreadable_workbook_names_its_sheet() -> None:
    problem = Problem(Location("lf.xlsx", 0, 0, "Big"), "sheet 'Big' spans 200,000 rows")
    report = Report((), (), input_errors=(problem,))
    assert json.loads(render("json", report))["summary"]["unreadable"][0]["sheet"] == "Big"


def test_convert_flags_and_notices(tmp_path: Path) -> None:
    out = tmp_path / "lf.xlsx"
    code, _, err = _run(
        "convert",
        Path(__file__).parents[2] / "models" / "vvsg_2017_2019.yaml",
        "-o",
        out,
        "--layout",
        "fcdo",
        "--lang",
        "en",
    )
    assert code == 0
    assert out.read_bytes().startswith(b"PK")
    evidence = len(toc.load(Path(__file__).parents[2] / "models" / "vvsg_2017_2019.yaml").evidence)
    assert f"toc convert: the fcdo layout cannot hold: {evidence} evidence" in err
    code, _, err = _run("convert", out, "-o", tmp_path / "m.yaml", "--layout", "nope")
    assert code == 2


def test_convert_fills_the_record_of_changes_from_toc_diff(tmp_path: Path) -> None:
    import openpyxl

    from toc.diff import diff, record_of_changes

    models = Path(__file__).parents[2] / "models"
    old, new = models / "vvsg_2016_logframe.yaml", models / "vvsg_2017_2019.yaml"
    out = tmp_path / "lf.xlsx"
    code, _, err = _run("convert", new, "-o", out, "--layout", "fcdo", "--lang", "en", "--changes-since", old)
    assert code == 0, err
    sheet = openpyxl.load_workbook(out)["RECORD OF CHANGES"]
    rows = [(r[2].value, r[3].value) for r in sheet.iter_rows(min_row=2)]
    expected = record_of_changes(diff(toc.load(old), toc.load(new), check=False), "en")
    assert rows == expected
    assert len(rows) > 10


def test_changes_since_needs_a_format_that_keeps_a_record(tmp_path: Path) -> None:
    models = Path(__file__).parents[2] / "models"
    code, _, err = _run(
        "convert",
        models / "vvsg_2017_2019.yaml",
        "-o",
        tmp_path / "m.yaml",
        "--changes-since",
        models / "vvsg_2016_logframe.yaml",
    )
    assert code == 2
    assert "the yaml format keeps no record of changes" in err
    assert not (tmp_path / "m.yaml").exists()


def test_check_the_v4c_results_framework() -> None:
    code, out, err = _run("check", DATA / "v4c_fcdo.xlsx")
    assert code in (0, 1)
    assert not err  # every cell placed
    # three outputs with no outcome above them: each told at its statement's cell
    assert out.count("[TOC103 orphan-node]") == 3
    assert '  RESULTS FRAMEWORK!A24 warning  output "Community of people' in out
    assert 'RESULTS FRAMEWORK!B24 warning  indicator "Cumulative number of people reached' in out


def test_check_the_lfc_results_framework() -> None:
    """Leadership for Change has its impact and outcome: no result is an orphan, and what the
    published logframe leaves empty is found at its cell."""
    code, out, err = _run("check", DATA / "lfc_fcdo.xlsx", "--format", "json")
    assert code in (0, 1)
    assert not err  # every cell placed
    found = [(d["code"], d["sheet"], d["line"], d["column"]) for d in json.loads(out)["diagnostics"]]
    assert not [f for f in found if f[0] == "TOC103"]  # the outputs reach the outcome, the outcome the impact
    # the outcome's first indicator (B14) has no baseline and no target in the stored source
    assert ("TOC403", "RESULTS FRAMEWORK", 14, 2) in found
    assert ("TOC404", "RESULTS FRAMEWORK", 14, 2) in found
    # the four outputs' indicator rows are not filled in
    assert sorted(f[2] for f in found if f[0] == "TOC401") == [31, 36, 41, 46]
    # the impact's targets sit under the template's undated Target column: IATI needs dates
    assert [f[2] for f in found if f[0] == "TOC703"] == [4, 8]
