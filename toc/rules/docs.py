"""The rule reference, written from the rules' own docstrings (``toc rules``, docs/rules.md)."""

from __future__ import annotations

import textwrap

from toc.rules.base import GROUPS, Rule
from toc.rules.options import Option, OptionValue
from toc.rules.registry import all_rules

__all__ = ["explain", "markdown", "table"]


def table() -> str:
    """One line per rule: code, name, default severity, groups, summary."""
    rules = all_rules()
    width = max(len(r.name) for r in rules)
    lines = [f"{r.code}  {r.name:<{width}}  {r.severity.value:<7}  {r.summary}" for r in rules]
    return "\n".join(lines) + "\n"


def explain(rule: Rule) -> str:
    """Everything about one rule, for the terminal."""
    s = rule.sections
    options = "".join(
        f"  {name} ({_kind(option)}): {option.description}\n" for name, option in rule.options.items()
    )
    return (
        f"{rule.code} {rule.name} ({rule.severity.value}; groups: {', '.join(rule.groups)})\n\n"
        f"{s['summary']}\n\n{textwrap.fill(' '.join(s['rationale'].split()), 88)}\n\n"
        + (f"Options (set under 'options' in the configuration):\n{options}\n" if options else "")
        + f"Fails:\n\n{textwrap.indent(s['fails'], '    ')}\n"
        f"Passes:\n\n{textwrap.indent(s['passes'], '    ')}"
    )


def _kind(option: Option) -> str:
    """``number, default 0.5, 0 to 1``: an option's type, default and accepted values."""
    parts = [option.type_name, f"default {_value(option.default)}"]
    return ", ".join([*parts, option.valid] if option.valid else parts)


def _value(value: OptionValue) -> str:
    """An option value as the configuration writes it (``true``, ``0.5``)."""
    return str(value).lower() if isinstance(value, bool) else f"{value:g}"


def _options_table(rule: Rule) -> list[str]:
    """The Markdown table of a rule's options (none: no lines)."""
    if not rule.options:
        return []
    out = [
        "Options (set under `options` in the configuration, see [checking.md](checking.md)):",
        "",
        "| option | type | default | accepts | meaning |",
        "|---|---|---|---|---|",
    ]
    for name, option in rule.options.items():
        valid = option.valid or "any"
        default = _value(option.default)
        out.append(f"| `{name}` | {option.type_name} | {default} | {valid} | {option.description} |")
    return [*out, ""]


def markdown() -> str:
    """docs/rules.md."""
    rules = all_rules()
    tuned = ", ".join(f"[{r.name}](#{r.name})" for r in rules if r.options)
    out = [
        "# Rule reference",
        "",
        "<!-- Generated from the rule docstrings by `toc rules --markdown > docs/rules.md`;",
        "     tests/rules/test_docs.py fails when this file is stale. Do not edit by hand. -->",
        "",
        f"{len(rules)} rules. Select or ignore them by code, code prefix, name or group "
        "(see [checking.md](checking.md)); silence one on one element with "
        "`suppress: [{rule: NAME, reason: …}]`. A rule that can be tuned lists its options "
        "(name, type, default, accepted values, meaning) under its entry"
        + (f" ({tuned})." if tuned else "."),
        "",
        "| code | name | default | groups | what it finds |",
        "|---|---|---|---|---|",
    ]
    out += [
        f"| {r.code} | [{r.name}](#{r.name}) | {r.severity.value} | {', '.join(r.groups)} | {r.summary} |"
        for r in rules
    ]
    for group in GROUPS:
        members = [r for r in rules if r.groups[0] == group]
        if not members:
            continue
        out += ["", f"## {group.capitalize()}"]
        for r in members:
            s = r.sections
            out += [
                "",
                f"### {r.name}",
                "",
                f"`{r.code}` · default severity **{r.severity.value}** · groups: {', '.join(r.groups)}",
                "",
                s["summary"],
                "",
                s["rationale"],
                "",
                *_options_table(r),
                "Fails:",
                "",
                "```yaml",
                s["fails"].rstrip("\n"),
                "```",
                "",
                "Passes:",
                "",
                "```yaml",
                s["passes"].rstrip("\n"),
                "```",
            ]
    return "\n".join(out) + "\n"
