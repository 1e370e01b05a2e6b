"""Whole-model integrity: unique ids and references that resolve to the right kind of element.

Pydantic checks each element on its own; this checks how they refer to each other.
Each problem carries the id of the element at fault, and is placed (file, line, column and a
path naming the value) by a :class:`Where` the caller passes: the loader's knows the file.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from toc.errors import Location, Path, Problem, path_text
from toc.model.assumptions import Assumption
from toc.model.base import Element
from toc.model.evidence import Claim, Evidence, HarvestRecord
from toc.model.indicators import Indicator
from toc.model.links import Link
from toc.model.nodes import Node
from toc.model.pathways import Pathway
from toc.model.programme import Component, Source
from toc.model.root import SECTIONS, AnyElement, Model

__all__ = ["Where", "check_model", "suggest"]


class Where(Protocol):
    """How a problem found in the model's data is placed for the person who wrote it."""

    def location(self, path: Path) -> Location:
        """Where the value at ``path`` was written."""
        ...

    def name(self, path: Path) -> str:
        """``path`` as the writer knows it (``links[0].to``)."""
        ...


class _Unplaced:
    """For a model built in Python: no file, and the path as it stands."""

    def location(self, path: Path) -> Location:
        return Location("<model>", 0, 0)

    def name(self, path: Path) -> str:
        return path_text(path)


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


def check_model(model: Model, where: Where | None = None) -> list[Problem]:
    """Every duplicate id and every reference that does not resolve, in document order.

    Each reference that resolves is set to the id's own string object (see ``_references``)."""
    place = where or _Unplaced()
    index: dict[str, AnyElement] = {}
    found: list[tuple[Path, str, str, str, str]] = []  # path, message, hint, rule, target
    for path, element in _elements_with_paths(model):
        first = index.get(element.id)
        if first is not None:
            found.append(
                (
                    (*path, "id"),
                    f"duplicate id {element.id!r}: already used by a {kind_name(first)}",
                    "ids are unique across the whole model; rename one",
                    "duplicate-id",
                    element.id,
                )
            )
        else:
            index[element.id] = element
    found.extend(_references(model, index))
    return [
        Problem(place.location(path), message, hint, rule, place.name(path), target)
        for path, message, hint, rule, target in found
    ]


def _elements_with_paths(model: Model) -> Iterator[tuple[Path, AnyElement]]:
    for section in SECTIONS:
        for i, element in enumerate(getattr(model, section)):
            yield (section, i), element
            if isinstance(element, Node):
                for j, indicator in enumerate(element.indicators):
                    yield (section, i, "indicators", j), indicator


_Found = tuple[Path, str, str, str, str]
"""A problem before it is placed: path, message, hint, rule, id of the element at fault."""


def _references(model: Model, index: dict[str, AnyElement]) -> list[_Found]:
    """The references that do not resolve; each one that does is set to the very string of the
    id it names (equal text, one object). Dictionaries keyed by id then find a reference's entry
    by identity, without comparing text: on a 100k-node model that took about 5 % off the rules,
    for no extra load time (the lookup is made here anyway)."""
    found: list[_Found] = []

    def ref(owner: str, path: Path, value: str, wanted: tuple[type, ...], what: str) -> str:
        element = index.get(value)
        if element is None:
            candidates = {k for k, v in index.items() if isinstance(v, wanted)}
            message = f"{what} {value!r} is not defined"
            found.append((path, message, suggest(value, candidates), "dangling-reference", owner))
            return value
        if not isinstance(element, wanted):
            names = " or ".join(sorted({_KIND_NAMES.get(t, t.__name__) for t in wanted}))
            kind = kind_name(element)
            article = "an" if kind[0] in "aeiou" else "a"
            message = f"{value!r} is {article} {kind}, but a {names} is expected here"
            found.append((path, message, "", "dangling-reference", owner))
            return value
        return element.id

    def refs(owner: str, path: Path, values: list[str], wanted: tuple[type, ...], what: str) -> None:
        if values:  # the list is the model's own: its items are replaced, not its identity
            values[:] = [ref(owner, (*path, k), v, wanted, what) for k, v in enumerate(values)]

    def one(owner: str, element: Any, name: str, path: Path, wanted: tuple[type, ...], what: str) -> None:
        value = getattr(element, name)
        if value is not None:
            # Equal text, so nothing to validate: set without validate_assignment, the way pydantic
            # itself sets fields (model_construct); the field stays in model_fields_set as it was.
            object.__setattr__(element, name, ref(owner, path, value, wanted, what))

    anything = (Element, Link)
    claimable = (Assumption, Link, Node, Claim, Indicator)
    source = (Source,)
    programme = model.programme
    refs(
        programme.id,
        ("programme", "ceiling_of_accountability"),
        programme.ceiling_of_accountability,
        (Node,),
        "node",
    )
    for path, element in _elements_with_paths(model):
        owner = element.id
        for k, citation in enumerate(element.cite):
            one(owner, citation, "source", (*path, "cite", k, "source"), source, "source")
        if isinstance(element, Node):
            one(owner, element, "component", (*path, "component"), (Component,), "component")
        elif isinstance(element, Link):
            one(owner, element, "source", (*path, "from"), (Node,), "node")
            one(owner, element, "target", (*path, "to"), (Node,), "node")
            refs(owner, (*path, "assumptions"), element.assumptions, (Assumption,), "assumption")
        elif isinstance(element, Assumption):
            refs(owner, (*path, "applies_to"), element.applies_to, (Link, Node), "link or node")
        elif isinstance(element, Evidence):
            refs(owner, (*path, "about"), element.about, claimable, "element")
            one(owner, element, "harvest", (*path, "harvest"), (HarvestRecord,), "harvest record")
        elif isinstance(element, Claim):
            one(owner, element, "about", (*path, "about"), (Node, Link), "node or link")
        elif isinstance(element, Pathway):
            refs(owner, (*path, "links"), element.links, (Link,), "link")
        elif isinstance(element, HarvestRecord):
            refs(owner, (*path, "relates_to"), element.relates_to, (Node, Link), "node or link")
        else:
            responds = getattr(element, "responds_to", None)
            if responds:
                refs(owner, (*path, "responds_to"), responds, anything, "element")
    return found
