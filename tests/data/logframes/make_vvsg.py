# ruff: noqa: E501  (the facts are kept as whole sentences, as the source writes them)
"""Write vvsg_eu.xlsx: the VVSG Flemish programme 2017-2019 as a practitioner's EU logframe matrix.

Facts: the mid-term evaluation of the programme (ACE Europe, 2019), Tabel 3 and Tabel 6 (indicators,
targets and the state of affairs in early 2019) and para 58 (the logframe's hypotheses), as recorded
with their citations in models/vvsg_2017_2019.yaml. The report gives no baselines ("—" here) and
the targets are for the end of the programme (2019).

The sheet is laid out the way real workbooks are, not the way toc writes them: a title row above
the header, header words in capitals with extra words, the level column merged over its rows, two
indicators with their values in one cell (one per line), values with their year in brackets, an
empty row, and an extra "Opmerkingen" (comments) column that no layout has. Run from the repository
root: ``python tests/data/logframes/make_vvsg.py``.
"""

from __future__ import annotations

import io
import sys
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.writer.excel import ExcelWriter

from toc.io.logframe.write import FixedTimesZip

HERE = Path(__file__).parent

# (level cell, result, [(indicator, baseline, target, current value, source)], assumptions, comment)
ROWS = [
    (
        "ALGEMENE DOELSTELLING (Impact)",
        "Steden en gemeenten dragen bij aan de SDG's (Agenda 2030) en aan meer internationale rechtvaardigheid",
        [],
        "Niet van toepassing",
        "",
    ),
    (
        "SPECIFIEKE DOELSTELLING (Outcome)",
        "SD1 Omschakeling van Noord-Zuidbeleid naar lokaal mondiaal beleid (LMB) dat bijdraagt aan de SDG's",
        [],
        "Steden en gemeenten blijven bereid om in te zetten op een lokaal mondiaal beleid ondanks het wegvallen "
        "van de impulssubsidie en mogelijke besparingen.",
        "para 58",
    ),
    (
        "RESULTATEN (Outputs)",
        "R1.1 Gemeenten zijn geïnformeerd",
        [
            (
                "70 verschillende steden en gemeenten hebben deelgenomen aan één of meerdere leertrajecten",
                "—",
                "70 (2019)",
                "40 (2019)",
                "monitoringgegevens VVSG",
            ),
            (
                "70% van de deelnemers aan de leertrajecten ervaart deze trajecten als nuttig en interessant",
                "—",
                "70 % (2019)",
                "53 % (2019)",
                "evaluatieformulieren na vormingen (VVSG)",
            ),
        ],
        "Er zijn voldoende goede praktijkvoorbeelden die algemeen toepasbaar zijn.",
        "Tabel 3",
    ),
    (
        None,
        "R1.2 Steden en gemeenten passen in hun eigen praktijk van het lokaal mondiaal beleid nieuwe inzichten toe",
        [
            (
                "50% van de deelnemers geeft aan de geleerde lessen uit de leertrajecten toe te passen",
                "—",
                "50 % (2019)",
                "",
                "niet bevraagd",
            ),
        ],
        "",
        "Tabel 3: wordt niet bevraagd door de VVSG",
    ),
    (
        None,
        "R1.3 Deelname aan netwerking",
        [
            (
                "Deelname van 10 steden en gemeenten aan bijeenkomsten van netwerken op Europees en internationaal niveau",
                "—",
                "10 (2019)",
                "10 (2019)",
                "monitoringgegevens VVSG",
            ),
            (
                "Deelname van 30 Vlaamse steden en gemeenten aan een netwerkmoment met Europese en internationale "
                "actoren georganiseerd door VVSG Internationaal",
                "—",
                "30 (2019)",
                "",
                "monitoringgegevens VVSG",
            ),
        ],
        "De Vlaamse gemeenten beschikken over voldoende interesse en capaciteit om te kunnen deelnemen aan netwerken.",
        "",
    ),
    (
        None,
        "R2.1 Gemeenten engageren zich voor de SDG's en nemen ze op in hun communicatie en meerjarenplanning",
        [
            (
                "50% van de Vlaamse gemeenten heeft de beleidsverklaring rond de SDG's ondertekend",
                "—",
                "50 % (2019)",
                "",
                "monitoringgegevens VVSG (ondertekende engagementsverklaringen)",
            ),
            (
                "15 steden en gemeenten hebben de SDG's opgenomen in hun nieuwe meerjarenplanning",
                "—",
                "15 (2019)",
                "",
                "enquête Mondiale Dimensie 2018",
            ),
            (
                "80 steden en gemeenten hebben de SDG's opgenomen in hun interne en externe communicatie",
                "—",
                "80 (2019)",
                "80 (2019)",
                "enquête Mondiale Dimensie 2018",
            ),
        ],
        "Steden en gemeenten zijn bereid om hun rol op te nemen om bij te dragen aan de duurzame ontwikkeling.",
        "Tabel 6",
    ),
]


def build() -> bytes:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "Logframe"
    ws["A1"] = "LOGISCH KADER - VVSG Vlaams programma 2017-2019"
    header = [
        "",
        "RESULTATENKETEN (interventielogica)",
        "INDICATOREN",
        "Basiswaarde (waarde & referentiejaar)",
        "STREEFWAARDE (waarde & referentiejaar)",
        "Huidige waarde* (referentiejaar)",
        "Bronnen en verificatiemiddelen",
        "Aannames",
        "Opmerkingen",
    ]
    for c, text in enumerate(header, start=1):
        ws.cell(row=3, column=c, value=text or None)
    row = 4
    level_top = None
    for level, result, indicators, assumptions, comment in ROWS:
        if level is not None:
            if level_top is not None and row - 1 > level_top:
                ws.merge_cells(start_row=level_top, end_row=row - 1, start_column=1, end_column=1)
            ws.cell(row=row, column=1, value=level)
            level_top = row
        ws.cell(row=row, column=2, value=result)
        if len(indicators) == 3:  # a practitioner's habit: several indicators in one cell, one per line
            for c, k in ((3, 0), (4, 1), (5, 2), (6, 3), (7, 4)):
                ws.cell(
                    row=row, column=c, value="\n".join(f"- {i[k]}" if c == 3 else i[k] for i in indicators)
                )
            ws.cell(row=row, column=8, value=assumptions or None)
            ws.cell(row=row, column=9, value=comment or None)
            row += 1
        else:
            first = row
            for indicator in indicators or [("", "", "", "", "")]:
                for c, value in enumerate(indicator, start=3):
                    ws.cell(row=row, column=c, value=value or None)
                row += 1
            row = max(row, first + 1)
            ws.cell(row=first, column=8, value=assumptions or None)
            ws.cell(row=first, column=9, value=comment or None)
            if row - 1 > first:
                ws.merge_cells(start_row=first, end_row=row - 1, start_column=2, end_column=2)
                ws.merge_cells(start_row=first, end_row=row - 1, start_column=8, end_column=8)
        if result.startswith("R1.3"):
            row += 1  # an empty row, as workbooks have
    assert level_top is not None
    ws.merge_cells(start_row=level_top, end_row=row - 1, start_column=1, end_column=1)
    for line in ws.iter_rows():
        for cell in line:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    return saved(book, datetime(2019, 1, 1))


def saved(book: Workbook, created: datetime) -> bytes:
    """The workbook's bytes, the same on every run: fixed document dates and zip entry dates."""
    raw = io.BytesIO()
    book.properties.created = book.properties.modified = created
    with FixedTimesZip(raw, "w", zipfile.ZIP_DEFLATED) as archive:  # the zip toc's own writer dates
        ExcelWriter(book, archive).save()
    return raw.getvalue()


if __name__ == "__main__":
    (HERE / "vvsg_eu.xlsx").write_bytes(build())
    sys.exit(0)
