"""IATI benchmark: ``.venv/bin/python -m benchmarks.bench_iati [--mb 50] [--runs 3]``.

- import: a generated multi-activity file of about ``--mb`` MB, read by the IATI reader
  (``toc.io.iati.reader.read_activities``) against a bare ``lxml.etree.iterparse`` of the same
  bytes (target ≤ 2×), each in a fresh subprocess with its CPU time (the machine is shared:
  CPU time is what a second run reproduces) and peak memory (``ru_maxrss``). Where the time
  goes: the reader's own safe parse alone (``activities``), parse and mapping to plain data
  (``plain_activities``), and the whole with validation; and the streamed read
  (``iter_activities``, each model let go), whose peak is one activity's tree and model;
- export: a model with 10,000 indicators written as one activity (target ≤ 1 s).

Medians and ranges of ``--runs`` runs; a Markdown table on standard output.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# fmt: off
_ACTIVITY = """<iati-activity xml:lang="en" default-currency="EUR">
<iati-identifier>XM-BENCH-{n}</iati-identifier>
<reporting-org ref="XM-BENCH" type="21"><narrative>Bench</narrative></reporting-org>
<title><narrative>Activity {n}</narrative><narrative xml:lang="fr">Activité {n}</narrative></title>
<participating-org role="1"><narrative>Donor</narrative></participating-org>
<activity-date type="1" iso-date="2020-01-01"/><activity-date type="3" iso-date="2024-12-31"/>
<recipient-country code="KE"/>
{results}</iati-activity>
"""
_RESULT = """<result type="{t}"><title><narrative>Result {k}</narrative></title>
<indicator measure="1"><title><narrative>Number of wells {k}</narrative></title>
<baseline year="2019" value="1,200"><dimension name="sex" value="female"/></baseline>
<period><period-start iso-date="2020-01-01"/><period-end iso-date="2020-12-31"/>
<target value="20,000"><comment><narrative>Target</narrative></comment></target>
<actual value="18500"/></period>
<period><period-start iso-date="2021-01-01"/><period-end iso-date="2021-12-31"/>
<target value="25000"/></period>
</indicator></result>
"""

_CHILD = """
import resource, sys, time
data = open(sys.argv[1], "rb").read()
import io
from lxml import etree
from toc.io.iati import reader
from toc.io.iati.xmlsource import activities
started = time.process_time()
if sys.argv[2] == "lxml":
    parser = etree.iterparse(io.BytesIO(data), tag="iati-activity", resolve_entities=False, no_network=True)
    for _, element in parser:
        element.clear()
elif sys.argv[2] == "parse":
    for _ in activities(data, sys.argv[1]):
        pass
elif sys.argv[2] == "plain":
    for _ in reader.plain_activities(data, sys.argv[1]):
        pass
elif sys.argv[2] == "stream":
    for _ in reader.iter_activities(data, sys.argv[1], reader.Imported()):
        pass
elif sys.argv[2] == "convert":  # the command line: one YAML file per activity, into a folder
    import os, tempfile, warnings
    from toc.cli import main
    from toc.cli.streams import Streams
    warnings.simplefilter("ignore")
    del data
    with tempfile.TemporaryDirectory() as out:
        quiet = Streams(io.StringIO(), io.StringIO(), {})
        assert main(["convert", sys.argv[1], "-o", out + os.sep], quiet) == 0
else:
    models = reader.read_activities(data, sys.argv[1]).models
elapsed = time.process_time() - started
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


# fmt: on


def generate(path: Path, megabytes: float) -> int:
    results = "".join(_RESULT.format(t=1 + k % 3, k=k) for k in range(5))
    parts = ['<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03">\n']
    size, n = 0, 0
    while size < megabytes * 1024 * 1024:
        n += 1
        chunk = _ACTIVITY.format(n=n, results=results)
        parts.append(chunk)
        size += len(chunk.encode())
    parts.append("</iati-activities>\n")
    path.write_text("".join(parts), encoding="utf-8")
    return n


def child(path: Path, what: str) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(path), what], capture_output=True, text=True, check=True
    )
    seconds, peak = out.stdout.split()
    return float(seconds), float(peak)


def export_time(runs: int) -> tuple[list[float], list[float]]:
    """CPU and wall-clock seconds of each run."""
    import warnings

    from toc.errors import Notice
    from toc.io.iati.writer import IatiOptions, write_activity
    from toc.model import Model

    nodes = [
        {
            "id": f"r{k}",
            "level": "output",
            "label": f"Result {k}",
            "indicators": [
                {
                    "id": f"r{k}.i{j}",
                    "label": f"Indicator {j}",
                    "baseline": {"year": 2019, "value": 3},
                    "periods": [{"start": "2020-01-01", "end": "2020-12-31", "target": 10, "actual": 8}],
                }
                for j in range(10)
            ],
        }
        for k in range(1000)
    ]
    model = Model.model_validate(
        {
            "languages": ["en"],
            "programme": {
                "id": "XM-1",
                "title": "T",
                "description": "D",
                "funder": "F",
                "period": {"start": "2020", "end": "2024"},
            },
            "nodes": nodes,
        }
    )
    cpu, wall = [], []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Notice)
        for _ in range(runs):
            started, clock = time.process_time(), time.perf_counter()
            write_activity(model, IatiOptions(reporting_org="XM"))
            cpu.append(time.process_time() - started)
            wall.append(time.perf_counter() - clock)
    return cpu, wall


def _fmt(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} ({min(values):.2f}–{max(values):.2f})"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "activities.xml"
        activities = generate(path, args.mb)
        size = path.stat().st_size / 1024 / 1024
        kinds = ("lxml", "parse", "plain", "toc", "stream", "convert")
        runs: dict[str, list[tuple[float, float]]] = {kind: [] for kind in kinds}
        for _ in range(args.runs):  # interleaved, so that a busy spell hits every kind alike
            for kind in kinds:
                runs[kind].append(child(path, kind))
    bare = [b[0] for b in runs["lxml"]]

    def ratio(kind: str) -> str:
        return _fmt([r[0] / b for r, b in zip(runs[kind], bare, strict=True)])

    shape = f"{size:.0f} MB, {activities} activities, {activities * 5} indicators"
    print(f"| measure (CPU s; × bare parse) | {shape} |")
    print("|---|---|")
    print(f"| bare lxml iterparse, s | {_fmt(bare)} |")
    print(f"| the reader's safe parse alone, × | {ratio('parse')} |")
    print(f"| parse + mapping to plain data, × | {ratio('plain')} |")
    print(f"| IATI import (+ validation), s | {_fmt([r[0] for r in runs['toc']])} |")
    print(f"| import / bare parse, × | {ratio('toc')} |")
    print(f"| streamed import / bare parse, × | {ratio('stream')} |")
    converted = _fmt([r[0] for r in runs["convert"]])
    print(f"| toc convert FILE -o DIR/ (one YAML file per activity), s | {converted} |")
    for kind, label in (
        ("lxml", "bare parse"),
        ("toc", "import"),
        ("stream", "streamed import"),
        ("convert", "toc convert -o DIR/"),
    ):
        print(f"| peak MB, {label} | {_fmt([r[1] for r in runs[kind]])} |")
    cpu, wall = export_time(args.runs)
    print(f"| export of 10,000 indicators, CPU s | {_fmt(cpu)} |")
    print(f"| export of 10,000 indicators, wall s | {_fmt(wall)} |")


if __name__ == "__main__":
    main()
