"""The diagram benchmark's size scan still runs (benchmarks run on demand, so nothing else would notice)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _bench(*args: str) -> str:
    argv = [sys.executable, "-m", "benchmarks.bench_render", *args]
    return subprocess.run(argv, capture_output=True, text=True, check=True, cwd=ROOT).stdout


def test_layout_scan_prints_a_row_per_size() -> None:
    out = _bench("--scan", "20", "--repeat", "1", "--timeout", "120")
    assert "| results | links | DOT nodes | layout s | peak MB | of which before layout |" in out
    assert "\n| 20 | 26 |" in out


def test_text_scan_prints_a_row_per_size() -> None:
    out = _bench("--scan-text", "20", "--repeat", "2")
    assert "| results | links | DOT s | Mermaid s | peak MB |" in out
    assert "\n| 20 | 26 |" in out
