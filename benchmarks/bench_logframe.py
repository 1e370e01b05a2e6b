"""Logframe workbook benchmark: ``.venv/bin/python -m benchmarks.bench_logframe [--rows 2000] [--repeat 5]``.

A model with ``--rows`` indicators (five per output, each with a baseline and two dated
milestones) is exported in the EU and FCDO layouts and read back; the 4×4 matrix, one row per
result, gets a model of ``--rows`` outputs with one indicator each, so that it too has
``--rows`` rows. Each time is set against openpyxl alone doing the same work on the same cells:

- export: ``toc.formats.write(model, "xlsx", …)`` against a bare ``openpyxl.Workbook`` given the
  same cell values and saved (no styles, merges or row heights); and, as a second yardstick,
  against openpyxl saving our own workbook once loaded (the same styled, merged grid: the floor
  of any writer through openpyxl);
- import: ``toc.formats.read_one`` (zip check, cells, layout, model) against
  ``openpyxl.load_workbook`` and reading every cell's value; and, as a second yardstick, the
  same in openpyxl's read-only mode (which the import itself uses).

Target (issue 15): each ≤ 2× openpyxl alone. The three sides of a line (toc, openpyxl alone,
openpyxl re-saving or reading read-only) are run in turn, ``--repeat`` times after one warm-up
each, and timed in CPU seconds of this process: on the shared machine a busy spell then hits
all sides alike, and another program's work is not counted. Prints the median time of each side
and the median and range (min–max) of the run-by-run ratios.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
import warnings
from collections.abc import Callable
from typing import Any

import openpyxl

import toc.formats as formats
from toc.errors import Notice
from toc.io.logframe.formats import Layout, LogframeOptions
from toc.model import Model


def synthetic(rows: int, per_output: int = 5) -> Model:
    outputs = max(1, rows // per_output)
    nodes: list[dict[str, Any]] = [
        {"id": "impact", "level": "impact", "label": "Poverty falls in the region"}
    ]
    links: list[dict[str, Any]] = []
    for o in range(1, 11):
        nodes.append({"id": f"oc{o}", "level": "outcome", "label": f"Outcome {o}: households earn more"})
        links.append({"from": f"oc{o}", "to": "impact"})
    for k in range(1, outputs + 1):
        indicators = [
            {
                "id": f"i{k}-{j}",
                "label": f"Number of farmers trained in district {k}, practice {j}",
                "baseline": {"value": "2,000", "year": 2017},
                "periods": [
                    {
                        "start": 2019,
                        "end": 2019,
                        "label": "Milestone 1",
                        "target": "2,400",
                        "actual": "2,350",
                    },
                    {"start": 2021, "end": 2021, "label": "Target", "target": "3,000"},
                ],
                "means_of_verification": ["Training registers", "Annual survey"],
            }
            for j in range(1, per_output + 1)
        ]
        nodes.append(
            {
                "id": f"op{k}",
                "level": "output",
                "label": f"Farmers in district {k} trained",
                "indicators": indicators,
            }
        )
        links.append({"from": f"op{k}", "to": f"oc{1 + k % 10}", "assumptions": [f"a{k}"]})
    assumptions = [
        {"id": f"a{k}", "statement": f"Extension staff stay in post in district {k}"}
        for k in range(1, outputs + 1)
    ]
    return Model.model_validate(
        {
            "programme": {"id": "bench", "title": "Benchmark"},
            "nodes": nodes,
            "links": links,
            "assumptions": assumptions,
        }
    )


def _interleaved(sides: dict[str, Callable[[], object]], repeat: int) -> dict[str, list[float]]:
    """CPU seconds of each side, the sides run in turn ``repeat`` times after one warm-up each."""
    for fn in sides.values():
        fn()
    times: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, fn in sides.items():
            start = time.process_time()
            fn()
            times[name].append(time.process_time() - start)
    return times


def _values(data: bytes) -> list[tuple[int, int, Any]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [
        (c.row, c.column, c.value)
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.value is not None
    ]


def _bare_write(cells: list[tuple[int, int, Any]]) -> bytes:
    book = openpyxl.Workbook()
    ws = book.active
    assert ws is not None
    for r, c, v in cells:
        ws.cell(row=r, column=c, value=v)
    raw = io.BytesIO()
    book.save(raw)
    return raw.getvalue()


def _resave(book: Any) -> bytes:
    """openpyxl saving a workbook it holds: with ours loaded, the floor of any writer through
    openpyxl for the same styled, merged grid."""
    raw = io.BytesIO()
    book.save(raw)
    return raw.getvalue()


def _bare_read(data: bytes, read_only: bool = False) -> int:
    book = openpyxl.load_workbook(io.BytesIO(data), read_only=read_only)
    count = sum(1 for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None)
    book.close()
    return count


def _line(what: str, ours: list[float], bare: list[float]) -> str:
    ratio = [o / b for o, b in zip(ours, bare, strict=True)]  # each run against its neighbour
    return (
        f"| {what} | {statistics.median(ours) * 1000:.0f} ms ({min(ours) * 1000:.0f}–{max(ours) * 1000:.0f}) "
        f"| {statistics.median(bare) * 1000:.0f} ms ({min(bare) * 1000:.0f}–{max(bare) * 1000:.0f}) "
        f"| {statistics.median(ratio):.2f}× ({min(ratio):.2f}–{max(ratio):.2f}) |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    warnings.simplefilter("ignore", Notice)
    print(f"{args.rows} indicator rows; CPU time, medians of {args.repeat} interleaved runs (min–max)\n")
    print("| work | toc | openpyxl alone | ratio (target ≤ 2×) |")
    print("|---|---|---|---|")
    layouts: tuple[Layout, ...] = ("eu", "fcdo", "matrix")
    for layout in layouts:
        model = synthetic(args.rows, 1 if layout == "matrix" else 5)
        options = LogframeOptions(layout=layout)
        data = formats.write(model, "xlsx", options)
        assert isinstance(data, bytes)
        cells = _values(data)

        def export(options: LogframeOptions = options, model: Model = model) -> object:
            return formats.write(model, "xlsx", options)

        def bare_export(cells: list[tuple[int, int, Any]] = cells) -> object:
            return _bare_write(cells)

        def read(data: bytes = data) -> object:
            return formats.read_one(data, "bench.xlsx")

        def bare_read(data: bytes = data) -> object:
            return _bare_read(data)

        def bare_read_only(data: bytes = data) -> object:
            return _bare_read(data, read_only=True)

        held = openpyxl.load_workbook(io.BytesIO(data))

        def resave(book: Any = held) -> object:
            return _resave(book)

        t = _interleaved({"toc": export, "bare": bare_export, "resave": resave}, args.repeat)
        print(_line(f"export {layout} ({len(cells):,} cells)", t["toc"], t["bare"]))
        print(_line(f"export {layout}, against openpyxl re-saving it", t["toc"], t["resave"]))
        t = _interleaved({"toc": read, "bare": bare_read, "read-only": bare_read_only}, args.repeat)
        print(_line(f"import {layout}", t["toc"], t["bare"]))
        print(_line(f"import {layout}, against read-only openpyxl", t["toc"], t["read-only"]))


if __name__ == "__main__":
    main()
