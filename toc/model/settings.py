"""How a model wants its figures judged: the tolerance band and a donor rating scale."""

from __future__ import annotations

from pydantic import Field

from toc.model.base import Strict
from toc.model.enums import RatingScale

__all__ = ["DEFAULT_TOLERANCE", "Settings"]

DEFAULT_TOLERANCE = 0.05
"""An actual within 5 % of the distance from baseline to target counts as met (docs/format.md)."""


class Settings(Strict):
    """Judging conventions that belong to the programme, not to one run of the tool."""

    tolerance: float = Field(
        default=DEFAULT_TOLERANCE,
        ge=0,
        le=0.5,
        description="Share of the baseline-to-target distance an actual may miss and still count as met.",
    )
    rating_scale: RatingScale | None = Field(
        default=None, description="Map achievement to a donor's scale (fcdo: A++ to C)."
    )
