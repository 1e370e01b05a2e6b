"""Whole-model integrity: unique ids and references that resolve to the right kind of element.

Pydantic checks each element on its own; this checks how they refer to each other.
Each issue carries the path of the offending value so the loader can point at its line.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from toc.model.assumptions import Assumption
from toc.model.base import Element
from toc.model.evidence import Claim, Evidence, HarvestRecord
from toc.model.indicators import Indicator
from toc.model.links import Link
from toc.model.nodes import Node
from toc.model.pathways import Pathway
from toc.model.programme import Component, Source
from toc.model.root import SECTIONS, AnyElement, Model

__all__ = ["Issue", "check_model", "suggest"]

Path = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Issue:
    path: Path
    message: str
    hint: str = ""
    rule: str = "dangling-reference"


def suggest(word: str, choices: Iterable[str]) -> str:
    """A 'did you mean' hint, or nothing."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""


_KIND_NAMES: dict[type, str] = {
    Node: "node",
    Link: "link",
    Assumption: "assumption",
    Evidence: "evidence item",
    Claim: "claim",
    Indicator: "indicator",
    Source: "source",
    Component: "component",
    Pathway: "pathway",
    HarvestRecord: "harvest record",
}


def kind_name(element: object) -> str:
    return _KIND_NAMES.get(type(element), type(element).__name__.lower())


def check_model(model: Model) -> list[Issue]:
    """Every duplicate id and every reference that does not resolve, in document order."""
    index: dict[str, AnyElement] = {}
    issues: list[Issue] = []
    for path, element in _elements_with_paths(model):
        first = index.get(element.id)
        if first is not None:
            issues.append(
                Issue(
                    (*path, "id"),
                    f"duplicate id {element.id!r}: already used by a {kind_name(first)}",
                    "ids are unique across the whole model; rename one",
                    "duplicate-id",
                )
            )
        else:
            index[element.id] = element
    issues.extend(_references(model, index))
    return issues


def _elements_with_paths(model: Model) -> Iterator[tuple[Path, AnyElement]]:
    for section in SECTIONS:
        for i, element in enumerate(getattr(model, section)):
            yield (section, i), element
            if isinstance(element, Node):
                for j, indicator in enumerate(element.indicators):
                    yield (section, i, "indicators", j), indicator


def _references(model: Model, index: dict[str, AnyElement]) -> Iterator[Issue]:
    def ref(path: Path, value: str | None, wanted: tuple[type, ...], what: str) -> Iterator[Issue]:
        if value is None:
            return
        found = index.get(value)
        if found is None:
            candidates = {k for k, v in index.items() if isinstance(v, wanted)}
            yield Issue(path, f"{what} {value!r} is not defined", suggest(value, candidates))
        elif not isinstance(found, wanted):
            names = " or ".join(sorted({_KIND_NAMES.get(t, t.__name__) for t in wanted}))
            kind = kind_name(found)
            article = "an" if kind[0] in "aeiou" else "a"
            yield Issue(path, f"{value!r} is {article} {kind}, but a {names} is expected here")

    anything = (Element, Link)
    claimable = (Assumption, Link, Node, Claim, Indicator)
    for k, ceiling in enumerate(model.programme.ceiling_of_accountability):
        yield from ref(("programme", "ceiling_of_accountability", k), ceiling, (Node,), "node")
    for path, element in _elements_with_paths(model):
        for k, citation in enumerate(element.cite):
            yield from ref((*path, "cite", k, "source"), citation.source, (Source,), "source")
        if isinstance(element, Node):
            yield from ref((*path, "component"), element.component, (Component,), "component")
        elif isinstance(element, Link):
            yield from ref((*path, "from"), element.source, (Node,), "node")
            yield from ref((*path, "to"), element.target, (Node,), "node")
            for k, a in enumerate(element.assumptions):
                yield from ref((*path, "assumptions", k), a, (Assumption,), "assumption")
        elif isinstance(element, Assumption):
            for k, target in enumerate(element.applies_to):
                yield from ref((*path, "applies_to", k), target, (Link, Node), "link or node")
        elif isinstance(element, Evidence):
            for k, target in enumerate(element.about):
                yield from ref((*path, "about", k), target, claimable, "element")
            yield from ref((*path, "harvest"), element.harvest, (HarvestRecord,), "harvest record")
        elif isinstance(element, Claim):
            yield from ref((*path, "about"), element.about, (Node, Link), "node or link")
        elif isinstance(element, Pathway):
            for k, link in enumerate(element.links):
                yield from ref((*path, "links", k), link, (Link,), "link")
        elif isinstance(element, HarvestRecord):
            for k, target in enumerate(element.relates_to):
                yield from ref((*path, "relates_to", k), target, (Node, Link), "node or link")
        else:
            responds = getattr(element, "responds_to", None)
            for k, target in enumerate(responds or []):
                yield from ref((*path, "responds_to", k), target, anything, "element")
