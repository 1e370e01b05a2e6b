"""The library pauses the garbage collector only for its own work, and leaves it as the caller had it."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest

import toc
from toc.diagnostics import Severity
from toc.gcpause import gc_paused
from toc.rules import Finding, Rule, run_rules
from toc.rules.base import Context

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def collector() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_pause_restores_the_callers_setting(collector: None, enabled: bool) -> None:
    gc.enable() if enabled else gc.disable()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled() is enabled
    with pytest.raises(RuntimeError), gc_paused():
        raise RuntimeError("boom")
    assert gc.isenabled() is enabled


@pytest.mark.parametrize("enabled", [True, False])
def test_run_rules_pauses_the_collector_and_leaves_it_as_it_was(collector: None, enabled: bool) -> None:
    seen: list[bool] = []

    def spy(ctx: Context) -> Iterator[Finding]:
        seen.append(gc.isenabled())
        yield from ()

    model = toc.load(ROOT / "examples" / "small.yaml")
    gc.enable() if enabled else gc.disable()
    run_rules(model, rules=[Rule("TOC999", "spy", ("text",), Severity.INFO, spy)])
    assert seen == [False]
    assert gc.isenabled() is enabled


def test_a_failing_rule_leaves_the_collector_on(collector: None) -> None:
    def broken(ctx: Context) -> Iterator[Finding]:
        raise RuntimeError("broken rule")
        yield  # pragma: no cover

    gc.enable()
    with pytest.raises(RuntimeError, match="broken rule"):
        run_rules(
            toc.load(ROOT / "examples" / "small.yaml"),
            rules=[Rule("TOC999", "x", ("text",), Severity.INFO, broken)],
        )
    assert gc.isenabled()
