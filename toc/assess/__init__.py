"""What the evidence and the indicators say: derived statuses, progress, confidence.

Pure functions over the model; no rules, no output formats.
"""

import sys as _sys
import types as _types
from typing import Any

from toc.assess.assessment import LOW_CONFIDENCE, Assessment, assess
from toc.assess.assumptions import AssumptionAssessment, assess_assumption, assess_assumptions
from toc.assess.contribution import Posterior, Step
from toc.assess.indicators import IndicatorStatus, Progress, as_of_date, indicator_progress
from toc.assess.probative import TEST_DEFAULTS, Likelihoods, Untyped
from toc.model import Model

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
]


class _CallableModule(_types.ModuleType):
    """``toc.assess(model)`` must work after ``import toc.assess`` too.

    Importing the subpackage replaces the facade function ``toc.assess`` with this module
    (Python sets a package attribute for each imported submodule), so the module itself is
    made callable, with the same meaning.
    """

    def __call__(self, model: Model, **options: Any) -> Assessment:
        return assess(model, **options)


_sys.modules[__name__].__class__ = _CallableModule
