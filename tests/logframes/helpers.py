"""Shared by the logframe tests: reading and writing workbooks through the registry, notices kept."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

import openpyxl

import toc.formats as formats
from toc.errors import Notice
from toc.io.logframe.formats import CsvOptions, LogframeOptions
from toc.io.logframe.read import items
from toc.model import Model
from toc.safetext import visible

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "logframes"
VVSG = ROOT / "models" / "vvsg_2017_2019.yaml"


def export(model: Model, layout: str = "eu", lang: str | None = None, **more: Any) -> tuple[bytes, list[str]]:
    with warnings.catch_warnings(record=True) as told:
        warnings.simplefilter("always", Notice)
        data = formats.write(model, "xlsx", LogframeOptions(layout=layout, lang=lang, **more))  # type: ignore[arg-type]
    assert isinstance(data, bytes)
    return data, [str(w.message) for w in told if issubclass(w.category, Notice)]


def export_csv(model: Model, lang: str | None = None) -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Notice)
        data = formats.write(model, "csv", CsvOptions(lang=lang))
    assert isinstance(data, str)
    return data


def load(data: bytes, name: str = "logframe.xlsx") -> tuple[Model, list[str]]:
    with warnings.catch_warnings(record=True) as told:
        warnings.simplefilter("always", Notice)
        model = formats.read_one(data, name)
    return model, [str(w.message) for w in told if issubclass(w.category, Notice)]


def cells(data: bytes) -> dict[str, list[tuple[str, str]]]:
    """Every sheet's non-empty cells as (coordinate, text), read by openpyxl alone."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    out = {}
    for ws in book.worksheets:
        out[ws.title] = [
            (c.coordinate, str(c.value)) for row in ws.iter_rows() for c in row if c.value is not None
        ]
    return out


def as_cell(text: str) -> str:
    """What a cell gives back of a model text: control characters as escapes, no surrounding space."""
    return visible(text).strip()


def as_items(texts: Any) -> tuple[str, ...]:
    """What a list cell gives back: each entry on one line, bullets off, "n/a" and empty ones gone."""
    from toc.io.logframe.table import _NOT_APPLICABLE

    out = []
    for text in texts:
        entry = " ".join(items(" ".join(visible(text).split())))
        if entry and not _NOT_APPLICABLE.match(entry):
            out.append(entry)
    return tuple(out)


def held(
    model: Model, lang: str | None = None, matrix: bool = False, eu: bool = False, fcdo: bool = False
) -> list[tuple[Any, ...]]:
    """What every layout holds of a model, in a comparable form: per result its level, label,
    assumptions, and per indicator its label, sources, baselines and each milestone's date and
    planned and achieved values (the matrix: the indicators' labels and the result's sources;
    the FCDO layout: each result's weighting and risk rating too)."""
    from toc.io.logframe.table import from_model

    results, _ = from_model(model, lang)
    out: list[tuple[Any, ...]] = []
    for r in results:
        if matrix:  # the matrix has one means-of-verification cell per result, not per indicator
            sources = as_items(dict.fromkeys(s for m in r.measures for s in m.sources))
            labels = as_items(m.label for m in r.measures)
            sources = sources if labels else ()
            out.append(
                (
                    r.level,
                    as_cell(r.text),
                    as_items(a for a, _ in r.assumptions),
                    labels,
                    tuple(dict.fromkeys(sources)),
                )
            )
            continue
        measures = tuple(
            (
                as_items([m.label]),
                as_items(m.sources),
                tuple((as_items([t]), d) for t, d in m.baselines if as_items([t])),
                _eu(m.milestones)
                if eu
                else tuple(
                    (x.date, as_items([x.planned]), as_items([x.achieved]))
                    for x in m.milestones
                    if as_items([x.planned, x.achieved])
                ),
            )
            for m in r.measures
            if as_items([m.label])  # an indicator whose label is blank in a cell is no indicator
        )
        out.append((r.level, as_cell(r.text), as_items(a for a, _ in r.assumptions), measures))
        if fcdo:
            out[-1] += (r.weighting[0] if r.weighting else None, r.risk[0] if r.risk else None)
    return out


def _eu(milestones: list[Any]) -> tuple[Any, ...]:
    """The EU matrix holds the last target and the last current value, each with its year."""
    planned = [(x.date, as_items([x.planned])) for x in milestones if as_items([x.planned])]
    achieved = [(x.date, as_items([x.achieved])) for x in milestones if as_items([x.achieved])]
    return (planned[-1] if planned else None, achieved[-1] if achieved else None)
