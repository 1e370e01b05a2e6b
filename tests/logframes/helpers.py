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
from toc.model import Model

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


def held(model: Model, lang: str | None = None, matrix: bool = False) -> list[tuple[Any, ...]]:
    """What every layout holds of a model, in a comparable form: per result its level, label,
    assumptions, and per indicator its label, sources, baselines and each milestone's date and
    planned and achieved values (the matrix: the indicators' labels and the result's sources)."""
    from toc.io.logframe.table import from_model

    results, _ = from_model(model, lang)
    out: list[tuple[Any, ...]] = []
    for r in results:
        if matrix:  # the matrix has one means-of-verification cell per result, not per indicator
            sources = tuple(dict.fromkeys(s for m in r.measures for s in m.sources))
            labels = tuple(m.label for m in r.measures)
            out.append((r.level, r.text, tuple(a for a, _ in r.assumptions), labels, sources))
            continue
        measures = tuple(
            (m.label, tuple(m.sources), tuple(m.baselines), tuple((x.date, x.planned, x.achieved) for x in m.milestones))
            for m in r.measures
        )
        out.append((r.level, r.text, tuple(a for a, _ in r.assumptions), measures))
    return out
