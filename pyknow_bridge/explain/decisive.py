"""The decisive reason a conclusion fails: the one a court would lead with.

"Why not" keeps every condition that failed, down to the facts; a reader wants the
decisive one first. Under a conclusion that does not hold, the candidates are the atoms
that *exclude* it (a stated fact or a conclusion that blocks a rule: ``public_at_large``
under ``not public_at_large(S)``; a stated value the rule's list leaves out: directing is
not a protective act; a stated value a comparison turns down: a vague promise under
``X != vague``) and the facts the file does not state. A conclusion that blocks a rule but
rests on no stated fact (``no_reliance_shown``) counts as an absence. The nearer reason ranks
above the deeper one (the number of rules between it and the conclusion); at the same
depth an exclusion ranks above an absence (what the facts say against the plaintiff,
above what they fail to say), then the rule written first in the rule files (the order in
which the doctrine states its reasons).
"""

from __future__ import annotations

from functools import cache

from pyknow_bridge.doctrine.rulebook import PredicateDoc, Signature, load_rulebook
from pyknow_bridge.doctrine.scaffolding import PLEADINGS
from pyknow_bridge.model.explanation import (
    ATTEMPT,
    FACT,
    NOT_DERIVED,
    NOT_STATED,
    Explanation,
    Node,
)

#: Kinds of reason, best first.
EXCLUDES = 0  # an atom that holds and blocks a rule
ABSENT = 1  # an input fact the file does not state
OPEN = 2  # a conclusion not followed further, or a comparison that did not hold


def decisive_reason(explanation: Explanation, root: str) -> tuple[tuple[int, int], str] | None:
    """The decisive reason why ``root`` (or what it rests on) does not hold: its rank (its
    depth, and its kind: :data:`EXCLUDES`, :data:`ABSENT`, :data:`OPEN`) and its node.

    ``root`` is a node that does not hold, or one that holds because something else does
    not (``element(P, D, E, not_met)``, which holds because the element is not met): its
    premises that hold are passed over and the search starts from those that do not.
    """
    found: list[tuple[tuple[int, int, int, int], str]] = []
    seen: set[str] = set()
    start = explanation.node(root)
    stack = [(c, 0, False) for c in reversed(start.children) if not explanation.node(c).holds]
    if not start.holds:
        stack = [(root, 0, False)]
    order = 0
    while stack:
        node_id, depth, under_attempt = stack.pop()
        node = explanation.node(node_id)
        if node.holds:
            if under_attempt:  # it holds where the rule needed it not to; resting on no
                # stated fact, it says only what the file leaves out
                kind = EXCLUDES if stated_fact(explanation, node) else ABSENT
                found.append(((depth, kind, _position(node), order), node_id))
                order += 1
            continue
        if node.kind == NOT_DERIVED and node.term is None and node.rule_id:
            # a comparison its rule failed: over a stated value, the rule turns that down
            held = (explanation.node(c) for c in node.children)
            excluded = any(stated_fact(explanation, c) for c in held if c.holds)
            found.append(((depth, EXCLUDES if excluded else OPEN, _position(node), order), node_id))
            order += 1
            continue
        if node_id in seen:
            continue
        seen.add(node_id)
        if node.kind == NOT_STATED:
            found.append(((depth, ABSENT, _position(node), order), node_id))
            order += 1
            continue
        if not node.children:
            if node.kind == NOT_DERIVED and node.term is not None:
                kind = EXCLUDES if node.rule_id else OPEN  # a value its list leaves out, or open
                found.append(((depth, kind, _position(node), order), node_id))
                order += 1
            continue
        blocks = node.kind == ATTEMPT or (node.kind == NOT_DERIVED and node.term is None)
        deeper = depth + 1 if node.kind == ATTEMPT else depth
        stack.extend((c, deeper, blocks) for c in reversed(node.children))
    if not found:
        return None
    rank, node_id = min(found)
    return (rank[0], rank[1]), node_id


def stated_fact(explanation: Explanation, node: Node) -> Node | None:
    """The nearest fact the file states, beyond the pleadings, that a step which holds rests
    on (the step itself, if it is one); None when it holds only because other things are
    missing (``reliance_defeated(P, D, no_reliance_shown)``: she showed no change of
    conduct). Nearest first, so a promise is found before the household tie that carries it."""
    queue = [node]
    seen = {node.id}
    for step in queue:  # (the queue grows as it is read: breadth first)
        if step.kind == FACT:
            if step.term is None or step.term.name not in PLEADINGS:
                return step
            continue
        for child_id in step.children:
            child = explanation.node(child_id)
            if child.holds and child_id not in seen:
                seen.add(child_id)
                queue.append(child)
    return None


def reason_key(node: Node) -> str:
    """A short name for a reason, as holdings pin it: the predicate of a fact
    (``public_at_large``), or the value of a conclusion whose last argument names the
    reason from a closed list (``reliance_defeated(P, D, whereabouts_unknown)``)."""
    term = node.term
    if term is None:
        return node.label
    if node.kind == NOT_DERIVED and node.rule_id and term.arguments:  # a value a list leaves out
        return term.arguments[-1].text()
    doc = _documented().get((term.name, len(term.arguments)))
    if doc is not None and doc.args and term.arguments:
        value = term.arguments[-1].text()
        if value in doc.values.get(doc.args[-1], ()):
            return value
    return term.name


def _position(node: Node) -> int:
    """Where the rule that derives (or failed to derive) the node stands in the rule files;
    facts first."""
    return _rule_positions().get(node.rule_id or "", -1)


@cache
def _documented() -> dict[Signature, PredicateDoc]:
    return {doc.signature: doc for doc in load_rulebook().predicates}


@cache
def _rule_positions() -> dict[str, int]:
    return {rule.rule_id: index for index, rule in enumerate(load_rulebook().rules)}
