"""Every piece of text in a drawing can be seen: no white text on white paper, in any direction.

The seed's central finding (the contradicted hypothesis on ``g2 → sd1``, a link between two
results in the same row) was once drawn as an edge label in the white text meant for a
dark note, on white paper. These tests read the SVG that Graphviz draws and fail on any
text whose contrast with what lies under it is too low (see svgcheck.py).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import toc
from tests.export.svgcheck import SVG, invisible_text
from tests.strategies import models
from toc.export.dot import STATUS_STYLE
from toc.export.options import DIRECTIONS, Options
from toc.export.render import render_bytes
from toc.model import AssumptionStatus

ROOT = Path(__file__).resolve().parents[2]
VVSG = ROOT / "models" / "vvsg_2017_2019.yaml"
MODELS = {
    "vvsg": VVSG,
    "small": ROOT / "examples" / "small.yaml",
    "ngo": ROOT / "examples" / "ngo_livelihoods.yaml",
    "rich": ROOT / "tests" / "snapshots" / "export" / "models" / "rich.yaml",
}


def _assert_visible(svg: bytes | str) -> None:
    found = invisible_text(svg)
    assert not found, "text that cannot be seen:\n" + "\n".join(map(str, found))


@pytest.mark.parametrize("direction", DIRECTIONS)
@pytest.mark.parametrize("name", sorted(MODELS))
def test_every_text_is_visible_in_every_direction(name: str, direction: str) -> None:
    _assert_visible(render_bytes(toc.load(MODELS[name]), "svg", direction=direction))


@pytest.mark.parametrize(
    "options",
    [
        {"focus": "g2", "depth": 2},
        {"at_risk": "as-sdg-strengthens-lmb", "direction": "LR"},
        {"evidence": False, "indicators": False, "legend": False, "direction": "RL"},
        {"lang": "en", "direction": "TB"},
    ],
)
def test_focused_views_of_the_seed_are_visible(options: dict[str, object]) -> None:
    _assert_visible(render_bytes(toc.load(VVSG), "svg", Options.of(**options)))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(models(max_nodes=10), models(hostile_labels=True, max_nodes=10)), st.sampled_from(DIRECTIONS)
)
def test_any_model_in_any_direction_is_visible(model: toc.Model, direction: str) -> None:
    _assert_visible(render_bytes(model, "svg", direction=direction))


def _note_fill(svg: bytes, text: str) -> str | None:
    """The fill of the note node whose text contains ``text`` (None: not in a node)."""
    root = ET.fromstring(svg)
    for group in root.iter(f"{SVG}g"):
        if group.get("class") != "node":
            continue
        if any(text in "".join(t.itertext()) for t in group.iter(f"{SVG}text")):
            shape = next(group.iter(f"{SVG}polygon"), None)
            return None if shape is None else shape.get("fill")
    return None


@pytest.mark.parametrize("direction", DIRECTIONS)
def test_the_contradicted_same_row_hypothesis_is_a_dark_note(direction: str) -> None:
    svg = render_bytes(toc.load(VVSG), "svg", direction=direction)
    fill = _note_fill(svg, "as-sdg-strengthens-lmb")
    assert fill == STATUS_STYLE[AssumptionStatus.CONTRADICTED]["fill"]


def test_the_readme_image_shows_the_finding() -> None:
    svg = (ROOT / "docs" / "img" / "vvsg.svg").read_bytes()
    _assert_visible(svg)
    assert _note_fill(svg, "as-sdg-strengthens-lmb") == STATUS_STYLE[AssumptionStatus.CONTRADICTED]["fill"]


def test_the_check_finds_white_text_on_white_paper() -> None:
    svg = (
        '<svg xmlns="http://www.w3.org/2000/svg"><g class="graph">'
        '<polygon fill="white" points="0,0 100,0 100,-100 0,-100"/>'
        '<polygon fill="#b2182b" points="10,-10 50,-10 50,-40 10,-40"/>'
        '<text x="12" y="-20" font-size="9" fill="#ffffff">on dark: seen</text>'
        '<text x="60" y="-20" font-size="9" fill="#ffffff">on white: unseen</text>'
        '<g fill="white"><text x="60" y="-60" font-size="9">inherited: unseen</text></g>'
        '<text x="60" y="-80" font-size="9">black: seen</text>'
        "</g></svg>"
    )
    assert [f.text for f in invisible_text(svg)] == ["on white: unseen", "inherited: unseen"]
