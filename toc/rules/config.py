"""Configuration for ``toc check``: where it is found, what it may say, and how it is checked.

Looked for in the directory ``toc check`` runs in and then each parent up to the
repository root (a directory holding ``.git``) or the filesystem root. In each
directory the first of these that exists wins, and the search stops there:

1. ``toc.toml`` (top-level keys),
2. ``.toc.yaml`` (top-level keys),
3. ``pyproject.toml`` with a ``[tool.toc]`` table (a pyproject without one is skipped).

``--config FILE`` names the file instead (any of the three forms). Keys:
``select``, ``ignore``, ``extend-select`` (lists of selectors, or one comma-separated
string), ``severity`` (selector → error/warning/info), ``fail-on``
(error/warning/info/never), ``lang`` and ``options`` (rule options, see
:mod:`toc.rules.options`). Unknown keys, rule names, options and severities are
errors. A ``pyproject.toml`` that is not valid TOML is an error when it mentions
``[tool.toc``; otherwise it is not ours to judge and is skipped.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toc.diagnostics import Severity
from toc.rules.options import parse_options
from toc.rules.registry import all_rules, suggest_rule
from toc.rules.selection import Selection, unknown_selectors

__all__ = ["FAIL_LEVELS", "Config", "ConfigError", "find_config", "load_config", "parse_config"]

FAIL_LEVELS = ("error", "warning", "info", "never")
KEYS = ("select", "ignore", "extend-select", "severity", "fail-on", "lang", "options")
CANDIDATES = ("toc.toml", ".toc.yaml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Config:
    selection: Selection = field(default_factory=Selection)
    fail_on: Severity | None = Severity.ERROR
    lang: str | None = None
    source: str | None = None
    options: Mapping[str, float] = field(default_factory=dict)
    """Rule options (toc.rules.options), only those set."""


def find_config(start: str | os.PathLike[str] = ".") -> Path | None:
    """The configuration file that applies in ``start`` (see the module docstring)."""
    here = Path(start).resolve()
    for directory in (here, *here.parents):
        for name in CANDIDATES:
            path = directory / name
            if path.is_file() and (name != "pyproject.toml" or _has_tool_table(path)):
                return path
        if (directory / ".git").exists():
            return None
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        if "[tool.toc" in text:  # meant for us: a silent fallback to the defaults would mislead
            raise _toml_error(path, exc) from None
        return False
    return isinstance(data.get("tool"), dict) and "toc" in data["tool"]


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and check one configuration file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read: {exc.strerror or exc}") from None
    data: Any
    if path.suffix in (".yaml", ".yml"):
        import yaml

        try:
            data = yaml.safe_load(text) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
            problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise ConfigError(f"{where}: not valid YAML: {problem}") from None
    else:
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise _toml_error(path, exc) from None
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("toc", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a table of settings")
    return parse_config(data, str(path))


def _toml_error(path: Path, exc: tomllib.TOMLDecodeError) -> ConfigError:
    """``pyproject.toml:3:5: not valid TOML: Expected '=' …`` (tomllib puts the place last)."""
    found = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
    if found is None:
        return ConfigError(f"{path}: not valid TOML: {exc}")
    message = str(exc)[: found.start()].strip()
    return ConfigError(f"{path}:{found.group(1)}:{found.group(2)}: not valid TOML: {message}")


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split(",") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: '{key}' must be a list of rule names, codes or groups")
    return tuple(value)


def _severity(value: Any, what: str, where: str) -> Severity:
    try:
        return Severity(str(value).lower())
    except ValueError:
        raise ConfigError(f"{where}: {what}: {value!r} is not error, warning or info") from None


def parse_config(data: Mapping[str, Any], source: str = "<config>", base: Config | None = None) -> Config:
    """A Config from a mapping (``base`` supplies what the mapping leaves out)."""
    base = base or Config()
    for key in data:
        if key not in KEYS:
            close = difflib.get_close_matches(str(key), KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f" (known: {', '.join(KEYS)})"
            raise ConfigError(f"{source}: unknown setting {key!r}{hint}")
    sel = base.selection
    select = _strings(data["select"], "select", source) if "select" in data else sel.select
    ignore = _strings(data["ignore"], "ignore", source) if "ignore" in data else sel.ignore
    extend = _strings(data["extend-select"], "extend-select", source) if "extend-select" in data else ()
    severities = dict(sel.severities)
    raw = data.get("severity", {})
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: 'severity' must map rule names, codes or groups to a severity")
    for selector, value in raw.items():
        severities[str(selector)] = _severity(value, f"severity of {selector!r}", source)
    selection = Selection(select, ignore, (*sel.extend_select, *extend), severities)
    check_selectors(selection, source)
    fail_on = base.fail_on
    if "fail-on" in data:
        fail_on = parse_fail_on(str(data["fail-on"]), source)
    lang = data.get("lang", base.lang)
    if lang is not None and not isinstance(lang, str):
        raise ConfigError(f"{source}: 'lang' must be a language code such as nl or en")
    options = dict(base.options)
    if "options" in data:
        options.update(parse_options(data["options"], source))
    return Config(selection, fail_on, lang, source if source != "<config>" else base.source, options)


def parse_fail_on(value: str, source: str = "--fail-on") -> Severity | None:
    if value.lower() not in FAIL_LEVELS:
        raise ConfigError(f"{source}: fail-on {value!r} is not one of {', '.join(FAIL_LEVELS)}")
    return None if value.lower() == "never" else Severity(value.lower())


def check_selectors(selection: Selection, source: str) -> None:
    """Unknown rule names, codes or groups are errors, with a did-you-mean hint."""
    rules = all_rules()
    groups = tuple(sorted({g for r in rules for g in r.groups}))
    for selector in unknown_selectors(selection.selectors(), rules):
        hint = suggest_rule(selector, groups)
        raise ConfigError(
            f"{source}: no rule, code or group is called {selector!r}"
            + (f" ({hint})" if hint else " (run 'toc rules' for the list)")
        )
