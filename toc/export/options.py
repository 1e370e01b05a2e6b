"""What a drawing or table shows: one frozen set of options shared by every exporter.

``Options.of(**kwargs)`` is how the public functions take keyword options, so that a
misspelt option is an error rather than silently ignored.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from typing import TypedDict

from toc.export.errors import RenderError
from toc.export.limits import SizeLimit
from toc.words import TERMS

__all__ = ["DIRECTIONS", "Options", "RenderError", "RenderKeywords"]

DIRECTIONS = ("BT", "TB", "LR", "RL")
"""Where the results chain runs: ``BT`` puts activities at the bottom and impact on top
(the usual theory-of-change picture, read upward); ``TB`` the other way; ``LR``/``RL`` sideways."""


class RenderKeywords(TypedDict, total=False):
    """The fields of :class:`Options` as keyword arguments (``toc.to_dot(model, lang="nl")``),
    so that a type checker knows each one's name and type."""

    lang: str | None
    direction: str
    evidence: bool
    indicators: bool
    assumptions: bool
    pathway: str | None
    focus: str | None
    depth: int
    at_risk: str | None
    legend: bool
    title: bool
    wrap: int
    engine: str | None
    terms: str
    max_size: SizeLimit


@dataclass(frozen=True)
class Options:
    lang: str | None = None
    """Language of model text (default: the model's first language)."""
    direction: str = "BT"
    evidence: bool = True
    """Show evidence counts on assumptions and results."""
    indicators: bool = True
    assumptions: bool = True
    pathway: str | None = None
    """Show only this pathway."""
    focus: str | None = None
    """Show only the neighbourhood of this result, to ``depth`` links in either direction."""
    depth: int = 1
    at_risk: str | None = None
    """Show only what is at risk if this assumption does not hold."""
    legend: bool = True
    title: bool = True
    wrap: int = 26
    """Wrap result labels at about this many characters (assumption notes a little wider)."""
    engine: str | None = None
    """Graphviz engine for SVG/PNG/PDF: ``pygraphviz``, ``dot`` or ``auto`` (default, see engine.py)."""
    terms: str = "toc"
    """Row names of the logframe matrix: ``toc``, ``eu-pcm``, ``eu-prag``, ``dfid``, ``usaid``."""
    max_size: SizeLimit = "default"
    """SVG/PNG/PDF and the explorer: refuse to lay out more results + links than this (None: no
    limit; ``"default"``: 1,500, and 5,000 for the explorer; see toc.export.limits). DOT,
    Mermaid and the logframe are never limited."""

    @classmethod
    def of(cls, base: Options | None = None, /, **kwargs: object) -> Options:
        """Options from keywords (over ``base``, if given), checked."""
        names = [f.name for f in dataclasses.fields(cls)]
        for key in kwargs:
            if key not in names:
                close = difflib.get_close_matches(key, names, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise TypeError(f"unknown render option {key!r}{hint}")
        options = dataclasses.replace(base, **kwargs) if base is not None else cls(**kwargs)  # type: ignore[arg-type]
        options.check()
        return options

    @property
    def focused(self) -> bool:
        """Whether only part of the model is drawn (a pathway, a neighbourhood, what is at risk)."""
        return self.pathway is not None or self.focus is not None or self.at_risk is not None

    def for_model(self, default_language: str | None) -> Options:
        """These options with ``lang`` resolved: the model's first language when none was asked,
        so that the fixed words (legend, headings) match the model's text."""
        if self.lang is not None or default_language is None:
            return self
        return dataclasses.replace(self, lang=default_language)

    def check(self) -> None:
        if self.direction not in DIRECTIONS:
            raise RenderError(f"direction must be one of {', '.join(DIRECTIONS)}, not {self.direction!r}")
        if self.terms not in TERMS:
            raise RenderError(f"terms must be one of {', '.join(TERMS)}, not {self.terms!r}")
        if self.depth < 0:
            raise RenderError(f"depth must be 0 or more, not {self.depth}")
        if isinstance(self.max_size, int) and self.max_size < 1:
            raise RenderError(f"max_size must be at least 1 (or None: no limit), not {self.max_size}")
        if self.wrap < 8:
            raise RenderError(f"wrap must be at least 8 characters, not {self.wrap}")
