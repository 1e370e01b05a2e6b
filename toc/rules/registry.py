"""All rules, by code and by name. The rule modules are imported on first use."""

from __future__ import annotations

import difflib
import importlib
from functools import cache

from toc.rules.base import DECLARED, Rule
from toc.rules.options import Option

__all__ = ["MODULES", "all_rules", "declared_options", "get_rule", "suggest_rule"]

MODULES = (
    "toc.rules.structure",
    "toc.rules.logic",
    "toc.rules.assumptions",
    "toc.rules.indicators",
    "toc.rules.evidence",
    "toc.rules.contribution",
    "toc.rules.text",
    "toc.rules.iati",
)


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule, ordered by code."""
    for module in MODULES:
        importlib.import_module(module)
    return tuple(sorted(DECLARED, key=lambda r: r.code))


@cache
def declared_options() -> dict[str, tuple[Rule, Option]]:
    """Option name → the rule that declares it and the declaration (one flat namespace)."""
    out: dict[str, tuple[Rule, Option]] = {}
    for declaring in all_rules():
        for name, option in declaring.options.items():
            if name in out:
                first = out[name][0].name
                raise ValueError(f"option {name!r} is declared by both {first} and {declaring.name}")
            out[name] = (declaring, option)
    return out


def get_rule(key: str) -> Rule | None:
    """A rule by code (any case) or by name."""
    wanted = key.strip()
    for candidate in all_rules():
        if candidate.name == wanted or candidate.code == wanted.upper():
            return candidate
    return None


def suggest_rule(key: str, extra: tuple[str, ...] = ()) -> str:
    """``did you mean 'cycle'?`` for a misspelt rule name, code or group, else nothing."""
    choices = [name for r in all_rules() for name in (r.name, r.code)] + list(extra)
    close = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else ""
