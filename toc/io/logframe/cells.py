"""A workbook or CSV file as plain text cells, read without running or evaluating anything in it.

A workbook is a zip of XML parts. Before openpyxl sees it, the zip's directory is checked: its
entries' declared sizes must add up to at most :data:`MAX_UNPACKED` (a zip bomb declares a huge
size, or a tiny one the reader then stops at, as Python's zipfile does). openpyxl parses the parts
with defusedxml (no entity expansion), keeps no macros (``.xlsm``: the VBA part is never loaded,
let alone run) and no external links. Formulas are never evaluated: a formula cell is reported
and left out, whatever value Excel cached for it (a logframe states values, it does not compute
them). Merged cells give their text to every cell they cover, with the merge's first cell as
origin, so that a result written once beside its three indicators is read for all three.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime

from toc.errors import LoadError, Location, Problem

__all__ = ["MAX_CELLS", "MAX_COLUMNS", "MAX_ROWS", "MAX_UNPACKED", "Sheet", "read_csv", "read_workbook"]

MAX_UNPACKED = 256 << 20
"""Largest total uncompressed size of a workbook's parts (a logframe is a few hundred KB)."""
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_CELLS = 2_000_000
"""An enormous sheet is refused before its cells are read into text."""

Cell = tuple[int, int]
"""``(row, column)``, both from 1."""


@dataclass
class Sheet:
    """One sheet's non-empty cells as text, and for merged cells the cell the text was written in."""

    name: str
    cells: dict[Cell, str] = field(default_factory=dict)
    origin: dict[Cell, Cell] = field(default_factory=dict)
    notes: list[Problem] = field(default_factory=list)
    """Cells left out (formulas), to be told to the user."""
    rows: int = 0
    columns: int = 0

    def get(self, row: int, column: int) -> str:
        return self.cells.get((row, column), "")

    def first(self, row: int, column: int) -> Cell:
        """The cell the text at ``(row, column)`` was written in (itself unless merged)."""
        return self.origin.get((row, column), (row, column))


def _refuse(file: str, message: str, hint: str, sheet: str = "") -> LoadError:
    return LoadError([Problem(Location(file, 0, 0, sheet), message, hint)])


def _check_zip(data: bytes, file: str) -> bool:
    """The zip's directory within bounds; True when it holds macros (a VBA project)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _refuse(
            file,
            "not an Excel workbook: the file is not a zip archive",
            "save it from your spreadsheet program as .xlsx (Excel workbook); "
            "a logframe matrix can also be a .csv file",
        ) from None
    with archive:
        infos = archive.infolist()
        names = {info.filename for info in infos}
        if "xl/workbook.xml" not in names and not any(n.endswith("workbook.xml") for n in names):
            raise _refuse(file, "not an Excel workbook: the zip holds no workbook part", "save it as .xlsx")
        total = sum(info.file_size for info in infos)
        if total > MAX_UNPACKED or len(infos) > 10_000:
            raise _refuse(
                file,
                f"the workbook unpacks to {total:,} bytes in {len(infos):,} parts: "
                "more than a logframe holds "
                f"(at most {MAX_UNPACKED:,} bytes)",
                "this may be a zip bomb; a real logframe unpacks to a few megabytes",
            )
        return any(n.lower().endswith("vbaproject.bin") for n in names)


def _text(value: object) -> str:
    """A cell value as the text a person reads in it."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)


def read_workbook(data: bytes, file: str) -> tuple[list[Sheet], list[Problem]]:
    """Every sheet of a workbook as text cells, and notes on what was left out."""
    macros = _check_zip(data, file)
    import warnings

    from openpyxl import load_workbook

    notes: list[Problem] = []
    if macros:
        notes.append(
            Problem(
                Location(file, 0, 0),
                "the workbook holds macros: they were not loaded and never run; only the cells were read",
            )
        )
    try:
        with warnings.catch_warnings():  # openpyxl warns about unsupported extensions, not our user's concern
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), data_only=False, keep_vba=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds for a broken part
        raise _refuse(
            file,
            f"cannot read the workbook: {type(exc).__name__}: {exc}".rstrip(": "),
            "open it in your spreadsheet program and save it again as .xlsx",
        ) from None
    sheets = []
    for ws in book.worksheets:
        rows, columns = ws.max_row, ws.max_column
        if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
            raise _refuse(
                file,
                f"sheet {ws.title!r} spans {rows:,} rows and {columns:,} columns: more than a logframe holds "
                f"(at most {MAX_ROWS:,} rows, {MAX_COLUMNS} columns)",
                "delete the empty rows and columns below and right of the logframe, "
                "or copy it to a new sheet",
                ws.title,
            )
        sheet = Sheet(ws.title, rows=rows, columns=columns)
        for row in ws.iter_rows():
            for cell in row:
                value = cell.value
                if value is None:
                    continue
                if cell.data_type == "f":
                    sheet.notes.append(
                        Problem(
                            Location(file, cell.row, cell.column, ws.title),  # type: ignore[arg-type]
                            "a formula: left out (formulas are never evaluated)",
                            "write the value itself in the cell",
                        )
                    )
                    continue
                text = _text(value)
                if text:
                    sheet.cells[(cell.row, cell.column)] = text  # type: ignore[index]
        for merged in ws.merged_cells.ranges:
            top = (merged.min_row, merged.min_col)
            found = sheet.cells.get(top)
            if found is None:
                continue
            for r in range(merged.min_row, merged.max_row + 1):
                for c in range(merged.min_col, merged.max_col + 1):
                    sheet.cells[(r, c)] = found
                    sheet.origin[(r, c)] = top
        sheets.append(sheet)
    return sheets, notes


def read_csv(data: bytes, file: str) -> Sheet:
    """A CSV file (UTF-8, with or without a byte-order mark; comma, semicolon or tab) as one sheet."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refuse(file, f"not UTF-8 text (byte {exc.start})", "save the CSV as UTF-8") from None
    if "\x00" in text:
        raise _refuse(file, "not a CSV file: it holds NUL bytes", "save the logframe as CSV (UTF-8)")
    head = text[:4096]
    delimiter = max(",;\t", key=head.count)
    sheet = Sheet("csv")
    try:
        for r, record in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), start=1):
            if r > MAX_ROWS or len(record) > MAX_COLUMNS:
                raise _refuse(file, "more rows or columns than a logframe holds", "split the file")
            for c, value in enumerate(record, start=1):
                if value.strip():
                    sheet.cells[(r, c)] = value.strip()
            sheet.rows = r
            sheet.columns = max(sheet.columns, len(record))
    except csv.Error as exc:
        raise _refuse(file, f"not a CSV file: {exc}", "save the logframe as CSV (UTF-8)") from None
    return sheet
