"""Model text with control characters, Markdown and HTML in it reaches the diff's outputs only as
text: no terminal escape in the text format, no link, image or HTML in the Markdown, JSON that
reads back to the same data."""

from __future__ import annotations

import json
import re

from hypothesis import HealthCheck, given, settings

import toc
from tests.markdown_tokens import markup
from tests.strategies import models
from toc.diff.canonical import facts
from toc.diff.output import as_json, as_markdown, as_text
from toc.model import SECTIONS, Model

CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _emptied(model: Model) -> Model:
    """The model with every element list emptied: the diff from it names every element."""
    data = model.model_dump(by_alias=True, exclude_defaults=True)
    for key in SECTIONS:
        if key not in ("sources", "components"):  # kept: what the elements may refer to
            data.pop(key, None)
    return Model.model_validate(data)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(models(hostile_labels=True))
def test_hostile_model_text_is_shown_as_text(model: Model) -> None:
    found = toc.diff(_emptied(model), model, check=False)
    text = as_text(found, "old\x1b[31m.yaml", "new.yaml")
    assert not CONTROL.search(text)
    assert not CONTROL.search(facts(model))
    md = as_markdown(found, "old.yaml", "new <b>.yaml")
    assert markup(md) == []
    assert json.loads(as_json(found, "a", "b")) == json.loads(json.dumps(found.to_dict()))
