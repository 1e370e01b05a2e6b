"""List the assumptions the evidence contradicts, and every result downstream of them.

Run from the repository root::

    python examples/contradicted_assumptions.py [MODEL]

The status of each assumption is derived from its evidence by
:func:`toc.assessment.assess_assumptions`; :meth:`toc.graph.TocGraph.downstream_of_assumption`
gives the results downstream of the links it qualifies (whether another chain still reaches them
is what :func:`toc.assessment.risk.results_at_risk` asks: those are the results at risk).
"""

from __future__ import annotations

import sys
from pathlib import Path

import toc
from toc.assessment import assess_assumptions
from toc.graph import TocGraph
from toc.model import AssumptionStatus

DEFAULT = Path(__file__).resolve().parent.parent / "models" / "vvsg_2017_2019.yaml"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    model = toc.load(args[0] if args else DEFAULT)
    graph = TocGraph(model)
    assessed = assess_assumptions(model).values()
    contradicted = [a for a in assessed if a.status is AssumptionStatus.CONTRADICTED]
    print(f"{len(contradicted)} contradicted assumption(s) in {model.text(model.programme.title, 'en')}\n")
    for item in contradicted:
        assumption = item.assumption
        print(f"{assumption.id}: {model.text(assumption.statement, 'en')}")
        weights = f"{item.contradiction:g} against, {item.support:g} for"
        print(f"  evidence: {weights} ({len(item.evidence)} items)")
        print(f"  cited at: {', '.join(str(c) for c in assumption.cite)}")
        for node_id in sorted(graph.downstream_of_assumption(assumption.id)):
            print(f"  downstream: {node_id} - {model.text(graph.node(node_id).label, 'en')}")
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
