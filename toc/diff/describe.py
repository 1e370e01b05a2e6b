"""One change or consequence in words, for a terminal line, a table cell or a record of changes.

The fixed words come from :mod:`toc.words`; the model's own text (old and new values) is shown
through :func:`toc.safetext.one_line`, so nothing in it can drive a terminal.
"""

from __future__ import annotations

from typing import Any

from toc.diff.changes import Change
from toc.diff.consequences import Consequence
from toc.diff.result import Diff
from toc.model.base import text_in
from toc.rules.base import NAMING
from toc.safetext import dumps_json, one_line
from toc.words import heading, word

__all__ = ["change_line", "change_text", "consequence_line", "name_of", "record_of_changes", "show"]


def show(value: Any, lang: str | None = None) -> str:
    """A plain value on one line: text quoted, lists and mappings as compact JSON, none as a word."""
    if value is None:
        return word("diff-none", lang)
    return one_line(dumps_json(_as_written(value), indent=None))


def _as_written(value: Any) -> Any:
    """As a model file says it: unset fields left out, a citation as its ``source: locator`` text."""
    if isinstance(value, list):
        return [_as_written(v) for v in value]
    if isinstance(value, dict):
        if set(value) == {"source", "locator"}:
            return value["locator"] if value["source"] is None else f"{value['source']}: {value['locator']}"
        return {k: _as_written(v) for k, v in value.items() if v is not None}
    return value


def name_of(data: Any, lang: str | None = None) -> str:
    """What names an added or removed element (its label, statement …), quoted; else nothing."""
    if isinstance(data, dict):
        for key in NAMING:
            if data.get(key) is not None:
                return show(text_in(data[key], lang))
        if "from" in data and "to" in data:
            return f"{one_line(str(data['from']))} → {one_line(str(data['to']))}"
    return ""


def change_line(change: Change, lang: str | None = None) -> str:
    """``changed node sd1 label.en: "old" → "new"``, ``added link a->b: a → b`` …"""
    return f"{word('diff-' + change.change, lang)} {change_text(change, lang)}"


def change_text(change: Change, lang: str | None = None) -> str:
    """A change without its first word: ``node sd1 label.en: "old" → "new"``."""
    head = f"{change.kind} {one_line(change.id)}" if change.id else change.kind
    if change.change == "changed":
        return f"{head} {one_line(change.field or '')}: {show(change.old, lang)} → {show(change.new, lang)}"
    if change.change == "renamed":
        return f"{head} ← {one_line(str(change.old))} ({word('diff-same-content', lang)})"
    name = name_of(change.new if change.change == "added" else change.old, lang)
    return f"{head}: {name}" if name else head


def _status(value: Any, lang: str | None) -> str:
    return word(value, lang) if isinstance(value, str) and value else show(value, lang)


def _finding(value: dict[str, str]) -> str:
    return f"{value['code']} {value['rule']} ({value['severity']}): {one_line(value['message'])}"


def consequence_line(consequence: Consequence, lang: str | None = None) -> str:
    """``derived status as-x: supported → contradicted``, ``sd1: newly at risk`` …"""
    what, eid = consequence.consequence, one_line(consequence.id)
    old, new = consequence.old, consequence.new
    if what == "risk":
        return f"{eid}: {word('diff-newly-at-risk' if new else 'diff-no-longer-at-risk', lang)}"
    if what == "finding":
        key, finding = ("diff-new-finding", new) if new else ("diff-resolved-finding", old)
        return f"{word(key, lang)} {eid}: {_finding(finding)}"
    if what == "pathway-confidence":
        return f"{word('diff-' + what, lang)} {eid}: {show(old, lang)} → {show(new, lang)}"
    return f"{word('diff-' + what, lang)} {eid}: {_status(old, lang)} → {_status(new, lang)}"


def record_of_changes(diff: Diff, lang: str | None = None) -> list[tuple[str, str]]:
    """The rows of a logframe's record of changes (the FCDO template's RECORD OF CHANGES sheet):
    (kind of change, what changed in words), one per change, in the diff's order."""
    rows = []
    for change in diff.changes:
        kind = heading("diff-" + change.change, lang)
        rows.append((f"{kind}: {change.kind}", change_text(change, lang)))
    return rows
