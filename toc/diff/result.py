"""``toc.diff(old, new)``: the changes between two versions of a model, and what they do to its
conclusions."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from toc.diff.changes import Change, Renames, changes
from toc.diff.consequences import Consequence, consequences, verdicts
from toc.model import Model

__all__ = ["Diff", "diff"]


@dataclass(frozen=True, slots=True)
class Diff:
    """The changes of meaning from one model to another (empty when only the order, the
    formatting, the comments or the shape differ), the verdicts they move, and the renames
    found (old id → new id). True when anything changed."""

    changes: tuple[Change, ...]
    consequences: tuple[Consequence, ...]
    renamed: dict[str, str]

    def __bool__(self) -> bool:
        return bool(self.changes)

    def counts(self) -> dict[str, int]:
        """How many elements or fields were added, removed, changed and renamed."""
        found = Counter(c.change for c in self.changes)
        return {name: found[name] for name in ("added", "removed", "changed", "renamed")}

    def to_dict(self) -> dict[str, Any]:
        """Plain data, as ``toc diff --format json`` writes it."""
        return {
            "changes": [c.to_dict() for c in self.changes],
            "consequences": [c.to_dict() for c in self.consequences],
            "summary": {**self.counts(), "consequences": len(self.consequences)},
        }


def diff(old: Model, new: Model, *, check: bool = True) -> Diff:
    """What changed from ``old`` to ``new``, compared by stable ids, field by field, and what
    that does to the conclusions (``check=False``: without the findings of ``toc check``,
    which cost as much as the rest). Models with no change have no consequence either."""
    found, renamed = changes(old, new)
    if not found:
        return Diff((), (), {})
    renames = Renames()
    renames.map.update(renamed)
    moved = consequences(verdicts(old, check), verdicts(new, check), renames.id)
    return Diff(tuple(found), tuple(moved), renamed)
