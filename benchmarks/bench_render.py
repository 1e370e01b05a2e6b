"""Diagram benchmark: DOT text for a 10k-node model (budget ≤ 1 s), Mermaid and the logframe
beside it, Graphviz's own layout time (SVG) reported separately on smaller models, and the
size → time / peak memory scan from which ``toc render``'s size limit was chosen.

    .venv/bin/python -m benchmarks.bench_render            # 10k nodes for text, 1k for layout
    .venv/bin/python -m benchmarks.bench_render 20000 500
    .venv/bin/python -m benchmarks.bench_render --scan 100 250 500 1000 --repeat 3 --timeout 600
    .venv/bin/python -m benchmarks.bench_render --scan-text 10000 100000 --repeat 1

``--scan`` lays out each size in a fresh process per run (``--one``), so that every run's
peak resident memory (``ru_maxrss``) is its own; it prints, per size, the results and links
drawn, the median and range of the SVG layout's seconds and of the process's peak MB. A run
that exceeds ``--timeout`` is killed and reported as such. ``--scan-text`` does the same for
DOT and Mermaid text (no layout).
"""

from __future__ import annotations

import itertools
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import toc
from benchmarks.synth import synth_yaml
from toc.export.engine import choose_engine, layout
from toc.export.logframe import logframe_markdown
from toc.export.mermaid import to_mermaid

BUDGET_S = 1.0
ROOT = Path(__file__).resolve().parents[1]


def _best(function: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return min(times)


def _model(n: int) -> toc.Model:
    """The shared synthetic model; if its generator cannot make this size, a plain chain-shaped
    one of our own (so that this benchmark does not depend on another one's state)."""
    try:
        return toc.loads(synth_yaml(n), "synth.yaml")
    except toc.LoadError:
        print(f"(benchmarks.synth failed for {n} nodes; using a simple generated model)")
    levels = [("activity", 45), ("output", 30), ("outcome", 20), ("impact", 5)]
    nodes: list[dict[str, object]] = []
    by_level: list[list[str]] = []
    for level, share in levels:
        ids = [f"{level[:3]}{i}" for i in range(max(1, n * share // 100))]
        by_level.append(ids)
        nodes += [{"id": i, "level": level, "label": f"{level} result {i} with a longer label"} for i in ids]
    links = [
        {"from": node, "to": upper[k % len(upper)], "assumptions": [f"as{k}"] if k % 4 == 0 else []}
        for lower, upper in itertools.pairwise(by_level)
        for k, node in enumerate(lower)
    ]
    used = sorted({a for link in links for a in link["assumptions"]})
    data = {
        "toc": 1,
        "programme": {"id": "synthetic", "title": "Synthetic"},
        "nodes": nodes,
        "links": links,
        "assumptions": [{"id": a, "statement": f"assumption {a} holds"} for a in used],
    }
    return toc.Model.model_validate(data)


def _peak_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def one(n: int, text: bool = False) -> dict[str, float]:
    """One measurement in this process: the layout (or, with ``text``, DOT and Mermaid text)."""
    model = _model(n)
    figures: dict[str, float] = {"results": len(model.nodes), "links": len(model.links)}
    start = time.perf_counter()
    dot = toc.to_dot(model)
    figures["dot_s"] = time.perf_counter() - start
    figures["dot_nodes"] = dot.count("[shape=")
    if text:
        start = time.perf_counter()
        to_mermaid(model)
        figures["mermaid_s"] = time.perf_counter() - start
    else:
        figures["before_mb"] = _peak_mb()
        engine = choose_engine()
        start = time.perf_counter()
        layout(dot, "svg", engine)
        figures["layout_s"] = time.perf_counter() - start
    figures["peak_mb"] = _peak_mb()
    return figures


def _spread(values: list[float], digits: int) -> str:
    median = statistics.median(values)
    if len(values) == 1:
        return f"{median:.{digits}f}"
    return f"{median:.{digits}f} ({min(values):.{digits}f}–{max(values):.{digits}f})"


def scan(sizes: list[int], repeat: int, timeout: float, text: bool = False) -> None:
    """Print size → time and peak memory, each run in a fresh process."""
    what = "DOT + Mermaid text" if text else "SVG layout"
    print(f"{what}: median (range) of {repeat} run(s) per size, each in a fresh process")
    if text:
        print("| results | links | DOT s | Mermaid s | peak MB |")
        print("|---:|---:|---:|---:|---:|")
    else:
        print("| results | links | DOT nodes | layout s | peak MB | of which before layout |")
        print("|---:|---:|---:|---:|---:|---:|")
    for n in sizes:
        runs: list[dict[str, float]] = []
        timed_out = False
        for _ in range(repeat):
            argv = [sys.executable, "-m", "benchmarks.bench_render", "--one", str(n)]
            if text:
                argv.append("--text")
            try:
                done = subprocess.run(
                    argv, capture_output=True, text=True, timeout=timeout, cwd=ROOT, check=True
                )
            except subprocess.TimeoutExpired:
                timed_out = True
                break
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
        if timed_out:
            print(f"| ~{n} | | | > {timeout:.0f} s (killed) | | |")
            continue
        r = runs[0]
        if text:
            row = [
                f"{r['results']:.0f}",
                f"{r['links']:.0f}",
                _spread([x["dot_s"] for x in runs], 2),
                _spread([x["mermaid_s"] for x in runs], 2),
                _spread([x["peak_mb"] for x in runs], 0),
            ]
        else:
            row = [
                f"{r['results']:.0f}",
                f"{r['links']:.0f}",
                f"{r['dot_nodes']:.0f}",
                _spread([x["layout_s"] for x in runs], 2),
                _spread([x["peak_mb"] for x in runs], 0),
                _spread([x["before_mb"] for x in runs], 0),
            ]
        print("| " + " | ".join(row) + " |", flush=True)


def _option(argv: list[str], name: str, default: float) -> tuple[list[str], float]:
    if name not in argv:
        return argv, default
    at = argv.index(name)
    value = float(argv[at + 1])
    return argv[:at] + argv[at + 2 :], value


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--one":
        print(json.dumps(one(int(argv[1]), text="--text" in argv)))
        return 0
    if argv and argv[0] in ("--scan", "--scan-text"):
        rest, repeat = _option(argv[1:], "--repeat", 3)
        rest, timeout = _option(rest, "--timeout", 600)
        scan([int(a) for a in rest], int(repeat), timeout, text=argv[0] == "--scan-text")
        return 0
    n_text = int(argv[0]) if argv else 10_000
    n_layout = int(argv[1]) if len(argv) > 1 else 1_000
    model = _model(n_text)
    dot_s = _best(lambda: toc.to_dot(model))
    print(
        f"DOT text, {len(model.nodes)} nodes / {len(model.links)} links: {dot_s:.3f} s (budget {BUDGET_S} s)"
    )
    print(f"Mermaid text, same model: {_best(lambda: to_mermaid(model)):.3f} s")
    print(f"Logframe Markdown, same model: {_best(lambda: logframe_markdown(model)):.3f} s")
    engine = choose_engine()
    for n in (100, n_layout):
        small = _model(n)
        dot = toc.to_dot(small)
        seconds = _best(lambda dot=dot: layout(dot, "svg", engine), repeat=1)  # type: ignore[misc]
        who = f"{engine.name}, Graphviz {engine.version}"
        print(f"Graphviz layout to SVG ({who}), {len(small.nodes)} nodes: {seconds:.2f} s")
    return 0 if dot_s <= BUDGET_S else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
