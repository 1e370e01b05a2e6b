"""The rules benchmark's process mode still runs (benchmarks run on demand, so nothing else would notice)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _bench(*args: str) -> str:
    argv = [sys.executable, "-m", "benchmarks.bench_rules", *args]
    return subprocess.run(argv, capture_output=True, text=True, check=True, cwd=ROOT).stdout


def test_one_process_prints_load_and_rules_seconds() -> None:
    figures = json.loads(_bench("--one", "40"))
    assert set(figures) == {"load", "rules", "reference"}
    assert figures["load"] > 0
    assert figures["rules"] > 0
    assert figures["reference"] > 0


def test_across_processes_prints_a_median_per_size_and_the_growth() -> None:
    out = _bench("--processes", "2", "40", "80")
    assert "40 nodes, 2 processes: rules ÷ load median" in out
    assert "80 nodes, 2 processes" in out
    assert "40 → 80: median rules ×" in out
    assert "a plain id → element map of every element, same processes: ×" in out


def test_cli_benchmark_prints_every_ratio() -> None:
    argv = [sys.executable, "-m", "benchmarks.bench_cli", "--runs", "1", "--nodes", "40"]
    out = subprocess.run(argv, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert "toc --version ÷ python -c pass: median" in out
    assert "toc report (md) ÷ toc check, 40 nodes: median" in out
    assert "toc report (json) ÷ toc check, 40 nodes: median" in out
    assert "toc check VVSG imports networkx:" in out


def test_diff_benchmark_prints_its_ratios() -> None:
    argv = [sys.executable, "-m", "benchmarks.bench_diff", "40", "1"]
    out = subprocess.run(argv, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    assert "40 nodes, 1 processes;" in out
    assert "toc.diff               ÷ loading both: median" in out
    assert "toc.diff(check=False)  ÷ loading both: median" in out


def test_logframe_benchmark_prints_every_ratio() -> None:
    argv = [sys.executable, "-m", "benchmarks.bench_logframe", "--rows", "20", "--repeat", "1"]
    out = subprocess.run(argv, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    for work in ("export eu", "import eu", "export fcdo", "import fcdo", "export matrix", "import matrix"):
        assert f"| {work}" in out
