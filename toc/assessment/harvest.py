"""Outcome-harvesting records (Wilson-Grau) and the evidence that rests on them.

A harvest record says who changed what, when and where, why it matters and how the
programme contributed. It becomes evidence for a claim when an evidence item names
it in ``harvest``; the item carries the stance and probative value, the record the
story. A record with no substantiation is reported as such: Wilson-Grau's last
step asks independent people to confirm the harvested outcome.
"""

from __future__ import annotations

from dataclasses import dataclass

from toc.model import Evidence, HarvestRecord, Model

__all__ = ["Harvested", "harvested"]


@dataclass(frozen=True, slots=True)
class Harvested:
    record: HarvestRecord
    used_by: tuple[Evidence, ...]

    @property
    def substantiated(self) -> bool:
        return self.record.substantiation is not None

    @property
    def claims(self) -> tuple[str, ...]:
        """The claims the evidence built on this record is about."""
        return tuple(dict.fromkeys(target for item in self.used_by for target in item.about))


def harvested(model: Model) -> list[Harvested]:
    """Every harvest record, in model order, with the evidence items that cite it."""
    users: dict[str, list[Evidence]] = {}
    for item in model.evidence:
        if item.harvest is not None:
            users.setdefault(item.harvest, []).append(item)
    return [Harvested(record, tuple(users.get(record.id, ()))) for record in model.harvest]
