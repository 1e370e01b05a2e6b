"""Diagram benchmark: DOT text for a 10k-node model (budget ≤ 1 s), Mermaid and the logframe
beside it, and Graphviz's own layout time (SVG) reported separately, on smaller models.

    .venv/bin/python -m benchmarks.bench_render            # 10k nodes for text, 1k for layout
    .venv/bin/python -m benchmarks.bench_render 20000 500
"""

from __future__ import annotations

import itertools
import sys
import time
from collections.abc import Callable

import toc
from benchmarks.synth import synth_yaml
from toc.export.engine import choose_engine, layout
from toc.export.logframe import logframe_markdown
from toc.export.mermaid import to_mermaid

BUDGET_S = 1.0


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


def main(argv: list[str]) -> int:
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
