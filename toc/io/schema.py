"""The JSON Schema of the file format, for editors (yaml-language-server) and other tools.

It is the model's own schema plus what only the file has: the logframe hierarchy
and evidence written inside an assumption.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from toc.model import Model

__all__ = ["json_schema", "schema_text"]

SCHEMA_ID = "https://theory-of-change.invalid/schema/toc-1.json"


def json_schema() -> dict[str, Any]:
    schema = Model.model_json_schema(by_alias=True, mode="validation")
    defs = schema["$defs"]
    inline_evidence = copy.deepcopy(defs["Evidence"])
    inline_evidence["title"] = "InlineEvidence"
    inline_evidence["required"] = [r for r in inline_evidence.get("required", []) if r != "about"]
    defs["InlineEvidence"] = inline_evidence
    inline = copy.deepcopy(defs["Assumption"])
    inline["title"] = "InlineAssumption"
    inline["properties"]["evidence"] = {
        "type": "array",
        "items": {"$ref": "#/$defs/InlineEvidence"},
        "description": "Evidence about this assumption (its 'about' is filled in).",
    }
    defs["InlineAssumption"] = inline
    schema["properties"]["assumptions"]["items"] = {"$ref": "#/$defs/InlineAssumption"}
    node = copy.deepcopy(defs["Node"])
    node["title"] = "LogframeNode"
    node["required"] = [r for r in node.get("required", []) if r != "level"]
    children = {"type": "array", "items": {"$ref": "#/$defs/LogframeNode"}}
    node["properties"].update(
        {
            "outcomes": {**children, "description": "Outcomes that contribute to this node."},
            "outputs": {**children, "description": "Outputs that contribute to this outcome."},
            "activities": {**children, "description": "Activities that produce this output."},
            "assumptions": {
                "type": "array",
                "items": {"anyOf": [{"$ref": "#/$defs/InlineAssumption"}, {"type": "string"}]},
                "description": "Assumptions on the link from this node to the one above it.",
            },
            "rationale": {"description": "Why this node is needed for the one above it."},
            "link": {"type": "object", "description": "More fields for the link to the node above."},
        }
    )
    defs["LogframeNode"] = node
    schema["properties"]["logframe"] = {
        "type": "object",
        "additionalProperties": False,
        "description": "The logframe shape: a hierarchy that becomes nodes and links.",
        "properties": {
            "impact": {"$ref": "#/$defs/LogframeNode"},
            "impacts": {"type": "array", "items": {"$ref": "#/$defs/LogframeNode"}},
            "outcomes": {"type": "array", "items": {"$ref": "#/$defs/LogframeNode"}},
            "preconditions": {"type": "array", "items": {"$ref": "#/$defs/InlineAssumption"}},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
        "title": "theory-of-change model, format 1",
    }


def schema_text() -> str:
    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
