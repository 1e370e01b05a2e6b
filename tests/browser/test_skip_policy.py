"""Without a browser the browser tests skip, saying why; in CI (``CI`` set) they fail instead."""

from __future__ import annotations

import pytest

from tests.browser import conftest


def test_skips_with_the_reason_outside_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no Chromium"):
        conftest._unavailable("no Chromium")


def test_fails_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "1")
    with pytest.raises(pytest.fail.Exception, match="cannot run in CI: no Chromium"):
        conftest._unavailable("no Chromium")


def test_a_named_chromium_that_is_missing_is_no_chromium(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TOC_CHROMIUM", "/nonexistent/chromium")
    assert conftest.chromium_path() is None
