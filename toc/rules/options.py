"""Options that tune single rules, set under ``options`` in the configuration.

Each option belongs to one rule, has a type, a default and a valid range; an unknown
option or a value out of range is a configuration error, like an unknown rule name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["OPTIONS", "RuleOption", "parse_options"]


@dataclass(frozen=True, slots=True)
class RuleOption:
    name: str
    rule: str
    default: float
    minimum: float
    maximum: float
    help: str


OPTIONS: dict[str, RuleOption] = {
    option.name: option
    for option in (
        RuleOption(
            "low-confidence-threshold",
            "claim-low-confidence",
            0.5,
            0.0,
            1.0,
            "a claim whose posterior confidence is below this is reported",
        ),
    )
}


def parse_options(raw: Any, source: str) -> dict[str, float]:
    """Check an ``options`` table; return name → value (defaults not included)."""
    from toc.model.references import suggest
    from toc.rules.config import ConfigError

    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: 'options' must map option names to values")
    out: dict[str, float] = {}
    for name, value in raw.items():
        option = OPTIONS.get(str(name))
        if option is None:
            hint = suggest(str(name), OPTIONS)
            known = ", ".join(sorted(OPTIONS))
            raise ConfigError(f"{source}: unknown option {name!r} ({hint or 'known: ' + known})")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ConfigError(f"{source}: option {name!r} must be a number, not {value!r}")
        if not option.minimum <= float(value) <= option.maximum:
            raise ConfigError(
                f"{source}: option {name!r} must lie between {option.minimum:g} and {option.maximum:g}"
            )
        out[option.name] = float(value)
    return out
