"""The registry's logframe formats (:mod:`toc.formats`): ``xlsx`` (the three layouts) and ``csv``
(the 4×4 matrix), each a reader and a writer.

What a reader could not place is told as a :class:`~toc.errors.Notice` warning with its sheet and
cell, what a layout cannot hold as a :class:`~toc.errors.LossNotice`: ``toc convert`` prints both on
standard error (``toc check`` the first only).
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from toc.errors import LoadError, Location, LossNotice, Notice, Problem
from toc.model import Model

__all__ = ["CSV", "XLSX", "CsvFormat", "CsvOptions", "Layout", "LogframeOptions", "XlsxFormat"]

Layout = Literal["eu", "fcdo", "matrix"]


@dataclass(frozen=True)
class LogframeOptions:
    layout: Layout = "eu"
    """eu (EU/INTPA logframe matrix), fcdo (FCDO/DFID results framework), matrix (classic 4×4)."""
    lang: str | None = None
    """The language of the model's text and of the headers (default: the model's first)."""
    record_of_changes: Sequence[tuple[str, str]] = ()
    """fcdo: rows of the RECORD OF CHANGES sheet, as (level of change, reason) pairs."""


@dataclass(frozen=True)
class CsvOptions:
    lang: str | None = None
    """The language of the model's text and of the headers (default: the model's first)."""


def _tell(problem: Problem) -> None:
    warnings.warn(Notice(str(problem)), stacklevel=3)


def _model(results: list, file: str, title: str | None, notes: list[Problem]) -> Model:  # type: ignore[type-arg]
    from toc.io.logframe.table import to_model

    for note in notes:
        _tell(note)
    return to_model(results, file, title)


def _none_found(file: str) -> LoadError:
    return LoadError(
        [
            Problem(
                Location(file, 0, 0),
                "no logframe found: no sheet has the header words of a known layout",
                "EU: Results chain | Indicators | Baselines | Targets | Current value | Sources | "
                "Assumptions; "
                "FCDO: Impact Indicator | Baseline | Milestone 1 | Target; "
                "matrix: Objectives | Indicators | Means of verification | Assumptions",
            )
        ]
    )


class XlsxFormat:
    """Logframe workbooks: EU/INTPA matrix, FCDO/DFID results framework, classic 4×4 matrix."""

    binary: ClassVar[bool] = True
    options: ClassVar[type[LogframeOptions]] = LogframeOptions

    def sniff(self, head: bytes) -> bool:
        """A zip whose first parts are a spreadsheet's (``xl/``, or the content types of one)."""
        return head.startswith(b"PK\x03\x04") and b"xl/" in head

    def read(self, data: bytes, name: str) -> list[Model]:
        from toc.io.logframe.cells import read_workbook
        from toc.io.logframe.read import read_sheet

        sheets, notes = read_workbook(data, name)
        results = []
        title = None
        found = False
        for sheet in sheets:
            notes += sheet.notes
            if "record of changes" in sheet.name.lower():
                if any(row > 1 for row, _ in sheet.cells):
                    notes.append(
                        Problem(
                            Location(name, 0, 0, sheet.name),
                            "the record of changes is not read into the model",
                        )
                    )
                continue
            read = read_sheet(sheet, name)
            if read is None:
                if any(row > 1 for row, _ in sheet.cells):
                    notes.append(
                        Problem(Location(name, 0, 0, sheet.name), "no logframe header words: sheet not read")
                    )
                continue
            found = True
            results += read[1]
            notes += read[2]
            title = title or _title(sheet, notes)
        if not found:
            raise _none_found(name)
        return [_model(results, name, title, notes)]

    def write(self, subject: Model, options: LogframeOptions) -> bytes:
        """The cyclic collector waits while the workbook is built: openpyxl makes several
        objects per cell, all alive until the save, and each collection they trigger walked
        them and the model again (a fifth to a quarter of the export time)."""
        from toc.gcpause import gc_paused
        from toc.io.logframe.table import from_model
        from toc.io.logframe.write import workbook_bytes

        lang = options.lang or subject.default_language
        with gc_paused():
            results, left = from_model(subject, lang, values=options.layout != "matrix")
            _cannot_hold(subject, options.layout, left)
            title = subject.text(subject.programme.title, lang)
            return workbook_bytes(results, options.layout, lang, title, options.record_of_changes)


def _title(sheet: object, notes: list[Problem]) -> str | None:
    """The programme title an FCDO sheet names (``PROGRAMME TITLE: …``, ``PROJECT NAME`` and the
    name beside it), if any; the cell it is read from is no longer told as not placed."""
    from toc.io.logframe.cells import Sheet
    from toc.io.logframe.read import TITLE_LABELS

    assert isinstance(sheet, Sheet)
    for (row, column), text in sheet.cells.items():
        if text.lower().startswith(TITLE_LABELS):
            rest = text.split(":", 1)[1].strip() if ":" in text else ""
            at = column if rest else column + 1
            notes[:] = [
                n
                for n in notes
                if (n.location.sheet, n.location.line, n.location.column) != (sheet.name, row, at)
            ]
            return rest or sheet.get(row, at) or None
    return None


def _cannot_hold(model: Model, layout: str, left: list) -> None:  # type: ignore[type-arg]
    """Tell what the layout leaves out, instead of dropping it without a word."""
    lost = []
    for section in ("evidence", "claims", "pathways", "recommendations", "harvest", "components", "sources"):
        count = len(getattr(model, section))
        if count:
            lost.append(f"{count} {section}")
    if layout == "fcdo":
        activities = sum(1 for n in model.nodes if n.level.value == "activity")
        if activities:
            lost.append(f"{activities} activities (the results framework lists results and indicators)")
    if left:
        lost.append(f"{len(left)} assumptions on no result ({', '.join(a.id for a in left[:5])})")
    crossing = sum(1 for link in model.links if link.rationale is not None)
    if crossing:
        lost.append(f"{crossing} link rationales")
    indicators = [i for _, i in model.indicators()]
    if layout == "eu":
        between = sum(max(0, len(i.periods) - 2) for i in indicators)
        if between:
            lost.append(
                f"{between} milestones between baseline and target "
                "(the matrix holds the target and the current value)"
            )
    if layout == "matrix" and any(i.baselines or i.periods for i in indicators):
        lost.append("baselines, targets and actual values (the matrix has indicators only)")
    parts = sum(
        1
        for i in indicators
        for v in [*i.baselines, *(x for p in i.periods for x in [*p.targets, *p.actuals])]
        if not v.is_total
    )
    if parts:
        lost.append(f"{parts} values by dimension or location (only totals are written)")
    rated = sum(1 for n in model.nodes if n.weighting is not None or n.risk is not None)
    if rated and layout != "fcdo":
        lost.append(f"{rated} results' weighting and risk rating (the FCDO layout holds them)")
    verdicts = sum(1 for n in model.nodes if n.verdict) + sum(1 for i in indicators if i.verdict)
    if verdicts:
        lost.append(f"{verdicts} verdicts")
    if lost:
        warnings.warn(LossNotice(f"the {layout} layout cannot hold: {'; '.join(lost)}"), stacklevel=3)


class CsvFormat:
    """The classic 4×4 logframe matrix as CSV (one row per result)."""

    binary: ClassVar[bool] = False
    options: ClassVar[type[CsvOptions]] = CsvOptions

    def sniff(self, head: bytes) -> bool:
        return False  # CSV is known by its extension (or --from csv) only

    def read(self, data: bytes, name: str) -> list[Model]:
        from toc.io.logframe.cells import read_csv
        from toc.io.logframe.read import read_sheet

        sheet = read_csv(data, name)
        read = read_sheet(sheet, name)
        if read is None:
            raise _none_found(name)
        return [_model(read[1], name, None, read[2])]

    def write(self, subject: Model, options: CsvOptions) -> str:
        from toc.io.logframe.table import from_model
        from toc.io.logframe.write import write_csv

        lang = options.lang or subject.default_language
        results, left = from_model(subject, lang, values=False)
        _cannot_hold(subject, "matrix", left)
        return write_csv(results, lang)


XLSX = XlsxFormat()
CSV = CsvFormat()
