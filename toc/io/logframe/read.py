"""Find a logframe in a sheet by its header words and read its results (:mod:`.table`).

Header words are matched case-insensitively inside the cell (``Baseline (value & reference
year)`` is a baseline column), so extra words, line breaks and extra columns do not matter; cell
addresses never do. Levels are read from level words (``Impact``, ``Overall objective``, ``Goal``,
``OUTPUT 2``, ``Specifieke doelstelling`` …) at the start of a cell, and a cell listing several
indicators or assumptions is split into one per line or bullet. A value written with its year,
``2,000,000 (2017)``, is the value and its reference year. Every cell with text that is not
placed is reported (:data:`Notes`).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from toc.errors import Location, Problem
from toc.io.logframe.cells import Cell, Sheet
from toc.io.logframe.table import Measure, Milestone, Result, Stated

__all__ = ["LAYOUTS", "TITLE_LABELS", "dated", "items", "level_of", "read_sheet"]

Notes = list[Problem]

_LEVEL_WORDS = (
    (
        "impact",
        r"impact|overall objectives?|goal|general objective|algemene doelstelling|objectif général|doel",
    ),
    (
        "outcome",
        r"outcomes?|specific objectives?|purpose|specifieke doelstelling|objectif spécifique|uitkomst",
    ),
    ("output", r"outputs?|expected results?|results?|resultaten|resultaat|produits?|extrants?"),
    ("activity", r"activities|activity|activiteiten|activiteit|activités?"),
)
_LEVEL = [
    (
        level,
        re.compile(
            rf"^\s*(?:{words})\b\s*(?:\([^)]*\))?\s*(?P<n>\d+(?:\.\d+)*)?[.:)]?\s*(?P<rest>.*)$", re.I | re.S
        ),
    )
    for level, words in _LEVEL_WORDS
]
_NUMBER = re.compile(r"^\s*(?:[A-Za-z]{1,3}\s?)?(?P<n>\d+(?:\.\d+)*)[.:)]?\s+(?P<rest>\S.*)$", re.S)
_BULLET = re.compile(r"^\s*(?:[•·▪◦●\u2023\u2043*]|[-–—](?=\s))\s*")
_YEAR_AFTER = re.compile(
    r"^(?P<v>.*?)\s*[(\[]\s*(?:[A-Za-z]{3,9}\.?\s+)?(?P<y>(?:19|20|21)\d\d(?:-\d\d){0,2})\s*[)\]]\s*$", re.S
)
_YEAR_BEFORE = re.compile(r"^(?P<y>(?:19|20|21)\d\d)\s*[:=]\s*(?P<v>.+)$", re.S)


def items(text: str) -> list[str]:
    """One item per line or bullet; bullets and surrounding spaces removed."""
    out = []
    for line in re.split(r"\n|(?<=\S)\s*[•▪●]\s*", text):
        line = _BULLET.sub("", line).strip()
        if line:
            out.append(line)
    return out


def dated(text: str) -> Stated:
    """``2,000,000 (2017)`` → ``("2,000,000", "2017")``; ``2017: 45 %`` too; else no year."""
    text = text.strip()
    found = _YEAR_AFTER.match(text) or _YEAR_BEFORE.match(text)
    if found and found["v"].strip():
        return found["v"].strip(), found["y"]
    return text, None


def level_of(text: str) -> tuple[str, str, str] | None:
    """``Output 1.2: Farmers trained`` → ``("output", "1.2", "Farmers trained")``."""
    for level, pattern in _LEVEL:
        found = pattern.match(text)
        if found:
            return level, found["n"] or "", found["rest"].strip()
    return None


def _numbered(text: str) -> tuple[str, str]:
    found = _NUMBER.match(text)
    return (found["n"], found["rest"].strip()) if found else ("", text.strip())


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


class _Reader:
    """What one sheet read: results, and notes on cells it could not place."""

    def __init__(self, sheet: Sheet, file: str) -> None:
        self.sheet, self.file = sheet, file
        self.results: list[Result] = []
        self.used: set[Cell] = set()
        self.notes: Notes = []

    def at(self, row: int, column: int) -> Location:
        r, c = self.sheet.first(row, column)
        return Location(self.file, r, c, self.sheet.name)

    def take(self, row: int, column: int) -> str:
        """The text of a cell, marked as placed; '' for a cell already read through its merge."""
        if column <= 0:
            return ""
        self.used.add((row, column))
        first = self.sheet.first(row, column)
        if first != (row, column) and first in self.used:
            return ""
        self.used.add(first)
        return self.sheet.get(row, column)

    def header(self, row: int, words: dict[str, str]) -> dict[str, int]:
        """Which column of ``row`` holds each key's header words (first match, left to right).
        Every cell of the header row is taken: a header word no key knows is no content."""
        found: dict[str, int] = {}
        for column in range(1, self.sheet.columns + 1):
            text = _norm(self.take(row, column))
            if not text:
                continue
            for key, pattern in words.items():
                if key not in found and re.search(pattern, text):
                    found[key] = column
                    break
        return found

    def leftovers(self, rows: range) -> None:
        """Tell every cell with text in ``rows`` that no column or row took (a donor's own label
        words, PRIMARY THEME or Source with nothing beside them, are no content)."""
        for (row, column), text in sorted(self.sheet.cells.items()):
            if _LABELS.fullmatch(text.strip()):
                continue
            if (
                row in rows
                and (row, column) not in self.used
                and self.sheet.first(row, column) not in self.used
            ):
                self.notes.append(
                    Problem(
                        self.at(row, column),
                        f"not placed: {text[:60]!r}",
                        "no logframe column or row takes it",
                    )
                )


# --- EU / INTPA ---------------------------------------------------------------------------------------

_EU = {
    "current": r"current|huidige|actuelle",
    "baseline": r"baseline|basiswaarde|valeur de référence|référence",
    "target": r"target|streefwaarde|cible",
    "indicator": r"indicator|indicateur",
    "source": r"source|verification|verificatie|vérification|bron",
    "assumption": r"assumption|hypothes|aanname|risk",
    "chain": r"results chain|intervention logic|chain|keten|logique d'intervention|"
    r"interventielogica|narrative",
    "level": r"^results?$|^level|^niveau|^resultaten$",
}
_ACTIVITIES = {
    "activity": r"activit",
    "means": r"means|inputs|middelen|moyens",
    "cost": r"cost|kosten|coût",
    "assumption": r"assumption|hypothes|aanname",
}


def _find_row(sheet: Sheet, start: int, test: Callable[[set[str]], bool]) -> int:
    for row in range(start, sheet.rows + 1):
        texts = {_norm(sheet.get(row, c)) for c in range(1, sheet.columns + 1)} - {""}
        if texts and test(texts):
            return row
    return 0


def _has(texts: set[str], pattern: str) -> bool:
    return any(re.search(pattern, t) for t in texts)


def _is_eu(texts: set[str]) -> bool:
    return (
        _has(texts, _EU["indicator"])
        and _has(texts, r"baseline|basiswaarde")
        and _has(texts, r"target|streef|current|huidige")
    )


def _is_activities(texts: set[str]) -> bool:
    return _has(texts, r"^activit") and _has(texts, _ACTIVITIES["means"])


def read_eu(reader: _Reader, head: int) -> None:
    sheet = reader.sheet
    cols = reader.header(head, _EU)
    chain = cols.get("chain") or cols.get("level") or 1
    level_col = cols["level"] if cols.get("level", chain) < chain else (1 if chain > 1 else 0)
    end = _find_row(sheet, head + 1, _is_activities) or sheet.rows + 1
    level = ""
    current: Result | None = None
    for row in range(head + 1, end):
        mark = reader.take(row, level_col)
        found = level_of(mark) if mark else None
        if found:
            level = found[0]
        text = reader.take(row, chain)
        if text:
            inline = level_of(text)
            if inline and (not found or inline[0] == level):
                level, number, text = inline[0], inline[1], inline[2] or text
            else:
                number, text = _numbered(text)
            current = _add_result(reader, row, chain, level, number or (found[1] if found else ""), text)
        if current is None:  # (no level yet: told, and no result before it either)
            continue
        _eu_measures(reader, current, row, cols)
        _take_assumptions(reader, row, cols, current)
    reader.leftovers(range(head + 1, end))
    if end <= sheet.rows:
        read_activities(reader, end)


def _add_result(reader: _Reader, row: int, column: int, level: str, number: str, text: str) -> Result | None:
    """The result a row's cell states, added to the sheet's results; None, and told, when no
    level is known yet (no level mark in or above the row)."""
    if not level:
        reader.notes.append(
            Problem(
                reader.at(row, column),
                "a result with no level",
                "write its level (Impact, Outcome, Output, Activity; or Goal, Purpose) in the row",
            )
        )
        return None
    result = Result(level, number, text, reader.at(row, column))
    reader.results.append(result)
    return result


def _take_assumptions(reader: _Reader, row: int, cols: dict[str, int], result: Result) -> None:
    """The row's Assumptions cell, one assumption per line or bullet, to its result."""
    for assumption in items(reader.take(row, cols.get("assumption", 0))):
        result.assumptions.append((assumption, reader.at(row, cols["assumption"])))


def _eu_measures(reader: _Reader, result: Result, row: int, cols: dict[str, int]) -> None:
    labels = items(reader.take(row, cols.get("indicator", 0)))
    columns = {
        key: items(reader.take(row, cols.get(key, 0))) for key in ("baseline", "target", "current", "source")
    }
    where = reader.at(row, cols.get("indicator", 0))
    for i, label in enumerate(labels):

        def part(key: str, i: int = i) -> list[str]:
            """This indicator's entries of a column: all when the row has one indicator, else the
            i-th when the column lists one per indicator."""
            values = columns[key]
            if len(labels) == 1:
                return values
            return [values[i]] if len(values) == len(labels) else []

        measure = Measure(label, where, [dated(v) for v in part("baseline")])
        for key, name in (("target", "Target"), ("current", "Current value")):
            for value in part(key):
                text, date = dated(value)
                same = next((m for m in measure.milestones if m.date == date and date is not None), None)
                if same is None:
                    same = Milestone(name, date)
                    measure.milestones.append(same)
                if key == "target":
                    same.planned = text
                else:
                    same.achieved = text
        measure.sources = (
            part("source") if len(labels) == 1 or len(columns["source"]) == len(labels) else columns["source"]
        )
        result.measures.append(measure)
    if not labels and any(columns.values()):
        reader.notes.append(
            Problem(
                reader.at(row, cols.get("baseline", 1)),
                "values with no indicator in the row",
                "write the indicator beside its values",
            )
        )


def read_activities(reader: _Reader, head: int) -> None:
    sheet = reader.sheet
    cols = reader.header(head, _ACTIVITIES)
    for row in range(head + 1, sheet.rows + 1):
        text = reader.take(row, cols["activity"])
        if not text:
            continue
        inline = level_of(text)
        number, rest = (
            (inline[1], inline[2]) if inline and inline[0] == "activity" and inline[2] else _numbered(text)
        )
        result = Result("activity", number, rest, reader.at(row, cols["activity"]))
        result.means = items(reader.take(row, cols.get("means", 0)))
        reader.take(row, cols.get("cost", 0))
        _take_assumptions(reader, row, cols, result)
        reader.results.append(result)
    reader.leftovers(range(head + 1, sheet.rows + 1))


# --- FCDO / DFID --------------------------------------------------------------------------------------

TITLE_LABELS = ("programme title", "project title", "programme name", "project name")
"""The label beside (or before) the programme's name: FCDO's template says PROGRAMME TITLE,
DFID's 2011 logframe template PROJECT NAME."""

_LABELS = re.compile(
    r"^(primary theme|[a-z ]*weighting( \(%\))?|risk rating|inputs?( \(.*\))?|share|"
    rf"(?:{'|'.join(TITLE_LABELS)}):?|"
    r"assumptions?|source|planned|achieved|risks?)(?!\w)",
    re.I,
)
_NO_DATE = re.compile(r"\s*\(\s*date\s*\)\s*$", re.I)
"""The 2011 template's unfilled header words, ``Target (date)``: the column has no date."""


def _is_fcdo(texts: set[str]) -> bool:
    return _has(texts, r"^baseline") and _has(texts, r"^milestone|^(impact|outcome|output) indicator")


def read_fcdo(reader: _Reader, head: int) -> None:
    sheet = reader.sheet
    heads = [
        r
        for r in range(head, sheet.rows + 1)
        if _is_fcdo({_norm(sheet.get(r, c)) for c in range(1, sheet.columns + 1)} - {""})
    ]
    current: Result | None = None
    for k, h in enumerate(heads):
        end = heads[k + 1] if k + 1 < len(heads) else sheet.rows + 1
        columns: dict[int, str] = {}  # the baseline column and every column right of it
        indicator_col = 0
        for c in range(1, sheet.columns + 1):
            text = reader.take(h, c)
            norm = _norm(text)
            if "indicator" in norm and not indicator_col:
                indicator_col = c
            elif norm.startswith("baseline") or (columns and text):
                columns[c] = text
        found = level_of(reader.take(h, 1)) if indicator_col != 1 else None
        by_indicator = level_of(_norm(sheet.get(h, indicator_col))) if indicator_col else None
        block = range(h + 1, end)
        ratings = _ratings(reader, block)
        statement = next(
            (
                sheet.get(r, 1)
                for r in block
                if sheet.get(r, 1)
                and not _LABELS.match(sheet.get(r, 1))
                and sheet.first(r, 1) not in reader.used
            ),
            "",
        )
        label = next(
            (sheet.get(r, indicator_col) for r in block if indicator_col and sheet.get(r, indicator_col)), ""
        )
        if not statement and not label:  # a blank block, as in an empty template
            for kind, (text, where) in ratings.items():
                if current is not None:  # ratings written below a result's last indicator block
                    setattr(current, kind, (text, where))
                else:
                    reader.notes.append(Problem(where, f"a {kind} with no result: not placed"))
            continue
        if found or current is None or statement:
            level = (found or by_indicator or ("output", "", ""))[0]
            number = found[1] if found else ""
            r0 = next((r for r in block if sheet.get(r, 1) == statement), h)
            reader.take(r0, 1)
            num, text = _numbered(statement) if statement else ("", "")
            current = Result(
                level,
                number or num,
                text or f"{level} {number}".strip(),
                reader.at(r0, 1) if statement else reader.at(h, 1),
            )
            reader.results.append(current)
        _fcdo_block(reader, current, block, indicator_col, columns)
        for kind, rated in ratings.items():
            setattr(current, kind, rated)
    reader.leftovers(range(1, sheet.rows + 1))  # above the table too: the title is told if not read


def _ratings(reader: _Reader, block: range) -> dict[str, tuple[str, Location]]:
    """A block's weighting (``IMPACT WEIGHTING (%)``) and risk rating (``RISK RATING``): each
    label's value to its right, or below it when a label or nothing is to its right (the DFID
    template writes the labels in one row and their values in the next). Taken before the
    block's result statement is looked for, so that a value is never read as one."""
    sheet = reader.sheet
    found: dict[str, tuple[str, Location]] = {}
    for r in block:
        for c in range(1, sheet.columns + 1):
            norm = _norm(sheet.get(r, c))
            kind = "weighting" if "weighting" in norm else "risk" if norm.startswith("risk rating") else ""
            if not kind or sheet.first(r, c) in reader.used:
                continue
            reader.take(r, c)
            at = _label_value(reader, r, c)
            if at is not None:
                found[kind] = (reader.take(*at), reader.at(*at))
    return found


def _label_value(reader: _Reader, row: int, column: int) -> tuple[int, int] | None:
    sheet = reader.sheet
    origin = sheet.first(row, column)
    for c in range(column + 1, sheet.columns + 1):
        text = sheet.get(row, c)
        if text and sheet.first(row, c) != origin:
            if not _LABELS.match(text) and sheet.first(row, c) not in reader.used:
                return (row, c)
            break
    below = sheet.get(row + 1, column)
    if below and not _LABELS.match(below) and sheet.first(row + 1, column) not in reader.used:
        return (row + 1, column)
    return None


def _fcdo_block(
    reader: _Reader, result: Result, block: range, indicator_col: int, columns: dict[int, str]
) -> None:
    sheet = reader.sheet
    kinds = {}
    for r in block:
        for c in range(1, sheet.columns + 1):
            norm = _norm(sheet.get(r, c))
            if norm in ("planned", "achieved") and (r, c) not in reader.used:
                kinds[r] = norm
                reader.take(r, c)
    planned = next((r for r, k in kinds.items() if k == "planned"), block.start if len(block) else 0)
    achieved = next((r for r, k in kinds.items() if k == "achieved"), 0)
    label = reader.take(planned, indicator_col) if indicator_col and planned else ""
    measure = Measure(label, reader.at(planned, indicator_col)) if label else None
    for c, header in columns.items():
        norm = _norm(header)
        plan = reader.take(planned, c) if planned else ""
        got = reader.take(achieved, c) if achieved else ""
        if measure is None:
            continue
        name, date = dated(_NO_DATE.sub("", header.replace("\n", " ")))
        if norm.startswith("baseline"):  # a value's own year, else the header's (Baseline (2013))
            measure.baselines += [(v, when or date) for v, when in (dated(x) for x in items(plan))]
            continue
        value, when = dated(plan)
        actual, at = dated(got)
        measure.milestones.append(Milestone(name.strip(), date or when or at, value, actual))
    for r in block:
        for c in range(1, sheet.columns + 1):
            norm = _norm(sheet.get(r, c))
            if (r, c) in reader.used or not norm:
                continue
            if norm == "source" or norm.startswith(("source:", "assumption")):
                reader.take(r, c)
                value = _right_or_below(reader, r, c)
                if norm.startswith("assumption"):
                    result.assumptions += [(a, reader.at(r, c)) for a in items(value)]
                elif measure is not None:
                    measure.sources += items(value)
    if measure is not None:
        result.measures.append(measure)


def _right_or_below(reader: _Reader, row: int, column: int) -> str:
    """The value of a label cell: below it when the label spans the row (the DFID template's
    merged "Source" cell), else the next text to its right."""
    sheet = reader.sheet
    if sheet.origin.get((row, column + 1)) == sheet.first(row, column):
        return reader.take(row + 1, column)
    for c in range(column + 1, sheet.columns + 1):
        if sheet.get(row, c):
            return reader.take(row, c)
    return ""


# --- the 4×4 matrix -----------------------------------------------------------------------------------

_MATRIX = {
    "indicator": r"indicator|indicateur",
    "source": r"verification|source|verificatie",
    "assumption": r"assumption|hypothes|aanname|risk",
    "objective": r"objective|narrative|summary|intervention logic|description|doelstelling|logique",
    "level": r"^level|^niveau",
}


def _is_matrix(texts: set[str]) -> bool:
    return (
        _has(texts, _MATRIX["indicator"])
        and _has(texts, r"verification|verificatie")
        and _has(texts, _MATRIX["assumption"])
    )


def read_matrix(reader: _Reader, head: int) -> None:
    sheet = reader.sheet
    cols = reader.header(head, _MATRIX)
    objective = cols.get("objective", 1)
    level_col = cols.get("level") or (objective - 1 if objective > 1 else 0)
    level = ""
    current: Result | None = None
    for row in range(head + 1, sheet.rows + 1):
        found = level_of(reader.take(row, level_col)) if level_col else None
        if found:
            level = found[0]
        text = reader.take(row, objective)
        if text:
            inline = level_of(text)
            if inline and inline[2] and not found:
                level, number, text = inline
            else:
                number, text = _numbered(text)
            current = _add_result(reader, row, objective, level, number or (found[1] if found else ""), text)
        if current is None:  # (no level yet: told, and no result before it either)
            continue
        labels = items(reader.take(row, cols.get("indicator", 0)))
        sources = items(reader.take(row, cols.get("source", 0)))
        where = reader.at(row, cols.get("indicator", objective))
        for i, label in enumerate(labels):
            mine = [sources[i]] if len(sources) == len(labels) and len(labels) > 1 else sources
            current.measures.append(Measure(label, where, sources=mine))
        _take_assumptions(reader, row, cols, current)
    reader.leftovers(range(head + 1, sheet.rows + 1))


LAYOUTS: dict[str, tuple[Callable[[set[str]], bool], Callable[[_Reader, int], None]]] = {
    "fcdo": (_is_fcdo, read_fcdo),
    "eu": (_is_eu, read_eu),
    "matrix": (_is_matrix, read_matrix),
}
"""Each layout's header test and reader, in the order they are tried (the most specific first)."""


def read_sheet(sheet: Sheet, file: str) -> tuple[str, list[Result], Notes] | None:
    """The layout found in a sheet, its results and the cells not placed; None: no logframe here."""
    for name, (test, read) in LAYOUTS.items():
        head = _find_row(sheet, 1, test)
        if head:
            reader = _Reader(sheet, file)
            read(reader, head)
            return name, reader.results, reader.notes
    head = _find_row(sheet, 1, _is_activities)
    if head:
        reader = _Reader(sheet, file)
        read_activities(reader, head)
        return "eu", reader.results, reader.notes
    return None
