"""The example in docs loads, dumps and loads back equal."""

from pathlib import Path

import toc

ROOT = Path(__file__).resolve().parents[2]


def test_small_example_round_trips() -> None:
    model = toc.load(ROOT / "examples" / "small.yaml")
    text = toc.dumps(model)
    assert toc.loads(text) == model
    assert toc.dumps(toc.loads(text)) == text
