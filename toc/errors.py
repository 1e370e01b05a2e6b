"""The one exception type a user catches, and the source locations it carries.

Every failure to read or validate a model raises :class:`LoadError`. It holds one
:class:`Problem` per thing that is wrong, each pointing at file, line and column,
so that the CLI (and editors) can print ``file:line:col: message`` for all of them
at once instead of making the user fix one mistake per run.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["LoadError", "Location", "Notice", "Path", "Problem", "cell_name", "path_text"]

Path = tuple[str | int, ...]
"""Where a value is in the model's data: ``('nodes', 3, 'label')``."""


def path_text(path: Path) -> str:
    """``('nodes', 3, 'label')`` → ``nodes[3].label``."""
    out = ""
    for step in path:
        out += f"[{step}]" if isinstance(step, int) else (f".{step}" if out else str(step))
    return out


def cell_name(row: int, column: int) -> str:
    """A spreadsheet cell's name: row 7, column 3 → ``C7`` (a whole row, column 0: ``7:7``)."""
    if column <= 0:
        return f"{row}:{row}"
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


class Location(NamedTuple):
    """A 1-based line and column in a named file; line 0 means the file as a whole.

    In a workbook, ``sheet`` names the sheet, ``line`` is the row and ``column`` the column
    number (shown as ``file.xlsx:LOGFRAME!C7``); text files leave it empty.

    A named tuple: the loader makes one per element, and a finding's position is this
    ``(file, line, column)`` as it stands (with the sheet after them in a workbook)."""

    file: str
    line: int
    column: int
    sheet: str = ""

    def __str__(self) -> str:
        if self.sheet:
            if self.line <= 0:
                return f"{self.file}:{self.sheet}"
            return f"{self.file}:{self.sheet}!{cell_name(self.line, self.column)}"
        if self.line <= 0:  # about the whole file (not found, unreadable)
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


class Problem(NamedTuple):
    """One thing wrong with the input: the one problem type of the loader and the model's checks.

    ``rule`` names the check this problem belongs to (``duplicate-id``,
    ``dangling-reference`` …) when it is a modelling mistake rather than a
    syntax error, so that ``toc check`` can report it like any other finding.
    ``path`` is where in the document it is (``nodes[3].label``; an element written in the
    logframe shape or inside an assumption is named by its id: ``use-filters.indicators[0]``).
    ``target`` is the id of the element at fault, when there is one (as a rule's finding
    names its element): set where the problem is found, never recovered from the text.

    A named tuple, like :class:`Location`: ``toc --version`` and every command import this
    module, and a dataclass would pull in ``dataclasses`` (and ``inspect``) at start-up.
    """

    location: Location
    message: str
    hint: str = ""
    rule: str | None = None
    path: str = ""
    target: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class LoadError(Exception):
    """A model could not be read; ``problems`` lists every reason, in file order."""

    def __init__(self, problems: list[Problem] | None = None) -> None:
        self.problems: list[Problem] = [] if problems is None else problems
        self.problems.sort(key=lambda p: (p.location, p.message))
        super().__init__(self.__str__())

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


class Notice(UserWarning):
    """Something a reader could not place, or a reader or writer could not keep (what a layout
    or an IATI activity has no place for, counted by kind): told, never a silent drop, and not fatal.

    Readers and writers raise it with :func:`warnings.warn`; the CLI prints each on standard
    error as ``toc COMMAND: …`` (a library user sees Python's warnings, or catches them)."""
