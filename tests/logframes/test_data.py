"""The test workbooks are what their scripts make: a fact corrected in a ``make_*.py`` script
reaches the tests only once the workbook is made again, and this says when it was not."""

from __future__ import annotations

import importlib

import pytest

from tests.logframes.helpers import DATA


@pytest.mark.parametrize(
    ("script", "workbook"),
    [("make_vvsg", "vvsg_eu.xlsx"), ("make_v4c", "v4c_fcdo.xlsx"), ("make_lfc", "lfc_fcdo.xlsx")],
)
def test_each_script_makes_its_committed_workbook_byte_for_byte(script: str, workbook: str) -> None:
    build = importlib.import_module(f"tests.data.logframes.{script}").build
    assert build() == (DATA / workbook).read_bytes(), (
        f"run `python tests/data/logframes/{script}.py` and commit {workbook}"
    )
