"""The cells of a DFID results framework (2011 template) as staff fill it in, shared by the
``make_*_fcdo`` scripts: the title row, an indicator block (header row with the value columns,
Planned / Achieved / Source rows), a result's statement merged down its blocks, and the RECORD OF
CHANGES sheet. Only layout lives here; each script holds its programme's facts and sources.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.worksheet.worksheet import Worksheet


def title_row(ws: Worksheet, label: str, title: str, last_column: int) -> None:
    """The title label in A1 and the title merged over the columns right of it."""
    ws["A1"] = label
    ws["B1"] = title
    ws.merge_cells(start_row=1, end_row=1, start_column=2, end_column=last_column)


def indicator_block(
    ws: Worksheet,
    row: int,
    level: str | None,
    header: str,
    columns: Sequence[str],
    wording: str,
    planned: Sequence[str],
    source: str,
    achieved: Sequence[str] = (),
) -> int:
    """One indicator's four rows from ``row``: the header (the level word in A when it is the
    result's first indicator, ``header`` in B, the value columns from D), the wording merged over
    the Planned and Achieved rows with their values, and the Source merged over the value
    columns. The next block's row."""
    ws.cell(row=row, column=1, value=level)
    ws.cell(row=row, column=2, value=header)
    for c, text in enumerate(columns, start=4):
        ws.cell(row=row, column=c, value=text)
    ws.cell(row=row + 1, column=2, value=wording)
    ws.cell(row=row + 1, column=3, value="Planned")
    ws.cell(row=row + 2, column=3, value="Achieved")
    for c, value in enumerate(planned, start=4):
        ws.cell(row=row + 1, column=c, value=value)
    for c, value in enumerate(achieved, start=4):
        ws.cell(row=row + 2, column=c, value=value)
    ws.merge_cells(start_row=row + 1, end_row=row + 2, start_column=2, end_column=2)
    ws.cell(row=row + 3, column=3, value="Source")
    ws.cell(row=row + 3, column=4, value=source or None)
    ws.merge_cells(start_row=row + 3, end_row=row + 3, start_column=4, end_column=3 + len(columns))
    return row + 4


def statement(ws: Worksheet, top: int, bottom: int, text: str) -> None:
    """A result's statement in column A, merged down all its indicator blocks."""
    ws.cell(row=top, column=1, value=text)
    ws.merge_cells(start_row=top, end_row=bottom, start_column=1, end_column=1)


def finish(ws: Worksheet, widths: Sequence[float]) -> None:
    """Wrapped text aligned top in every cell, and the column widths from A."""
    for line in ws.iter_rows():
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for column, width in zip("ABCDEFGH", widths, strict=False):
        ws.column_dimensions[column].width = width


def record_of_changes(book: Workbook) -> None:
    """The template's RECORD OF CHANGES sheet, its header row only."""
    changes = book.create_sheet("RECORD OF CHANGES")
    for c, text in enumerate(
        (
            "Date",
            "Version number",
            "Level of Change \n(OUTPUT/OUTCOME/IMPACT)",
            "Reason for Change",
            "Approved by \n(PROGRAMME/STRATEGY/REGIONAL SRO)",
        ),
        start=1,
    ):
        changes.cell(row=1, column=c, value=text)
