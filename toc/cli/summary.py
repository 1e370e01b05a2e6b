"""``toc summary``: what a model holds, at a glance.

Model text is shown on one line with its control characters as escapes
(:func:`toc.safetext.one_line`): a title cannot drive the terminal or add lines of its own.
"""

from __future__ import annotations

import argparse
from collections import Counter

from toc.cli.inputs import add_model_input
from toc.cli.streams import Streams
from toc.model.base import Text
from toc.safetext import one_line


def configure(parser: argparse.ArgumentParser) -> None:
    add_model_input(parser)
    parser.add_argument("--lang", help="language for labels (default: the model's first)")


def run(args: argparse.Namespace, io: Streams) -> int:
    from toc.assessment import as_of_date, assess_assumptions, indicator_progress
    from toc.formats import load
    from toc.model import Level

    model = load(args.model, args.source, max_bytes=args.max_bytes)

    def text(value: Text | None) -> str:
        return one_line(model.text(value, args.lang))

    p = model.programme
    out = io.out
    out.write(f"{text(p.title)} ({one_line(p.id)})\n")
    if p.period:
        out.write(f"  period:      {p.period.start} – {p.period.end}\n")
    if p.budget:
        out.write(f"  budget:      {p.budget.amount:,.0f} {one_line(p.budget.currency)}\n")
    for name, value in (("funder", p.funder), ("implementer", p.implementer)):
        if value:
            out.write(f"  {name + ':':<12} {text(value)}\n")
    levels = Counter(n.level for n in model.nodes)
    out.write("  results:     " + ", ".join(f"{levels[lv]} {lv.value}" for lv in Level) + "\n")
    out.write(f"  links:       {len(model.links)}\n")
    statuses = Counter(a.status.value for a in assess_assumptions(model).values())
    kinds = Counter(a.kind.value for a in model.assumptions)
    out.write(
        f"  assumptions: {len(model.assumptions)} ({_counts(kinds)}); evidence says {_counts(statuses)}\n"
    )
    as_of = as_of_date(model)
    progress = Counter(
        indicator_progress(i, as_of, model.settings).status.value for _, i in model.indicators()
    )
    out.write(f"  indicators:  {sum(progress.values())} ({_counts(progress)}) as of {as_of}\n")
    items = len(model.evidence)
    out.write(f"  evidence:    {items} item{'' if items == 1 else 's'}\n")
    out.write(f"  pathways:    {len(model.pathways)}\n")
    out.write(f"  recommendations: {len(model.recommendations)}\n")
    return 0


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{n} {k}" for k, n in sorted(counter.items())) or "none"
