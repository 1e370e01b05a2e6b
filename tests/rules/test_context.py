"""The rule context's shared members give what their plain definitions give."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import LANGUAGES, models
from toc.model import Link, Model
from toc.model.base import text_in
from toc.rules.base import NAMING, Context


def _plain_label(model: Model, element_id: str, lang: str | None) -> str:
    """A label by its definition: the first naming text, in the language, on one line, clipped,
    quoted; a link without one is "source → target"; an unknown id is itself."""
    element = model.index().get(element_id)
    if element is None:
        return element_id
    for name in NAMING:
        value = getattr(element, name, None)
        if value is not None:
            text = " ".join(text_in(value, lang or model.default_language, model.default_language).split())
            return f'"{text if len(text) <= 120 else text[:119].rstrip() + "…"}"'
    if isinstance(element, Link):
        return f"{_plain_label(model, element.source, lang)} → {_plain_label(model, element.target, lang)}"
    return element_id


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(hostile_labels=True), st.sampled_from([None, *LANGUAGES]))
def test_labels_follow_their_definition(model: Model, lang: str | None) -> None:
    ctx = Context(model, lang)
    for element in [*model.elements(), None]:
        element_id = "no-such-id" if element is None else element.id
        expected = _plain_label(model, element_id, lang)
        assert ctx.label(element_id) == expected
        assert ctx.label(element_id) == expected  # made once, answered again the same


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models())
def test_evidence_grouping_and_indicators_follow_the_model(model: Model) -> None:
    ctx = Context(model)
    about: dict[str, list[object]] = {}
    for item in model.evidence:
        for target in item.about:
            about.setdefault(target, []).append(item)
    assert ctx.evidence_about == about
    assert ctx.indicators == list(model.indicators())
