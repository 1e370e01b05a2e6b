"""Print each indicator's progress against its target, as of the model's own date.

Run from the repository root::

    python examples/indicator_progress.py [MODEL]

The as-of date is the newest dated source (here the evaluation report, 2019-02), so
the output never depends on the day you run it (:func:`toc.assessment.as_of_date`).
"""

from __future__ import annotations

import sys
from pathlib import Path

import toc
from toc.assessment import as_of_date, indicator_progress

DEFAULT = Path(__file__).resolve().parent.parent / "models" / "vvsg_2017_2019.yaml"


def _num(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    model = toc.load(args[0] if args else DEFAULT)
    as_of = as_of_date(model)
    print(f"Indicators as of {as_of.isoformat()}\n")
    print(f"{'indicator':36} {'target':>7} {'actual':>7}  status")
    for node, indicator in model.indicators():
        progress = indicator_progress(indicator, as_of)
        values = f"{_num(progress.target):>7} {_num(progress.actual):>7}"
        print(f"{indicator.id:36} {values}  {progress.status.value}")
        print(f"  {model.text(indicator.label, 'en')} ({node.id})")
        if progress.actual is None and progress.period is not None and progress.period.actual is not None:
            print(f"  no value: {model.text(progress.period.actual.comment, 'en')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
