"""Named pathways of change and the recommendations that answer findings."""

from __future__ import annotations

from pydantic import Field

from toc.model.base import Element, LinkId, NonEmpty, Text

__all__ = ["Pathway", "Recommendation"]


class Pathway(Element):
    """A named set of links through the graph (a 'weg van verandering')."""

    label: Text
    description: Text | None = None
    links: list[LinkId] = Field(min_length=1)


class Recommendation(Element):
    """A recommendation, linked to the elements (findings) it responds to."""

    text: Text
    responds_to: list[LinkId] = Field(default_factory=list)
    addressee: Text | None = None
    priority: NonEmpty | None = None
