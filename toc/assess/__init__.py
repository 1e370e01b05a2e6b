"""What the evidence and the indicators say: derived statuses, progress, confidence.

Pure functions over the model; no rules, no output formats.
"""

from toc.assess.assumptions import AssumptionAssessment, assess_assumption, assess_assumptions
from toc.assess.indicators import IndicatorStatus, Progress, as_of_date, indicator_progress

__all__ = [
    "AssumptionAssessment",
    "IndicatorStatus",
    "Progress",
    "as_of_date",
    "assess_assumption",
    "assess_assumptions",
    "indicator_progress",
]
