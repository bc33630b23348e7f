"""The memo's steps are worked out once per explanation (``_Steps``): the lines it keeps must
read exactly as lines worked out afresh, in every claim and at both levels of detail."""

from __future__ import annotations

from pathlib import Path

import pytest

from pyknow_bridge import load_case
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.render.explanation_report import _label, _Steps, outline
from tests.conftest import CASES_DIR

FACT_FILES = sorted(CASES_DIR.glob("*.lp"))


@pytest.mark.parametrize("fact_file", FACT_FILES, ids=lambda p: p.stem)
def test_steps_shared_by_claims_read_as_fresh_ones(fact_file: Path) -> None:
    explanation = explain_case(load_case(fact_file))
    for detail in (False, True):
        shared = _Steps(explanation, detail)
        for claim in explanation.claims:
            # Another claim's lines are kept, never what it has shown ("explained above").
            assert outline(shared, claim) == outline(_Steps(explanation, detail), claim)
            # The conclusion's outcome line: the first line of the whole outcome tree.
            whole = _Steps(explanation, detail).tree(claim.outcome, set())
            assert shared.headline(claim.outcome) == whole[:1]
        for context, labels in shared._labels.items():
            for node_id, label in labels.items():
                assert label == _label(explanation.node(node_id), context, shared.wording)
