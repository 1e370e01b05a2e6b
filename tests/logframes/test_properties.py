"""Random valid models (tests/strategies.py) export in every layout, read back with openpyxl, and
come back through the reader with everything the layout holds."""

from __future__ import annotations

import io

import openpyxl
import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings

from tests.logframes.helpers import export, export_csv, held, load
from tests.strategies import models
from toc.model import Model


@pytest.mark.parametrize("layout", ["eu", "fcdo", "matrix"])
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=[Phase.generate]
)
@given(model=models(hostile_labels=True, max_nodes=12))
def test_every_model_exports_and_reads_back(layout: str, model: Model) -> None:
    """Hostile text too: stored as text, read back by openpyxl and by the reader without error."""
    # a result whose words are all blank is no row of a matrix (a cell keeps no bare spaces)
    assume(all(model.text(n.label).strip() for n in model.nodes))
    data, _ = export(model, layout)
    book = openpyxl.load_workbook(io.BytesIO(data))
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate  # model text never becomes a formula
    back, _ = load(data)
    assert len(back.nodes) <= len(model.nodes)


@pytest.mark.parametrize("layout", ["eu", "fcdo", "matrix"])
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=[Phase.generate]
)
@given(model=models(max_nodes=12))
def test_the_round_trip_keeps_what_the_layout_holds(layout: str, model: Model) -> None:
    assume(all(model.text(n.label).strip() for n in model.nodes))
    back, _ = load(export(model, layout)[0])
    lang = model.default_language
    expected = held(model, lang, matrix=layout == "matrix", eu=layout == "eu", fcdo=layout == "fcdo")
    if layout == "fcdo":
        expected = [r for r in expected if r[0] != "activity"]
    assert held(back, matrix=layout == "matrix", eu=layout == "eu", fcdo=layout == "fcdo") == expected


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], phases=[Phase.generate]
)
@given(model=models(max_nodes=12))
def test_every_model_as_a_csv_matrix(model: Model) -> None:
    assume(all(model.text(n.label).strip() for n in model.nodes))
    back, _ = load(export_csv(model).encode(), "m.csv")
    assert held(back, matrix=True) == held(model, model.default_language, matrix=True)
