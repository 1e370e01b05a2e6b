"""Whole-command benchmark: what a CI job pays per ``toc`` call, as CPU-time ratios.

Each pair is run in fresh processes, the two sides interleaved, ``--runs`` times; the CPU time
(user + system) of each child is read from ``os.wait4``, so another job on the machine moves
the figures less than wall time would. Printed: the median ratio and its range over the runs.
The children run with ``.pyc`` files written, as an installed toc has them, even when this
environment sets ``PYTHONDONTWRITEBYTECODE`` (then every run would compile toc's sources).

Targets (issue 12):

* ``toc --version`` ≤ 2 × ``python -c pass``;
* ``toc check models/vvsg_2017_2019.yaml`` ≤ 0.8 × ``yamllint -d relaxed`` on the same file;
* ``toc report`` (Markdown and JSON) on the synthetic 10k-node model ≤ 1.2 × ``toc check`` on it.

It also says whether ``toc check`` and ``toc --version`` imported networkx (they must not).

    .venv/bin/python -m benchmarks.bench_cli                 # 7 runs, 10k-node model
    .venv/bin/python -m benchmarks.bench_cli --runs 3 --nodes 2000

yamllint comes with the ``bench`` extra; without it that pair is skipped with a note.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.synth import synth_yaml

ROOT = Path(__file__).resolve().parents[1]
VVSG = ROOT / "models" / "vvsg_2017_2019.yaml"
BIN = Path(sys.executable).parent


def child_environment() -> dict[str, str]:
    """This environment without ``PYTHONDONTWRITEBYTECODE``: the warm-up run writes the ``.pyc``
    files an installed toc has (pip compiles them), instead of every run compiling the sources."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def cpu_seconds(argv: list[str]) -> float:
    """User + system CPU seconds of one run of ``argv`` (its output discarded)."""
    with open(os.devnull, "wb") as sink:
        child = subprocess.Popen(argv, stdout=sink, stderr=sink, cwd=ROOT, env=child_environment())
        _, _, usage = os.wait4(child.pid, 0)
    return usage.ru_utime + usage.ru_stime


def ratio_line(label: str, ours: list[float], theirs: list[float], target: float) -> str:
    ratios = [a / b for a, b in zip(ours, theirs, strict=True)]
    verdict = "met" if statistics.median(ratios) <= target else "NOT met"
    return (
        f"{label}: median {statistics.median(ratios):.2f} ({min(ratios):.2f}–{max(ratios):.2f}), "
        f"{statistics.median(ours) * 1000:.0f} ms against {statistics.median(theirs) * 1000:.0f} ms "
        f"CPU; target ≤ {target} — {verdict}"
    )


def compare(ours: list[str], theirs: list[str], runs: int) -> tuple[list[float], list[float]]:
    """CPU seconds of the two commands, interleaved, after one warm-up run of each."""
    cpu_seconds(ours), cpu_seconds(theirs)  # fill the page cache, compile .pyc
    a, b = [], []
    for _ in range(runs):
        a.append(cpu_seconds(ours))
        b.append(cpu_seconds(theirs))
    return a, b


def imports_networkx(args: list[str]) -> bool:
    """Whether running ``toc ARGS`` in a fresh interpreter imports networkx."""
    code = (
        "import sys; from toc.cli import main; main(sys.argv[1:]); "
        "print('networkx' in sys.modules, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, cwd=ROOT, check=False
    )
    return done.stderr.strip().splitlines()[-1] == "True"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=7, help="interleaved runs per pair")
    parser.add_argument("--nodes", type=int, default=10_000, help="size of the synthetic model")
    args = parser.parse_args(argv)
    toc = str(BIN / "toc")
    vvsg = str(VVSG)

    ours, theirs = compare([toc, "--version"], [sys.executable, "-c", "pass"], args.runs)
    print(ratio_line("toc --version ÷ python -c pass", ours, theirs, 2.0))

    yamllint = shutil.which("yamllint") or str(BIN / "yamllint")
    check_vvsg = [toc, "check", "--no-config", "--exit-zero", vvsg]
    if Path(yamllint).exists():
        ours, theirs = compare(check_vvsg, [yamllint, "-d", "relaxed", vvsg], args.runs)
        print(ratio_line("toc check VVSG ÷ yamllint -d relaxed", ours, theirs, 0.8))
    else:
        print("yamllint not installed (pip install -e '.[bench]'): that comparison skipped")

    with tempfile.TemporaryDirectory() as tmp:
        model = Path(tmp) / f"synth_{args.nodes}.yaml"
        model.write_text(synth_yaml(args.nodes), encoding="utf-8")
        check = [toc, "check", "--no-config", "--exit-zero", "--format", "json", str(model)]
        for fmt in ("md", "json"):
            report = [toc, "report", str(model), "-o", str(Path(tmp) / f"report.{fmt}")]
            ours, theirs = compare(report, check, args.runs)
            print(ratio_line(f"toc report ({fmt}) ÷ toc check, {args.nodes} nodes", ours, theirs, 1.2))

    for label, call in (("toc --version", ["--version"]), ("toc check VVSG", check_vvsg[1:])):
        print(f"{label} imports networkx: {'yes (must not)' if imports_networkx(call) else 'no'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
