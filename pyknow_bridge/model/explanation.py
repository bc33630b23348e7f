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

from pyknow_bridge.core.terms import quote
from pyknow_bridge.doctrine.authorities import Citation
from pyknow_bridge.model.results import LawApplied, Modality

#: Kinds of node.
FACT = "fact"  # an input fact the file states
NOT_STATED = "not_stated"  # an input fact the file does not state
DERIVED = "derived"  # a conclusion that holds, with the rule that derived it
NOT_DERIVED = "not_derived"  # a conclusion that does not hold: children are attempts
ATTEMPT = "attempt"  # one rule that could have derived a missing conclusion, and why it did not

#: Kinds of term, as s(CASP)'s and SWI-Prolog's JSON name them.
ATOM = "atom"  # a constant: ``value`` is its name
INTEGER = "integer"  # ``value`` is the number
STRING = "string"  # ``value`` is the content, escapes resolved
VAR = "var"  # a variable of an atom pattern: ``value`` is its name
COMPOUND = "compound"  # ``value`` is the functor ("" for a tuple), with ``arguments``


@dataclass(frozen=True, slots=True)
class Term:
    """A term of an explanation, structured: its text is derived (:meth:`text`)."""

    kind: str
    value: str | int
    arguments: tuple[Term, ...] = ()

    @property
    def name(self) -> str:
        """The predicate (or functor) of an atom or compound; "" for other terms."""
        return self.value if self.kind in (ATOM, COMPOUND) and isinstance(self.value, str) else ""

    def text(self) -> str:
        """The term as clingo prints it: ``element(p,d,knowledge,met)``, ``"a\\"b"``, ``(a,)``."""
        if self.kind == STRING:
            return quote(str(self.value))
        if self.kind != COMPOUND:
            return str(self.value)
        inside = ",".join(a.text() for a in self.arguments)
        if self.value == "":  # a tuple; one element keeps its comma
            return f"({inside},)" if len(self.arguments) == 1 else f"({inside})"
        return f"{self.value}({inside})"


@dataclass
class Node:
    """One step of an explanation.

    ``term`` is the atom the step is about, structured; a step about no atom (an attempt,
    which names its rule; a comparison that failed) has none, and ``label`` instead.
    """

    id: str
    term: Term | None
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
    label: str = ""

    @property
    def atom(self) -> str:
        """The step's text: its atom as clingo prints it, or its label."""
        return self.term.text() if self.term is not None else self.label


@dataclass
class RouteExplanation:
    """One route to a special duty: whether it is made out, and each element."""

    basis: str
    node: str
    elements: list[tuple[str, str]]  # (element name, node id)
    #: For a route not made out: each element not met, with the node of its decisive reason
    #: (see :mod:`pyknow_bridge.explain.decisive`), in the order the elements are listed.
    reasons: dict[str, str | None] = field(default_factory=dict)
    #: The decisive reason of the route: the first element's whose reason excludes it, else
    #: the first element's not met.
    lead: str | None = None


@dataclass
class Branch:
    """One outcome a claim reaches on some findings of the disputed facts."""

    outcome: str
    #: Each set of findings that leads to the outcome: (disputed fact, found or not).
    findings: list[list[tuple[str, bool]]]
    #: In one scenario of the branch: the routes made out, the grounds barring recovery
    #: (``public_duty_bar``, ``immunity``, ``no_proximate_cause``), what defeats reliance.
    bases: list[str]
    grounds: list[str]
    defeaters: list[str]


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
    #: Each independent ground that defeats the claim (the premise of each rule deriving
    #: ``recovery_barred``: the public duty bar, the immunity, no proximate cause), in rule
    #: order; empty when the claim may recover.
    grounds: list[str] = field(default_factory=list)
    #: When the outcome turns on disputed facts: one branch per outcome (see
    #: :mod:`pyknow_bridge.explain.branches`); empty otherwise.
    branches: list[Branch] = field(default_factory=list)
    #: Nodes of the conclusions the rules declare on a claim that no field above explains
    #: (one per atom that holds).
    other: list[str] = field(default_factory=list)


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
    #: Display names the fact file gives (``name(valdez, "Carmen Valdez")``), by constant.
    names: dict[str, str] = field(default_factory=dict)

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
