"""The JSON form of a case result, for programs (schema: docs/solve-output.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from pyknow_bridge.model.results import CaseResult, ClaimResult, Modality

#: Bumped whenever a field is renamed, removed or changes meaning.
SCHEMA_ID = "pyknow-bridge/solve/1"


def case_to_dict(result: CaseResult) -> dict[str, Any]:
    return {
        "file": result.path,
        "case_name": result.case_name,
        "citation": result.citation,
        "jurisdiction": result.jurisdiction,
        "views": list(result.views) or ["majority"],
        "disputed": list(result.disputed),
        "law_in_time": {"year": result.law.year, "in_force": list(result.law.in_force)},
        "claims": [claim_to_dict(claim) for claim in result.claims],
    }


def claim_to_dict(claim: ClaimResult) -> dict[str, Any]:
    return {
        "plaintiff": claim.plaintiff,
        "defendant": claim.defendant,
        "outcome": _values(claim.outcome),
        "special_duty": claim.special_duty.value,
        "special_duty_basis": _values(claim.bases),
        "ordinary_duty": claim.ordinary_duty.value,
        "public_duty_bar": claim.public_duty_bar.value,
        "elements": {name: _values(values) for name, values in sorted(claim.elements.items())},
        "justifiable_reliance": claim.justifiable_reliance.value,
        "reliance_defeated": _values(claim.reliance_defeated),
        "immunity": _values(claim.immunity),
        "no_proximate_cause": claim.no_proximate_cause.value,
    }


def _values(values: Mapping[str, Modality]) -> dict[str, str]:
    return {value: modality.value for value, modality in sorted(values.items())}


def render_json(results: Sequence[CaseResult]) -> str:
    document = {"schema": SCHEMA_ID, "cases": [case_to_dict(r) for r in results]}
    return json.dumps(document, indent=2)
