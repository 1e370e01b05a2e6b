"""Which rules run, and at what severity: one pure object, decided by specificity.

A *selector* is ``ALL``, a group (``indicators``), a code prefix (``TOC3``), a
code (``TOC302``) or a name (``assumption-contradicted``). A rule runs when the
most specific selector in ``select`` + ``extend_select`` that matches it is more
specific than the most specific ``ignore`` selector that matches it (on a tie,
``ignore`` wins). So ``select = ["ALL"], ignore = ["indicators"]`` switches a
group off, and adding ``extend_select = ["indicator-missing"]`` brings one rule of
it back. Specificity: ``ALL`` 0 < group 1 < code prefix (its length) < full code
or name. Severity overrides use the same matching: the most specific wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from toc.diagnostics import Severity
from toc.rules.base import Rule

__all__ = ["EXACT", "Selection", "specificity", "unknown_selectors"]

EXACT = 1000
_PREFIX = re.compile(r"^TOC\d{0,3}$")


def specificity(selector: str, rule: Rule) -> int | None:
    """How precisely ``selector`` names ``rule`` (higher is more precise), or None if it does not."""
    if selector == rule.name or selector.upper() == rule.code:
        return EXACT
    if selector.upper() == "ALL":
        return 0
    if selector in rule.groups:
        return 1
    upper = selector.upper()
    if _PREFIX.match(upper) and rule.code.startswith(upper):
        return len(upper)
    return None


def _best(selectors: Iterable[str], rule: Rule) -> int | None:
    scores = [s for s in (specificity(sel, rule) for sel in selectors) if s is not None]
    return max(scores) if scores else None


def unknown_selectors(selectors: Iterable[str], rules: Iterable[Rule]) -> list[str]:
    """The selectors that name no rule at all (configuration errors)."""
    rules = list(rules)
    return [s for s in selectors if not any(specificity(s, r) is not None for r in rules)]


@dataclass(frozen=True)
class Selection:
    """select / ignore / extend-select and severity overrides; see the module docstring."""

    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severities: Mapping[str, Severity] = field(default_factory=dict)

    def enabled(self, rule: Rule) -> bool:
        chosen = _best((*self.select, *self.extend_select), rule)
        if chosen is None:
            return False
        dropped = _best(self.ignore, rule)
        return dropped is None or chosen > dropped

    def severity(self, rule: Rule) -> Severity:
        best: tuple[int, Severity] | None = None
        for selector, severity in self.severities.items():
            score = specificity(selector, rule)
            if score is not None and (best is None or score > best[0]):
                best = (score, severity)
        return best[1] if best else rule.severity

    def selectors(self) -> list[str]:
        return [*self.select, *self.ignore, *self.extend_select, *self.severities]

    def rules(self, rules: Iterable[Rule]) -> list[Rule]:
        return [r for r in rules if self.enabled(r)]
