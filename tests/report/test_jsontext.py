"""The report's JSON writer gives json.dumps(indent=2, ensure_ascii=False)'s text, byte for byte."""

from __future__ import annotations

import enum
import gc
import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toc.gcpause import gc_paused
from toc.report.jsontext import dumps_indented


class Colour(enum.StrEnum):
    RED = "red"


class Size(enum.IntEnum):
    BIG = 3


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(),
    st.sampled_from([Colour.RED, Size.BIG, 'é\u2028\x00"\\', -0.0, 1e300, 2**70]),
)
keys = st.one_of(st.text(), st.integers(), st.floats(), st.booleans(), st.none())
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(keys, inner, max_size=4),
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(values)
def test_the_text_is_json_dumps_s(data: Any) -> None:
    assert dumps_indented(data) == json.dumps(data, indent=2, ensure_ascii=False)


def test_what_json_refuses_it_refuses() -> None:
    with pytest.raises(TypeError):
        dumps_indented({"a": object()})
    with pytest.raises(TypeError):
        dumps_indented({(1, 2): "tuple key"})


@pytest.mark.parametrize("was_on", [True, False])
def test_the_gc_pause_gives_the_caller_its_setting_back(was_on: bool) -> None:
    before = gc.isenabled()
    try:
        gc.enable() if was_on else gc.disable()
        with gc_paused():
            assert not gc.isenabled()
        assert gc.isenabled() is was_on
        with pytest.raises(ValueError, match="inside"), gc_paused():
            raise ValueError("inside")
        assert gc.isenabled() is was_on
    finally:
        gc.enable() if before else gc.disable()
