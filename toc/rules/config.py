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
errors. A ``pyproject.toml`` that is not valid TOML (or not UTF-8, or nested too deeply to
read) is an error when its bytes mention ``[tool.toc``; otherwise it is not ours to judge and
is skipped. ``.toc.yaml`` is read by the model's own YAML reader (:mod:`toc.io.yamlread`):
duplicate keys, tags and absurd nesting are errors at their line.
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
MAX_CONFIG_BYTES = 16 * 1024 * 1024
"""Larger is no configuration (and /dev/zero is refused instead of read until memory runs out)."""


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
    """Whether a pyproject.toml has ``[tool.toc]``; an error if it cannot be read but says so."""
    try:
        raw = _read(path)
    except ConfigError:
        return False  # unreadable: not ours to judge (a named --config file is read strictly)
    meant_for_us = b"[tool.toc" in raw  # a silent fallback to the defaults would mislead
    try:
        data = _toml(_text(raw, path), path)
    except ConfigError:
        if meant_for_us:
            raise
        return False
    return isinstance(data.get("tool"), dict) and "toc" in data["tool"]


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read and check one configuration file."""
    path = Path(path)
    text = _text(_read(path), path)
    data: Any
    if path.suffix in (".yaml", ".yml"):
        data = _yaml(text, path)
    else:
        data = _toml(text, path)
        if path.name == "pyproject.toml":
            tool = data.get("tool", {})
            data = tool.get("toc", {}) if isinstance(tool, dict) else {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a table of settings")
    return parse_config(data, str(path))


def _read(path: Path) -> bytes:
    from toc.errors import LoadError
    from toc.io.source import read_source

    try:
        return read_source(path, MAX_CONFIG_BYTES)
    except LoadError as exc:
        problem = exc.problems[0]
        raise ConfigError(f"{path}: {problem.message}") from None


def _text(raw: bytes, path: Path) -> str:
    """UTF-8 (a BOM allowed) or an error at the offending byte."""
    from toc.errors import LoadError
    from toc.io.yamlread import decode

    try:
        return decode(raw, str(path))
    except LoadError as exc:
        raise ConfigError(str(exc.problems[0])) from None


def _toml(text: str, path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _toml_error(path, exc) from None
    except RecursionError:  # tomllib reads nested arrays and tables recursively
        raise ConfigError(
            f"{path}: not valid TOML: nested too deeply to read (a configuration is flat)"
        ) from None


def _yaml(text: str, path: Path) -> Any:
    """Through the model's reader: duplicate keys, tags and deep nesting are errors, located."""
    from toc.errors import LoadError
    from toc.io.yamlread import read_yaml

    if all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return {}  # an empty file (or only comments): no settings
    try:
        data = read_yaml(text, str(path)).data
    except LoadError as exc:
        raise ConfigError(str(exc.problems[0])) from None
    return {} if data is None else data


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
    if "select" in data and not select:
        raise ConfigError(
            f"{source}: 'select' names no rule, so none would run "
            "(name rules, codes or groups, or leave 'select' out for the default selection)"
        )
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
