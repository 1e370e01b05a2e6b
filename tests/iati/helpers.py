"""Shared pieces of the IATI tests: the files, the official schema, and what a round trip keeps."""

from __future__ import annotations

import functools
import warnings
from pathlib import Path
from typing import Any

from lxml import etree

from toc.io.iati.writer import IatiOptions, write_activity
from toc.model import Model, Period, Value

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


def _value(value: Value, lang: str | None) -> tuple[Any, ...]:
    text = value.text if isinstance(value.text, str) or value.text is None else value.text.get(lang or "")
    return (value.value, text, dict(value.dimensions), list(value.locations), value.comment)


def results(model: Model) -> list[Any]:
    """Every result, indicator, baseline, period, target and actual: numbers as numbers, text as text."""
    lang = model.default_language
    out = []
    for node in model.nodes:
        for indicator in node.indicators:
            out.append(
                (
                    node.level,
                    node.label,
                    indicator.label,
                    indicator.measure,
                    indicator.ascending,
                    [(b.year, *_value(b, lang)) for b in indicator.baselines],
                    [
                        (p.start, p.end, [_value(t, lang) for t in p.targets], [_value(a, lang) for a in p.actuals])
                        for p in indicator.periods
                    ],
                    [(r.vocabulary, r.code, r.url) for r in indicator.reference],
                )
            )
    return out
