"""The JSON form of a case result, for programs (schema: docs/solve-output.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from pyknow_bridge.doctrine.jurisdictions import FLAG, VALUED, claim_conclusions
from pyknow_bridge.model.results import CaseResult, ClaimResult, LawApplied, Modality

#: Bumped whenever a field is renamed, removed or changes meaning.
SCHEMA_ID = "pyknow-bridge/solve/1"


class CaseHeader(Protocol):
    """What a case result and a case's explanation both say about the case itself."""

    @property
    def path(self) -> str: ...
    @property
    def case_name(self) -> str | None: ...
    @property
    def citation(self) -> str | None: ...
    @property
    def jurisdiction(self) -> str: ...
    @property
    def views(self) -> tuple[str, ...]: ...
    @property
    def disputed(self) -> tuple[str, ...]: ...
    @property
    def law(self) -> LawApplied: ...


def case_header(case: CaseHeader) -> dict[str, Any]:
    """The case's fields, as solve's and explain's JSON both give them."""
    return {
        "file": case.path,
        "case_name": case.case_name,
        "citation": case.citation,
        "jurisdiction": case.jurisdiction,
        "views": list(case.views) or ["majority"],
        "disputed": list(case.disputed),
        "law_in_time": {"year": case.law.year, "in_force": list(case.law.in_force)},
    }


def case_to_dict(result: CaseResult) -> dict[str, Any]:
    return {**case_header(result), "claims": [claim_to_dict(claim) for claim in result.claims]}


def claim_to_dict(claim: ClaimResult) -> dict[str, Any]:
    """The claim's parties, then every conclusion rules/show.lp declares, in its order."""
    document: dict[str, Any] = {"plaintiff": claim.plaintiff, "defendant": claim.defendant}
    for conclusion in claim_conclusions():
        if conclusion.shape == FLAG:
            document[conclusion.key] = claim.flags[conclusion.key].value
        elif conclusion.shape == VALUED:
            document[conclusion.key] = _values(claim.valued[conclusion.key])
        else:
            keyed = claim.keyed[conclusion.key]
            document[conclusion.key] = {name: _values(keyed[name]) for name in sorted(keyed)}
    return document


def _values(values: Mapping[str, Modality]) -> dict[str, str]:
    return {value: modality.value for value, modality in sorted(values.items())}


def render_json(results: Sequence[CaseResult]) -> str:
    document = {"schema": SCHEMA_ID, "cases": [case_to_dict(r) for r in results]}
    return json.dumps(document, indent=2)
