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


NOUNS = {
    "languages": "language codes",
    "sources": "sources",
    "components": "components",
    "nodes": "nodes",
    "links": "links",
    "assumptions": "assumptions",
    "evidence": "evidence items",
    "claims": "claims",
    "pathways": "pathways",
    "recommendations": "recommendations",
    "harvest": "harvest records",
    "impact": "impacts",
    "impacts": "impacts",
    "outcomes": "outcomes",
    "outputs": "outputs",
    "activities": "activities",
    "preconditions": "preconditions",
}
"""What the items of each collection key are called in messages."""


@dataclass
class Flat:
    """The flat data for the model plus where each element came from.

    ``origins`` holds, per flat element, the mapping the user wrote (or the item itself when it is
    not a mapping); ``spots`` where such a non-mapping item stands; ``moved`` the elements written
    somewhere else than their flat place (in the logframe, or evidence inside an assumption), each
    with the path where it was written, so that errors can name them as the user wrote them.
    """

    data: dict[str, Any]
    origins: dict[tuple[str, int], Any] = field(default_factory=dict)
    spots: dict[tuple[str, int], Location] = field(default_factory=dict)
    moved: dict[tuple[str, int], str] = field(default_factory=dict)


def flatten(doc: Document) -> Flat:
    """Apply the logframe hierarchy and inline evidence; raise on a misplaced key.

    Every collection is checked by :meth:`_Out.sequence` before it is iterated, so a key left
    empty, or given a scalar or a mapping where a list belongs, is a located problem here and
    never reaches code that expects a list.
    """
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
    if "languages" in root and out.sequence(root, "languages") is None:
        del flat.data["languages"]
    for section in SECTIONS:
        if section not in root:
            continue
        items = out.sequence(root, section)
        del flat.data[section]  # rebuilt below, in order, with inline evidence lifted out
        if items is None:
            continue
        flat.data[section] = []
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                out.add(section, item, item, where=out.where(root, section, i))
            elif section == "assumptions" and "evidence" in item:
                out.assumption(item, about=None, origin=item, written=f"{section}[{i}]", moved=False)
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
        self.lifted: list[tuple[Any, Any, Location | None, str]] = []
        """Evidence written inside an assumption, with the item the user wrote, where it stands and
        its written path: added to the evidence list after the model's own ``evidence:`` items."""

    def add(
        self, section: str, element: Any, origin: Any, where: Location | None = None, trail: str = ""
    ) -> None:
        """Append an element to a flat section; ``trail`` is its written path when that is not
        its flat place."""
        items = self.flat.data.setdefault(section, [])
        at = (section, len(items))
        self.flat.origins[at] = origin
        if where is not None and not isinstance(origin, (dict, list)):
            self.flat.spots[at] = where
        if trail:
            self.flat.moved[at] = trail
        items.append(element)

    def problem(self, where: Any, key: str | None, message: str, hint: str = "") -> None:
        loc = (self.doc.key_location(where, key) if key else self.doc.location(where)) or _start(self.doc)
        self.problems.append(Problem(loc, message, hint))

    def sequence(self, container: dict[str, Any], key: str, single: bool = False) -> list[Any] | None:
        """The type guard: the items under ``container[key]``.

        A list is what every collection key holds (``single``: or one item written on its own,
        as the logframe allows for nodes, assumptions and preconditions). Anything else — the key
        left empty, a number, text, a mapping — is a problem at the key, and None.
        """
        value = container[key]
        if isinstance(value, list):
            return value
        if single and value is not None and (isinstance(value, dict) or key == "assumptions"):
            return [value]
        noun = NOUNS.get(key, "items")
        if value is None:
            hint = f"write one '- …' line per item under '{key}:', or [] for none; or remove the key"
        elif isinstance(value, dict):
            hint = f"put '- ' before each of the {noun}: a list has one '- …' line per item"
        else:
            hint = f"write a list under '{key}:', one '- …' line per item, or [a, b] on one line"
        self.problem(container, key, f"{key}: expected a list of {noun}, got {_what(value)}", hint)
        return None

    def where(self, container: dict[str, Any], key: str, index: int) -> Location | None:
        """Where item ``index`` under ``container[key]`` stands (the value, when written alone)."""
        value = container[key]
        if isinstance(value, list):
            return self.doc.value_location(value, index)
        return self.doc.value_location(container, key)

    def assumption(
        self, item: dict[str, Any], about: str | None, origin: Any, written: str, moved: bool
    ) -> str | None:
        """Add an inline assumption (lifting its evidence); return its id.

        ``origin`` is the mapping the user wrote (``item`` may be a copy of it), ``written`` its
        path in the file; ``moved`` when that is not its flat place (it is in the logframe).
        """
        body = {k: v for k, v in item.items() if k != "evidence"}
        if about is not None:
            body["applies_to"] = [*_list(body.get("applies_to")), about]
        self.add("assumptions", body, origin, trail=written if moved else "")
        ident = item.get("id")
        ident = ident if isinstance(ident, str) else None
        evidence = self.sequence(origin, "evidence") if "evidence" in origin else None
        for j, ev in enumerate(evidence or ()):
            element, where = ev, None
            if not isinstance(ev, dict):
                where = self.where(origin, "evidence", j)
            elif ident is not None:
                element = {**ev, "about": [*_list(ev.get("about")), ident]}
            self.lifted.append((element, ev, where, f"{written}.evidence[{j}]"))
        return ident

    def add_lifted(self) -> None:
        for element, origin, where, trail in self.lifted:
            self.add("evidence", element, origin, where, trail)
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
        if "preconditions" in frame:
            for j, pre in enumerate(self.sequence(frame, "preconditions", single=True) or ()):
                if isinstance(pre, dict):
                    written = f"logframe.preconditions[{j}]"
                    self.assumption({"kind": "condition", **pre}, None, pre, written, moved=True)
                else:
                    self.problem(frame, "preconditions", "a precondition is a mapping with id and statement")
        for key, level in (("impact", "impact"), ("impacts", "impact"), ("outcomes", "outcome")):
            if key in frame:
                for j, item in enumerate(self.sequence(frame, key, single=True) or ()):
                    self.node(
                        item, level, None, self.where(frame, key, j), _step(f"logframe.{key}", frame[key], j)
                    )

    def node(self, item: Any, level: str, parent: str | None, where: Location | None, written: str) -> None:
        if not isinstance(item, dict):
            self.problems.append(
                Problem(
                    where or _start(self.doc),
                    f"an {level} in the logframe must be a mapping with id and label, not {_what(item)}",
                )
            )
            return
        body = {k: v for k, v in item.items() if k not in HIERARCHY_KEYS}
        written_level = body.setdefault("level", level)
        if written_level != level:
            self.problem(
                item,
                "level",
                f"this node sits where an {level} belongs, but says level {written_level!r}",
                "move it, or drop the 'level' key",
            )
        self.add("nodes", body, item, trail=written)
        ident = item.get("id")
        ident = ident if isinstance(ident, str) else None
        link: dict[str, Any] = {}
        link_id: str | None = None
        if parent is not None and ident is not None:
            extra = item.get("link", {})
            if not isinstance(extra, dict):
                self.problem(item, "link", "'link' must be a mapping (id, kind, cite, prior, suppress)")
                extra = {}
            link = {**extra, "from": ident, "to": parent}
            if "assumptions" in extra:
                link["assumptions"] = list(self.sequence(extra, "assumptions") or ())
            if "rationale" in item:
                link["rationale"] = item["rationale"]
            given = extra.get("id")
            link_id = given if isinstance(given, str) else f"{ident}->{parent}"
            self.add("links", link, item, trail=written)
        if "assumptions" in item:
            for j, assumption in enumerate(self.sequence(item, "assumptions", single=True) or ()):
                target = link_id or ident
                if isinstance(assumption, dict):
                    here = _step(f"{written}.assumptions", item["assumptions"], j)
                    self.assumption(assumption, target, assumption, here, moved=True)
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
            for j, child in enumerate(self.sequence(item, key, single=True) or ()):
                self.node(
                    child,
                    child_level,
                    ident,
                    self.where(item, key, j),
                    _step(f"{written}.{key}", item[key], j),
                )


def _step(path: str, value: Any, index: int) -> str:
    """``path[index]`` for an item of a list, ``path`` for one item written on its own."""
    return f"{path}[{index}]" if isinstance(value, list) else path


def _what(value: Any) -> str:
    """What a value is, in the words of someone editing YAML."""
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, bool):
        return f"the value {str(value).lower()}"
    return f"a number ({value!r})"


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]
