"""``toc check`` and ``toc rules`` through ``main(argv, streams)``: exit codes and output."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from toc.cli import main
from toc.cli.streams import Streams

CLEAN = """\
toc: 1
programme: {id: p, title: P}
nodes:
  - {id: a, level: activity, label: Train promoters}
  - id: b
    level: output
    label: Promoters trained
    indicators:
      - id: i1
        label: Promoters able to explain filter care
        baseline: {year: 2023, value: 0}
        periods: [{start: 2024-01, end: 2026-12, target: {value: 40}, actual: {value: 41}}]
        means_of_verification: observation
links:
  - {from: a, to: b}
"""
CONTRADICTED = """\
toc: 1
programme: {id: p, title: P}
assumptions:
  - id: sdg-lmb
    statement: Work on the SDGs strengthens LMB
    applies_to: [sdg-lmb-node]
    evidence:
      - {id: e1, summary: Not seen, method: survey, stance: contradicts, cite: para 92, date: 2018-10}
      - {id: e2, summary: Not said, method: interview, stance: contradicts, cite: para 99, date: 2018-10}
nodes:
  - id: sdg-lmb-node
    level: outcome
    label: Stronger LMB
    suppress: [{rule: indicator-missing, reason: measured in the survey chapter}]
"""


def run(argv: list[str], env: dict[str, str] | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, Streams(out, err, env or {}))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def models(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / ".git").mkdir()  # stop the config search here
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.yaml").write_text(CLEAN)
    (tmp_path / "bad.yaml").write_text(CONTRADICTED)
    return tmp_path


def test_clean_model_exits_0(models: Path) -> None:
    code, out, _ = run(["check", "clean.yaml"])
    assert code == 0
    assert out.endswith("0 errors, 0 warnings, 0 info in 1 file\n")


def test_findings_exit_1_and_read_on_their_own(models: Path) -> None:
    code, out, _ = run(["check", "bad.yaml"])
    assert code == 1
    assert (
        '  4:5     error    "Work on the SDGs strengthens LMB" is contradicted by 2 evidence items '
        "(para 92, 99) [TOC302 assumption-contradicted]"
    ) in out
    assert "(1 suppressed)" in out
    assert "indicator-missing 1" in out
    _, out, _ = run(["check", "bad.yaml", "--show-suppressed"])
    assert "(reason: measured in the survey chapter)" in out


def test_exit_zero_and_fail_on(models: Path) -> None:
    assert run(["check", "bad.yaml", "--exit-zero"])[0] == 0
    assert run(["check", "bad.yaml", "--fail-on", "never"])[0] == 0
    assert run(["check", "bad.yaml", "--ignore", "assumption-contradicted"])[0] == 0
    assert run(["check", "bad.yaml", "--fail-on", "warning"])[0] == 1
    assert run(["check", "clean.yaml", "--fail-on", "info"])[0] == 0


def test_select_limits_the_rules(models: Path) -> None:
    code, out, _ = run(["check", "bad.yaml", "--select", "TOC302", "--format", "json"])
    assert code == 1
    assert {d["name"] for d in json.loads(out)["diagnostics"]} == {"assumption-contradicted"}


def test_unknown_rule_is_a_usage_error(models: Path) -> None:
    code, out, err = run(["check", "bad.yaml", "--ignore", "assumption-contradictd"])
    assert code == 2
    assert out == ""
    assert "did you mean 'assumption-contradicted'?" in err


def test_config_file_is_found_and_used(models: Path) -> None:
    (models / "toc.toml").write_text('ignore = ["assumptions"]\n[severity]\nindicators = "info"\n')
    assert run(["check", "bad.yaml"])[0] == 0
    (models / "toc.toml").write_text('selct = ["cycle"]\n')
    code, _, err = run(["check", "bad.yaml"])
    assert code == 2
    assert "unknown setting 'selct'" in err
    assert run(["check", "bad.yaml", "--no-config"])[0] == 1


def test_directories_recurse_into_model_files_only(models: Path) -> None:
    sub = models / "sub"
    sub.mkdir()
    (sub / "workflow.yml").write_text("name: ci\non: push\n")  # not a model: skipped
    (sub / "copy.yml").write_text(CLEAN)
    (models / ".hidden").mkdir()
    (models / ".hidden" / "x.yaml").write_text(CONTRADICTED)
    code, out, _ = run(["check", ".", "--format", "json"])
    data = json.loads(out)
    assert data["summary"]["files"] == 3
    assert code == 1


def test_named_non_model_is_an_input_error_unless_models_only(models: Path) -> None:
    (models / "ci.yml").write_text("name: ci\n")
    code, _, err = run(["check", "ci.yml"])
    assert code == 2
    assert "ci.yml:1:1: missing the format version" in err
    assert run(["check", "ci.yml", "clean.yaml", "--models-only"])[0] == 0


def test_unreadable_input_exits_2_but_reports_the_rest(models: Path) -> None:
    (models / "broken.yaml").write_text("toc: 1\nprogramme: [\n")
    code, out, err = run(["check", "broken.yaml", "bad.yaml", "missing.yaml"])
    assert code == 2
    assert "broken.yaml:" in err
    assert "missing.yaml: no such file or directory" in err
    assert "assumption-contradicted" in out


def test_loader_findings_are_findings_not_input_errors(models: Path) -> None:
    (models / "dup.yaml").write_text(CLEAN + "  - {from: a, to: nowhere}\n")
    code, out, err = run(["check", "dup.yaml"])
    assert code == 1
    assert err == ""
    assert "[TOC102 dangling-reference]" in out


def test_github_format_under_actions(models: Path) -> None:
    code, out, _ = run(["check", "bad.yaml"], env={"GITHUB_ACTIONS": "true"})
    assert code == 1
    assert out.startswith("::error file=bad.yaml,line=4,col=5,title=TOC302 assumption-contradicted::")


def test_output_file(models: Path) -> None:
    code, out, _ = run(["check", "bad.yaml", "--format", "sarif", "-o", "out.sarif"])
    assert code == 1
    assert out == ""
    assert json.loads((models / "out.sarif").read_text())["version"] == "2.1.0"


def test_lang_option(models: Path) -> None:
    (models / "nl.yaml").write_text(
        "toc: 1\nlanguages: [en, nl]\nprogramme: {id: p, title: {en: P, nl: P}}\n"
        "assumptions:\n  - {id: a, statement: {en: Enough cities apply, nl: Er zijn voldoende steden}}\n"
    )
    _, out, _ = run(["check", "nl.yaml", "--lang", "nl", "--select", "condition-as-assumption"])
    assert '"Er zijn voldoende steden" reads like a pre-condition' in out


def test_rules_list_and_explain() -> None:
    code, out, _ = run(["rules"])
    assert code == 0
    assert "TOC302  assumption-contradicted" in out
    code, out, _ = run(["rules", "TOC305"])
    assert code == 0
    assert out.startswith("TOC305 condition-as-assumption (warning; groups: assumptions)")
    assert "Fails:" in out
    assert "Passes:" in out
    code, _, err = run(["rules", "cycel"])
    assert code == 2
    assert "did you mean 'cycle'?" in err


def test_pre_commit_hook_runs_toc_check_on_models_only() -> None:
    import yaml

    root = Path(__file__).resolve().parents[2]
    [hook] = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "toc-check"
    assert hook["entry"].split()[:2] == ["toc", "check"]
    assert "--models-only" in hook["entry"]
    assert hook["types"] == ["yaml"]
