"""Every script in examples/ runs on the flagship model and says what a reader expects."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.py"))


def run(script: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout


def test_there_are_examples() -> None:
    assert {p.name for p in EXAMPLES} >= {
        "contradicted_assumptions.py",
        "indicator_progress.py",
        "networkx_analysis.py",
    }


@pytest.mark.parametrize("script", EXAMPLES, ids=lambda p: p.name)
def test_example_runs(script: Path) -> None:
    assert run(script).strip()


def test_contradicted_assumptions_names_the_para_22_hypothesis_and_what_lies_downstream() -> None:
    out = run(ROOT / "examples" / "contradicted_assumptions.py")
    assert out.startswith("7 contradicted assumption(s)")
    block = out.split("as-sdg-strengthens-lmb:")[1].split("\n\n")[0]
    assert "para 22" in block
    assert "downstream: sd1" in block
    for assumption in ("as-i-strategic-positions", "as-ii-global-reflex", "as-iii-advisory-councils"):
        assert f"{assumption}:" in out
    assert "as-p2-vvsg-sdg-work:" in out
    assert "as-iv-sdgs-usable-framework:" in out  # para 92, 39
    # mixed and supported assumptions are not listed
    assert "as-lmb-later-phase" not in out
    assert "as-lf-lmb-commitment-continues" not in out


def test_indicator_progress_reports_tabel_3_and_the_unmeasured_r1_2() -> None:
    out = run(ROOT / "examples" / "indicator_progress.py")
    assert out.startswith("Indicators as of 2019-02-28")
    lines = {line.split()[0]: line for line in out.splitlines() if line.startswith("ind-")}
    assert lines["ind-t3-1-trajectory-participation"].split()[1:] == ["70", "40", "off-track"]
    assert lines["ind-r1-2-apply-lessons"].split()[1:] == ["50", "-", "no-data"]
    assert "Not asked by VVSG" in out


def test_networkx_analysis_finds_the_pathway_1_bottlenecks() -> None:
    out = run(ROOT / "examples" / "networkx_analysis.py")
    bottlenecks = out.split("Bottlenecks")[1].split("\n\n")[0]
    assert "r1-1" in bottlenecks
    assert "p1-drive" in bottlenecks
    assert "3  sd1" in out  # all three pathways reach the switch to LMB
    assert "g2 -> sd1: as-lmb-later-phase, as-sdg-strengthens-lmb" in out
