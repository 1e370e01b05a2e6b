"""The closed vocabularies of the format (docs/format.md), with their published sources."""

from __future__ import annotations

from enum import StrEnum

__all__ = [
    "AssumptionKind",
    "AssumptionStatus",
    "Horizon",
    "Importance",
    "Judgement",
    "Level",
    "Likelihood",
    "LinkKind",
    "Measure",
    "Method",
    "RatingScale",
    "SourceKind",
    "Stance",
    "Strength",
    "TestType",
]


class Level(StrEnum):
    """Rows of the results chain, bottom to top (EU PCM / DFID / USAID names in docs/format.md)."""

    ACTIVITY = "activity"
    OUTPUT = "output"
    OUTCOME = "outcome"
    IMPACT = "impact"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Level.ACTIVITY: 0, Level.OUTPUT: 1, Level.OUTCOME: 2, Level.IMPACT: 3}


class Horizon(StrEnum):
    SHORT = "short"
    INTERMEDIATE = "intermediate"
    LONG = "long"


class LinkKind(StrEnum):
    """``contributes-to``: A helps bring about B. ``precondition-of``: B cannot happen without A."""

    CONTRIBUTES_TO = "contributes-to"
    PRECONDITION_OF = "precondition-of"


class AssumptionKind(StrEnum):
    """An assumption is external and must hold for a link to work; a condition must hold
    before implementation can start (EU PCM's pre-conditions); a risk is a factor that may
    break a link."""

    ASSUMPTION = "assumption"
    CONDITION = "condition"
    RISK = "risk"


class Importance(StrEnum):
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"


class Likelihood(StrEnum):
    """EU PCM assumption algorithm: will it hold?"""

    ALMOST_CERTAIN = "almost-certain"
    LIKELY = "likely"
    UNLIKELY = "unlikely"


class AssumptionStatus(StrEnum):
    UNTESTED = "untested"
    SUPPORTED = "supported"
    CONTRADICTED = "contradicted"
    MIXED = "mixed"


class Judgement(StrEnum):
    """A verdict's status: the indicator statuses an evaluator can give without a number."""

    ACHIEVED = "achieved"
    ON_TRACK = "on-track"
    OFF_TRACK = "off-track"
    NOT_ACHIEVED = "not-achieved"


class RatingScale(StrEnum):
    """Donor rating scales an achievement can be mapped to (docs/format.md, settings)."""

    FCDO = "fcdo"


class Measure(StrEnum):
    """IATI IndicatorMeasure codelist (codes 1–5 are accepted too)."""

    UNIT = "unit"
    PERCENTAGE = "percentage"
    NOMINAL = "nominal"
    ORDINAL = "ordinal"
    QUALITATIVE = "qualitative"


MEASURE_CODES = {
    1: Measure.UNIT,
    2: Measure.PERCENTAGE,
    3: Measure.NOMINAL,
    4: Measure.ORDINAL,
    5: Measure.QUALITATIVE,
}


class Method(StrEnum):
    """How evidence was gathered: counted as methods for triangulation (docs/assessment.md §3)."""

    DOCUMENT_REVIEW = "document-review"
    MONITORING_DATA = "monitoring-data"
    SURVEY = "survey"
    INTERVIEW = "interview"
    FOCUS_GROUP = "focus-group"
    OBSERVATION = "observation"
    SITE_VISIT = "site-visit"
    WORKSHOP = "workshop"
    THIRD_PARTY_STUDY = "third-party-study"
    OUTCOME_HARVEST = "outcome-harvest"
    OTHER = "other"


class Stance(StrEnum):
    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    MIXED = "mixed"


class Strength(StrEnum):
    WEAK = "weak"
    MODERATE = "moderate"
    STRONG = "strong"


class TestType(StrEnum):
    """Process-tracing tests (Van Evera; Befani & Stedman-Bryce 2017)."""

    STRAW_IN_THE_WIND = "straw-in-the-wind"
    HOOP = "hoop"
    SMOKING_GUN = "smoking-gun"
    DOUBLY_DECISIVE = "doubly-decisive"


class SourceKind(StrEnum):
    EVALUATION_REPORT = "evaluation-report"
    LOGFRAME = "logframe"
    PROPOSAL = "proposal"
    MONITORING_REPORT = "monitoring-report"
    SURVEY_REPORT = "survey-report"
    POLICY_DOCUMENT = "policy-document"
    OTHER = "other"
