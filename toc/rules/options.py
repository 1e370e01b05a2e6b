"""Options that tune single rules: declared on the rule, set under ``options`` in the configuration.

A rule declares its options where it is declared (as yamllint's ``CONF`` and sqlfluff's
``config_keywords`` do)::

    @rule("TOC522", "claim-low-confidence", ...,
          options={"low-confidence-threshold": Option(float, 0.5, "…", minimum=0.0, maximum=1.0)})

and reads them with ``ctx.option("low-confidence-threshold")``. The configuration check,
the context and the rule reference (docs/rules.md) all read that one declaration. Option
names are one flat namespace (``options: {low-confidence-threshold: 0.6}``), so no two
rules may declare the same name. An unknown option, a value of the wrong type or out of
range is a configuration error, like an unknown rule name.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Option", "OptionValue", "parse_options"]

OptionValue = float
"""An option's value: a number (``int`` and ``bool`` values are numbers to the type checker too)."""

_TYPE_NAMES = {bool: "true or false", int: "whole number", float: "number"}


@dataclass(frozen=True, slots=True)
class Option:
    """One setting of a rule: its type, default, meaning and the values it accepts."""

    type: type[float] | type[int] | type[bool]
    default: OptionValue
    description: str
    minimum: OptionValue | None = None
    maximum: OptionValue | None = None

    @property
    def type_name(self) -> str:
        """How the rule reference names the type: ``number``, ``whole number``, ``true or false``."""
        return _TYPE_NAMES[self.type]

    @property
    def valid(self) -> str:
        """The accepted values in words (``0 to 1``, ``at least 2``), or '' when any value of the type is."""
        low, high = self.minimum, self.maximum
        if low is not None and high is not None:
            return f"{low:g} to {high:g}"
        if low is not None:
            return f"at least {low:g}"
        if high is not None:
            return f"at most {high:g}"
        return ""

    def check(self, value: object) -> OptionValue:
        """``value`` as this option's type; ValueError says what is wrong with it."""
        if self.type is bool:
            if not isinstance(value, bool):
                raise ValueError(f"must be true or false, not {value!r}")
            return value
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError(f"must be a {self.type_name}, not {value!r}")
        if self.type is int and not isinstance(value, int):
            raise ValueError(f"must be a whole number, not {value!r}")
        number = self.type(value)
        low, high = self.minimum, self.maximum
        if (low is not None and number < low) or (high is not None and number > high):
            if low is not None and high is not None:
                raise ValueError(f"must lie between {low:g} and {high:g}, not {value!r}")
            raise ValueError(f"must be {self.valid}, not {value!r}")
        return number


def parse_options(raw: Any, source: str) -> dict[str, OptionValue]:
    """Check an ``options`` table against the options the rules declare; return name → value
    (defaults not included)."""
    from toc.model.references import suggest
    from toc.rules.config import ConfigError
    from toc.rules.registry import declared_options

    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: 'options' must map option names to values")
    declared = declared_options()
    out: dict[str, OptionValue] = {}
    for name, value in raw.items():
        found = declared.get(str(name))
        if found is None:
            hint = suggest(str(name), declared)
            known = ", ".join(sorted(declared)) or "none"
            raise ConfigError(f"{source}: unknown option {name!r} ({hint or 'known: ' + known})")
        owner, option = found
        try:
            out[str(name)] = option.check(value)
        except ValueError as exc:
            raise ConfigError(f"{source}: option {name!r} of rule {owner.name} {exc}") from None
    return out
