"""A model → one IATI 2.03 activity (docs/iati.md), valid against the official schema.

The schema needs things a theory of change may lack (an identifier, a reporting
organisation, an indicator on every result, a year on every baseline): the writer names what
to add, at the element's place in the model file, rather than write an activity the schema
refuses. Codes are checked against :mod:`toc.io.iati.codelists` here, since the schema does
not check them. What IATI has no place for (links, assumptions, evidence …) is counted in
:attr:`Exported.lost`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from toc.errors import LoadError, Location, Problem
from toc.io.iati.codelists import ACTIVITY_STATUS, COUNTRY, CURRENCY, LANGUAGE, RESULT_TYPE
from toc.model import SECTIONS, Baseline, Indicator, IndicatorPeriod, Level, Model, Node, Value
from toc.model.base import Text, date_bounds
from toc.model.enums import MEASURE_CODES
from toc.model.numbers import read_number

__all__ = ["Exported", "IatiExportError", "IatiOptions", "write_activity"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LEVEL_CODE = {Level.OUTPUT: "1", Level.OUTCOME: "2", Level.IMPACT: "3"}
_MEASURE_CODE = {measure: str(code) for code, measure in MEASURE_CODES.items()}
_NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class IatiExportError(LoadError):
    """The model cannot make a valid activity; each problem says what to add, and where."""


@dataclass(frozen=True)
class IatiOptions:
    reporting_org: str = ""
    """The reporting organisation's identifier (``reporting-org/@ref``); required by the schema."""
    reporting_org_type: str = "90"
    """Its OrganisationType code (default 90, Other)."""
    reporting_org_name: str = ""
    """Its name (default: the programme's funder, else the identifier)."""
    activity_status: str = "2"
    """ActivityStatus code (default 2, Implementation): the model does not hold it."""


@dataclass
class Exported:
    data: bytes = b""
    lost: Counter[str] = field(default_factory=Counter)

    def summary(self) -> str:
        kinds = sorted(self.lost.items(), key=lambda kv: (-kv[1], kv[0]))
        return "not written: " + ", ".join(f"{n} {kind}" for kind, n in kinds) if kinds else ""


def write_activity(model: Model, options: IatiOptions) -> Exported:
    """The activity file's bytes (UTF-8, one ``iati-activity``), or an :class:`IatiExportError`."""
    return _Writer(model, options).write()


class _Writer:
    def __init__(self, model: Model, options: IatiOptions) -> None:
        self.model = model
        self.options = options
        self.lang = model.default_language
        self.problems: list[Problem] = []
        self.lost: Counter[str] = Counter()

    def need(self, element_id: str, message: str, hint: str, field: str | None = None) -> None:
        where = self.model.locate(element_id, field) or Location(self.model.file or "<model>", 0, 0)
        self.problems.append(Problem(where, message, hint, target=element_id))

    def narratives(self, parent: Any, tag: str, text: Text | None) -> Any:
        element = etree.SubElement(parent, tag)
        items = [(None, text)] if isinstance(text, str) else list((text or {}).items())
        for lang, words in items:
            narrative = etree.SubElement(element, "narrative")
            clean = _NOT_XML.sub("\ufffd", words)
            if clean != words:
                self.lost["characters XML cannot hold (written as U+FFFD)"] += 1
            narrative.text = clean
            if lang is not None and lang != self.lang:
                narrative.set(XML_LANG, lang)
        return element

    def write(self) -> Exported:
        model, options = self.model, self.options
        programme = model.programme
        root = etree.Element("iati-activities", version="2.03")
        activity = etree.SubElement(root, "iati-activity")
        if self.lang:
            activity.set(XML_LANG, self.lang)
            if self.lang.split("-")[0] not in LANGUAGE:
                self.need(
                    "programme",
                    f"the default language {self.lang!r} is not in the IATI Language codelist",
                    "put an ISO 639-1 code first in languages",
                )
        if programme.budget is not None:
            activity.set("default-currency", programme.budget.currency)
        etree.SubElement(activity, "iati-identifier").text = _x(programme.id)
        if not options.reporting_org:
            self.need(
                "programme",
                "an IATI activity names its reporting organisation, and the model has none",
                "give it: toc convert … --option reporting-org=ORG-ID (and reporting-org-type=CODE)",
            )
        reporting = etree.SubElement(
            activity,
            "reporting-org",
            ref=_x(options.reporting_org or "-"),
            type=_x(options.reporting_org_type),
        )
        name = options.reporting_org_name or programme.funder or options.reporting_org or programme.id
        reporting_name = etree.SubElement(reporting, "narrative")
        reporting_name.text = _NOT_XML.sub("\ufffd", name if isinstance(name, str) else model.text(name))
        self.narratives(activity, "title", programme.title)
        if programme.description is None:
            self.need(
                "programme",
                "an IATI activity has a description, and the programme has none",
                "add programme.description",
            )
        else:
            self.narratives(activity, "description", programme.description).set("type", "1")
        orgs = [("1", programme.funder), ("4", programme.implementer)]
        if not any(who for _, who in orgs):
            self.need(
                "programme",
                "an IATI activity names at least one participating organisation",
                "add programme.funder or programme.implementer",
                "funder",
            )
        for role, who in orgs:
            if who is not None:
                self.narratives(activity, "participating-org", who).set("role", role)
        if options.activity_status not in ACTIVITY_STATUS:
            self.need(
                "programme",
                f"activity status {options.activity_status!r} is not in the ActivityStatus codelist",
                f"choose one of {', '.join(ACTIVITY_STATUS)}",
            )
        etree.SubElement(activity, "activity-status", code=options.activity_status)
        if programme.period is None:
            self.need(
                "programme",
                "an IATI activity has at least one activity date, and the programme has no period",
                "add programme.period: {start: YYYY-MM-DD, end: YYYY-MM-DD}",
            )
        else:
            etree.SubElement(
                activity, "activity-date", {"type": "1", "iso-date": _day(programme.period.start, 0)}
            )
            etree.SubElement(
                activity, "activity-date", {"type": "3", "iso-date": _day(programme.period.end, 1)}
            )
        country = programme.country
        if country is not None and re.fullmatch(r"[A-Z]{2}", country) is None:
            self.lost["country written as a name, not a code"] += 1
        elif country is not None:
            if country not in COUNTRY:
                self.need(
                    "programme",
                    f"country {country!r} is not in the IATI Country codelist",
                    "write an ISO 3166-1 alpha-2 code (KE, BF …)",
                    "country",
                )
            etree.SubElement(activity, "recipient-country", code=country, percentage="100")
        if programme.budget is not None:
            self.budget(activity)
        for node in model.nodes:
            self.result(activity, node)
        self.count_unwritten()
        if self.problems:
            raise IatiExportError(self.problems)
        data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
        return Exported(data, self.lost)

    def budget(self, activity: Any) -> None:
        budget, period = self.model.programme.budget, self.model.programme.period
        assert budget is not None
        if budget.currency not in CURRENCY:
            self.need(
                "programme",
                f"currency {budget.currency!r} is not in the IATI Currency codelist",
                "write an ISO 4217 code",
                "budget",
            )
        if period is None:
            self.lost["budget (no programme period to date it)"] += 1
            return
        element = etree.SubElement(activity, "budget", type="1", status="1")
        etree.SubElement(element, "period-start", {"iso-date": _day(period.start, 0)})
        etree.SubElement(element, "period-end", {"iso-date": _day(period.end, 1)})
        value = etree.SubElement(
            element, "value", {"currency": budget.currency, "value-date": _day(period.start, 0)}
        )
        value.text = _decimal(budget.amount)

    def result(self, activity: Any, node: Node) -> None:
        if node.level is Level.ACTIVITY:
            self.lost["activity node (IATI results are outputs, outcomes and impacts)"] += 1
            return
        code = _LEVEL_CODE[node.level]
        if node.level is Level.OUTCOME and "iati:type=9" in node.tags:
            code = "9"
        assert code in RESULT_TYPE
        if not node.indicators:
            self.need(
                node.id,
                f"{node.level} {node.id!r} has no indicator, and an IATI result needs one",
                "add an indicator to it, or leave it out of the export",
            )
            return
        result = etree.SubElement(activity, "result", type=code)
        self.narratives(result, "title", node.label)
        if node.description is not None:
            self.narratives(result, "description", node.description)
        for indicator in node.indicators:
            self.indicator(result, indicator)

    def indicator(self, result: Any, indicator: Indicator) -> None:
        element = etree.SubElement(result, "indicator", measure=_MEASURE_CODE[indicator.measure])
        if not indicator.ascending:
            element.set("ascending", "0")
        self.narratives(element, "title", indicator.label)
        if indicator.description is not None:
            self.narratives(element, "description", indicator.description)
        for reference in indicator.reference:
            ref = etree.SubElement(
                element, "reference", vocabulary=_x(reference.vocabulary), code=_x(reference.code)
            )
            if reference.url:
                ref.set("indicator-uri", _x(reference.url))
        for k, baseline in enumerate(indicator.baselines):
            self.baseline(element, indicator, baseline, k)
        for k, period in enumerate(indicator.periods):
            if not period.dated:
                self.need(
                    indicator.id,
                    f"period {k + 1} of indicator {indicator.id!r} has no "
                    f"{'end date' if period.start else 'start date' if period.end else 'dates'}, "
                    "and IATI needs both",
                    "add start: and end: to the period",
                    f"periods[{k}]",
                )
                continue
            self.period(element, period)
        if indicator.means_of_verification:
            self.lost["means of verification (an IATI document-link needs a category and format)"] += len(
                indicator.means_of_verification
            )
        if indicator.unit is not None:
            self.lost["indicator unit"] += 1

    def baseline(self, parent: Any, indicator: Indicator, baseline: Baseline, k: int) -> None:
        year = baseline.year or (int(baseline.date[:4]) if baseline.date else None)
        if year is None:
            self.need(
                indicator.id,
                f"baseline {k + 1} of indicator {indicator.id!r} has no year, and IATI needs one",
                "add year: YYYY to the baseline",
                "baselines",
            )
            return
        attributes = {"year": str(year)}
        if baseline.date is not None and len(baseline.date) == 10:
            attributes["iso-date"] = baseline.date
        self.value(parent, baseline, "baseline", attributes)

    def period(self, parent: Any, period: IndicatorPeriod) -> None:
        element = etree.SubElement(parent, "period")
        # undated periods are refused above
        assert period.start is not None
        assert period.end is not None
        etree.SubElement(element, "period-start", {"iso-date": _day(period.start, 0)})
        etree.SubElement(element, "period-end", {"iso-date": _day(period.end, 1)})
        for value in period.targets:
            self.value(element, value, "target")
        for value in period.actuals:
            self.value(element, value, "actual")
        if period.label is not None:
            self.lost["period label"] += 1

    def value(self, parent: Any, value: Value, tag: str, attributes: dict[str, str] | None = None) -> None:
        """``<tag>`` for a baseline, target or actual: its attributes are set as it is made."""
        attributes = attributes or {}
        if value.value is not None:
            attributes["value"] = self.number(value)
            if value.text is not None:
                self.lost["value text beside a number"] += 1
        elif value.text is not None:
            text = value.text if isinstance(value.text, str) else self.model.text(value.text)
            attributes["value"] = _x(text)
            if not isinstance(value.text, str) and len(value.text) > 1:
                self.lost["value text in other languages"] += 1
        element = etree.SubElement(parent, tag, attributes)
        for ref in value.locations:
            etree.SubElement(element, "location", ref=_x(ref))
        for name, part in value.dimensions.items():
            etree.SubElement(element, "dimension", name=_x(name), value=_x(part))
        if value.comment is not None:
            self.narratives(element, "comment", value.comment)

    def number(self, value: Value) -> str:
        """The value as reported where it reads back as the same number, else the number."""
        assert value.value is not None
        if value.original:
            reading = read_number(value.original)
            if reading is not None and reading.value == value.value:
                return _x(value.original)
            self.lost["value written as a number, not as reported"] += 1
        return _number(value.value)

    def count_unwritten(self) -> None:
        model = self.model
        for section in SECTIONS:
            if section != "nodes" and getattr(model, section):
                self.lost[section] += len(getattr(model, section))
        for node in model.nodes:
            if node.verdict is not None or node.unintended or node.negative:
                self.lost["result verdicts and unintended/negative flags"] += 1
            for indicator in node.indicators:
                if indicator.verdict is not None or any(p.verdict for p in indicator.periods):
                    self.lost["indicator verdicts"] += 1


def _day(value: str, end: int) -> str:
    """A partial date as the full day IATI needs: its first day for a start, its last for an end."""
    return date_bounds(value)[end]


def _x(text: str) -> str:
    """Text as XML can hold it: characters XML 1.0 forbids become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _decimal(value: float) -> str:
    """An xs:decimal: no exponent (``4.4e-32`` is written out in full)."""
    from decimal import Decimal

    return format(Decimal(repr(value)), "f")


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
