"""A report as a list of plain blocks, so that Markdown and HTML say exactly the same thing.

The builder (:mod:`toc.report.content`) decides *what* is said; the renderers only decide
how a heading, a table or a list looks. Every cell and paragraph is plain text.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Block", "Bullets", "Diagram", "Fields", "Heading", "Para", "Table"]


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    text: str
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class Para:
    text: str
    note: bool = False


@dataclass(frozen=True, slots=True)
class Fields:
    """Label: value lines (a definition list)."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: tuple[int, ...] = ()
    """Indexes of right-aligned (numeric) columns."""


@dataclass(frozen=True, slots=True)
class Bullets:
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Diagram:
    """Where the HTML report puts the diagram of the model (with this heading); Markdown skips it."""

    title: str


Block = Heading | Para | Fields | Table | Bullets | Diagram
