"""The typed model of a theory of change (pydantic v2). Knows nothing of files, rules or drawing."""

from toc.model.assumptions import Assumption
from toc.model.base import Citation, Element, Suppression, Text, text_in
from toc.model.enums import (
    AssumptionKind,
    AssumptionStatus,
    Horizon,
    Importance,
    Judgement,
    Level,
    Likelihood,
    LinkKind,
    Measure,
    Method,
    RatingScale,
    SourceKind,
    Stance,
    Strength,
    TestType,
)
from toc.model.evidence import Claim, Evidence, HarvestRecord
from toc.model.indicators import Baseline, Indicator, IndicatorPeriod, Reference, Value
from toc.model.links import Link
from toc.model.nodes import Node
from toc.model.pathways import Pathway, Recommendation
from toc.model.programme import Budget, Component, Period, Programme, Source
from toc.model.root import FORMAT_VERSION, SECTIONS, Model
from toc.model.settings import DEFAULT_TOLERANCE, Settings
from toc.model.verdicts import Verdict

__all__ = [
    "DEFAULT_TOLERANCE",
    "FORMAT_VERSION",
    "SECTIONS",
    "Assumption",
    "AssumptionKind",
    "AssumptionStatus",
    "Baseline",
    "Budget",
    "Citation",
    "Claim",
    "Component",
    "Element",
    "Evidence",
    "HarvestRecord",
    "Horizon",
    "Importance",
    "Indicator",
    "IndicatorPeriod",
    "Judgement",
    "Level",
    "Likelihood",
    "Link",
    "LinkKind",
    "Measure",
    "Method",
    "Model",
    "Node",
    "Pathway",
    "Period",
    "Programme",
    "RatingScale",
    "Recommendation",
    "Reference",
    "Settings",
    "Source",
    "SourceKind",
    "Stance",
    "Strength",
    "Suppression",
    "TestType",
    "Text",
    "Value",
    "Verdict",
    "text_in",
]
