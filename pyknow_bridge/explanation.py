"""The one explanation structure: a graph of derivation steps, each with rule, premises, authority.

Nodes are conclusions (or facts, or missing facts). A node that holds points to the
premises of the rule that derived it, read from the solver's ``derivation`` atoms. A
node that does not hold points to one *attempt* per rule that could have derived it,
and each attempt to the conditions that failed, down to facts the file does not state
and the party who bore the burden of stating them. Renderers (memo, Markdown, JSON,
DOT) read this structure and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pyknow_bridge.authorities import Citation
from pyknow_bridge.results import LawApplied, Modality

#: Kinds of node.
FACT = "fact"  # an input fact the file states
NOT_STATED = "not_stated"  # an input fact the file does not state
DERIVED = "derived"  # a conclusion that holds, with the rule that derived it
NOT_DERIVED = "not_derived"  # a conclusion that does not hold: children are attempts
ATTEMPT = "attempt"  # one rule that could have derived a missing conclusion, and why it did not


@dataclass
class Node:
    """One step of an explanation."""

    id: str
    atom: str
    kind: str
    holds: bool
    modality: Modality = Modality.CERTAIN
    rule_id: str | None = None
    statement: str | None = None
    citations: tuple[Citation, ...] = ()
    burden: str | None = None
    #: The rule's ``% Burden:`` line, when it has one: who had to show what the rule derives.
    burden_note: str = ""
    line: int | None = None
    depends_on: tuple[str, ...] = ()
    children: list[str] = field(default_factory=list)
    note: str = ""


@dataclass
class RouteExplanation:
    """One route to a special duty: whether it is made out, and each element."""

    basis: str
    node: str
    elements: list[tuple[str, str]]  # (element name, node id)


@dataclass
class ClaimExplanation:
    """Everything explained about one claim."""

    plaintiff: str
    defendant: str
    jurisdiction: str
    outcome: str
    duty: str
    routes: list[RouteExplanation]
    reliance: str
    reliance_defeaters: list[str]
    immunity: str | None
    causation: str


@dataclass
class Explanation:
    """The explanation of one case file: shared node table, one entry per claim."""

    path: str
    case_name: str | None
    citation: str | None
    jurisdiction: str
    views: tuple[str, ...]
    disputed: tuple[str, ...]
    nodes: dict[str, Node]
    claims: list[ClaimExplanation]
    law: LawApplied = field(default_factory=LawApplied)

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    def claim(self, plaintiff: str, defendant: str | None = None) -> ClaimExplanation:
        for claim in self.claims:
            if claim.plaintiff == plaintiff and defendant in (None, claim.defendant):
                return claim
        raise KeyError(f"no claim by {plaintiff}")

    def reachable(self, root: str) -> list[Node]:
        """Every node under ``root``, each once, depth first."""
        seen: dict[str, Node] = {}
        stack = [root]
        while stack:
            node_id = stack.pop()
            if node_id in seen:
                continue
            node = self.nodes[node_id]
            seen[node_id] = node
            stack.extend(reversed(node.children))
        return list(seen.values())

    def rule_ids(self, root: str) -> set[str]:
        return {n.rule_id for n in self.reachable(root) if n.rule_id}
