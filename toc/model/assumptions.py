"""Assumptions, conditions and risks on the causal links."""

from __future__ import annotations

from pydantic import Field

from toc.model.base import Element, LinkId, Text
from toc.model.enums import AssumptionKind, AssumptionStatus, Importance, Likelihood

__all__ = ["Assumption"]


class Assumption(Element):
    """A state outside the programme's control that must hold for a link to work.

    ``status`` is what the model's authors declare; the rules derive one from the
    evidence and report a disagreement.
    """

    statement: Text
    kind: AssumptionKind = AssumptionKind.ASSUMPTION
    importance: Importance | None = None
    likelihood: Likelihood | None = None
    status: AssumptionStatus | None = None
    applies_to: list[LinkId] = Field(default_factory=list, description="Links or nodes it qualifies.")
    mitigation: Text | None = None
    rationale: Text | None = None
    prior: float | None = Field(default=None, ge=0, le=1)
