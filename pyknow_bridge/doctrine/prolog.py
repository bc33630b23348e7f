"""The rules in force as a Prolog program, generated from the same parsed clingo rules.

:func:`prolog_program` translates a :class:`RuleSet` (its explaining program: every
annotated rule followed by its derivation twin) clause by clause, with clingo's AST:

- pools are expanded (``ast.AST.unpool``); a rule becomes a clause whose body lists the
  positive atoms first, in the order written, then comparisons, negations and aggregates,
  and the translator CHECKS that every variable of a negated goal, comparison or
  aggregate guard is bound by then (a negation is only sound over a ground goal);
- ``not A`` becomes ``\\+ A``; ``#count { T : C } op N`` counts the distinct tuples ``T``;
  a choice among alternatives in a body (``1 { statute(S); regulation(S) }``) becomes
  their disjunction, taken once; comparisons follow clingo's order of terms;
- ``#defined p/n``, and any predicate used without a rule, becomes ``dynamic``;
- every derived predicate is tabled: recursion terminates, and each answer is computed
  once, as clingo's grounding does (plain resolution recomputes shared subgoals, about
  a hundred times slower on these rules); a cycle through negation (a program that is
  not stratified) is refused, since negation over a tabled goal is sound only if its
  table completes first.

Anything else (arithmetic, intervals, ``@`` functions, classical negation, head
aggregates, constraints, other aggregates) is refused with its file and line, never
mistranslated. The prelude (``PRELUDE``) enumerates the scenarios of the disputed
facts explicitly: each subset of them is asserted in turn and the shown atoms collected;
certain is what holds in all, possible what holds in some.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import clingo
from clingo import ast

from pyknow_bridge.core.errors import SolveError
from pyknow_bridge.core.paths import RULES_DIR
from pyknow_bridge.doctrine.rules_in_force import RuleSet

__all__ = [
    "LIFTED_PRELUDE",
    "PRELUDE",
    "PRELUDE_SCENARIOS",
    "PRELUDE_TERMS",
    "PrologTranslationError",
    "lifted_module_name",
    "lifted_program",
    "module_name",
    "prolog_atom",
    "prolog_program",
    "translate_bottom_up",
    "translate_statements",
]

Signature = tuple[str, int]
#: An atom's predicate with the constants it has in each argument (None: anything).
Pattern = tuple[str, int, tuple[str | None, ...]]

#: Helper predicates of the prelude start with this; a rule predicate may not.
HELPER_PREFIX = "pkb_"

_PLAIN_ATOM = re.compile(r"[a-z][A-Za-z0-9_]*")
#: Words Prolog reads as operators or directives: always written quoted.
_OPERATOR_WORDS = frozenset(
    {
        *("is", "as", "mod", "rem", "xor", "div", "rdiv", "dynamic", "discontiguous", "table"),
        *("initialization", "meta_predicate", "module_transparent", "multifile", "public"),
        *("thread_local", "thread_initialization", "volatile", "tnot"),
    }
)


class PrologTranslationError(SolveError):
    """A rule the translator cannot map to Prolog faithfully, with its file and line."""


def prolog_atom(name: str) -> str:
    """A clingo constant or predicate name as a Prolog atom (quoted unless plain)."""
    if _PLAIN_ATOM.fullmatch(name) and name not in _OPERATOR_WORDS:
        return name
    return "'" + name.replace("\\", "\\\\").replace("'", "\\'") + "'"


def prolog_string(value: str) -> str:
    """A clingo string as a Prolog string literal (``double_quotes`` is ``string``)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _location(node: ast.AST) -> Any:
    """A node's location, or its first part's (an atom or a comparison has none)."""
    try:
        return node.location
    except AttributeError:
        pass
    for key in node.child_keys:
        child = getattr(node, key)
        for part in child if isinstance(child, list) else [child]:
            if isinstance(part, ast.AST):
                found = _location(part)
                if found is not None:
                    return found
    return None


def _where(node: ast.AST) -> str:
    """``file:line`` of a node."""
    location = _location(node)
    if location is None:
        return "<unknown>"
    begin = location.begin
    path = Path(begin.filename)
    try:
        shown = path.relative_to(RULES_DIR.parent)
    except ValueError:
        shown = path
    return f"{shown}:{begin.line}"


def _refuse(node: ast.AST, what: str) -> PrologTranslationError:
    return PrologTranslationError(f"{_where(node)}: cannot translate to Prolog: {what}: {node}")


def symbol_text(symbol: clingo.Symbol, node: ast.AST) -> str:
    """A ground clingo symbol as a Prolog term."""
    kind = symbol.type
    if kind == clingo.SymbolType.Number:
        return str(symbol.number)
    if kind == clingo.SymbolType.String:
        return prolog_string(symbol.string)
    if kind == clingo.SymbolType.Infimum:
        return "'#inf'"
    if kind == clingo.SymbolType.Supremum:
        return "'#sup'"
    if not symbol.positive:
        raise _refuse(node, "classical negation")
    if not symbol.arguments:
        return "''()" if symbol.name == "" else prolog_atom(symbol.name)
    arguments = ", ".join(symbol_text(a, node) for a in symbol.arguments)
    return f"{prolog_atom(symbol.name)}({arguments})"


@dataclass
class _Clause:
    """One rule being written: its variable occurrences decide how each is spelled."""

    counts: dict[str, int] = field(default_factory=dict)
    helpers: int = 0

    def fresh(self, name: str) -> str:
        """A variable of the translation's own, distinct from the rule's (`Pkb_` prefix)."""
        self.helpers += 1
        return f"Pkb_{name}{self.helpers}"

    def variable(self, name: str) -> str:
        if name == "_":
            return "_"
        # A variable used once is written `_Name`, so that Prolog warns of no singleton.
        return f"_{name}" if self.counts.get(name, 0) == 1 else name


class _VariableCounter(ast.Transformer):
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def visit_Variable(self, node: ast.AST) -> ast.AST:  # noqa: N802 (clingo's visitor naming)
        self.counts[node.name] = self.counts.get(node.name, 0) + 1
        return node


def _variables(node: ast.AST) -> set[str]:
    counter = _VariableCounter()
    counter(node)
    return {name for name in counter.counts if name != "_"}


def _term(node: ast.AST, clause: _Clause) -> str:
    kind = node.ast_type
    if kind == ast.ASTType.Variable:
        return clause.variable(node.name)
    if kind == ast.ASTType.SymbolicTerm:
        return symbol_text(node.symbol, node)
    if kind == ast.ASTType.Function:
        if node.external:
            raise _refuse(node, "an @-function")
        arguments = ", ".join(_term(a, clause) for a in node.arguments)
        if node.name == "":
            return f"''({arguments})"
        if not node.arguments:
            return prolog_atom(node.name)
        return f"{prolog_atom(node.name)}({arguments})"
    if kind == ast.ASTType.UnaryOperation:
        raise _refuse(node, "arithmetic or classical negation")
    if kind == ast.ASTType.BinaryOperation:
        raise _refuse(node, "arithmetic")
    if kind == ast.ASTType.Interval:
        raise _refuse(node, "an interval")
    if kind == ast.ASTType.Pool:
        raise _refuse(node, "a pool that cannot be expanded")
    raise _refuse(node, f"the term kind {kind.name}")


def _atom_pattern(atom: ast.AST) -> Pattern:
    name, arity = _atom_signature(atom)
    symbol = atom.symbol
    arguments = symbol.arguments if symbol.ast_type == ast.ASTType.Function else []
    constants = tuple(
        str(a.symbol) if a.ast_type == ast.ASTType.SymbolicTerm else None for a in arguments
    )
    return (name, arity, constants)


def _unifiable(one: Pattern, other: Pattern) -> bool:
    return one[:2] == other[:2] and all(
        a is None or b is None or a == b for a, b in zip(one[2], other[2], strict=True)
    )


def _atom_signature(atom: ast.AST) -> Signature:
    symbol = atom.symbol
    if symbol.ast_type == ast.ASTType.Function and not symbol.external:
        return (symbol.name, len(symbol.arguments))
    if symbol.ast_type == ast.ASTType.SymbolicTerm and (
        symbol.symbol.type == clingo.SymbolType.Function and symbol.symbol.positive
    ):
        return (symbol.symbol.name, len(symbol.symbol.arguments))
    if symbol.ast_type == ast.ASTType.UnaryOperation:
        raise _refuse(atom, "classical negation")
    raise _refuse(atom, "an atom that is not a predicate")


_COMPARISON = {
    ast.ComparisonOperator.Equal: "pkb_eq",
    ast.ComparisonOperator.NotEqual: "pkb_ne",
    ast.ComparisonOperator.LessThan: "pkb_lt",
    ast.ComparisonOperator.LessEqual: "pkb_le",
    ast.ComparisonOperator.GreaterThan: "pkb_gt",
    ast.ComparisonOperator.GreaterEqual: "pkb_ge",
}
#: The same comparison with its sides swapped (a left guard `N op T` is `T op' N`).
_FLIPPED = {
    ast.ComparisonOperator.Equal: ast.ComparisonOperator.Equal,
    ast.ComparisonOperator.NotEqual: ast.ComparisonOperator.NotEqual,
    ast.ComparisonOperator.LessThan: ast.ComparisonOperator.GreaterThan,
    ast.ComparisonOperator.LessEqual: ast.ComparisonOperator.GreaterEqual,
    ast.ComparisonOperator.GreaterThan: ast.ComparisonOperator.LessThan,
    ast.ComparisonOperator.GreaterEqual: ast.ComparisonOperator.LessEqual,
}


@dataclass
class _Rule:
    """What the dependency graph needs from a translated rule."""

    head: Pattern
    positive: set[Pattern] = field(default_factory=set)
    negative: set[Pattern] = field(default_factory=set)
    #: The atoms a ``#count`` of the body ranges over (also in positive or negative).
    counted: set[Pattern] = field(default_factory=set)


class _BodyWriter:
    """Writes a rule body in a safe order and checks that every negated goal is ground."""

    def __init__(self, clause: _Clause, rule: _Rule) -> None:
        self.clause = clause
        self.rule = rule
        self.bound: set[str] = set()
        self.goals: list[str] = []

    def require_bound(self, node: ast.AST, names: set[str], what: str) -> None:
        unbound = sorted(names - self.bound)
        if unbound:
            raise PrologTranslationError(
                f"{_where(node)}: unsafe {what}: variable {', '.join(unbound)} is not bound "
                f"by a positive atom before it: {node}"
            )

    def atom_goal(self, atom: ast.AST) -> str:
        signature = _atom_signature(atom)
        if signature[0].startswith(HELPER_PREFIX):
            raise _refuse(atom, f"a predicate named with the prefix {HELPER_PREFIX}")
        return _term(atom.symbol, self.clause)

    def write(self, body: Sequence[ast.AST]) -> None:
        literals = list(body)
        for literal in literals:
            if literal.ast_type != ast.ASTType.Literal:
                raise _refuse(literal, "a conditional literal in a rule body")
        positive = [lit for lit in literals if _is_positive_atom(lit)]
        rest = [lit for lit in literals if not _is_positive_atom(lit)]
        for literal in positive:
            self.goals.append(self.atom_goal(literal.atom))
            self.rule.positive.add(_atom_pattern(literal.atom))
            self.bound |= _variables(literal)
        # Assignments `X = t` bind X; they go before the tests that may need X.
        rest.sort(key=lambda lit: 0 if _is_assignment(lit) else 1)
        for literal in rest:
            self.goals.append(self.other(literal))

    def other(self, literal: ast.AST) -> str:
        atom = literal.atom
        kind = atom.ast_type
        if literal.sign == ast.Sign.DoubleNegation:
            raise _refuse(literal, "double negation")
        negated = literal.sign == ast.Sign.Negation
        if kind == ast.ASTType.SymbolicAtom:
            self.require_bound(literal, _variables(atom), "negation")
            self.rule.negative.add(_atom_pattern(atom))
            return f"\\+ {self.atom_goal(atom)}"
        if kind == ast.ASTType.BooleanConstant:
            return "fail" if atom.value != negated else "true"
        if negated:
            raise _refuse(literal, "a negated comparison or aggregate")
        if kind == ast.ASTType.Comparison:
            return self.comparison(atom)
        if kind == ast.ASTType.BodyAggregate:
            return self.count(atom)
        if kind == ast.ASTType.Aggregate:
            return self.alternatives(atom)
        raise _refuse(literal, f"the literal kind {kind.name}")

    def comparison(self, node: ast.AST) -> str:
        if len(node.guards) != 1:
            raise _refuse(node, "a chained comparison")
        guard = node.guards[0]
        left, right = node.term, guard.term
        operator = guard.comparison
        if operator == ast.ComparisonOperator.Equal:
            # `X = t` with X unbound is an assignment, which unification performs.
            left_free = _variables(left) - self.bound
            right_free = _variables(right) - self.bound
            if left_free and right_free:
                self.require_bound(node, left_free | right_free, "comparison")
            self.bound |= left_free | right_free
            return f"{_term(left, self.clause)} = {_term(right, self.clause)}"
        self.require_bound(node, _variables(node), "comparison")
        return f"{_COMPARISON[operator]}({_term(left, self.clause)}, {_term(right, self.clause)})"

    def count(self, node: ast.AST) -> str:
        if node.function != ast.AggregateFunction.Count:
            raise _refuse(node, "an aggregate other than #count")
        outer = set(self.bound)
        before = self.rule.positive | self.rule.negative
        local = _BodyWriter(self.clause, self.rule)
        tuples: list[str] = []
        goals: list[str] = []
        for element in node.elements:
            local.bound = set(outer)
            local.goals = []
            local.write(element.condition)
            local.require_bound(node, set().union(*map(_variables, element.terms)), "#count")
            terms = ", ".join(_term(t, self.clause) for t in element.terms)
            tuples.append(f"''({terms})")
            goals.append(", ".join(local.goals) or "true")
        # Each element contributes its tuples; #count counts the distinct ones.
        each, found, distinct, count = (self.clause.fresh(n) for n in ("T", "L", "S", "N"))
        parts = [f"({goal}), {each} = {term}" for goal, term in zip(goals, tuples, strict=True)]
        self.rule.counted |= (self.rule.positive | self.rule.negative) - before
        collect = f"findall({each}, ({' ; '.join(f'({p})' for p in parts)}), {found})"
        tests = [f"{collect}, sort({found}, {distinct}), length({distinct}, {count})"]
        tests.extend(self.guards(node, count))
        return "(" + ", ".join(tests) + ")"

    def guards(self, node: ast.AST, value: str) -> list[str]:
        tests: list[str] = []
        if node.left_guard is not None:
            guard = node.left_guard
            self.require_bound(node, _variables(guard.term), "aggregate guard")
            operator = _COMPARISON[_FLIPPED[guard.comparison]]
            tests.append(f"{operator}({value}, {_term(guard.term, self.clause)})")
        if node.right_guard is not None:
            guard = node.right_guard
            self.require_bound(node, _variables(guard.term), "aggregate guard")
            operator = _COMPARISON[guard.comparison]
            tests.append(f"{operator}({value}, {_term(guard.term, self.clause)})")
        return tests

    def alternatives(self, node: ast.AST) -> str:
        """``1 { a; b }`` in a body: at least one alternative holds (taken once)."""
        guard = node.left_guard
        lower_one = (
            guard is not None
            and guard.comparison == ast.ComparisonOperator.LessEqual
            and guard.term.ast_type == ast.ASTType.SymbolicTerm
            and guard.term.symbol == clingo.Number(1)
        )
        if not lower_one or node.right_guard is not None:
            raise _refuse(node, "a body choice other than `1 { ... }`")
        options: list[str] = []
        for element in node.elements:
            if element.condition or not _is_positive_atom(element.literal):
                raise _refuse(node, "a conditional alternative")
            self.require_bound(node, _variables(element.literal), "alternative")
            self.rule.positive.add(_atom_pattern(element.literal.atom))
            options.append(self.atom_goal(element.literal.atom))
        return f"once(({' ; '.join(options)}))"


def _is_positive_atom(literal: ast.AST) -> bool:
    return (
        literal.ast_type == ast.ASTType.Literal
        and literal.sign == ast.Sign.NoSign
        and literal.atom.ast_type == ast.ASTType.SymbolicAtom
    )


def _is_assignment(literal: ast.AST) -> bool:
    atom = literal.atom
    return (
        atom.ast_type == ast.ASTType.Comparison
        and len(atom.guards) == 1
        and atom.guards[0].comparison == ast.ComparisonOperator.Equal
    )


@dataclass
class _Program:
    clauses: list[str] = field(default_factory=list)
    rules: list[_Rule] = field(default_factory=list)
    #: Each rule's origin, head and body goals (the clause in parts), as ``rules``.
    parts: list[tuple[str, str, list[str]]] = field(default_factory=list)
    defined: set[Signature] = field(default_factory=set)
    shown: list[Signature] = field(default_factory=list)


def _translate_rule(rule: ast.AST, program: _Program) -> None:
    head = rule.head
    if head.ast_type != ast.ASTType.Literal or head.atom.ast_type != ast.ASTType.SymbolicAtom:
        raise _refuse(
            rule, "a rule head that is not one atom (a choice, disjunction or constraint)"
        )
    if head.sign != ast.Sign.NoSign:
        raise _refuse(rule, "a negated head")
    counter = _VariableCounter()
    counter(rule)
    clause = _Clause(counter.counts)
    translated = _Rule(_atom_pattern(head.atom))
    if translated.head[0].startswith(HELPER_PREFIX):
        raise _refuse(rule, f"a predicate named with the prefix {HELPER_PREFIX}")
    writer = _BodyWriter(clause, translated)
    writer.write(rule.body)
    writer.require_bound(rule, _variables(head), "head")
    head_text = _term(head.atom.symbol, clause)
    text = f"% {_where(rule)}\n{head_text}"
    if writer.goals:
        text += " :-\n    " + ",\n    ".join(writer.goals)
    program.clauses.append(text + ".")
    program.rules.append(translated)
    program.parts.append((_where(rule), head_text, writer.goals))


def _translate(statement: ast.AST, program: _Program) -> None:
    kind = statement.ast_type
    if kind in (ast.ASTType.Comment, ast.ASTType.Program):
        if kind == ast.ASTType.Program and (statement.name != "base" or statement.parameters):
            raise _refuse(statement, "a #program part other than base")
        return
    if kind == ast.ASTType.Defined:
        program.defined.add((statement.name, statement.arity))
        return
    if kind == ast.ASTType.ShowSignature:
        program.shown.append((statement.name, statement.arity))
        return
    if kind == ast.ASTType.Rule:
        for rule in statement.unpool():
            _translate_rule(rule, program)
        return
    raise _refuse(statement, f"the statement kind {kind.name}")


def _strongly_connected(graph: dict[Pattern, set[Pattern]]) -> list[set[Pattern]]:
    """Tarjan's components of the dependency graph."""
    index: dict[Pattern, int] = {}
    low: dict[Pattern, int] = {}
    stack: list[Pattern] = []
    on_stack: set[Pattern] = set()
    components: list[set[Pattern]] = []

    def visit(node: Pattern) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in sorted(graph.get(node, ()), key=repr):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component: set[Pattern] = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            components.append(component)

    for node in sorted(graph, key=repr):
        if node not in index:
            visit(node)
    return components


def _strata(rules: list[_Rule]) -> list[tuple[set[Pattern], bool]]:
    """The rules' heads in components of their dependency graph, each after those it
    depends on, with whether it is recursive; a cycle through negation or ``#count`` is
    refused.

    The graph's nodes are rule heads with their constants, so that
    ``element(P, D, E, not_met) :- ..., not element(P, D, E, met)`` is no cycle: the
    negated atom cannot unify with that head.
    """
    heads = {rule.head for rule in rules}
    graph: dict[Pattern, set[Pattern]] = {head: set() for head in heads}
    negative: dict[Pattern, set[Pattern]] = {head: set() for head in heads}
    for rule in rules:
        for called in rule.positive | rule.negative:
            reached = {head for head in heads if _unifiable(called, head)}
            graph[rule.head] |= reached
            if called in rule.negative or called in rule.counted:
                negative[rule.head] |= reached
    strata = [(c, _recursive(c, graph)) for c in _strongly_connected(graph)]
    for component, recursive in strata:
        if recursive and any(negative[member] & component for member in component):
            names = ", ".join(sorted({f"{n}/{a}" for n, a, _ in component}))
            raise PrologTranslationError(
                f"the rules are not stratified: {names} depend on themselves through `not` "
                "or #count"
            )
    return strata


def _recursive(component: set[Pattern], graph: dict[Pattern, set[Pattern]]) -> bool:
    node = next(iter(component))
    return len(component) > 1 or node in graph[node]


def _signatures(signatures: Iterable[Signature]) -> str:
    return ", ".join(f"{prolog_atom(name)}/{arity}" for name, arity in sorted(set(signatures)))


#: What a generated module exports: the entry points for a Prolog user.
EXPORTS = "[pkb_consult_facts/1, pkb_certain/1, pkb_possible/1]"


def module_name(views: Sequence[str]) -> str:
    """The Prolog module of the program of ``views``: ``public_duty``, or with the views."""
    return "_".join(("public_duty", *views))


def lifted_module_name(views: Sequence[str]) -> str:
    """The Prolog module of the lifted program of ``views`` (for batch)."""
    return "lifted_" + module_name(views)


def translate_statements(
    explaining: Iterable[ast.AST],
    shown_from: Iterable[ast.AST],
    title: str,
    module: str = "public_duty",
) -> str:
    """The Prolog program (module ``module``) of the ``explaining`` statements, showing
    what ``shown_from`` shows (its ``#show`` lines)."""
    program = _Program()
    for statement in explaining:
        _translate(statement, program)
    shown = _Program()
    for statement in shown_from:
        if statement.ast_type == ast.ASTType.ShowSignature:
            _translate(statement, shown)
    heads = {rule.head[:2] for rule in program.rules}
    used = {p[:2] for rule in program.rules for p in rule.positive | rule.negative}
    dynamic = (program.defined | used) - heads
    everything = heads | dynamic
    lines = [
        f"% {title}",
        "% Generated from the clingo rules by `pyknow-bridge export --prolog`; do not edit.",
        "% Each clause names the rule file and line it comes from.",
        f":- module({prolog_atom(module)}, {EXPORTS}).",
        ":- set_prolog_flag(double_quotes, string).",
    ]
    if dynamic:
        lines.append(f":- dynamic(({_signatures(dynamic)})).")
    _strata(program.rules)
    lines.append(f":- discontiguous(({_signatures(heads)})).")
    lines.append(f":- table(({_signatures(heads)})).")
    lines.append("")
    lines.append(PRELUDE)
    lines.append("% The shown predicates (rules/show.lp) and every predicate of the program.")
    lines.extend(f"pkb_shown({prolog_atom(n)}, {a})." for n, a in shown.shown)
    lines.extend(f"pkb_predicate({prolog_atom(n)}, {a})." for n, a in sorted(everything))
    lines.append("")
    lines.append("% The rules, each followed by its derivation twin (rule id, head, premises).")
    lines.extend(program.clauses)
    return "\n".join(lines) + "\n"


def prolog_program(rules: RuleSet) -> str:
    """The Prolog program of the rules in force (majority plus ``rules.views``)."""
    views = ", ".join(rules.views) or "none"
    title = f"The public duty doctrine as Prolog (views: {views})."
    return translate_statements(rules.explaining, rules.statements, title, module_name(rules.views))


def lifted_program(rules: RuleSet) -> str:
    """The Prolog program of the rules in force lifted over a case argument
    (:attr:`RuleSet.lifted`, the program clingo's batch grounds), evaluated bottom-up,
    with the batch entry point ``pkb_batch_text/2``: many cases solved by one query."""
    views = ", ".join(rules.views) or "none"
    title = f"The public duty doctrine as Prolog, lifted over a case argument (views: {views})."
    return translate_bottom_up(rules.lifted, title, lifted_module_name(rules.views))


def translate_bottom_up(statements: Iterable[ast.AST], title: str, module: str) -> str:
    """The Prolog program (module ``module``) of ``statements``, evaluated bottom-up.

    Every predicate is ``dynamic``: ``pkb_derive/0`` runs the rules in the order of
    their dependencies (:func:`_strata`), each rule asserting every new head its body
    proves, a recursive component until nothing new is derived. Each negation and
    ``#count`` then looks at predicates already complete, so the result is the
    stratified model clingo computes. For many cases at once this is several times
    faster than tabling, which builds a table per call of each predicate and case.
    """
    program = _Program()
    for statement in statements:
        _translate(statement, program)
    heads = {rule.head[:2] for rule in program.rules}
    used = {p[:2] for rule in program.rules for p in rule.positive | rule.negative}
    everything = heads | used | program.defined
    lines = [
        f"% {title}",
        "% Generated from the clingo rules by pyknow-bridge (batch); do not edit.",
        "% Each rule names the rule file and line it comes from.",
        f":- module({prolog_atom(module)}, [pkb_batch_text/2]).",
        ":- set_prolog_flag(double_quotes, string).",
        f":- dynamic(({_signatures(everything)})).",
        "",
        PRELUDE_TERMS,
        LIFTED_PRELUDE,
        "% The shown predicates (rules/show.lp) and every predicate of the program.",
    ]
    lines.extend(f"pkb_shown({prolog_atom(n)}, {a})." for n, a in program.shown)
    lines.extend(f"pkb_predicate({prolog_atom(n)}, {a})." for n, a in sorted(everything))
    steps: list[str] = []
    for component, recursive in _strata(program.rules):
        members = [
            f"pkb_rule_{number}"
            for number, rule in enumerate(program.rules)
            if rule.head in component
        ]
        if recursive:
            steps.append(f"pkb_fixpoint(({', '.join(members)}))")
        else:
            steps.extend(members)
    lines.append("")
    lines.append("% Every rule, each once those it depends on are complete.")
    lines.append("pkb_derive :-\n    " + ",\n    ".join([*steps, "true"]) + ".")
    lines.append("")
    lines.append("% The rules: each asserts every head its body proves.")
    for number, (where, head, goals) in enumerate(program.parts):
        body = ",\n        ".join(goals) or "true"
        lines.append(f"% {where}\npkb_rule_{number} :-")
        lines.append(f"    forall((\n        {body}),\n      pkb_add({head})).")
    return "\n".join(lines) + "\n"


#: The batch entry point of a lifted program: every atom's first argument is a case
#: (one scenario of a case's disputed facts), so one query solves them all.
LIFTED_PRELUDE = r"""% ---------------------------------------------------------------------------
% Batch: the rules lifted over a case argument. Every atom's first argument is a case
% (one scenario of a case's disputes); cases do not interact.
% ---------------------------------------------------------------------------

% pkb_batch_text(+Facts, -Text): with the lifted Facts asserted and every rule
% applied, every shown atom of every case, one a line, as clingo writes it. Every
% predicate is emptied before and after.
pkb_batch_text(Facts, Text) :-
    setup_call_cleanup(
        ( pkb_forget, pkb_assert_all(Facts) ),
        ( pkb_derive, findall(A, (pkb_shown(N, K), functor(A, N, K), call(A)), Found) ),
        pkb_forget),
    sort(Found, Atoms),
    with_output_to(string(Quick),
        forall(lists:member(A, Atoms), ( write_term(A, [quoted(true), ignore_ops(true)]), nl ))),
    (   pkb_as_clingo_writes(Quick)
    ->  Text = Quick
    ;   with_output_to(string(Text), forall(lists:member(A, Atoms), ( pkb_write(A), nl )))
    ).

pkb_forget :- forall(pkb_predicate(N, K), ( functor(A, N, K), retractall(A) )).

% A head is asserted once; a new one marks the round of a fixpoint as not the last.
pkb_add(Head) :- ( call(Head) -> true ; assertz(Head), nb_setval(pkb_new, true) ).
pkb_fixpoint(Round) :-
    nb_setval(pkb_new, false),
    Round,
    ( nb_getval(pkb_new, true) -> pkb_fixpoint(Round) ; true ).

% Prolog's quoted writing of ground terms is clingo's text unless it quoted an atom
% (a tuple, `#inf`, a name with a prime) or escaped a character of a string: then each
% atom is written by pkb_write instead (slower, exact).
pkb_as_clingo_writes(Text) :-
    \+ sub_string(Text, _, _, _, "'"), \+ sub_string(Text, _, _, _, "\\").

"""


#: The helpers every generated program carries: clingo's order of terms, asserting a
#: case's facts all or nothing, and atoms written as clingo text.
PRELUDE_TERMS = r"""% ---------------------------------------------------------------------------
% Prelude: the same in every generated program. Library predicates are called with
% their module (`lists:member`): the doctrine's own `member/2` is a fact of a case.
% ---------------------------------------------------------------------------

% clingo's order of terms: #inf < numbers < constants < strings < functions (by
% arity, name, arguments) < #sup.
pkb_key('#inf', k(0, 0, 0, [])) :- !.
pkb_key('#sup', k(9, 0, 0, [])) :- !.
pkb_key(N, k(1, N, 0, [])) :- integer(N), !.
pkb_key(S, k(3, S, 0, [])) :- string(S), !.
pkb_key(A, k(2, 0, A, [])) :- atom(A), !.
pkb_key(T, k(R, Arity, Name, Keys)) :-
    compound_name_arguments(T, Name, Args),
    length(Args, Arity),
    ( Arity =:= 0 -> R = 2 ; R = 4 ),
    pkb_keys(Args, Keys).
pkb_keys([], []).
pkb_keys([A|As], [K|Ks]) :- pkb_key(A, K), pkb_keys(As, Ks).
pkb_compare(Order, A, B) :- pkb_key(A, KA), pkb_key(B, KB), compare(Order, KA, KB).
pkb_eq(A, B) :- A == B.
pkb_ne(A, B) :- A \== B.
pkb_lt(A, B) :- pkb_compare(<, A, B).
pkb_gt(A, B) :- pkb_compare(>, A, B).
pkb_le(A, B) :- \+ pkb_compare(>, A, B).
pkb_ge(A, B) :- \+ pkb_compare(<, A, B).

% All or nothing: a fact that cannot be asserted (of a rule's predicate, say) takes
% back those asserted before it, then raises.
pkb_assert_all(Facts) :- pkb_assert_all(Facts, []).
pkb_assert_all([], _).
pkb_assert_all([F|Fs], Done) :-
    catch(assertz(F), Error, (pkb_retract_all(Done), throw(Error))),
    pkb_assert_all(Fs, [F|Done]).
pkb_retract_all([]).
pkb_retract_all([F|Fs]) :- once(retract(F)), pkb_retract_all(Fs).

% Terms written as clingo writes them.
pkb_write(T) :- integer(T), !, write(T).
pkb_write(T) :- atom(T), !, write(T).
pkb_write(T) :- string(T), !,
    write('"'),
    (   pkb_plain(T)
    ->  write(T)
    ;   string_codes(T, Codes), forall(lists:member(C, Codes), pkb_put(C))
    ),
    write('"').
pkb_write(T) :-
    compound_name_arguments(T, Name, Args),
    (   Name == ''
    ->  write('('), pkb_write_arguments(Args), ( Args = [_] -> write(',') ; true ), write(')')
    ;   write(Name), write('('), pkb_write_arguments(Args), write(')')
    ).
pkb_write_arguments([]).
pkb_write_arguments([A|As]) :-
    pkb_write(A), forall(lists:member(B, As), (write(','), pkb_write(B))).
% A string without a character to escape (every rule id) is written as it is.
pkb_plain(S) :-
    \+ sub_string(S, _, _, _, "\\"), \+ sub_string(S, _, _, _, "\""),
    \+ sub_string(S, _, _, _, "\n").
pkb_put(0'\\) :- !, write('\\\\').
pkb_put(0'") :- !, write('\\"').
pkb_put(0'\n) :- !, write('\\n').
pkb_put(C) :- put_code(C).

"""

#: The single-case program's helpers: scenarios of the disputed facts, their atoms as
#: clingo text, and an entry point for a Prolog user (``pkb_consult_facts/1``,
#: ``pkb_certain/1``, ``pkb_possible/1``).
PRELUDE_SCENARIOS = r"""% Scenarios of the disputed facts, each asserted in turn (single cases).
% pkb_scenarios(+Base, +Choices, +Which, -Scenarios): with the facts Base asserted,
% one Bits-Atoms pair per subset of the disputed facts Choices (Bits: 1 if asserted).
% Which is `shown` (the #show predicates) or `all` (every atom, derivations too).
pkb_scenarios(Base, Choices, Which, Scenarios) :-
    setup_call_cleanup(
        pkb_assert_all(Base),
        findall(Bits-Atoms, pkb_scenario(Base, Choices, Which, Bits, Atoms), Scenarios),
        pkb_retract_all(Base)).

pkb_scenario(Base, Choices, Which, Bits, Atoms) :-
    pkb_subset(Choices, Bits, Chosen),
    setup_call_cleanup(
        pkb_assert_all(Chosen),
        ( abolish_all_tables, pkb_atoms(Which, Base, Chosen, Atoms) ),
        pkb_retract_all(Chosen)).

pkb_subset([], [], []).
pkb_subset([F|Fs], [1|Bits], [F|Chosen]) :- pkb_subset(Fs, Bits, Chosen).
pkb_subset([_|Fs], [0|Bits], Chosen) :- pkb_subset(Fs, Bits, Chosen).

pkb_atoms(shown, _, _, Atoms) :-
    findall(A, (pkb_shown(N, K), functor(A, N, K), call(A)), Found),
    sort(Found, Atoms).
pkb_atoms(all, Base, Chosen, Atoms) :-
    findall(A, (pkb_predicate(N, K), functor(A, N, K), call(A)), Found),
    lists:append([Base, Chosen, Found], Every),
    sort(Every, Atoms).

% pkb_consequences(+Base, +Choices, -Certain, -Possible): the shown atoms true in every
% scenario and in some scenario.
pkb_consequences(Base, Choices, Certain, Possible) :-
    pkb_scenarios(Base, Choices, shown, Scenarios),
    Scenarios = [_-First|Rest],
    pkb_meet_join(Rest, First, Certain, First, Possible).
pkb_meet_join([], Certain, Certain, Possible, Possible).
pkb_meet_join([_-Atoms|Rest], Meet0, Certain, Join0, Possible) :-
    ordsets:ord_intersection(Meet0, Atoms, Meet),
    ordsets:ord_union(Join0, Atoms, Join),
    pkb_meet_join(Rest, Meet, Certain, Join, Possible).

% Atoms written as clingo writes them, a tuple `(a,b,)` per list.
pkb_write_tuple(Atoms) :-
    write('('), forall(lists:member(A, Atoms), (pkb_write(A), write(','))), write(')').
% pkb_solve_text(+Base, +Choices, -Text): "Certain\nPossible" as clingo tuples.
pkb_solve_text(Base, Choices, Text) :-
    pkb_consequences(Base, Choices, Certain, Possible),
    with_output_to(string(Text),
        ( pkb_write_tuple(Certain), nl, pkb_write_tuple(Possible) )).

% pkb_scenarios_text(+Base, +Choices, -Text): a line "Bits Atoms" per scenario, every atom.
pkb_scenarios_text(Base, Choices, Text) :-
    pkb_scenarios(Base, Choices, all, Scenarios),
    with_output_to(string(Text),
        forall(lists:member(Bits-Atoms, Scenarios),
               ( forall(lists:member(B, Bits), write(B)), write(' '),
                 pkb_write_tuple(Atoms), nl ))).

% For a Prolog user: read a fact file (plain facts, `%` comments), then ask what is
% certain (true whichever way the disputed facts come out) or possible:
%   $ swipl prolog/public_duty.pl
%   ?- pkb_consult_facts('facts/cases/valdez.lp'), pkb_certain(outcome(P, D, O)).
:- dynamic(pkb_case_fact/1).
pkb_consult_facts(File) :-
    retractall(pkb_case_fact(_)),
    setup_call_cleanup(open(File, read, In), pkb_read_facts(In), close(In)).
pkb_read_facts(In) :-
    read_term(In, Fact, []),
    (   Fact == end_of_file
    ->  true
    ;   assertz(pkb_case_fact(Fact)), pkb_read_facts(In)
    ).
pkb_case(Base, Choices) :-
    findall(F, pkb_case_fact(F), Facts),
    findall(F, (lists:member(disputed(F), Facts), memberchk(F, Facts)), Disputed),
    lists:list_to_set(Disputed, Choices),
    findall(F, (lists:member(F, Facts), \+ memberchk(F, Choices)), Base).
pkb_certain(Atom) :-
    pkb_case(Base, Choices), pkb_consequences(Base, Choices, Certain, _),
    lists:member(Atom, Certain).
pkb_possible(Atom) :-
    pkb_case(Base, Choices), pkb_consequences(Base, Choices, _, Possible),
    lists:member(Atom, Possible).
"""

PRELUDE = PRELUDE_TERMS + PRELUDE_SCENARIOS
