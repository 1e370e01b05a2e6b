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
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

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
    except NotImplementedError as exc:  # zipfile's word for a zip feature it cannot read
        raise _refuse(
            file,
            f"cannot read the workbook: its zip archive needs {exc}, which no spreadsheet program writes",
            "the file may be damaged: open it in your spreadsheet program and save it again as .xlsx",
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
            book = load_workbook(
                io.BytesIO(data), read_only=True, data_only=False, keep_vba=False, keep_links=False
            )
            try:
                percents = _percent_styles(book)  # the workbook's styles: found once for its sheets
                return [_sheet(book, ws, file, percents) for ws in book.worksheets], notes
            finally:
                book.close()
    except LoadError:
        raise
    except Exception as exc:  # openpyxl raises many kinds for a broken part
        raise _refuse(
            file,
            f"cannot read the workbook: {type(exc).__name__}: {exc}".rstrip(": "),
            "open it in your spreadsheet program and save it again as .xlsx",
        ) from None


def _percent_styles(book: Any) -> set[int]:
    """The workbook's cell styles that show a number as a percent (Excel stores 30% as 0.3)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, BUILTIN_FORMATS_MAX_SIZE

    found = set()
    for index, style in enumerate(book._cell_styles):
        number = style.numFmtId
        if number < BUILTIN_FORMATS_MAX_SIZE:
            code = BUILTIN_FORMATS.get(number, "")
        else:
            code = book._number_formats[number - BUILTIN_FORMATS_MAX_SIZE]
        if "%" in re.sub(r'"[^"]*"|\\.', "", code):  # a % sign outside quoted text
            found.add(index)
    return found


def _too_big(file: str, title: str, rows: int, columns: int) -> LoadError:
    return _refuse(
        file,
        f"sheet {title!r} spans {rows:,} rows and {columns:,} columns: more than a logframe holds "
        f"(at most {MAX_ROWS:,} rows, {MAX_COLUMNS} columns)",
        "delete the empty rows and columns below and right of the logframe, or copy it to a new sheet",
        title,
    )


def _sheet(book: Any, ws: Any, file: str, percents: set[int]) -> Sheet:
    """One sheet's cells and merged ranges, in one pass of openpyxl's sheet parser over its XML.

    The workbook is opened read-only: openpyxl then neither builds a styled cell object for
    every cell nor restyles the edges of every merged range (which a full load does, and which
    took most of the import time), and the sheet's size is checked as it is read. The parser
    is the one openpyxl's read-only sheets use for their rows; it also gives the merged ranges,
    which a read-only sheet does not expose."""
    from openpyxl.worksheet._reader import WorkSheetParser
    from openpyxl.worksheet.cell_range import CellRange

    rows, columns = ws.max_row or 0, ws.max_column or 0  # as the sheet declares them, if it does
    if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        raise _too_big(file, ws.title, rows, columns)
    sheet = Sheet(ws.title)
    count = 0
    with ws._get_source() as source:
        parser = WorkSheetParser(
            source,
            ws._shared_strings,
            data_only=False,
            epoch=book.epoch,
            date_formats=book._date_formats,
            timedelta_formats=book._timedelta_formats,
        )
        for row, found in parser.parse():
            count += len(found)
            if row > MAX_ROWS or count > MAX_CELLS:
                raise _too_big(file, ws.title, max(row, sheet.rows), sheet.columns)
            for cell in found:
                column = cell["column"]
                if column > MAX_COLUMNS:
                    raise _too_big(file, ws.title, row, column)
                sheet.rows, sheet.columns = max(sheet.rows, row), max(sheet.columns, column)
                value = cell["value"]
                if value is None:
                    continue
                if cell["data_type"] == "f":
                    sheet.notes.append(
                        Problem(
                            Location(file, row, column, ws.title),
                            "a formula: left out (formulas are never evaluated)",
                            "write the value itself in the cell",
                        )
                    )
                    continue
                if (
                    cell["style_id"] in percents
                    and isinstance(value, int | float)
                    and not isinstance(value, bool)
                ):
                    text = f"{value * 100:.6g}%"  # shown as 30%, stored as 0.3 (an FCDO weighting)
                else:
                    text = _text(value)
                if text:
                    sheet.cells[(row, column)] = text
        merged = parser.merged_cells.mergeCell if parser.merged_cells is not None else []
    for ref in merged:
        merge = CellRange(ref.ref)
        top = (merge.min_row, merge.min_col)
        origin = sheet.cells.get(top)
        if origin is None:
            continue
        if merge.size["rows"] * merge.size["columns"] > MAX_CELLS:
            raise _too_big(file, ws.title, merge.max_row, merge.max_col)
        sheet.rows, sheet.columns = max(sheet.rows, merge.max_row), max(sheet.columns, merge.max_col)
        for r in range(merge.min_row, merge.max_row + 1):
            for c in range(merge.min_col, merge.max_col + 1):
                sheet.cells[(r, c)] = origin
                sheet.origin[(r, c)] = top
    return sheet


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
