"""Typed options on the public functions: keyword names a type checker knows, or one Options."""

from __future__ import annotations

import dataclasses
import inspect
import typing
from pathlib import Path

import pytest

import toc
from toc.assessment.assessment import assess
from toc.export.errors import RenderError
from toc.export.options import Options, RenderKeywords

ROOT = Path(__file__).resolve().parents[2]
SMALL = ROOT / "examples" / "small.yaml"


def test_render_keywords_are_the_options_fields() -> None:
    fields = {f.name: f.type for f in dataclasses.fields(Options)}
    assert typing.get_type_hints(RenderKeywords).keys() == fields.keys()


def test_assess_keywords_are_the_assessment_options() -> None:
    from toc import AssessKeywords

    params = inspect.signature(assess).parameters
    keyword_only = {n for n, p in params.items() if p.kind is inspect.Parameter.KEYWORD_ONLY}
    assert set(AssessKeywords.__annotations__) == keyword_only


def test_an_options_object_and_keywords_give_the_same_diagram() -> None:
    model = toc.load(SMALL)
    assert toc.to_dot(model, Options(lang="nl", direction="LR")) == toc.to_dot(
        model, lang="nl", direction="LR"
    )
    assert toc.to_dot(model, Options(lang="en"), lang="nl") == toc.to_dot(model, lang="nl")  # keyword wins


def test_render_takes_an_options_object(tmp_path: Path) -> None:
    model = toc.load(SMALL)
    written = toc.render(model, tmp_path / "m.mmd", options=Options(legend=False))
    assert "flowchart BT" in written.read_text(encoding="utf-8")


def test_assess_keywords_reach_the_assessment() -> None:
    assessment = toc.assess(toc.load(SMALL), threshold=0.9, default_prior=0.3)
    assert (assessment.threshold, assessment.default_prior) == (0.9, 0.3)


def test_options_are_still_checked() -> None:
    with pytest.raises(RenderError, match="direction must be one of"):
        toc.to_dot(toc.load(SMALL), Options(direction="UP"))
