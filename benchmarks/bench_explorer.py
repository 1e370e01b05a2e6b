"""Explorer benchmark: a model written as the explorer and opened in Chromium until its diagram
is visible. Targets (issue 17): a 1,000-result model ≤ 15 s, the VVSG model ≤ 2 s, together.

    .venv/bin/python -m benchmarks.bench_explorer                 # VVSG and 1,000 results, 3 runs
    .venv/bin/python -m benchmarks.bench_explorer --repeat 5 --sizes 500 1000

Each run writes the page in a fresh process (``toc render … --format explorer``: start-up, load,
assessment, layout and all) and opens it in headless Chromium (Debian's, through playwright,
as the browser tests do). Where the time goes is measured in this process, phase by phase:
loading, the assessment and panel data, the DOT, Graphviz's layout (once per language drawn),
and the SVG post-processing. Prints medians and ranges, and the ratio to the target.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import toc
from benchmarks.synth import synth_yaml

ROOT = Path(__file__).resolve().parents[1]
VVSG = ROOT / "models" / "vvsg_2017_2019.yaml"
TARGETS = {"vvsg": 2.0, "1000": 15.0}


def _spread(values: list[float]) -> str:
    median = statistics.median(values)
    return f"{median:.2f} s" + (f" ({min(values):.2f}–{max(values):.2f})" if len(values) > 1 else "")


def _timed(function: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    value = function()
    return time.perf_counter() - start, value


def phases(model_path: Path) -> dict[str, float]:
    """Seconds per phase of writing the explorer, in this process."""
    from toc.export.dot import ElementIds, view_dot
    from toc.export.engine import choose_engine, layout
    from toc.export.explorer.data import explorer_data
    from toc.export.explorer.svg import FAST_LAYOUT, inline, large
    from toc.export.options import Options
    from toc.export.view import build_view

    out: dict[str, float] = {}
    out["load"], model = _timed(lambda: toc.load(model_path))
    assert isinstance(model, toc.Model)
    out["assess + panel data"], _ = _timed(lambda: explorer_data(toc.assess(model)))
    engine = choose_engine()
    languages = (model.languages or ["en"])[: 1 if large(model) else None]
    out["view + DOT"] = out["layout"] = out["SVG ids"] = 0.0
    for lang in languages:
        ids = ElementIds()
        start = time.perf_counter()
        dot = view_dot(build_view(model, Options(lang=lang)), ids)
        out["view + DOT"] += time.perf_counter() - start
        if large(model):
            dot = dot.replace("digraph toc {", f"digraph toc {{\n  graph [{FAST_LAYOUT}]", 1)
        start = time.perf_counter()
        svg = layout(dot, "svg", engine).decode("utf-8")
        out["layout"] += time.perf_counter() - start
        start = time.perf_counter()
        inline(svg, ids.model_ids, lang)
        out["SVG ids"] += time.perf_counter() - start
    return out


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def write_and_open(model_path: Path, page_path: Path) -> tuple[float, float, float]:
    """(seconds to write the page with the CLI, its CPU seconds, seconds until Chromium shows
    the diagram). The CPU figure is what a quiet machine would take; the wall clock is shared."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS, chromium_path

    start, cpu = time.perf_counter(), _children_cpu()
    command = [sys.executable, "-m", "toc", "render", str(model_path), "-o", str(page_path)]
    subprocess.run([*command, "--format", "explorer"], check=True, capture_output=True)
    written, cpu = time.perf_counter() - start, _children_cpu() - cpu
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        start = time.perf_counter()
        page.goto(page_path.resolve().as_uri())
        page.wait_for_selector("body.ready .diagram:not([hidden]) svg", state="visible", timeout=120_000)
        opened = time.perf_counter() - start
        browser.close()
    return written, cpu, opened


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000], help="synthetic models' results")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        cases: list[tuple[str, Path]] = [("vvsg", VVSG)]
        for n in args.sizes:
            path = Path(folder) / f"synth{n}.yaml"
            path.write_text(synth_yaml(n), encoding="utf-8")
            cases.append((str(n), path))
        for name, path in cases:
            model = toc.load(path)
            size = f"{len(model.nodes):,} results, {len(model.links):,} links"
            print(f"{name}: {size}, languages {model.languages}")
            runs = [phases(path) for _ in range(args.repeat)]
            for phase in runs[0]:
                print(f"  {phase:<22} {_spread([r[phase] for r in runs])}")
            totals = []
            for _ in range(args.repeat):
                written, cpu, opened = write_and_open(path, Path(folder) / f"{name}.html")
                totals.append(written + opened)
                print(f"  run: written {written:.2f} s ({cpu:.2f} s CPU), opened {opened:.2f} s")
            target = TARGETS.get(name)
            ratio = f", {statistics.median(totals) / target:.2f}× the {target:g} s target" if target else ""
            print(f"  written + opened       {_spread(totals)}{ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
