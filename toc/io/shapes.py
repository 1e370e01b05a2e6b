"""Turn the hand-written shapes of the format into the one flat shape the model validates.

Users write either a free graph (``nodes``/``links`` with explicit ids) or a
logframe-like hierarchy (``logframe: impact: outcomes: outputs: activities:``),
or both in one file, and may write evidence inside the assumption it is about.
Everything becomes flat lists here. ``origins`` remembers, for each flat
element, the mapping the user wrote, so that errors point at the right line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from toc.errors import LoadError, Location, Problem
from toc.io.yamlread import Document
from toc.model.root import SECTIONS

__all__ = ["CHILD_KEYS", "HIERARCHY_KEYS", "Flat", "flatten"]

CHILD_KEYS = {"outcomes": "outcome", "outputs": "output", "activities": "activity"}
"""Which levels a node of the hierarchy may list under it, and the level they get."""
HIERARCHY_KEYS = frozenset({*CHILD_KEYS, "assumptions", "rationale", "link"})
"""Keys a node may carry in the hierarchy that are not node fields."""
_ALLOWED_CHILDREN = {
    "impact": ("outcomes",),
    "outcome": ("outcomes", "outputs"),
    "output": ("activities",),
    "activity": (),
}
LOGFRAME_KEYS = frozenset({"impact", "impacts", "outcomes", "preconditions"})


@dataclass
class Flat:
    """The flat data for the model plus where each element came from."""

    data: dict[str, Any]
    origins: dict[tuple[str, int], Any] = field(default_factory=dict)


def flatten(doc: Document) -> Flat:
    """Apply the logframe hierarchy and inline evidence; raise on a misplaced key."""
    root = doc.data
    if not isinstance(root, dict):
        loc = doc.location(root) or _start(doc)
        raise LoadError(
            [
                Problem(
                    loc, "a model is a mapping (toc:, programme:, nodes: …)", "start the file with 'toc: 1'"
                )
            ]
        )
    flat = Flat({k: v for k, v in root.items() if k != "logframe"})
    out = _Out(doc, flat)
    for section in SECTIONS:
        items = root.get(section)
        if items is None:
            continue
        if not isinstance(items, list):
            continue  # pydantic reports the wrong type with its location
        flat.data[section] = []
        for item in items:
            if section == "assumptions" and isinstance(item, dict) and "evidence" in item:
                out.assumption(item, about=None)
            else:
                out.add(section, item, item)
    out.add_lifted()  # after the evidence section, which would otherwise start a new list
    if "logframe" in root:
        out.logframe(root["logframe"])
        out.resolve_pending()
        out.add_lifted()
    if out.problems:
        raise LoadError(out.problems)
    return flat


def _start(doc: Document) -> Location:
    return Location(doc.file, 1, 1)


class _Out:
    def __init__(self, doc: Document, flat: Flat) -> None:
        self.doc = doc
        self.flat = flat
        self.problems: list[Problem] = []
        self.pending: list[tuple[str, str, Any]] = []
        self.lifted: list[tuple[Any, Any]] = []
        """Evidence written inside an assumption, with the mapping the user wrote: added to the
        evidence list after the model's own ``evidence:`` items."""

    def add(self, section: str, element: Any, origin: Any) -> None:
        items = self.flat.data.setdefault(section, [])
        self.flat.origins[(section, len(items))] = origin
        items.append(element)

    def problem(self, where: Any, key: str | None, message: str, hint: str = "") -> None:
        loc = (self.doc.key_location(where, key) if key else self.doc.location(where)) or _start(self.doc)
        self.problems.append(Problem(loc, message, hint))

    def assumption(self, item: dict[str, Any], about: str | None, origin: Any = None) -> str | None:
        """Add an inline assumption (lifting its evidence); return its id.

        ``origin`` is the mapping the user wrote, when ``item`` is a copy of it.
        """
        evidence = item.get("evidence", [])
        body = {k: v for k, v in item.items() if k != "evidence"}
        if about is not None:
            body["applies_to"] = [*_list(body.get("applies_to")), about]
        self.add("assumptions", body, item if origin is None else origin)
        ident = item.get("id")
        if not isinstance(evidence, list):
            self.problem(item, "evidence", "'evidence' must be a list of evidence items")
            return ident if isinstance(ident, str) else None
        for ev in evidence:
            if isinstance(ev, dict) and isinstance(ident, str):
                self.lifted.append(({**ev, "about": [*_list(ev.get("about")), ident]}, ev))
            else:
                self.lifted.append((ev, ev))
        return ident if isinstance(ident, str) else None

    def add_lifted(self) -> None:
        for element, origin in self.lifted:
            self.add("evidence", element, origin)
        self.lifted.clear()

    def resolve_pending(self) -> None:
        """An assumption named by id on a top node of the logframe applies to that node."""
        assumptions = self.flat.data.get("assumptions", [])
        for assumption_id, node_id, item in self.pending:
            for i, body in enumerate(assumptions):
                if isinstance(body, dict) and body.get("id") == assumption_id:
                    applies = [*_list(body.get("applies_to")), node_id]
                    assumptions[i] = {**body, "applies_to": applies}
                    break
            else:
                self.problem(
                    item,
                    "assumptions",
                    f"assumption {assumption_id!r} is not defined",
                    "define it under 'assumptions:' or write it inline",
                )

    def logframe(self, frame: Any) -> None:
        if not isinstance(frame, dict):
            self.problem(frame, None, "'logframe' must be a mapping (impact:, outcomes:, preconditions:)")
            return
        for key in frame:
            if key not in LOGFRAME_KEYS:
                from toc.model.references import suggest

                self.problem(
                    frame,
                    key,
                    f"unknown key {key!r} in 'logframe'",
                    suggest(key, LOGFRAME_KEYS) or "use impact, outcomes or preconditions",
                )
        for pre in _list(frame.get("preconditions")):
            if isinstance(pre, dict):
                self.assumption({"kind": "condition", **pre}, about=None, origin=pre)
            else:
                self.problem(frame, "preconditions", "a precondition is a mapping with id and statement")
        for key, level in (("impact", "impact"), ("impacts", "impact"), ("outcomes", "outcome")):
            if key in frame:
                for item, where in self.items(frame, key):
                    self.node(item, level, None, where)

    def items(self, container: dict[str, Any], key: str) -> list[tuple[Any, Location | None]]:
        """The item(s) under ``key`` (one or a list), each with where it was written."""
        value = container[key]
        if isinstance(value, list):
            return [(item, self.doc.value_location(value, i)) for i, item in enumerate(value)]
        return [] if value is None else [(value, self.doc.value_location(container, key))]

    def node(self, item: Any, level: str, parent: str | None, where: Location | None = None) -> None:
        if not isinstance(item, dict):
            self.problems.append(
                Problem(
                    where or _start(self.doc),
                    f"an {level} in the logframe must be a mapping with id and label, not {_what(item)}",
                )
            )
            return
        body = {k: v for k, v in item.items() if k not in HIERARCHY_KEYS}
        written = body.setdefault("level", level)
        if written != level:
            self.problem(
                item,
                "level",
                f"this node sits where an {level} belongs, but says level {written!r}",
                "move it, or drop the 'level' key",
            )
        self.add("nodes", body, item)
        ident = item.get("id")
        ident = ident if isinstance(ident, str) else None
        link_id: str | None = None
        if parent is not None and ident is not None:
            extra = item.get("link", {})
            if not isinstance(extra, dict):
                self.problem(item, "link", "'link' must be a mapping (id, kind, cite, prior, suppress)")
                extra = {}
            link = {**extra, "from": ident, "to": parent}
            if "rationale" in item:
                link["rationale"] = item["rationale"]
            link_id = extra.get("id") or f"{ident}->{parent}"
            self.add("links", link, item)
        for assumption in _list(item.get("assumptions")):
            target = link_id or ident
            if isinstance(assumption, dict):
                self.assumption(assumption, about=target)
            elif isinstance(assumption, str) and target is not None:
                if link_id is not None:
                    link["assumptions"] = [*link.get("assumptions", []), assumption]
                else:
                    self.pending.append((assumption, target, item))
            else:
                self.problem(item, "assumptions", "an assumption is a mapping, or the id of one")
        for key, child_level in CHILD_KEYS.items():
            if key not in item:
                continue
            if key not in _ALLOWED_CHILDREN[level]:
                self.problem(
                    item,
                    key,
                    f"an {level} cannot list {key} under it",
                    f"an {level} lists {', '.join(_ALLOWED_CHILDREN[level]) or 'nothing'}",
                )
                continue
            for child, where in self.items(item, key):
                self.node(child, child_level, ident, where)


def _what(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f"the text {value!r}"
    return "nothing" if value is None else f"the value {value!r}"


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
