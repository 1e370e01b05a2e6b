"""Broken configuration files and rule options fail loudly, with the place to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from toc.rules.config import ConfigError, find_config, load_config, parse_config


def test_a_broken_pyproject_meant_for_toc_is_an_error_with_its_line(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.toc]\nselect = ["cycle"\nfail-on = "warning"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml:3:1: not valid TOML: Unclosed array"):
        find_config(tmp_path)


def test_a_broken_pyproject_without_toc_settings_is_not_ours_to_judge(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project\nname = "x"\n')
    assert find_config(tmp_path) is None


def test_broken_yaml_config_points_at_line_and_column(tmp_path: Path) -> None:
    (tmp_path / ".toc.yaml").write_text("select: [a, b\nx: 1\n")
    with pytest.raises(
        ConfigError, match=r"\.toc\.yaml:2:2: YAML syntax error: .*expected ',' or '\]' \(close"
    ):
        load_config(tmp_path / ".toc.yaml")


def test_rule_options_are_checked() -> None:
    config = parse_config({"options": {"low-confidence-threshold": 0.6}}, "toc.toml")
    assert config.options == {"low-confidence-threshold": 0.6}
    with pytest.raises(ConfigError, match="did you mean 'low-confidence-threshold'"):
        parse_config({"options": {"low-confidence-treshold": 0.6}}, "toc.toml")
    with pytest.raises(ConfigError, match="must lie between 0 and 1"):
        parse_config({"options": {"low-confidence-threshold": 60}}, "toc.toml")
    with pytest.raises(ConfigError, match="must be a number"):
        parse_config({"options": {"low-confidence-threshold": "high"}}, "toc.toml")
    with pytest.raises(ConfigError, match="'options' must map"):
        parse_config({"options": ["low-confidence-threshold"]}, "toc.toml")


def test_options_from_a_file_survive_command_line_overrides(tmp_path: Path) -> None:
    (tmp_path / "toc.toml").write_text("[options]\nlow-confidence-threshold = 0.7\n")
    config = parse_config({"fail-on": "warning"}, "command line", base=load_config(tmp_path / "toc.toml"))
    assert config.options == {"low-confidence-threshold": 0.7}


def test_the_threshold_option_reaches_the_rule(tmp_path: Path) -> None:
    import io

    from toc.cli import main
    from toc.cli.streams import Streams

    model = Path(__file__).resolve().parents[2] / "examples" / "small.yaml"
    text = model.read_text(encoding="utf-8").replace(
        "stance: supports\n", "stance: supports\n                test: hoop\n                found: false\n"
    )
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")

    def low_confidence(threshold: float) -> int:
        (tmp_path / "toc.toml").write_text(f"[options]\nlow-confidence-threshold = {threshold}\n")
        out = io.StringIO()
        args = ["check", "--config", str(tmp_path / "toc.toml"), "--select", "claim-low-confidence"]
        main([*args, str(tmp_path / "m.yaml")], Streams(out, io.StringIO(), {}))
        return out.getvalue().count("TOC522")

    assert low_confidence(0.5) == 1  # a failed hoop: 0.5 → 0.111
    assert low_confidence(0.1) == 0
