"""Shared pieces of the IATI tests: the files, the official schema, and what a round trip keeps."""

from __future__ import annotations

import functools
import warnings
from pathlib import Path
from typing import Any

from lxml import etree

from toc.io.iati.writer import IatiOptions, write_activity
from toc.model import Model, Period, Value
from toc.model.base import date_bounds, text_in
from toc.model.numbers import read_number

DATA = Path(__file__).resolve().parents[1] / "data" / "iati"
REAL = sorted(p for p in DATA.glob("*.xml"))
OPTIONS = IatiOptions(reporting_org="XM-TEST", reporting_org_type="21")


@functools.cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(DATA / "iati-activities-schema.xsd")))


def assert_valid(data: bytes) -> None:
    document = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    checker = schema()
    assert checker.validate(document), str(checker.error_log)


def publishable(model: Model) -> Model:
    """The model with the activity metadata the schema requires and IATI files often lack."""
    programme = model.programme.model_copy(
        update={
            "funder": model.programme.funder or "Funder",
            "description": model.programme.description or "What the activity does",
            "period": model.programme.period or Period(start="2000-01-01", end="2030-12-31"),
        }
    )
    return model.model_copy(update={"programme": programme})


def export(model: Model) -> bytes:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return write_activity(model, OPTIONS).data


def _t(text: Any, lang: str | None) -> Any:
    """Text as ``{lang: text}``: a plain string is in the model's default language; white space
    around a narrative is not kept (docs/iati.md)."""
    if text is None:
        return None
    return {k: v.strip() for k, v in ({lang or "und": text} if isinstance(text, str) else text).items()}


def _value(value: Value, lang: str | None) -> tuple[Any, ...]:
    text = None if value.text is None else text_in(value.text, lang)  # IATI holds one language of a value
    number = value.value
    if number is None and text is not None and read_number(text) is not None:
        number, text = read_number(text).value, None  # type: ignore[union-attr]  # @value "2" is a number
    return (number, text, dict(value.dimensions), list(value.locations), _t(value.comment, lang))


def results(model: Model) -> list[Any]:
    """Every result, indicator, baseline, period, target and actual: numbers as numbers, text as text."""
    lang = model.default_language
    out = []
    for node in model.nodes:
        for indicator in node.indicators:
            out.append(
                (
                    node.level,
                    _t(node.label, lang),
                    _t(indicator.label, lang),
                    indicator.measure,
                    indicator.ascending,
                    [(b.year, *_value(b, lang)) for b in indicator.baselines],
                    [
                        (
                            date_bounds(p.start)[0],
                            date_bounds(p.end)[1],
                            [_value(t, lang) for t in p.targets],
                            [_value(a, lang) for a in p.actuals],
                        )
                        for p in indicator.periods
                    ],
                    [(r.vocabulary, r.code, r.url) for r in indicator.reference],
                )
            )
    return out


UNDATED = "undated-period.xml"
"""An activity with periods without their dates (written for these tests)."""

PUBLISHERS = ("gac-canada-activity.xml", "worldbank-activity.xml", "gdihub-activities.xml")
"""The real publishers' files (tests/data/iati/README.md): Global Affairs Canada, the World Bank,
the Global Disability Innovation Hub."""


def _said(element: Any) -> list[str]:
    """The non-empty narratives of ``element``, white space collapsed, sorted."""
    if element is None:
        return []
    texts = (" ".join("".join(n.itertext()).split()) for n in element.iterchildren("narrative"))
    return sorted(t for t in texts if t)


def _reported(element: Any) -> tuple[Any, ...]:
    raw = " ".join((element.get("value") or "").split())
    reading = read_number(raw) if raw else None
    value = reading.value if reading is not None else (raw or None)
    dimensions = sorted((d.get("name"), d.get("value")) for d in element.iterchildren("dimension"))
    locations = sorted(loc.get("ref") for loc in element.iterchildren("location"))
    return (value, dimensions, locations)


def _date(period: Any, tag: str) -> str | None:
    found = period.find(tag)
    return None if found is None else found.get("iso-date")


def xml_results(data: bytes) -> list[Any]:
    """Every result, indicator, baseline, period, target and actual as the XML has them (values
    as numbers where numeric, as text where not), activity by activity: for comparing an IATI
    file with the file a model of it exports, without the model in between."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    return [
        [
            (
                result.get("type"),
                _said(result.find("title")),
                [
                    (
                        (indicator.get("measure") or "1").strip(),
                        _said(indicator.find("title")),
                        [(b.get("year"), _reported(b)) for b in indicator.iterchildren("baseline")],
                        [
                            (
                                _date(period, "period-start"),
                                _date(period, "period-end"),
                                [_reported(t) for t in period.iterchildren("target")],
                                [_reported(a) for a in period.iterchildren("actual")],
                            )
                            for period in indicator.iterchildren("period")
                        ],
                    )
                    for indicator in result.iterchildren("indicator")
                ],
            )
            for result in activity.iterchildren("result")
        ]
        for activity in root.iterchildren("iati-activity")
    ]
