"""Causal links between result nodes."""

from __future__ import annotations

from typing import Any

from pydantic import Field, model_validator

from toc.model.base import Cite, Id, LinkId, NonEmpty, Strict, Suppression, Text
from toc.model.enums import LinkKind

__all__ = ["Link"]


class Link(Strict):
    """``from`` contributes to (or is a precondition of) ``to``, resting on assumptions."""

    id: LinkId = Field(default="", description="Defaults to FROM->TO.")
    source: Id = Field(alias="from")
    target: Id = Field(alias="to")
    kind: LinkKind = LinkKind.CONTRIBUTES_TO
    rationale: Text | None = Field(default=None, description="Why the first is needed for the second.")
    assumptions: list[Id] = Field(default_factory=list)
    prior: float | None = Field(default=None, ge=0, le=1)
    cite: Cite = Field(default_factory=list)
    suppress: list[Suppression] = Field(default_factory=list)
    tags: list[NonEmpty] = Field(default_factory=list)

    @model_validator(mode="before")
    @classmethod
    def _default_id(cls, data: Any) -> Any:
        if isinstance(data, dict) and not data.get("id"):
            src = data.get("from", data.get("source"))
            dst = data.get("to", data.get("target"))
            if isinstance(src, str) and isinstance(dst, str):
                data = {**data, "id": f"{src}->{dst}"}
        return data

    @property
    def default_id(self) -> str:
        return f"{self.source}->{self.target}"
