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
from toc.model.nodes import Node
from toc.model.pathways import Pathway, Recommendation
from toc.model.programme import Component, Programme, Source

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

    _locations: dict[str, Location] = PrivateAttr(default_factory=dict)
    _field_locations: Mapping[tuple[str, str], Location] = PrivateAttr(default_factory=dict)
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
        if field is not None:
            found = self._field_locations.get((element_id, field))
            if found is not None:
                return found
        return self._locations.get(element_id)

    def locator(self) -> Callable[[str, str | None], Location | None]:
        """:meth:`locate` for many look-ups: reads the location maps once (each read of a private
        attribute goes through pydantic's ``__getattr__``), so that a million findings stay cheap."""
        elements = self._locations
        fields = self._field_locations

        def locate(element_id: str, field: str | None = None) -> Location | None:
            if field is not None:
                found = fields.get((element_id, field))
                if found is not None:
                    return found
            return elements.get(element_id)

        return locate

    def _positioner(self) -> Callable[[str, str | None], tuple[str, int, int] | None]:
        """:meth:`locator` as ``(file, line, column)``, for the rules engine: a field's position
        is read without making a :class:`Location` (half the cost of a finding on a field).
        Private: only the engine needs it."""
        elements = self._locations
        fields = self._field_locations
        # the loader's lazy map answers in one call per finding
        make: Callable[..., Callable[[str, str | None], tuple[str, int, int] | None]] | None = getattr(
            fields, "positioner", None
        )
        if make is not None:
            return make(elements)

        def locate(element_id: str, field: str | None = None) -> tuple[str, int, int] | None:
            found = fields.get((element_id, field)) if field is not None else None
            return elements.get(element_id) if found is None else found  # a Location is that tuple

        return locate

    def set_locations(
        self,
        file: str,
        elements: dict[str, Location],
        fields: Mapping[tuple[str, str], Location],
        top: dict[str, Location] | None = None,
    ) -> None:
        """Used by the loader; ``top`` holds the locations of top-level keys (``programme`` …).

        ``fields`` may be lazy (the loader makes its Locations only when asked for).
        """
        self._file = file
        self._locations = dict(elements)
        for key, loc in (top or {}).items():
            self._locations.setdefault(key, loc)
        self._field_locations = fields
