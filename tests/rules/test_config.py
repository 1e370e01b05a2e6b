"""Configuration files: where they are found, what they say, and the errors for what they may not."""

from __future__ import annotations

from pathlib import Path

import pytest

from toc.diagnostics import Severity
from toc.rules import get_rule
from toc.rules.config import ConfigError, find_config, load_config, parse_config


def test_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.toc]\nignore = ["indicators"]\nfail-on = "warning"\n[tool.toc.severity]\ncycle = "warning"\n'
    )
    config = load_config(tmp_path / "pyproject.toml")
    cycle, missing = get_rule("cycle"), get_rule("indicator-missing")
    assert cycle
    assert missing
    assert config.fail_on is Severity.WARNING
    assert config.selection.severity(cycle) is Severity.WARNING
    assert not config.selection.enabled(missing)


def test_yaml_config(tmp_path: Path) -> None:
    (tmp_path / ".toc.yaml").write_text("select: [TOC3]\nlang: en\nfail-on: never\n")
    config = load_config(tmp_path / ".toc.yaml")
    assert config.lang == "en"
    assert config.fail_on is None
    assert config.selection.select == ("TOC3",)


def test_precedence_in_one_directory(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.toc]\n")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    (tmp_path / ".toc.yaml").write_text("{}\n")
    assert find_config(tmp_path) == tmp_path / ".toc.yaml"
    (tmp_path / "toc.toml").write_text("")
    assert find_config(tmp_path) == tmp_path / "toc.toml"


def test_search_goes_up_and_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "toc.toml").write_text("")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    assert find_config(repo / "sub") is None
    (repo / "pyproject.toml").write_text("[project]\nname = 'x'\n")  # no [tool.toc]: skipped
    assert find_config(repo / "sub") is None
    (repo / "pyproject.toml").write_text("[tool.toc]\nselect = ['ALL']\n")
    assert find_config(repo / "sub") == repo / "pyproject.toml"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"selct": ["cycle"]}, "unknown setting 'selct' (did you mean 'select'?)"),
        ({"ignore": ["indicator-mising"]}, "no rule, code or group is called 'indicator-mising'"),
        ({"ignore": ["indicator-mising"]}, "did you mean 'indicator-missing'?"),
        ({"select": ["TOC999"]}, "'TOC999'"),
        ({"severity": {"cycle": "fatal"}}, "'fatal' is not error, warning or info"),
        ({"severity": {"cylce": "info"}}, "did you mean 'cycle'?"),
        ({"fail-on": "sometimes"}, "fail-on 'sometimes' is not one of error, warning, info, never"),
        ({"select": [1, 2]}, "'select' must be a list"),
    ],
)
def test_errors(data: dict[str, object], message: str) -> None:
    with pytest.raises(ConfigError) as info:
        parse_config(data, "toc.toml")
    assert message in str(info.value)
    assert str(info.value).startswith("toc.toml: ")


def test_broken_toml_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "toc.toml").write_text("select = [\n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(tmp_path / "toc.toml")
