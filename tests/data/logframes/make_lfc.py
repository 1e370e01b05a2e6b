# ruff: noqa: E501  (the facts are kept as whole sentences, as the source writes them)
"""Write lfc_fcdo.xlsx: DFID's Leadership for Change logframe (2012-2015) in DFID's 2011 results
framework as staff fill it in, with its IMPACT and OUTCOME blocks and its four outputs.

Facts, verbatim, from the programme's own published documents (addresses in README.md beside this
file): the logical framework (Annex 7: the impact, its two indicators with their values and
source, the outcome and its first four indicators), the Value for Money assessment (Annex 10: the
four output statements, the first two also in the 2013 annual review, Annex 9) and the evidence
annex of the business case (Annex 2: the assumption on the impact). The stored text of the
logframe is its first page only, as a PDF text layer: what it does not reach (the fifth outcome
indicator, the outcome indicators' values and sources, the outputs' indicators, weightings and
risk ratings, any achieved value) is left empty, not made up. How the values were placed in their
columns is told in README.md.

The sheet is laid out as the 2011 template is filled in: the template's own PROJECT NAME label,
one header row per indicator (IMPACT / OUTCOME / OUTPUT n, Impact Indicator 1, Baseline,
Milestone 1, Milestone 2 and the template's unfilled ``Target (date)``), Planned / Achieved /
Source rows, each statement merged down its indicator blocks, an output whose indicators were not
filled in as the template's empty block, an Assumptions row, and a RECORD OF CHANGES sheet.
Run from the repository root: ``python tests/data/logframes/make_lfc.py``.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).parents[3]))  # run as a script from anywhere
from tests.data.logframes.dfid import finish, indicator_block, record_of_changes, statement, title_row
from tests.data.logframes.make_vvsg import saved  # the same fixed dates: the same bytes every run

HERE = Path(__file__).parent

TITLE = "Leadership for Change: making it work for girls and women"
COLUMNS = ("Baseline", "Milestone 1", "Milestone 2", "Target (date)")
AFROBAROMETER = "Afrobaromter (www. Afrobarometer.org) Round 5: Kenya 2011, Nigeria 2012, Uganda 2012"
"""The impact indicators' source, as the logframe spells it."""

Indicator = tuple[str, tuple[str, ...], str]
"""Wording, planned values by column (Baseline, Milestone 1, Milestone 2, Target), source."""

Result = tuple[str, str, str, list[Indicator], list[str]]
"""Level word, indicator header word, statement, indicators, assumptions."""

RESULTS: list[Result] = [
    (
        "IMPACT",
        "Impact Indicator",
        "Increased provision and take up of services by girls and women in selected locations (Kenya, Nigeria, India, Zambia, Uganda)",
        [
            (
                "Proportion of females in Kenya, Nigeria and Uganda who find it easy or very easy to access medical treatment at a public clinic or hospital",
                ("54%", "N/A", "N/A", "59%"),
                AFROBAROMETER,
            ),
            (
                "Proportion of females in Kenya, Nigeria and Uganda who find it easy or very easy to obtain an identity document, such as birth certificate, driver’s license, passport or voters card",
                ("30%", "N/A", "N/A", "35%"),
                AFROBAROMETER,
            ),
        ],
        [
            "Increased provision and uptake of services by girls and women leads to better development outcomes for them."
        ],
    ),
    (
        "OUTCOME",
        "Outcome Indicator",
        "Increased leadership of girls and women in informal and formal political and community decision-making processes.",
        [
            (
                "(Vital Voices) % of participants who grow their services or businesses (e.g. clients/constituency served, profits, exports, number and type of services offered, etc.)",
                (),
                "",
            ),
            (
                "(Vital Voices) % of program participants engaged in new efforts to create cultural or policy change (e.g. through advocacy campaign or policy action focused on initiation, implementation or improvement)",
                (),
                "",
            ),
            (
                "(Vital Voices) # of people directly benefiting from the participants' services or businesses (secondary beneficiaries)",
                (),
                "",
            ),
            (
                "(Women Win) Proportion of adolescent girls and young women participating in the Women Win programme who report an improved perception as leaders at community and household level where the programme is active.",
                (),
                "",
            ),
        ],
        [],
    ),
]
OUTPUTS = (
    "Increased number of women leaders supported through targeted interventions to increase capacity, connections and leadership skills.",
    "Adolescent girls and young women provided with the means to develop their leadership skills and challenge gender norms.",
    "Increase the evidence base on approaches for sustainable long term attitudinal and behaviour change towards gender equality among boys and men.",
    "Increase the evidence base on approaches to increase girls’ and women’s voice and leadership in decision making processes at all levels, including in formal political processes and fora.",
)
"""The four output statements; their indicators are not in the stored source: each output is
the template's block with its indicator rows unfilled."""
NO_INDICATOR: Indicator = ("", (), "")
RESULTS += [
    (f"OUTPUT {k}", "Output Indicator", text, [NO_INDICATOR], []) for k, text in enumerate(OUTPUTS, start=1)
]


def build() -> bytes:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "RESULTS FRAMEWORK"
    title_row(ws, "PROJECT NAME", TITLE, 3 + len(COLUMNS))
    row = 3
    for level, header, text, indicators, assumptions in RESULTS:
        top = row + 1
        number = level.split()[-1] if level.startswith("OUTPUT") else ""
        for n, (wording, planned, source) in enumerate(indicators, start=1):
            label = f"{header} {number}.{n}" if number else f"{header} {n}"
            row = indicator_block(
                ws, row, level if n == 1 else None, label, COLUMNS, wording, planned, source
            )
        statement(ws, top, row - 1, text)
        if assumptions:
            ws.cell(row=row, column=1, value="Assumptions")
            ws.cell(row=row, column=2, value="\n".join(assumptions))
            ws.merge_cells(start_row=row, end_row=row, start_column=2, end_column=3 + len(COLUMNS))
            row += 1
        row += 1  # an empty row between results
    finish(ws, (30, 45, 10, 16, 16, 16, 16))
    record_of_changes(book)
    return saved(book, datetime(2012, 1, 1))


if __name__ == "__main__":
    (HERE / "lfc_fcdo.xlsx").write_bytes(build())
    sys.exit(0)
