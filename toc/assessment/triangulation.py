"""Triangulation: how many independent methods, sources and investigators stand behind a claim.

Denzin's triangulation asks for agreement across independent sources, methods
and investigators (Denzin 1970; docs/assessment.md §3). Over the evidence items
about a claim:

* **methods** — distinct ``method`` values (survey, interview …);
* **sources** — distinct independence keys (see :func:`toc.assessment.contribution.independence_key`):
  items of one ``group``, or else of one ``source``, are one source;
* **documents** — distinct model sources the items cite;
* **investigators** — distinct authors of those cited documents (the model records no
  investigator per item, so who wrote the report is the closest recorded proxy);
* **agreement** — whether all items that were found lean the same way.

The level reads: ``none`` (no evidence), ``single-source``, ``single-method``
(several sources, one method), ``triangulated`` (at least two methods and two sources).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from toc.assessment.contribution import independence_key
from toc.model import Evidence, Model, Stance

__all__ = ["Triangulation", "triangulate"]


@dataclass(frozen=True, slots=True)
class Triangulation:
    items: int
    methods: tuple[str, ...]
    sources: tuple[str, ...]
    documents: tuple[str, ...]
    investigators: tuple[str, ...]
    supports: int
    contradicts: int
    mixed: int

    @property
    def agree(self) -> bool:
        """All found items lean the same way (and there is at least one)."""
        return self.mixed == 0 and (self.supports == 0) != (self.contradicts == 0)

    @property
    def level(self) -> str:
        if self.items == 0:
            return "none"
        if len(self.sources) < 2:
            return "single-source"
        if len(self.methods) < 2:
            return "single-method"
        return "triangulated"


def triangulate(evidence: Sequence[Evidence], model: Model) -> Triangulation:
    """Count the independent methods, sources, documents and investigators behind some evidence."""
    documents = {c.source or _first_source(model) for e in evidence for c in e.cite} - {None}
    authors = {model.text(s.author) for s in model.sources if s.id in documents and s.author is not None}
    found = [e for e in evidence if e.found]
    return Triangulation(
        items=len(evidence),
        methods=tuple(sorted({str(e.method) for e in evidence})),
        sources=tuple(sorted({independence_key(e) for e in evidence})),
        documents=tuple(sorted(d for d in documents if d is not None)),
        investigators=tuple(sorted(authors)),
        supports=sum(e.stance is Stance.SUPPORTS for e in found),
        contradicts=sum(e.stance is Stance.CONTRADICTS for e in found),
        mixed=sum(e.stance is Stance.MIXED for e in found),
    )


def _first_source(model: Model) -> str | None:
    """A plain-string citation is a locator in the model's first source (docs/format.md)."""
    return model.sources[0].id if model.sources else None
