"""Hostile and broken input: never a traceback, never anything run or evaluated, exit 2 with a
message that says what is wrong."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.logframes.helpers import DATA, load
from toc.cli import main
from toc.cli.streams import Streams
from toc.errors import LoadError, Problem
from toc.io.logframe import cells


def _run(*argv: str | Path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main([str(a) for a in argv], Streams(out, err, {}))
    return code, out.getvalue(), err.getvalue()


def test_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "logframe.xlsx"
    path.write_text("Level,Objectives\n")
    code, _, err = _run("convert", path, "-o", tmp_path / "m.yaml")
    assert code == 2
    assert "not an Excel workbook: the file is not a zip archive" in err
    assert "Traceback" not in err
    assert not (tmp_path / "m.yaml").exists()


def test_a_zip_that_is_not_a_workbook() -> None:
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(LoadError, match="holds no workbook part"):
        load(raw.getvalue())


def test_a_zip_bomb_is_refused_before_it_is_unpacked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cells, "MAX_UNPACKED", 1 << 20)  # the same check, at a size quick to make
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (2 << 20))
    assert len(raw.getvalue()) < 10_000
    with pytest.raises(LoadError, match="zip bomb"):
        load(raw.getvalue())


def test_an_enormous_sheet_is_refused() -> None:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws["A1"] = "Objectives"
    ws.cell(row=cells.MAX_ROWS + 1, column=1, value="x")
    raw = io.BytesIO()
    book.save(raw)
    with pytest.raises(LoadError) as caught:
        load(raw.getvalue())
    assert "spans 100,001 rows" in str(caught.value)
    assert caught.value.problems[0].location.sheet == "Sheet"


def test_macros_are_never_loaded_and_formulas_never_evaluated(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["Level", "Objectives", "Indicators", "Means of verification", "Assumptions"])
    ws.append(["Goal", "Health improves", '=WEBSERVICE("http://example.invalid")', "Census", ""])
    raw = io.BytesIO()
    book.save(raw)
    with zipfile.ZipFile(raw, "a") as archive:  # as Excel stores the macros of an .xlsm
        archive.writestr("xl/vbaProject.bin", b'Attribute VB_Name = "Module1"')
    path = tmp_path / "macro.xlsm"
    path.write_bytes(raw.getvalue())
    code, out, err = _run("convert", path, "-o", "-")
    assert code == 0
    assert "macros: they were not loaded and never run" in err
    assert "macro.xlsm:Sheet!C2: a formula: left out (formulas are never evaluated)" in err
    assert "WEBSERVICE" not in out


def test_a_broken_workbook_part(tmp_path: Path) -> None:
    data = (DATA / "vvsg_eu.xlsx").read_bytes()
    raw = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(raw, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            target.writestr(info, body[: len(body) // 2] if info.filename.endswith("sheet1.xml") else body)
    code, _, err = _run("check", _write(tmp_path / "broken.xlsx", raw.getvalue()))
    assert code == 2
    assert "cannot read the workbook" in err
    assert "Traceback" not in err


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=2000))
def test_random_bytes_fail_cleanly(data: bytes) -> None:
    for name in ("x.xlsx", "x.csv"):
        problems = _problems(data, name)
        assert problems is None or (problems and problems[0].message)


def test_a_zip_feature_python_cannot_read_is_refused_with_a_reason() -> None:
    """A damaged directory entry can ask for a zip version past what zipfile reads (found by the
    test below once the test workbooks were deflated): refused, not a traceback."""
    data = bytearray((DATA / "vvsg_eu.xlsx").read_bytes())
    entry = data.index(b"PK\x01\x02")  # the first entry of the zip's central directory
    data[entry + 6 : entry + 8] = (64).to_bytes(2, "little")  # version needed to extract: 6.4
    (problem,) = _problems(bytes(data), "x.xlsx") or []
    assert str(problem) == (
        "x.xlsx: cannot read the workbook: its zip archive needs zip file version 6.4, which no "
        "spreadsheet program writes (the file may be damaged: open it in your spreadsheet program "
        "and save it again as .xlsx)"
    )


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0, max_value=8000), st.binary(min_size=1, max_size=64))
def test_a_damaged_workbook_fails_cleanly(at: int, noise: bytes) -> None:
    data = bytearray((DATA / "vvsg_eu.xlsx").read_bytes())
    at %= len(data)
    data[at : at + len(noise)] = noise
    assert _problems(bytes(data), "x.xlsx") != []  # read, or refused with a reason


def _problems(data: bytes, name: str) -> list[Problem] | None:
    """None when the file reads; else the problems it was refused with (only ever a LoadError)."""
    try:
        load(data, name)
    except LoadError as exc:
        return exc.problems
    return None
