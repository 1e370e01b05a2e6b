"""A model's logframe table (:func:`.table.from_model`) written in a donor's layout.

Every cell of model text is stored as a string cell, never as a formula, whatever it starts
with (``=``, ``+``, ``-``, ``@``): the data type is set after the value. The workbook is
formatted as donors' templates are (wrapped text, column widths, frozen headers, shaded and
merged level cells) and written byte for byte the same for the same model (fixed document dates
and zip timestamps).
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from toc.io.logframe.table import Measure, Milestone, Result
from toc.safetext import visible
from toc.words import word

if TYPE_CHECKING:
    from _typeshed import SizedBuffer, StrPath
    from openpyxl import Workbook
    from openpyxl.styles.cell_style import StyleArray
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["FixedTimesZip", "matrix_rows", "row_heights", "workbook_bytes", "write_csv"]

_FIXED = datetime(2000, 1, 1)
_HEADER_FILL = "1F3864"
_LEVEL_FILL = "D9E1F2"
_BLOCK_FILL = "F2F2F2"


def _with_year(text: str, date: str | None) -> str:
    return f"{text} ({date})" if text and date else text


def _item(text: str) -> str:
    """One entry of a list cell (indicators, sources, assumptions): on one line, as the cell
    holds one entry per line."""
    return " ".join(visible(text).split())


def _lines(values: Sequence[str]) -> str:
    return "\n".join(_item(v) for v in values)


_STYLES = ("plain", "header", "level", "label")
"""The kinds of cell a layout writes, each one named style of the workbook."""


def _named_styles(book: Workbook) -> dict[str, StyleArray]:
    """One named style per kind of cell (``toc plain``, ``toc header``…), registered once, and
    its style array (the indexes of its font, fill, border and alignment in the workbook's
    tables), which each cell of its kind is given a copy of. Assigning four style objects to each
    cell instead hashed each into those tables again: most of the export time."""
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
    from openpyxl.styles.fonts import DEFAULT_FONT

    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    looks = {
        "plain": (DEFAULT_FONT, PatternFill()),  # the workbook's own font, as an unstyled cell has
        "header": (Font(bold=True, color="FFFFFF"), PatternFill("solid", fgColor=_HEADER_FILL)),
        "level": (Font(bold=True), PatternFill("solid", fgColor=_LEVEL_FILL)),
        "label": (Font(bold=True), PatternFill("solid", fgColor=_BLOCK_FILL)),
    }
    arrays = {}
    for kind in _STYLES:
        font, fill = looks[kind]
        style = NamedStyle(f"toc {kind}", font=font, fill=fill, border=border, alignment=wrap)
        book.add_named_style(style)
        arrays[kind] = style.as_tuple()
    return arrays


_COLUMN_BITS = 14
"""A cell's key is ``row << 14 | column`` (a sheet has at most 16,384 columns): an integer
sorts fast, and openpyxl writes its cells in row order after sorting them."""


class _Sheet:
    """Cells written as text, with the layout's named styles. Cells, merged ranges and the lines
    each row needs are kept as the layout writes them, and handed to openpyxl in row order at
    the end (:meth:`finish`): openpyxl sorts a sheet's cells before saving them, which takes
    long when they were made out of order (a level's cell is written after its rows)."""

    def __init__(self, ws: Worksheet, styles: dict[str, StyleArray]) -> None:
        self.ws = ws
        self.styles = styles
        self.merges: list[tuple[int, int, int, int]] = []
        self.cells: dict[int, tuple[str, str]] = {}

    def put(self, row: int, column: int, text: str, style: str = "") -> None:
        key = row << _COLUMN_BITS | column
        if text:
            text = visible(text)  # XML 1.0 cannot hold control characters: their escapes
        elif key in self.cells:
            text = self.cells[key][0]  # restyled, its text kept
        self.cells[key] = (text, style or "plain")

    def merge(self, top: int, bottom: int, left: int, right: int) -> None:
        if bottom > top or right > left:
            self.merges.append((top, bottom, left, right))

    def finish(self) -> None:
        """The row heights, the merged ranges (all at once: openpyxl's ``merge_cells`` checks
        each new range against every earlier one and restyles its edge cells, and every cell
        here is already styled), then the cells, streamed row by row to the write-only sheet."""
        from openpyxl.cell import Cell
        from openpyxl.worksheet.cell_range import CellRange, MultiCellRange

        ws, styles, mask = self.ws, self.styles, (1 << _COLUMN_BITS) - 1
        self._fit_rows()
        ws.merged_cells = MultiCellRange(
            [CellRange(min_row=t, max_row=b, min_col=c, max_col=r) for t, b, c, r in self.merges]
        )
        table = ws._cells  # openpyxl's own table of the sheet's cells, filled in row order
        for key in sorted(self.cells):
            text, style = self.cells[key]
            row, column = key >> _COLUMN_BITS, key & mask
            cell = Cell(ws, row, column, style_array=styles[style])  # a copy of the named style's array
            if text:  # already visible text: set as it is, a string, never a formula
                cell._value, cell.data_type = text, "s"  # type: ignore[attr-defined]
            table[(row, column)] = cell

    def _fit_rows(self) -> None:
        """Row heights that show each wrapped text whole (spreadsheet programs do not grow a row
        for a merged cell): the lines a text needs at its column width, shared over its rows."""
        from openpyxl.utils import get_column_letter

        ws = self.ws
        spans = {(t, c): (b - t + 1, r - c + 1) for t, b, c, r in self.merges}
        chars_of: dict[tuple[int, int], int] = {}

        def chars(column: int, columns: int) -> int:
            """The characters a line holds across ``columns`` columns from ``column``."""
            key = (column, columns)
            if key not in chars_of:
                width = sum(
                    ws.column_dimensions[get_column_letter(c)].width or 10
                    for c in range(column, column + columns)
                )
                chars_of[key] = max(int(width * 1.1), 1)
            return chars_of[key]

        need: dict[int, float] = {}
        mask = (1 << _COLUMN_BITS) - 1
        for key, (text, _) in self.cells.items():
            if not text:
                continue
            row, column = key >> _COLUMN_BITS, key & mask
            rows, columns = spans.get((row, column), (1, 1))
            per_line = chars(column, columns)
            if "\n" in text:
                lines = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
            elif len(text) <= per_line * rows:
                continue  # fits in the rows it has: one line each at most
            else:
                lines = -(-len(text) // per_line)
            share = lines / rows
            for r in range(row, row + rows):
                if share > need.get(r, 1):
                    need[r] = share
        row_heights(ws, {r: round(15 * share + 2) for r, share in sorted(need.items())})

    def landscape(self) -> None:
        """Printed as donors print a matrix: landscape, one page wide."""
        self.ws.page_setup.orientation = "landscape"
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]

    def widths(self, widths: Sequence[float]) -> None:
        from openpyxl.utils import get_column_letter

        self.landscape()
        for i, width in enumerate(widths, start=1):
            self.ws.column_dimensions[get_column_letter(i)].width = width


def row_heights(ws: Worksheet, heights: dict[int, float]) -> None:
    """Each row's height, as ``ws.row_dimensions[row].height = height`` sets it, but each row
    a copy of one row made by openpyxl: its own making checks every attribute (about 17 µs a
    row, the largest share of a workbook's row heights). tests/logframes/test_write.py holds
    this against the plain way."""
    from openpyxl.worksheet.dimensions import RowDimension

    made = RowDimension(ws).__dict__
    dimensions = ws.row_dimensions
    for row, height in heights.items():
        dimension = RowDimension.__new__(RowDimension)
        dimension.parent, dimension._style = ws, None  # type: ignore[attr-defined]  # its sheet, no style
        dimension.__dict__.update(made, index=row, ht=float(height))
        dimensions[row] = dimension


def _number(result: Result) -> str:
    """Every result is numbered, as donors number them, so that a result's own words are never
    read as its number or level."""
    return f"{result.number} " if result.number else ""


# --- EU / INTPA ---------------------------------------------------------------------------------------


def _eu(sheet: _Sheet, results: list[Result], lang: str | None) -> None:
    ws = sheet.ws
    keys = (
        "wb-results",
        "wb-chain",
        "wb-indicators",
        "wb-baselines",
        "wb-targets",
        "wb-current",
        "wb-sources",
        "wb-assumptions",
    )
    for c, key in enumerate(keys, start=1):
        sheet.put(1, c, word(key, lang), "header")
    sheet.widths((18, 40, 40, 22, 22, 22, 30, 36))
    ws.freeze_panes = "C2"
    row = 2
    for level in ("impact", "outcome", "output"):
        chosen = [r for r in results if r.level == level]
        if not chosen:
            continue
        top = row
        for result in chosen:
            first = row
            measures = result.measures or [Measure("", result.where)]
            for measure in measures:
                target = _last(measure.milestones, planned=True)
                current = _last(measure.milestones, planned=False)
                sheet.put(row, 3, _item(measure.label))
                sheet.put(row, 4, _lines([_with_year(t, d) for t, d in measure.baselines]))
                sheet.put(row, 5, _item(_with_year(target.planned, target.date)) if target else "")
                sheet.put(row, 6, _item(_with_year(current.achieved, current.date)) if current else "")
                sheet.put(row, 7, _lines(measure.sources))
                row += 1
            sheet.put(first, 2, _number(result) + result.text)
            sheet.put(first, 8, _lines([a for a, _ in result.assumptions]))
            for r in range(first + 1, row):
                sheet.put(r, 2, "")
                sheet.put(r, 8, "")
            sheet.merge(first, row - 1, 2, 2)
            sheet.merge(first, row - 1, 8, 8)
        sheet.put(top, 1, word(f"wb-eu-{level}", lang), "level")
        for r in range(top + 1, row):
            sheet.put(r, 1, "", "level")
        sheet.merge(top, row - 1, 1, 1)
    activities = [r for r in results if r.level == "activity"]
    if activities:
        row += 1
        for c, key in enumerate(("wb-activities", "wb-means", "wb-assumptions"), start=2):
            sheet.put(row, c, word(key, lang), "header")
        for result in activities:
            row += 1
            sheet.put(row, 2, _number(result) + result.text)
            sheet.put(row, 3, _lines(result.means))
            sheet.put(row, 4, _lines([a for a, _ in result.assumptions]))


def _last(milestones: list[Milestone], planned: bool) -> Milestone | None:
    return next((m for m in reversed(milestones) if (m.planned if planned else m.achieved)), None)


# --- FCDO / DFID --------------------------------------------------------------------------------------

_NO_VALUE = "N/A"
"""The Planned cell of a milestone with neither a target nor an actual value (a logframe's
``N/A`` column read back): an empty column would be no milestone at all when read again."""


def _fcdo(sheet: _Sheet, results: list[Result], title: str) -> None:
    ws = sheet.ws
    sheet.put(1, 1, "PROGRAMME TITLE:", "label")
    sheet.put(1, 2, title)
    sheet.merge(1, 1, 2, 6)
    widths = [28.0, 40.0, 11.0, 20.0]
    if not any(r.level != "activity" for r in results):  # still a results framework, an empty one
        for c, text in enumerate(
            ("IMPACT", "Impact Indicator", "", "Baseline", "Milestone 1", "Target"), start=1
        ):
            sheet.put(3, c, text, "header")
    row = 3
    for result in (r for r in results if r.level != "activity"):
        level = result.level.upper() + (f" {result.number}" if result.level == "output" else "")
        measures = result.measures or [Measure("", result.where)]
        first = row
        for n, measure in enumerate(measures, start=1):
            milestones = measure.milestones
            heads = [f"{result.level.capitalize()} Indicator {result.number}.{n}", "", "Baseline"]
            heads += [
                _with_year(m.label or f"Milestone {i}", m.date) for i, m in enumerate(milestones, start=1)
            ]
            for c, text in enumerate(heads, start=2):
                sheet.put(row, c, text, "header")
            sheet.put(row, 1, level if n == 1 else "", "level")
            baseline = _lines([_with_year(t, d) for t, d in measure.baselines])
            sheet.put(row + 1, 2, _item(measure.label))
            sheet.put(row + 1, 3, "Planned", "label")
            sheet.put(row + 1, 4, baseline)
            sheet.put(row + 2, 2, "")
            sheet.put(row + 2, 3, "Achieved", "label")
            sheet.put(row + 2, 4, "")
            for c, m in enumerate(milestones, start=5):
                sheet.put(row + 1, c, _item(m.planned) or ("" if m.achieved else _NO_VALUE))
                sheet.put(row + 2, c, _item(m.achieved))
            sheet.merge(row + 1, row + 2, 2, 2)
            last = max(4 + len(milestones), 6)
            sheet.put(row + 3, 3, "Source", "label")
            sheet.put(row + 3, 4, _lines(measure.sources))
            for c in range(5, last + 1):
                sheet.put(row + 3, c, "")
            sheet.merge(row + 3, row + 3, 4, last)
            widths += [20.0] * (last - len(widths))
            row += 4
        sheet.put(first + 1, 1, _number(result) + result.text)
        for r in range(first + 2, row):
            sheet.put(r, 1, "")
        sheet.merge(first + 1, row - 1, 1, 1)
        if result.weighting or result.risk:  # labels in one row, values below, as the DFID template
            sheet.put(row, 1, f"{result.level.upper()} WEIGHTING (%)", "label")
            sheet.put(row, 2, "RISK RATING", "label")
            sheet.put(row + 1, 1, result.weighting[0] if result.weighting else "")
            sheet.put(row + 1, 2, result.risk[0] if result.risk else "")
            row += 2
        if result.assumptions:
            sheet.put(row, 1, "Assumptions", "label")
            sheet.put(row, 2, _lines([a for a, _ in result.assumptions]))
            sheet.merge(row, row, 2, 6)
            row += 1
        row += 1
    sheet.widths(widths)
    ws.freeze_panes = "B2"


def _changes(sheet: _Sheet, rows: Sequence[tuple[str, str]]) -> None:
    ws = sheet.ws
    for c, text in enumerate(
        ("Date", "Version number", "Level of change", "Reason for change", "Approved by"), start=1
    ):
        sheet.put(1, c, text, "header")
    for r, (kind, description) in enumerate(rows, start=2):
        for c in range(1, 6):
            sheet.put(r, c, {3: kind, 4: description}.get(c, ""))
    sheet.widths((14, 14, 24, 60, 24))
    ws.freeze_panes = "A2"


# --- the 4×4 matrix -----------------------------------------------------------------------------------

_MATRIX_LEVELS = {
    "impact": "wb-goal",
    "outcome": "wb-purpose",
    "output": "wb-outputs",
    "activity": "wb-activities",
}


def matrix_rows(results: list[Result], lang: str | None) -> list[list[str]]:
    """The 4×4 matrix as rows of text: Level | Objectives | Indicators | Means of verification |
    Assumptions."""
    keys = ("wb-level", "wb-objectives", "wb-indicators", "wb-verification", "wb-assumptions")
    rows = [[word(k, lang) for k in keys]]
    for result in results:
        sources = list(dict.fromkeys(s for m in result.measures for s in m.sources))
        rows.append(
            [
                word(_MATRIX_LEVELS[result.level], lang),
                _number(result) + result.text,
                _lines([m.label for m in result.measures]),
                _lines(sources),
                _lines([a for a, _ in result.assumptions]),
            ]
        )
    return rows


def _matrix(sheet: _Sheet, results: list[Result], lang: str | None) -> None:
    ws = sheet.ws
    rows = matrix_rows(results, lang)
    for c, text in enumerate(rows[0], start=1):
        sheet.put(1, c, text, "header")
    level_start = 2
    for r, values in enumerate(rows[1:], start=2):
        for c, text in enumerate(values, start=1):
            sheet.put(r, c, text, "level" if c == 1 else "")
        if r > 2 and values[0] != rows[r - 2][0]:
            sheet.merge(level_start, r - 1, 1, 1)
            level_start = r
    if len(rows) > 1:
        sheet.merge(level_start, len(rows), 1, 1)
    sheet.widths((16, 44, 40, 32, 36))
    ws.freeze_panes = "B2"


def write_csv(results: list[Result], lang: str | None) -> str:
    """The 4×4 matrix as CSV (UTF-8, comma, one row per result). A cell starting with ``=``,
    ``+``, ``-`` or ``@`` is written as it is: CSV has no cell types, so a spreadsheet program
    asks before it reads one as a formula (docs/logframes.md)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerows([[visible(cell) for cell in row] for row in matrix_rows(results, lang)])
    return out.getvalue()


def workbook_bytes(
    results: list[Result],
    layout: str,
    lang: str | None,
    title: str,
    changes: Sequence[tuple[str, str]] = (),
) -> bytes:
    """The workbook of a layout (``eu``, ``fcdo``, ``matrix``), the same bytes for the same input."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    styles = _named_styles(book)
    ws = book.active
    assert ws is not None
    sheets = [_Sheet(ws, styles)]
    if layout == "fcdo":
        ws.title = "RESULTS FRAMEWORK"
        _fcdo(sheets[0], results, title)
        sheets.append(_Sheet(book.create_sheet("RECORD OF CHANGES"), styles))
        _changes(sheets[1], changes)
    else:
        ws.title = "LOGFRAME"
        if layout == "matrix":
            _matrix(sheets[0], results, lang)
        else:
            _eu(sheets[0], results, lang)
    for sheet in sheets:
        sheet.finish()
    book.properties.creator = "toc"
    book.properties.created = _FIXED
    book.properties.modified = _FIXED
    raw = io.BytesIO()
    with FixedTimesZip(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return raw.getvalue()


class FixedTimesZip(zipfile.ZipFile):
    """A zip whose every entry is dated 1980-01-01 with the same file mode, whether openpyxl
    hands it text (``writestr``) or a file it wrote a sheet to (``write``): openpyxl dates
    entries now, and a file's entry would carry the file's date and mode. Set as each entry is
    written, not by zipping the workbook a second time (about 4 % of the matrix's export)."""

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        name = zinfo_or_arcname
        if isinstance(name, zipfile.ZipInfo):
            name = name.filename
        fixed = zipfile.ZipInfo(name, (1980, 1, 1, 0, 0, 0))
        fixed.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(fixed, data)

    def write(
        self,
        filename: StrPath,
        arcname: StrPath | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        with open(filename, "rb") as file:
            self.writestr(str(arcname if arcname is not None else filename), file.read())
