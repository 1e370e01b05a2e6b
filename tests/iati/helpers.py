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
