"""The predicate reference (docs/predicates.md), generated from the rule files' comments."""

from __future__ import annotations

from pyknow_bridge.core.paths import RULES_DIR
from pyknow_bridge.doctrine.rulebook import PredicateDoc, load_rulebook

_ROLES = (
    ("Input", "What a fact file may state. The loader accepts nothing else."),
    ("Output", "The conclusions the knowledge base shows (rules/show.lp)."),
    ("Internal", "Derived along the way; not shown, but explained."),
    ("Control", "Set by the caller (`--as-of`), never by a fact file: the loader refuses them."),
)


def _row(doc: PredicateDoc) -> str:
    meaning = doc.meaning.replace("|", "\\|")
    if doc.values:
        allowed = "; ".join(
            f"{arg}: {', '.join(f'`{v}`' for v in vals)}" for arg, vals in doc.values.items()
        )
        meaning += f" ({allowed})"
    where = f"{doc.file.relative_to(RULES_DIR.parent)}:{doc.line}"
    extension = " (extension)" if doc.extension else " (view hook)" if doc.hook else ""
    return f"| `{doc.template}`{extension} | {meaning} | {where} |"


def render_predicate_reference() -> str:
    """Markdown tables of every documented predicate, by role, in rule-file order."""
    book = load_rulebook()
    lines = [
        "# Predicate reference",
        "",
        "Generated from the `% Input:`, `% Output:`, `% Internal:` and `% Control:` comments of",
        "`rules/` by `pyknow-bridge vocabulary`; do not edit by hand (a test checks it).",
    ]
    for role, blurb in _ROLES:
        lines += [
            "",
            f"## {role}",
            "",
            blurb,
            "",
            "| predicate | meaning | defined at |",
            "|---|---|---|",
        ]
        lines += [_row(doc) for doc in book.predicates if doc.role == role]
    return "\n".join(lines) + "\n"
