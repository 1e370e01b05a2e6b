"""Canonical YAML: the free-graph shape, fields in model order, defaults left out.

Dumping the same model twice gives the same bytes, and the text loads back into an
equal model; that is what lets a team keep a generated model in git.
"""

from __future__ import annotations

from typing import Any

import yaml

from toc.model import Model

__all__ = ["dump", "dumps", "model_to_data"]

_Dumper: Any = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _Canonical(_Dumper):  # type: ignore[misc]
    """Block style; multi-line text as literal blocks."""


def _str(dumper: Any, value: str) -> Any:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Canonical.add_representer(str, _str)


def model_to_data(model: Model) -> dict[str, Any]:
    """Plain data in canonical form, with ``toc:`` first."""
    data = model.model_dump(mode="json", by_alias=True, exclude_defaults=True)
    data.pop("toc", None)
    for link, raw in zip(model.links, data.get("links", []), strict=True):
        if raw.get("id") == link.default_id:
            del raw["id"]
    for node in data.get("nodes", []):
        for indicator in node.get("indicators", []):
            _single(indicator, "baseline")
            for period in indicator.get("periods", []):
                _single(period, "target")
                _single(period, "actual")
    return {"toc": model.format, **_tidy(data)}


def _single(data: dict[str, Any], key: str) -> None:
    """One baseline, target or actual is written as a mapping, not a list of one."""
    values = data.get(key)
    if isinstance(values, list) and len(values) == 1:
        data[key] = values[0]


def _tidy(value: Any) -> Any:
    """Integral floats as ints; citations without a source as plain strings."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_tidy(v) for v in value]
    if isinstance(value, dict):
        if set(value) == {"locator"}:
            return value["locator"]
        return {k: _tidy(v) for k, v in value.items()}
    return value


def dumps(model: Model) -> str:
    """The model as canonical YAML text."""
    text: str = yaml.dump(
        model_to_data(model),
        Dumper=_Canonical,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=100,
        indent=2,
    )
    return text


def dump(model: Model, path: str) -> None:
    """Write canonical YAML atomically: the file is either the old one or the whole new one."""
    from toc.io.atomic import write_atomic

    write_atomic(path, dumps(model))
