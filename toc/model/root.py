"""The whole model: one programme, its results, links, assumptions and evidence."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Literal

from pydantic import Field, PrivateAttr

from toc.errors import Location
from toc.model.assumptions import Assumption
from toc.model.base import Element, LangCode, Strict, Text, text_in
from toc.model.evidence import Claim, Evidence, HarvestRecord
from toc.model.indicators import Indicator
from toc.model.links import Link
from toc.model.locations import Locator, MapLocator, Positions
from toc.model.nodes import Node
from toc.model.pathways import Pathway, Recommendation
from toc.model.programme import Component, Programme, Source
from toc.model.settings import Settings

__all__ = ["FORMAT_VERSION", "SECTIONS", "AnyElement", "Model"]

FORMAT_VERSION = 1

AnyElement = Element | Link
SECTIONS = (
    "sources",
    "components",
    "nodes",
    "links",
    "assumptions",
    "evidence",
    "claims",
    "pathways",
    "recommendations",
    "harvest",
)
"""The top-level lists, in canonical order."""


class Model(Strict):
    """A theory of change. Equal models have equal content, wherever they were loaded from."""

    format: Literal[1] = Field(default=1, alias="toc", description="Format version.")
    languages: list[LangCode] = Field(default_factory=list, description="The first is the default.")
    programme: Programme
    settings: Settings = Field(default_factory=Settings)
    sources: list[Source] = Field(default_factory=list)
    components: list[Component] = Field(default_factory=list)
    nodes: list[Node] = Field(default_factory=list)
    links: list[Link] = Field(default_factory=list)
    assumptions: list[Assumption] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    pathways: list[Pathway] = Field(default_factory=list)
    recommendations: list[Recommendation] = Field(default_factory=list)
    harvest: list[HarvestRecord] = Field(default_factory=list)

    _locator: Locator = PrivateAttr(default_factory=MapLocator)
    _file: str | None = PrivateAttr(default=None)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Model):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in type(self).model_fields)

    __hash__ = None  # type: ignore[assignment]

    @property
    def default_language(self) -> str | None:
        return self.languages[0] if self.languages else None

    @property
    def file(self) -> str | None:
        """The file the model was loaded from, if any."""
        return self._file

    def text(self, value: Text | None, lang: str | None = None) -> str:
        """``value`` in ``lang`` (default: the model's default language)."""
        return text_in(value, lang or self.default_language, self.default_language)

    def elements(self) -> Iterator[AnyElement]:
        """Every element with an id, in canonical order (indicators after their node)."""
        for section in SECTIONS:
            for element in getattr(self, section):
                yield element
                if isinstance(element, Node):
                    yield from element.indicators

    def index(self) -> dict[str, AnyElement]:
        """Id → element. Built on each call: the model may have been changed in between."""
        return {element.id: element for element in self.elements()}

    def indicators(self) -> Iterator[tuple[Node, Indicator]]:
        for node in self.nodes:
            for indicator in node.indicators:
                yield node, indicator

    def locate(self, element_id: str, field: str | None = None) -> Location | None:
        """Where an element (or one of its fields) was written, if the model came from a file."""
        return self._locator.locate(element_id, field)

    def locator(self) -> Callable[[str, str | None], Location | None]:
        """:meth:`locate` for many look-ups (the private attribute is read once, not per call)."""
        return self._locator.locate

    def positions(self) -> Positions:
        """``(id, field or None) → (file, line, column) or None``, for one look-up per finding:
        what the rules engine uses (no :class:`Location` is made for a field's position)."""
        return self._locator.positions()

    def set_locator(self, file: str, locator: Locator) -> None:
        """Used by readers: the file the model came from, and where its elements were written."""
        self._file = file
        self._locator = locator

    def set_locations(
        self,
        file: str,
        elements: Mapping[str, Location],
        fields: Mapping[tuple[str, str], Location],
        top: Mapping[str, Location] | None = None,
    ) -> None:
        """:meth:`set_locator` with plain maps; ``top`` holds the locations of top-level keys
        (``programme`` …), found like elements."""
        located = dict(elements)
        for key, loc in (top or {}).items():
            located.setdefault(key, loc)
        self.set_locator(file, MapLocator(located, fields))
