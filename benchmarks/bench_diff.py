"""Diff benchmark: ``toc.diff`` of two versions of a synthetic model against loading both.

Target (issue 16): the diff of two 10k-node versions ≤ 1 × the time of loading both. The new
version is the old one with a few hundred edits (labels, targets, evidence stances, an added and
a removed node), so that the consequences are worked out too. Each run is a fresh process;
the ratios are printed as median and range.

    .venv/bin/python -m benchmarks.bench_diff              # 10k nodes, 5 processes
    .venv/bin/python -m benchmarks.bench_diff 2000 3       # other size, processes
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

import toc
from benchmarks.synth import synth_yaml

ROOT = Path(__file__).resolve().parents[1]


def revised(text: str) -> str:
    """The synthetic model with edits spread through it: every 50th label and target changed,
    one evidence stance in 20 flipped, a node added."""
    lines = text.splitlines()
    for at, line in enumerate(lines):
        if at % 50 == 0 and line.startswith("    label: ") and "{" not in line:
            lines[at] = line + " revised"
        elif at % 50 == 1 and "target: {value: " in line:
            lines[at] = line.replace("target: {value: ", "target: {value: 1")
        elif at % 20 == 0 and "stance: supports" in line:
            lines[at] = line.replace("supports", "contradicts")
    out = "\n".join(lines) + "\n"
    return out.replace(
        "nodes:\n", "nodes:\n  - {id: bench-added, level: output, label: Added in the revision}\n", 1
    )


def _one(n: int) -> None:
    """``--one N``: this process's seconds to load both versions, and to diff them, as JSON."""
    old_text = synth_yaml(n)
    new_text = revised(old_text)
    start = time.perf_counter()
    old = toc.loads(old_text, "old.yaml")
    new = toc.loads(new_text, "new.yaml")
    load = time.perf_counter() - start
    start = time.perf_counter()
    found = toc.diff(old, new)
    full = time.perf_counter() - start
    start = time.perf_counter()
    toc.diff(old, new, check=False)
    unchecked = time.perf_counter() - start
    print(json.dumps({"load": load, "diff": full, "no_check": unchecked, "changes": len(found.changes),
                      "consequences": len(found.consequences)}))  # fmt: skip


def main(argv: list[str]) -> None:
    if "--one" in argv:
        _one(int(argv[argv.index("--one") + 1]))
        return
    numbers = [int(a) for a in argv if a.isdigit()]
    n = numbers[0] if numbers else 10_000
    processes = numbers[1] if len(numbers) > 1 else 5
    runs = []
    for _ in range(processes):
        argv_ = [sys.executable, "-m", "benchmarks.bench_diff", "--one", str(n)]
        done = subprocess.run(argv_, capture_output=True, text=True, check=True, cwd=ROOT)
        runs.append(json.loads(done.stdout))
    first = runs[0]
    print(
        f"{n} nodes, {processes} processes; {first['changes']} changes, {first['consequences']} consequences"
    )
    for key, what in (("diff", "toc.diff"), ("no_check", "toc.diff(check=False)")):
        ratios = [r[key] / r["load"] for r in runs]
        took = statistics.median(r[key] for r in runs)
        load = statistics.median(r["load"] for r in runs)
        spread = f"{min(ratios):.2f}–{max(ratios):.2f}"
        print(f"  {what:<22} ÷ loading both: median {statistics.median(ratios):.2f} ({spread}); "
              f"{took:.2f} s, loading both {load:.2f} s (target ≤ 1)")  # fmt: skip


if __name__ == "__main__":
    main(sys.argv[1:])
