"""Loading benchmark: ``.venv/bin/python -m benchmarks.bench_load [--sizes 1000,10000,100000]``.

For each size, a synthetic model (benchmarks/synth.py) is written to a temporary file
and measured in a fresh subprocess (so that peak memory is that size's alone):

- the bare libyaml parse, ``yaml.load(text, Loader=yaml.CSafeLoader)``, GC paused and not;
- ``toc.loads`` GC paused (by the caller) and as a user calls it (it pauses the GC itself);
- the stages of ``toc.loads`` (read YAML, flatten, validate, references, locations) and
  building the graph (``TocGraph``);
- peak memory (``ru_maxrss``) of a process that reads the file and loads it once.

Then ``toc --version`` wall time (best of N subprocess runs). Targets (issue 2): 100k
nodes in ≤ 1.5× the bare parse with the GC paused, ≤ 1.5 GB peak, 10k → 100k ≤ 11×,
``toc --version`` < 150 ms. Results go to standard output as a Markdown table.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _best(fn: Callable[[], Any], repeat: int, paused: bool) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        if paused:
            gc.disable()
        try:
            start = time.perf_counter()
            result = fn()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
        del result
    return best


def _worker_times(path: str, repeat: int) -> dict[str, float]:
    """Timings for one file (run in its own process)."""
    import yaml

    import toc
    from toc.graph import TocGraph
    from toc.io.load import _check_version, _record_locations
    from toc.io.shapes import flatten
    from toc.io.yamlread import read_yaml
    from toc.model import Model
    from toc.model.references import check_model

    text = Path(path).read_text(encoding="utf-8")
    out: dict[str, float] = {}
    out["yaml_paused"] = _best(lambda: yaml.load(text, Loader=yaml.CSafeLoader), repeat, True)
    out["yaml_gc"] = _best(lambda: yaml.load(text, Loader=yaml.CSafeLoader), 1, False)
    out["toc_paused"] = _best(lambda: toc.loads(text), repeat, True)
    out["toc_default"] = _best(lambda: toc.loads(text), repeat, False)

    gc.collect()
    gc.disable()
    try:
        t0 = time.perf_counter()
        doc = read_yaml(text)
        t1 = time.perf_counter()
        _check_version(doc)
        flat = flatten(doc)
        t2 = time.perf_counter()
        model = Model.model_validate(flat.data)
        t3 = time.perf_counter()
        check_model(model)
        t4 = time.perf_counter()
        _record_locations(model, doc, flat)
        t5 = time.perf_counter()
        TocGraph(model)
        t6 = time.perf_counter()
    finally:
        gc.enable()
    out.update(
        read=t1 - t0, flatten=t2 - t1, validate=t3 - t2, references=t4 - t3, locations=t5 - t4, graph=t6 - t5
    )
    return out


def _worker_memory(path: str) -> dict[str, float]:
    """Peak memory of reading and loading the file once, as a user would."""
    import toc

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    model = toc.load(path)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    del model
    return {"peak_mb": after / 1024, "before_mb": before / 1024}


def _run_worker(*args: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_load", "--worker", *args],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def _version_ms(runs: int) -> float:
    exe = Path(sys.executable).parent / "toc"
    command = [str(exe), "--version"] if exe.exists() else [sys.executable, "-m", "toc", "--version"]
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--repeat", type=int, default=3, help="best of N for sizes under 100k")
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        kind, path, *rest = args.worker
        result = _worker_times(path, int(rest[0])) if kind == "times" else _worker_memory(path)
        sys.stdout.write(json.dumps(result))
        return 0

    from benchmarks.synth import synth_yaml

    rows: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(s) for s in args.sizes.split(",")):
            path = os.path.join(folder, f"synth-{size}.yaml")
            Path(path).write_text(synth_yaml(size), encoding="utf-8")
            repeat = 1 if size >= 100_000 else args.repeat
            row = {"nodes": size, "mb": os.path.getsize(path) / 1e6}
            row.update(_run_worker("times", path, str(repeat)))
            row.update(_run_worker("memory", path))
            rows.append(row)
            print(f"measured {size:,} nodes", file=sys.stderr)

    w = sys.stdout.write
    w(
        "| nodes | file MB | libyaml parse, GC paused (s) | toc.loads, GC paused (s) | ratio "
        "| libyaml parse, GC on (s) | toc.loads as called (s) | read / flatten / validate / refs / "
        "locations (s) | graph (s) | peak MB |\n"
    )
    w("|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|\n")
    for r in rows:
        stages = " / ".join(f"{r[k]:.2f}" for k in ("read", "flatten", "validate", "references", "locations"))
        w(
            f"| {int(r['nodes']):,} | {r['mb']:.1f} | {r['yaml_paused']:.2f} | {r['toc_paused']:.2f} "
            f"| {r['toc_paused'] / r['yaml_paused']:.2f}× | {r['yaml_gc']:.2f} | {r['toc_default']:.2f} "
            f"| {stages} | {r['graph']:.2f} | {r['peak_mb']:.0f} |\n"
        )
    by_size = {int(r["nodes"]): r for r in rows}
    if 10_000 in by_size and 100_000 in by_size:
        small, big = by_size[10_000], by_size[100_000]
        w(
            f"\n10k → 100k: toc.loads ×{big['toc_paused'] / small['toc_paused']:.1f} (GC paused), "
            f"×{big['toc_default'] / small['toc_default']:.1f} (as called); "
            f"libyaml ×{big['yaml_paused'] / small['yaml_paused']:.1f}\n"
        )
    w(f"\n`toc --version`: {_version_ms(10):.0f} ms (best of 10)\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
