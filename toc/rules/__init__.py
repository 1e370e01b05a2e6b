"""Checks a careful evaluator makes on a theory of change, as rules that yield diagnostics.

>>> from toc.rules import check_path
>>> for d in check_path("models/vvsg_2017_2019.yaml"):   # doctest: +SKIP
...     print(d.line, d.name, d.message)

Each rule lives in a small module by group (structure, logic, assumptions,
indicators, evidence, text); the engine stamps code, severity and location.
Nothing here knows about output formats or the command line.
"""

from toc.rules.base import Context, Finding, Rule, rule
from toc.rules.engine import check_path, check_text, loader_diagnostics, run_rules
from toc.rules.options import Option
from toc.rules.registry import all_rules, get_rule
from toc.rules.selection import Selection

__all__ = [
    "Context",
    "Finding",
    "Option",
    "Rule",
    "Selection",
    "all_rules",
    "check_path",
    "check_text",
    "get_rule",
    "loader_diagnostics",
    "rule",
    "run_rules",
]
