"""Configuration files that once crashed or were silently ignored: each is now an error at the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from toc.rules.config import Config, ConfigError, find_config, load_config, parse_config


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the search stops here
    return tmp_path


@pytest.mark.parametrize(
    "text",
    [
        "select = " + "[" * 5000 + "]" * 5000 + "\n",
        "options = " + "{a = " * 5000 + "1" + "}" * 5000 + "\n",
    ],
    ids=["arrays", "inline-tables"],
)
def test_deeply_nested_toml_is_an_error_not_a_recursion_error(repo: Path, text: str) -> None:
    (repo / "toc.toml").write_text(text)
    with pytest.raises(ConfigError, match=r"toc\.toml: not valid TOML: nested too deeply"):
        load_config(repo / "toc.toml")


def test_deeply_nested_pyproject_meant_for_toc_is_an_error(repo: Path) -> None:
    (repo / "pyproject.toml").write_text("[tool.toc]\nselect = " + "[" * 5000 + "]" * 5000 + "\n")
    with pytest.raises(ConfigError, match=r"pyproject\.toml: not valid TOML: nested too deeply"):
        find_config(repo)


def test_deeply_nested_yaml_is_an_error_at_its_line(repo: Path) -> None:
    (repo / ".toc.yaml").write_text("select: " + "[" * 900 + "]" * 900 + "\n")  # PyYAML: RecursionError
    with pytest.raises(
        ConfigError, match=r"\.toc\.yaml:1:\d+: nesting deeper than 64 levels \(flatten the file\)"
    ):
        load_config(repo / ".toc.yaml")


def test_an_undecodable_pyproject_with_toc_settings_is_an_error_at_the_byte(repo: Path) -> None:
    (repo / "pyproject.toml").write_bytes(b'[tool.toc]\nselect = ["cycle"]\n# caf\xe9\n')
    with pytest.raises(ConfigError, match=r"pyproject\.toml:3:6: invalid UTF-8 byte 0xe9"):
        find_config(repo)


def test_an_undecodable_pyproject_without_toc_settings_is_not_ours(repo: Path) -> None:
    (repo / "pyproject.toml").write_bytes(b'[project]\nname = "caf\xe9"\n')
    assert find_config(repo) is None


def test_an_undecodable_toml_named_with_config_is_an_error(repo: Path) -> None:
    (repo / "toc.toml").write_bytes(b'select = ["cycle"]\n\xff\n')
    with pytest.raises(ConfigError, match=r"toc\.toml:2:1: invalid UTF-8 byte 0xff"):
        load_config(repo / "toc.toml")


def test_duplicate_keys_in_yaml_are_refused(repo: Path) -> None:
    (repo / ".toc.yaml").write_text("select: [cycle]\nfail-on: warning\nselect: [ALL]\n")
    with pytest.raises(
        ConfigError, match=r"\.toc\.yaml:3:1: duplicate key 'select' \(first defined at line 1\)"
    ):
        load_config(repo / ".toc.yaml")


def test_duplicate_keys_deeper_in_yaml_are_refused(repo: Path) -> None:
    (repo / ".toc.yaml").write_text("severity:\n  cycle: error\n  cycle: info\n")
    with pytest.raises(ConfigError, match="duplicate key 'cycle'"):
        load_config(repo / ".toc.yaml")


@pytest.mark.parametrize("text", ["", "\n", "# nothing yet\n", "---\n"])
def test_an_empty_yaml_configuration_means_the_defaults(repo: Path, text: str) -> None:
    (repo / ".toc.yaml").write_text(text)
    config = load_config(repo / ".toc.yaml")
    assert config.selection == Config().selection
    assert config.fail_on == Config().fail_on


def test_yaml_values_keep_their_meaning(repo: Path) -> None:
    (repo / ".toc.yaml").write_text("select: [ALL]\nignore: cycle, TOC4\nfail-on: warning\nlang: 'no'\n")
    config = load_config(repo / ".toc.yaml")
    assert config.selection.select == ("ALL",)
    assert config.selection.ignore == ("cycle", "TOC4")
    assert config.lang == "no"  # Norwegian, not False


@pytest.mark.parametrize("value", [[], "", ",,", " "])
def test_an_empty_select_in_a_file_is_an_error(value: object) -> None:
    with pytest.raises(ConfigError, match=r"toc\.toml: 'select' names no rule, so none would run"):
        parse_config({"select": value}, "toc.toml")


def test_an_empty_ignore_in_a_file_is_harmless() -> None:
    assert parse_config({"ignore": []}, "toc.toml").selection.ignore == ()


def test_an_endless_configuration_is_refused() -> None:
    with pytest.raises(ConfigError, match=r"/dev/zero: larger than 16 MiB"):
        load_config("/dev/zero")
