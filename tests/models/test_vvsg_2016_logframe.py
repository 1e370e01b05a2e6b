"""``models/vvsg_2016_logframe.yaml``: the 2016 logframe as the evaluators quote it, verbatim, with
the reconstruction's ids, so that ``toc diff`` compares like with like."""

from __future__ import annotations

import re
from pathlib import Path

import toc
from toc.model import text_in

ROOT = Path(__file__).resolve().parents[2]
LOGFRAME = ROOT / "models" / "vvsg_2016_logframe.yaml"
RECONSTRUCTION = ROOT / "models" / "vvsg_2017_2019.yaml"
QUOTES = ROOT / "tests" / "data" / "vvsg_2016_logframe_quotes.txt"

JOINED = {"sd1", "o-sdg-integration"}
"""Labels the model says it put together (SD1: para 21 and 58) or took from a table heading."""


def _plain(text: str) -> str:
    """Whitespace collapsed, curly quotes straight, line-end hyphenation kept as written."""
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip().lower()


def test_every_label_and_statement_is_quoted_verbatim() -> None:
    model = toc.load(LOGFRAME)
    report = _plain(QUOTES.read_text(encoding="utf-8"))
    quoted = [(n.id, n.label) for n in model.nodes if n.id not in JOINED]
    quoted += [(i.id, i.label) for _, i in model.indicators()]
    quoted += [(a.id, a.statement) for a in model.assumptions]
    for eid, text in quoted:
        words = _plain(re.sub(r" \((R1\.[12])\)$", "", text_in(text)))
        assert words in report, f"{eid}: {words!r} is not in the report's text"


def test_ids_are_the_reconstructions_where_the_same_result_is_meant() -> None:
    old, new = toc.load(LOGFRAME), toc.load(RECONSTRUCTION)
    reconstruction = {e.id for e in new.elements()}
    # every result, indicator and hypothesis of the logframe is in it (the links are the
    # hierarchy's own: the reconstruction routes results through the pathways instead)
    assert {e.id for e in old.elements() if e not in old.links} <= reconstruction
    assert not toc.diff(old, new).renamed
