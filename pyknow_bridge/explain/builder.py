"""Build the explanation of a case: why each conclusion holds, and why the others do not.

"Why" follows the solver's ``derivation`` atoms (see :mod:`derivation`) down to the
facts of the file. "Why not" tries every rule that could have derived the missing
conclusion against the answer set (see :mod:`matching`) and follows the conditions
that failed. With disputed facts, every scenario is solved; each node says whether it
holds in all of them, and which disputed facts it turns on.
"""

from __future__ import annotations

import itertools
import operator
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache

from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.core.terms import String, term_text
from pyknow_bridge.doctrine.authorities import Citation, parse_source
from pyknow_bridge.doctrine.derivation import DERIVATION_PREFIX, rule_and_premises
from pyknow_bridge.doctrine.jurisdictions import claim_conclusions
from pyknow_bridge.doctrine.jurisdictions import routes as routes_of
from pyknow_bridge.doctrine.rulebook import RuleEntry, Signature, load_rulebook
from pyknow_bridge.doctrine.rules_in_force import RuleSet, rules_in_force
from pyknow_bridge.doctrine.scaffolding import hooks
from pyknow_bridge.engine.clingo_control import as_deadline
from pyknow_bridge.engine.docket_disputes import DocketDisputes
from pyknow_bridge.engine.shown import split_atom
from pyknow_bridge.engine.solver import DisputeQuestions, disputes_of
from pyknow_bridge.explain.branches import branches
from pyknow_bridge.explain.decisive import decisive_reason
from pyknow_bridge.explain.matching import (
    Attempt,
    Bindings,
    CompiledRule,
    Condition,
    Const,
    Fn,
    Model,
    Term,
    Value,
    Var,
    argument_of_text,
    attempt,
    clingo_order,
    comparison_binders,
    compile_rule,
    counted,
    instantiate,
    render,
    render_bindings,
    signature_of,
    substitute,
    value_of_text,
)
from pyknow_bridge.explain.matching import text as text_of_value
from pyknow_bridge.model import explanation
from pyknow_bridge.model.explanation import (
    ATTEMPT,
    DERIVED,
    FACT,
    NOT_DERIVED,
    NOT_STATED,
    ClaimExplanation,
    Explanation,
    Node,
    RouteExplanation,
)
from pyknow_bridge.model.results import LAW_PREDICATES, Modality, law_applied

#: The conclusions a :class:`ClaimExplanation` explains in fields of their own; any other
#: the rules declare on a claim is explained in its ``other`` list, wherever it holds.
EXPLAINED_BY_NAME = frozenset(
    {
        "outcome",
        "special_duty",
        "special_duty_basis",
        "ordinary_duty",
        "public_duty_bar",
        "element",
        "justifiable_reliance",
        "reliance_defeated",
        "immunity",
        "no_proximate_cause",
    }
)


#: How the atoms saying which law in time applied begin (see :func:`law_applied`).
_LAW_PREFIXES = tuple(f"{name}(" for name in LAW_PREDICATES)

#: How deep "why not" follows failed conditions.
MAX_WHY_NOT_DEPTH = 10


def explain_case(
    case: CaseFile,
    views: Sequence[str] = (),
    time_limit: float | Deadline | None = None,
    as_of: int | None = None,
    engine: str = "clingo",
) -> Explanation:
    """Solve ``case`` with derivation atoms and explain every claim in it.

    ``time_limit``: seconds, or a :class:`~pyknow_bridge.core.limits.Deadline` already running;
    past it, :class:`~pyknow_bridge.core.errors.TimeLimitError`. ``as_of`` explains it under
    the law in force in that year (rules/law_in_time.lp). ``engine``: ``"clingo"`` or
    ``"prolog"``; both give every scenario's atoms, and the same explanation.
    """
    rules = rules_in_force(views)
    deadline = as_deadline(time_limit)
    return explain_with_disputes(
        case, rules, disputes_of(case, rules, deadline, as_of, engine), deadline
    )


def explain_cases(
    cases: Sequence[CaseFile],
    views: Sequence[str] = (),
    time_limit: float | Deadline | None = None,
    as_of: int | None = None,
) -> list[Explanation]:
    """Explain a chunk of cases with clingo, grounded once for them all: the same
    explanations as :func:`explain_case` gives each alone (see
    :mod:`pyknow_bridge.engine.docket_disputes`). ``time_limit`` covers the whole chunk."""
    rules = rules_in_force(views)
    deadline = as_deadline(time_limit)
    docket = DocketDisputes(cases, rules, deadline, as_of)
    return [
        explain_with_disputes(case, rules, docket.of(i), deadline) for i, case in enumerate(cases)
    ]


def explain_with_disputes(
    case: CaseFile, rules: RuleSet, disputes: DisputeQuestions, deadline: Deadline
) -> Explanation:
    """Every claim of ``case`` explained from the answers to its ``disputes``."""
    stated = disputes.scenario()
    builder = _Builder(case, stated, _Modalities(disputes), rules)
    unique = []
    for plaintiff, defendant in case.claims():
        deadline.check("explaining")
        claim = builder.claim(plaintiff, defendant)
        outcome = builder.nodes[claim.outcome]
        if outcome.modality is Modality.POSSIBLE:
            claim.branches = branches(disputes, plaintiff, defendant, outcome.depends_on)
        unique.append(claim)
    return Explanation(
        path=str(case.path),
        case_name=case.text_value("case_name"),
        citation=case.text_value("citation"),
        jurisdiction=case.jurisdiction,
        views=rules.views,
        disputed=case.disputed_texts,
        nodes=builder.nodes,
        claims=unique,
        law=law_applied([split_atom(text) for text in stated if text.startswith(_LAW_PREFIXES)]),
        names={
            term_text(fact.arguments[0]): fact.arguments[1].value
            for fact in case.facts
            if fact.name == "name" and fact.arity == 2 and isinstance(fact.arguments[1], String)
        },
    )


class _Modalities:
    """Whether an atom holds in every scenario, in some, or in none, and which disputed facts
    it turns on: one that, fixed one way or the other, changes whether the atom is certain
    or possible. Read off brave and cautious consequences (see :class:`Disputes`), by the
    atoms' texts."""

    def __init__(self, disputes: DisputeQuestions) -> None:
        self.overall = disputes.consequences()
        self.by_fact = [
            (
                str(fact),
                disputes.consequences([(fact, True)]),
                disputes.consequences([(fact, False)]),
            )
            for fact in disputes.disputed
        ]

    def of(self, atom: str) -> tuple[Modality, tuple[str, ...]]:
        """The modality of the atom written ``atom``, and the disputed facts it turns on."""
        if atom in self.overall.certain:
            return Modality.CERTAIN, ()
        if atom not in self.overall.possible:
            return Modality.ABSENT, ()
        turns_on = tuple(
            fact
            for fact, held, not_held in self.by_fact
            if (atom in held.certain, atom in held.possible)
            != (atom in not_held.certain, atom in not_held.possible)
        )
        return Modality.POSSIBLE, turns_on


@dataclass(frozen=True)
class _RuleIndex:
    """The rules in force compiled for "why not", by head."""

    by_head: dict[Signature, list[_IndexedRule]]
    #: The predicates a fact file states, and those the caller sets (Control).
    inputs: frozenset[Signature]
    controls: frozenset[Signature]
    #: Each rule id's place in the rule files (the order the doctrine gives its reasons).
    order: dict[str, int]


#: What a rule's head fixes: a getter of those places of an atom's value, and the values
#: it fixes there (None: no place). A goal with other values there cannot be the rule's.
_HeadConstants = tuple[Callable[[tuple[object, ...]], object], object] | None

#: A rule for "why not": its entry, compiled, and what its head fixes.
_IndexedRule = tuple[RuleEntry, CompiledRule, _HeadConstants]


def _head_constants(compiled: CompiledRule) -> _HeadConstants:
    head = compiled.head
    if head is None:
        return None
    fixed = [(at, arg.value) for at, arg in enumerate(head.args, 1) if isinstance(arg, Const)]
    if not fixed:
        return None
    places, values = zip(*fixed, strict=True)
    getter: Callable[[tuple[object, ...]], object] = operator.itemgetter(*places)
    return getter, values[0] if len(values) == 1 else values


#: The index of each rule set met so far (by identity: rule sets live as long as the process).
_RULE_INDEXES: dict[int, tuple[RuleSet, _RuleIndex]] = {}


def _rule_index(rules: RuleSet) -> _RuleIndex:
    known = _RULE_INDEXES.get(id(rules))
    if known is not None and known[0] is rules:
        return known[1]
    by_head: dict[Signature, list[_IndexedRule]] = defaultdict(list)
    for rule in rules.rules:
        if rule.head is not None and rule.node is not None:
            compiled = compile_rule(rule.node)
            by_head[rule.head].append((rule, compiled, _head_constants(compiled)))
    book = load_rulebook()
    index = _RuleIndex(
        dict(by_head),
        frozenset(book.inputs()),
        frozenset(doc.signature for doc in book.predicates if doc.role == "Control"),
        {rule.rule_id: place for place, rule in enumerate(book.rules)},
    )
    _RULE_INDEXES[id(rules)] = (rules, index)
    return index


class _Builder:
    def __init__(
        self,
        case: CaseFile,
        stated: frozenset[str],
        modalities: _Modalities,
        rules: RuleSet,
    ) -> None:
        """``stated``: the texts of the atoms of the scenario as stated. The atoms are
        matched as plain values parsed from their texts, never through clingo's C API (a
        call per part of a symbol)."""
        self.case = case
        self.modalities = modalities
        plain: list[str] = []
        #: Each derived atom's derivations by the atom's text, as texts: parsed only when
        #: the explanation follows one (most of a case's derivations it never does).
        self.derivations: dict[str, list[str]] = defaultdict(list)
        for text in stated:
            if text.startswith(DERIVATION_PREFIX):
                self.derivations[derived_text(text, stated)].append(text)
            else:
                plain.append(text)
        self.model = Model(plain)
        #: The text of each atom of the scenario read so far (node ids and modalities go
        #: by it), and the value of each; an atom not read yet is written by its value.
        self.texts = self.model.texts
        self.values = self.model.values
        #: The structured term of each value met so far, made once (see :func:`term_of_value`).
        self.terms: dict[Value, explanation.Term] = {}
        self.facts = {value_of_text(fact.text): fact.line for fact in case.facts}
        index = _rule_index(rules)
        self.inputs = index.inputs
        self.controls = index.controls
        self.rules_by_head = index.by_head
        self.rule_order = index.order
        self.nodes: dict[str, Node] = {}
        #: Rules of another jurisdiction than the case's: "why not" never tries them.
        self.foreign = {
            rule_id
            for rule_id, jurisdiction in rules.jurisdictions.items()
            if jurisdiction != case.jurisdiction
        }
        #: The view hooks no rule in force derives: nothing could set a rule aside by them.
        self.idle_hooks = hooks() - set(self.rules_by_head)

    # --- per claim -------------------------------------------------------------

    def claim(self, plaintiff: str, defendant: str) -> ClaimExplanation:
        def atom(name: str, *extra: str) -> Value:
            return (name, plaintiff, defendant, *extra)

        def either(name: str, *extra: str) -> str:
            goal = atom(name, *extra)
            return self.why(goal) if goal in self.model else self.why_not(goal)

        def of_claim(name: str, arity: int = 3) -> list[Value]:
            rest = tuple(Var(f"V{index}") for index in range(arity - 2))
            pattern = Fn(name, (Const(plaintiff), Const(defendant), *rest))
            return [value for value, _ in self.model.matching(pattern, {})]

        def valued(name: str) -> str | None:
            held = of_claim(name)
            return self.why(held[0]) if held else None

        jurisdiction = self.case.jurisdiction
        routes = []
        for basis, elements in routes_of(jurisdiction).items():
            route_node = either("special_duty_basis", basis)
            element_nodes = []
            for element in elements:
                met = atom("element", element, "met")
                not_met = atom("element", element, "not_met")
                chosen = met if met in self.model else not_met
                element_nodes.append((element, self.why(chosen)))
            routes.append(self._route(basis, route_node, element_nodes))
        if atom("special_duty") in self.model:
            duty = self.why(atom("special_duty"))
        elif atom("ordinary_duty") in self.model:
            duty = self.why(atom("ordinary_duty"))
        else:
            duty = self.why(atom("public_duty_bar"))
        outcome = valued("outcome")
        assert outcome is not None, "every claim has an outcome"
        return ClaimExplanation(
            plaintiff=plaintiff,
            defendant=defendant,
            jurisdiction=jurisdiction,
            outcome=outcome,
            duty=duty,
            routes=routes,
            reliance=either("justifiable_reliance"),
            reliance_defeaters=self._in_rule_order(of_claim("reliance_defeated")),
            immunity=valued("immunity"),
            causation=either("no_proximate_cause"),
            grounds=self._grounds(atom("recovery_barred")),
            other=[
                self.why(held)
                for conclusion in claim_conclusions()
                if conclusion.name not in EXPLAINED_BY_NAME
                for held in sorted(of_claim(conclusion.name, conclusion.arity), key=clingo_order)
            ],
        )

    def _in_rule_order(self, atoms: list[Value]) -> list[str]:
        """The nodes of atoms that hold, in the order their rules are written (the order in
        which the doctrine gives its reasons: Valdez's whereabouts before the deadline)."""
        nodes = [self.nodes[self.why(atom)] for atom in atoms]
        order = self.rule_order
        return [n.id for n in sorted(nodes, key=lambda n: order.get(n.rule_id or "", -1))]

    def _grounds(self, barred: Value) -> list[str]:
        """The premise of every rule that bars recovery: each is a ground on its own."""
        grounds: list[str] = []
        order = self.rule_order
        head = self._text(barred)
        derivations = [self._derivation(text, head) for text in self.derivations.get(head, [])]
        if len(derivations) > 1:  # (the same rule twice: in clingo's order)
            derivations.sort(key=_derivation_order)
        for _, premises in sorted(derivations, key=lambda d: order[d[0]]):
            for premise in premises:
                child = self._premise(premise)
                if child is not None and child not in grounds:
                    grounds.append(child)
        return grounds

    def _route(self, basis: str, node: str, elements: list[tuple[str, str]]) -> RouteExplanation:
        """A route, with the decisive reason of each element not met when it fails."""
        route = RouteExplanation(basis=basis, node=node, elements=elements)
        if self.nodes[node].holds:
            return route
        graph = Explanation("", None, None, "", (), (), self.nodes, [])
        ranked = []
        for index, (element, element_node) in enumerate(elements):
            term = self.nodes[element_node].term
            if term is None or term.arguments[-1].value != "not_met":
                continue
            found = decisive_reason(graph, element_node)
            route.reasons[element] = None if found is None else found[1]
            if found is not None:
                (_, kind), reason = found
                ranked.append((kind, index, reason))
        # What the facts say against the plaintiff first; else the first element listed
        # (rules/routes.lp lists them in the doctrine's order).
        route.lead = min(ranked)[2] if ranked else None
        return route

    # --- why -------------------------------------------------------------------

    def why(self, atom: Value) -> str:
        """The node of an atom that holds in the scenario as stated."""
        head = self._text(atom)
        node_id = f"+{head}"
        if node_id in self.nodes:
            return node_id
        found = self.derivations.get(head)
        term = term_of_value(atom, self.terms)
        if atom in self.facts and not found:
            self._add(Node(node_id, term, FACT, True, line=self.facts[atom]), atom, head)
            return node_id
        if not found:
            self._add(Node(node_id, term, DERIVED, True, note="holds"), atom, head)
            return node_id
        # The first derivation in clingo's order of the symbols (as the memo always chose).
        derivations = [self._derivation(text, head) for text in found]
        if len(derivations) > 1:
            derivations.sort(key=_derivation_order)
        rule_id, premises = derivations[0]
        node = self._rule_node(node_id, term, DERIVED, True, load_rulebook().rule(rule_id))
        self._add(node, atom, head)
        for premise in premises:
            child = self._premise(premise)
            if child is not None and child not in node.children:
                node.children.append(child)
        return node_id

    def _derivation(self, derivation: str, head: str) -> tuple[str, tuple[Value, ...]]:
        """The rule id and premises of a ``derivation("id",Head,(Premise,...))`` atom of
        ``head``, from its text: the premises are cut at their commas, and those that hold
        are the scenario's own values, so that only those that do not are parsed."""
        quote = derivation.find('",')
        start = quote + 2 + len(head) + 1
        body = derivation[start + 1 : -2]  # inside the premises' parentheses
        if '"' in body or derivation[quote + 2 : start - 1] != head:  # a string premise
            return rule_and_premises(value_of_text(derivation))
        rule_id = derivation[len(DERIVATION_PREFIX) + 1 : quote]
        if not body:
            return rule_id, ()
        premises: list[Value] = []
        known = self.values
        part, depth = "", 0
        for piece in body.split(","):
            part = f"{part},{piece}" if part else piece
            depth += piece.count("(") - piece.count(")")
            if depth == 0 and part:  # (a tuple of one ends in a comma: its last part is "")
                value = known.get(part)
                premises.append(value_of_text(part) if value is None else value)
                part = ""
        return rule_id, tuple(premises)

    def _premise(self, premise: Value) -> str | None:
        if isinstance(premise, tuple) and premise[0] == '"':
            return None  # an aggregate: visible in the rule's text
        if isinstance(premise, tuple) and premise[0] == "neg" and len(premise) == 2:
            negated = premise[1]
            if signature_of(negated) in self.idle_hooks:
                return None  # no view or dated rule in force could set this rule aside
            return self.why_not(negated)
        if isinstance(premise, tuple) and premise[0] == "some" and len(premise) > 1:
            held = [alt for alt in premise[1:] if alt in self.model]
            return self.why(held[0]) if held else None
        return self.why(premise)

    # --- why not -----------------------------------------------------------------

    def why_not(self, goal: Value | Term, depth: int = 0) -> str:
        """The node of an atom (or an atom pattern) that holds nowhere in the stated scenario."""
        goal, text = self._goal_and_text(goal)
        node_id = f"-{text}"
        if node_id in self.nodes:
            return node_id
        if isinstance(goal, Fn):
            term = term_of_pattern(goal)
            signature = (goal.name, len(goal.args))
        else:
            term = term_of_value(goal, self.terms)
            signature = signature_of(goal)
        if signature in self.inputs:
            node = Node(node_id, term, NOT_STATED, False, note="not stated in the fact file")
            self._add(node, goal, text)
            return node_id
        if signature in self.controls:
            node = Node(node_id, term, NOT_STATED, False, note="not set by the caller")
            self._add(node, goal, text)
            return node_id
        node = Node(node_id, term, NOT_DERIVED, False)
        self._add(node, goal, text)
        if depth >= MAX_WHY_NOT_DEPTH:
            node.note = "not expanded further"
            return node_id
        ground = goal if isinstance(goal, tuple) else None
        for rule, compiled, constants in self.rules_by_head.get(signature, []):
            if (
                ground is not None
                and constants is not None
                and constants[0](ground) != constants[1]
            ):
                continue  # its head fixes another value: it could not derive the goal
            if compiled.listed:  # a rule that lists the values a predicate holds for
                values = ", ".join(_listed_value(v) for v in compiled.listed)
                node.note = f"not one of the values [{rule.rule_id}] lists: {values}"
                node.rule_id, node.statement = rule.rule_id, rule.statement
                node.citations = _citations(rule.source)
                continue
            if rule.rule_id in self.foreign:
                continue
            tried = attempt(self.model, compiled, goal)
            if tried is None or tried.succeeded:
                continue
            node.children.append(self._attempt_node(node_id, rule, compiled, tried, depth))
        if not node.children and not node.note:
            node.note = "no rule in force derives it"
        return node_id

    def _attempt_node(
        self, parent: str, rule: RuleEntry, compiled: CompiledRule, tried: Attempt, depth: int
    ) -> str:
        node_id = f"{parent}@{rule.rule_id}"
        node = self._rule_node(node_id, None, ATTEMPT, False, rule, label=rule.rule_id)
        self.nodes[node_id] = node
        for condition, bindings in tried.failed:
            for child in self._failed_condition(rule, compiled, condition, bindings, depth):
                if child not in node.children:
                    node.children.append(child)
        return node_id

    def _failed_comparison(
        self, rule: RuleEntry, compiled: CompiledRule, condition: Condition, bindings: Bindings
    ) -> str:
        """A comparison of ``rule`` that did not hold, above the atoms that gave it its values
        (the stated value the rule turns down); it names its rule, which sets the test."""
        text = condition.rendered(bindings)
        node_id = f"-{text}@{rule.rule_id}"
        if node_id not in self.nodes:
            node = Node(node_id, None, NOT_DERIVED, False, note="condition not met", label=text)
            node.rule_id, node.statement = rule.rule_id, rule.statement  # (its attempt: the burden)
            node.citations = _citations(rule.source)
            self.nodes[node_id] = node
            binders = comparison_binders(compiled.conditions, condition, bindings, self.model)
            node.children = [self.why(atom) for atom in binders]
        return node_id

    def _failed_condition(
        self,
        rule: RuleEntry,
        compiled: CompiledRule,
        condition: Condition,
        bindings: Bindings,
        depth: int,
    ) -> list[str]:
        """The nodes saying why a condition of ``rule`` failed (every defeater, for a failed
        `not X`)."""
        term = condition.atom
        if condition.count is not None:
            return [self._failed_count(condition, bindings, depth)]
        if term is None:  # a comparison that did not hold
            return [self._failed_comparison(rule, compiled, condition, bindings)]
        if condition.negated:  # `not X` failed: each X that holds defeats it; explain each
            held = [value for value, _ in self.model.matching(term, bindings)]
            return [self.why(atom) for atom in held]
        ground = instantiate(term, bindings)
        goal = ground if ground is not None else substitute(term, bindings)
        return [self.why_not(goal, depth + 1)]

    def _failed_count(self, condition: Condition, bindings: Bindings, depth: int) -> str:
        """A count that failed: what was counted when there were too many, else why each
        alternative does not hold."""
        assert condition.count is not None
        elements, bounds = condition.count
        found = counted(self.model, condition, bindings)
        required = " and ".join(f"{op} {bound}" for op, bound in bounds)
        too_many = any(len(found) > bound for op, bound in bounds if op in {"<", "<=", "="})
        node_id = f"-{condition.rendered(bindings)}@{render_bindings(bindings)}"
        if node_id in self.nodes:
            return node_id
        label = f"the rule requires the count of these to be {required}; {len(found)} found"
        node = Node(node_id, None, NOT_DERIVED, False, note="condition not met", label=label)
        self.nodes[node_id] = node
        children: list[str] = []
        if too_many:
            for conditions, extended in found.values():
                for part in conditions:
                    ground = None if part.atom is None else instantiate(part.atom, extended)
                    if ground is not None and not part.negated:
                        children.append(self.why(ground))
        else:
            for _, conditions in elements:
                first = next((c for c in conditions if c.atom and not c.negated), None)
                if first is not None and first.atom is not None:
                    ground = instantiate(first.atom, bindings)
                    goal = ground if ground is not None else substitute(first.atom, bindings)
                    children.append(self.why_not(goal, depth + 1))
        node.children = list(dict.fromkeys(children))
        return node_id

    # --- shared ------------------------------------------------------------------

    def _rule_node(
        self,
        node_id: str,
        term: explanation.Term | None,
        kind: str,
        holds: bool,
        rule: RuleEntry | None,
        *,
        label: str = "",
    ) -> Node:
        if rule is None:
            return Node(node_id, term, kind, holds, label=label)
        return Node(
            node_id,
            term,
            kind,
            holds,
            label=label,
            rule_id=rule.rule_id,
            statement=rule.statement,
            citations=_citations(rule.source),
            burden=rule.burden,
            burden_note=rule.burden_note,
        )

    def _add(self, node: Node, atom: Value | Term, text: str) -> None:
        """Add the node of ``atom`` (a value, or a pattern), written ``text``."""
        if isinstance(atom, Fn):
            node.modality = Modality.ABSENT if not node.holds else Modality.CERTAIN
        else:
            node.modality, node.depends_on = self.modalities.of(text)
        self.nodes[node.id] = node

    def _text(self, atom: Value) -> str:
        """The atom's text as clingo prints it: read from clingo for the scenario's atoms."""
        known = self.texts.get(atom)
        return known if known is not None else text_of_value(atom)

    def _goal_and_text(self, goal: Value | Term) -> tuple[Value | Term, str]:
        """A goal (a premise with ``"_"`` made a pattern) and its text."""
        if isinstance(goal, (Var, Const, Fn)):  # (a tuple is faster than a union)
            return goal, render(goal)
        printed = self._text(goal)
        if '"_"' in printed and _has_placeholder(goal):
            pattern = _pattern_of(goal)
            return pattern, render(pattern)
        return goal, printed


@cache
def _citations(source: str) -> tuple[Citation, ...]:
    """A rule's ``% Source:`` line parsed, once per process (the rules are fixed)."""
    return tuple(parse_source(source))


def term_of_value(
    value: Value, known: dict[Value, explanation.Term] | None = None
) -> explanation.Term:
    """The structured term of a plain value (see :func:`pyknow_bridge.explain.matching.native`);
    ``known``: the terms made so far for one explanation, shared (the parties, the values)."""
    if known is not None:
        found = known.get(value)
        if found is None:
            found = known[value] = _term_of_value(value, known)
        return found
    return _term_of_value(value, None)


def _term_of_value(value: Value, known: dict[Value, explanation.Term] | None) -> explanation.Term:
    if isinstance(value, int):
        return explanation.Term(explanation.INTEGER, value)
    if isinstance(value, str):
        return explanation.Term(explanation.ATOM, value)
    assert isinstance(value, tuple)
    if value[0] == '"':
        return explanation.Term(explanation.STRING, value[1])
    arguments = tuple([term_of_value(v, known) for v in value[1:]])
    return explanation.Term(explanation.COMPOUND, value[0], arguments)


def term_of_pattern(pattern: Term) -> explanation.Term:
    """The structured term of an atom pattern; its unbound variables stay variables."""
    if isinstance(pattern, Var):
        return explanation.Term(explanation.VAR, pattern.name)
    if isinstance(pattern, Const):
        return term_of_value(pattern.value)
    if not pattern.args:
        return explanation.Term(explanation.ATOM, pattern.name)
    arguments = tuple(term_of_pattern(a) for a in pattern.args)
    return explanation.Term(explanation.COMPOUND, pattern.name, arguments)


def derived_text(derivation: str, atoms: frozenset[str]) -> str:
    """The text of the atom a ``derivation("id",Head,(...))`` atom derives, cut from its
    text: the head ends at the first comma after which the text before it, from the head's
    start, is an atom of the scenario (a shorter cut has an unclosed parenthesis; and the
    head holds wherever its derivation does). A rule id holds no quote or comma (the
    rulebook reads ids as ``[a-z0-9_.]+``)."""
    start = derivation.find('",') + 2
    end = derivation.find(",", start)
    while start > 1 and end > 0:
        if derivation[start:end] in atoms:
            return derivation[start:end]
        end = derivation.find(",", end + 1)
    return text_of_value(argument_of_text(derivation, 1))  # (not met in the rules as written)


def _derivation_order(derivation: tuple[str, tuple[Value, ...]]) -> tuple[object, ...]:
    """Where a derivation of an atom (its rule id and premises) stands in clingo's order
    of the derivation atoms: by the rule id, then by the premises."""
    rule_id, premises = derivation
    return (rule_id, clingo_order(("", *premises)))


def _has_placeholder(value: Value) -> bool:
    if isinstance(value, tuple):
        if value[0] == '"':
            return bool(value[1] == "_")
        return any(_has_placeholder(a) for a in value[1:])
    return False


def _pattern_of(value: Value) -> Term:
    """The atom pattern of a derivation premise whose ``"_"`` marks an unbound variable."""
    counter = itertools.count(1)

    def convert(part: Value) -> Term:
        if part == ('"', "_"):
            return Var(f"X{next(counter)}")
        if isinstance(part, tuple) and part[0] != '"':
            return Fn(part[0], tuple(convert(a) for a in part[1:]))
        return Const(part)

    return convert(value)


def _listed_value(term: Term) -> str:
    """One value a list rule lists: its argument (``provided_protection``), not the atom."""
    if isinstance(term, Fn) and len(term.args) == 1:
        return render(term.args[0])
    return render(term)
