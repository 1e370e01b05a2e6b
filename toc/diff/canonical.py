"""A model as sorted lines of facts, one per field: what ``git diff`` compares through
``toc diff --textconv``.

``git`` diffs text line by line; given this text for each version, its diff shows the fields
that changed and nothing else (the lines are sorted, lists sorted too, so that reordering,
reformatting, comments and the file's shape give the same text). Each line reads
``KIND ID FIELD: VALUE``, the value as JSON on one line (a mapping or a list of mappings one line
per value inside it: ``periods[0].target[0].value: 60.0``); an element that only has an id still
gets a line (``KIND ID``).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from toc.diff.changes import set_fields
from toc.diff.elements import ORDERED, canonical, entries, kinds, plain, top_fields, written_name
from toc.model import Model
from toc.safetext import dumps_json, one_line

__all__ = ["facts"]


def _lines(prefix: str, path: str, value: Any) -> Iterator[str]:
    if value is None or value == {} or value == []:
        return  # not set: no fact
    if isinstance(value, dict):
        for key in sorted(value):
            yield from _lines(prefix, f"{path}.{key}" if path else key, value[key])
        return
    if isinstance(value, list) and all(isinstance(item, dict) for item in value):
        for at, item in enumerate(canonical(value, ordered=path in ORDERED)):  # periods, values
            yield from _lines(prefix, f"{path}[{at}]", item)
        return
    shown = dumps_json(canonical(value, ordered=path in ORDERED), indent=None)
    yield f"{prefix} {one_line(path)}: {one_line(shown)}"


def facts(model: Model) -> str:
    """The model as sorted ``KIND ID FIELD: VALUE`` lines (defaults and unset fields left out),
    model fields first."""
    out: list[str] = []
    for name, value in top_fields(model):
        if isinstance(value, BaseModel):
            out.extend(_lines(name, "", plain(value)))
        else:
            out.extend(_lines("model", written_name(Model, name), plain(value)))
    table = entries(model)
    for kind in kinds():
        for eid in sorted(table[kind]):
            data = set_fields(table[kind][eid])
            prefix = f"{kind} {one_line(eid)}"
            rest = {k: v for k, v in data.items() if k != "id"}
            out.extend(_lines(prefix, "", rest) if rest else [prefix])
    return "\n".join(out) + "\n"
