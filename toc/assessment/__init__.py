"""What the evidence and the indicators say: derived statuses, progress, confidence.

Pure functions over the model; no rules, no output formats.
"""

from toc.assessment.assessment import LOW_CONFIDENCE, Assessment, assess
from toc.assessment.assumptions import AssumptionAssessment, assess_assumption, assess_assumptions
from toc.assessment.contribution import Posterior, Step
from toc.assessment.indicators import (
    IndicatorStatus,
    Progress,
    as_of_date,
    indicator_progress,
    model_progress,
    period_progress,
)
from toc.assessment.probative import TEST_DEFAULTS, Likelihoods, Untyped

__all__ = [
    "LOW_CONFIDENCE",
    "TEST_DEFAULTS",
    "Assessment",
    "AssumptionAssessment",
    "IndicatorStatus",
    "Likelihoods",
    "Posterior",
    "Progress",
    "Step",
    "Untyped",
    "as_of_date",
    "assess",
    "assess_assumption",
    "assess_assumptions",
    "indicator_progress",
    "model_progress",
    "period_progress",
]
