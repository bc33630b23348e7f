"""The JSON Schema of ``solve --format json``, its claim part generated from the rules.

The case envelope is this renderer's own; each claim's properties are the conclusions
rules/show.lp declares (:func:`~pyknow_bridge.doctrine.jurisdictions.claim_conclusions`),
with their closed value lists. ``docs/solve-output.schema.json`` is this document (a test
checks it; ``pyknow-bridge schema > docs/solve-output.schema.json`` rewrites it).
"""

from __future__ import annotations

import json
from typing import Any

from pyknow_bridge.doctrine.jurisdictions import FLAG, VALUED, Conclusion, claim_conclusions
from pyknow_bridge.render.result_json import SCHEMA_ID

_MODALITY = {
    "description": (
        "certain: holds under every combination of disputed facts; possible: under some; "
        "absent: under none."
    ),
    "enum": ["certain", "possible", "absent"],
}
_PRESENT = {
    "description": "Only values that hold under some combination appear, so 'absent' never does.",
    "enum": ["certain", "possible"],
}
_CASE = {
    "type": "object",
    "required": ["file", "case_name", "citation", "jurisdiction", "views", "disputed", "claims"],
    "additionalProperties": False,
    "properties": {
        "file": {"type": "string"},
        "case_name": {"type": ["string", "null"]},
        "citation": {"type": ["string", "null"]},
        "jurisdiction": {"enum": ["dc", "ny"]},
        "views": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "disputed": {"type": "array", "items": {"type": "string"}},
        "law_in_time": {
            "type": "object",
            "required": ["year", "in_force"],
            "additionalProperties": False,
            "properties": {
                "year": {"type": ["integer", "null"]},
                "in_force": {"type": "array", "items": {"type": "string"}},
            },
        },
        "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
    },
}


def solve_schema() -> dict[str, Any]:
    """The whole schema document, for the rules as they stand."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "pyknow-bridge solve --format json",
        "description": (
            "The conclusions on every claim of every case solved. See docs/solve-output.md. "
            "Generated from rules/show.lp: do not edit by hand."
        ),
        "type": "object",
        "required": ["schema", "cases"],
        "additionalProperties": False,
        "properties": {
            "schema": {"const": SCHEMA_ID},
            "cases": {"type": "array", "items": {"$ref": "#/$defs/case"}},
        },
        "$defs": {
            "modality": _MODALITY,
            "present": _PRESENT,
            "case": _CASE,
            "claim": claim_schema(),
        },
    }


def claim_schema() -> dict[str, Any]:
    """One claim: its parties, then one property per declared conclusion."""
    conclusions = claim_conclusions()
    properties: dict[str, Any] = {
        "plaintiff": {"type": "string"},
        "defendant": {"type": "string"},
    }
    for conclusion in conclusions:
        properties[conclusion.key] = _conclusion_schema(conclusion)
    return {
        "type": "object",
        "required": ["plaintiff", "defendant", *(c.key for c in conclusions)],
        "additionalProperties": False,
        "properties": properties,
    }


def _conclusion_schema(conclusion: Conclusion) -> dict[str, Any]:
    described: dict[str, Any] = {"description": conclusion.meaning}
    if conclusion.shape == FLAG:
        return {**described, "$ref": "#/$defs/modality"}
    valued = _valued(conclusion, conclusion.args[-1])
    if conclusion.shape == VALUED:
        return {**described, **valued}
    return {
        **described,
        "type": "object",
        **_names(conclusion, conclusion.args[2]),
        "additionalProperties": {**valued, "minProperties": 1},
    }


def _valued(conclusion: Conclusion, letter: str) -> dict[str, Any]:
    """An object from values (closed when the rules list them) to their modality."""
    return {
        "type": "object",
        **_names(conclusion, letter),
        "additionalProperties": {"$ref": "#/$defs/present"},
    }


def _names(conclusion: Conclusion, letter: str) -> dict[str, Any]:
    values = conclusion.values.get(letter)
    return {"propertyNames": {"enum": list(values)}} if values else {}


def render_solve_schema() -> str:
    return json.dumps(solve_schema(), indent=2) + "\n"
