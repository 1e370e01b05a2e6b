"""The cycle rule reports what docs/rules.md says: one finding per strongly connected component."""

from __future__ import annotations

from toc.rules import check_text

MODEL = """toc: 1
programme: {id: p, title: P}
nodes:
  - {id: a, level: outcome, label: A}
  - {id: b, level: outcome, label: B}
  - {id: c, level: outcome, label: C}
  - {id: d, level: outcome, label: D}
  - {id: e, level: outcome, label: E}
links:
  - {from: d, to: e}
  - {from: b, to: c}
  - {from: a, to: b}
  - {from: b, to: a}
  - {from: c, to: b}
  - {from: e, to: d}
"""


def test_loops_that_share_a_result_are_one_finding_and_separate_loops_are_two() -> None:
    found = [(d.line, d.target, d.message) for d in check_text(MODEL) if d.name == "cycle"]
    assert found == [
        (10, "d->e", 'these results lead back to themselves: "D", "E"'),
        (11, "b->c", 'these results lead back to themselves: "A", "B", "C"'),
    ]
