"""Evaluate a rule body against one answer set, to say which condition failed.

"Why not" asks, for a conclusion that does not hold, what each rule that could have
derived it was missing. The answer set is known, so no solving is needed: the body is
matched left to right, as the rule is written, against the atoms of the model, and
the condition where the best partial match stops is the one that failed.

Rules are compiled once from clingo's AST into plain Python terms: reading AST
attributes through clingo's C API is too slow to do inside a search.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

import clingo
from clingo import ast

#: A ground value as plain Python: an int, a constant's name, ('"', text) for a string,
#: or (name, arg, ...) for a function term. Matching on these avoids clingo's C API.
Value = object
Bindings = dict[str, Value]


def native(symbol: clingo.Symbol) -> Value:
    """The plain Python form of a clingo symbol."""
    kind = symbol.type
    if kind == clingo.SymbolType.Number:
        return symbol.number
    if kind == clingo.SymbolType.String:
        return ('"', symbol.string)
    if kind == clingo.SymbolType.Function:
        name = ("-" if symbol.negative else "") + symbol.name
        arguments = symbol.arguments
        if not arguments and name:
            return name
        return (name, *[native(a) for a in arguments])
    return str(symbol)  # #inf, #sup


def to_symbol(value: Value) -> clingo.Symbol:
    """The clingo symbol of a plain Python value."""
    if isinstance(value, int):
        return clingo.Number(value)
    if isinstance(value, str):
        if value.startswith("#"):
            return clingo.Infimum if value == "#inf" else clingo.Supremum
        return clingo.Function(value.lstrip("-"), [], not value.startswith("-"))
    assert isinstance(value, tuple)
    if value[0] == '"':
        return clingo.String(value[1])
    name = value[0]
    return clingo.Function(
        name.lstrip("-"), [to_symbol(v) for v in value[1:]], not name.startswith("-")
    )


def text(value: Value) -> str:
    """A value written as clingo writes it."""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value
    assert isinstance(value, tuple)
    if value[0] == '"':
        escaped = value[1].replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        return f'"{escaped}"'
    if value[0] == "" and len(value) == 2:  # a tuple of one
        return f"({text(value[1])},)"
    arguments = value[1:]
    try:
        inner = ",".join(arguments)  # constants only, most often
    except TypeError:
        inner = ",".join([text(v) for v in arguments])
    return f"{value[0]}({inner})"


def clingo_order(value: Value) -> tuple[object, ...]:
    """A sort key putting plain values in the order clingo gives their symbols: ``#inf``,
    numbers, constants, classically negated constants, strings, functions (positive ones
    first, then by arity, name and arguments), ``#sup`` (a test checks it against clingo)."""
    if isinstance(value, int):
        return (1, value)
    if isinstance(value, str):
        if value == "#inf":
            return (0,)
        if value == "#sup":
            return (7,)
        return (3, value[1:]) if value.startswith("-") else (2, value)
    assert isinstance(value, tuple)
    name = value[0]
    if name == '"':
        return (4, value[1])
    negated = name.startswith("-")
    if len(value) == 1:  # the empty tuple, ordered as a constant named ""
        return (2, name)
    arguments = tuple(clingo_order(argument) for argument in value[1:])
    return (6 if negated else 5, len(value) - 1, name[1:] if negated else name, arguments)


#: The tokens of a term as clingo prints it: a string, a number, ``#inf``/``#sup``, a
#: (possibly classically negated) name, or punctuation.
_TOKENS = re.compile(r'"(?:[^"\\]|\\.)*"|-?[0-9]+|#inf|#sup|-?_*[a-z][A-Za-z0-9_\']*|[(),]')
_ESCAPED = re.compile(r"\\(.)")


#: A constant or a number, and a flat atom: a name with constants and numbers as arguments
#: (most atoms of a case), read without tokenizing.
_NAME = r"-?_*[a-z][A-Za-z0-9_']*"
_SIMPLE = rf"(?:-?[0-9]+|{_NAME})"
_FLAT = re.compile(rf"({_NAME})\(({_SIMPLE}(?:,{_SIMPLE})*)\)")
_CONSTANT = re.compile(_SIMPLE)


def value_of_text(printed: str) -> Value:
    """The plain value of a term from the text clingo prints for it: what :func:`native`
    gives for the symbol, without a call into clingo per part (a test checks the two agree).
    """
    flat = _FLAT.fullmatch(printed)
    if flat is not None:
        return (flat[1], *map(_simple_value, flat[2].split(",")))
    if _CONSTANT.fullmatch(printed):
        return _simple_value(printed)
    tokens = _TOKENS.findall(printed)
    refused = ValueError(f"not a term as clingo prints it: {printed!r}")
    try:
        value, end = _parse_value(tokens, 0)
    except (IndexError, ValueError):  # the text ended inside a term, or lacks one
        raise refused from None
    if end != len(tokens) or "".join(tokens) != printed:
        raise refused
    return value


def _simple_value(part: str) -> Value:
    """A number or a constant, as :data:`_SIMPLE` matched it."""
    first = part[0]
    return int(part) if first.isdigit() or (first == "-" and part[1].isdigit()) else part


def argument_of_text(printed: str, position: int) -> Value:
    """The plain value of one argument of an atom from its text, the arguments after it
    left unread (the derived atom of a long ``derivation`` atom, say). For text clingo
    printed: unlike :func:`value_of_text`, the rest of the text is not checked."""
    tokens = _TOKENS.findall(printed)
    try:
        at = 2  # past the name and its parenthesis
        for _ in range(position):
            _, at = _parse_value(tokens, at)
            at += 1  # past the comma
        value, _ = _parse_value(tokens, at)
    except (IndexError, ValueError):
        raise ValueError(f"no argument {position} in {printed!r}") from None
    return value


def _parse_value(tokens: list[str], at: int) -> tuple[Value, int]:
    token = tokens[at]
    first = token[0]
    if first == '"':
        body = token[1:-1]
        if "\\" in body:
            body = _ESCAPED.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), body)
        return ('"', body), at + 1
    if first.isdigit() or (first == "-" and token[1:2].isdigit()):
        return int(token), at + 1
    if first == "(":
        arguments, at = _parse_arguments(tokens, at + 1)
        return ("", *arguments), at
    if first in "),":
        raise ValueError("a term was expected")
    at += 1
    if at < len(tokens) and tokens[at] == "(":
        arguments, at = _parse_arguments(tokens, at + 1)
        return (token, *arguments), at
    return token, at


def _parse_arguments(tokens: list[str], at: int) -> tuple[list[Value], int]:
    """The arguments after an opening parenthesis, up to its closing one (``(a,)`` is a
    tuple of one)."""
    arguments: list[Value] = []
    if tokens[at] == ")":
        return arguments, at + 1
    while True:
        value, at = _parse_value(tokens, at)
        arguments.append(value)
        separator = tokens[at]
        if separator == ")":
            return arguments, at + 1
        if tokens[at + 1] == ")":
            return arguments, at + 2
        at += 1


# --- Terms -------------------------------------------------------------------------


@dataclass(frozen=True)
class Var:
    name: str


@dataclass(frozen=True)
class Const:
    value: Value


@dataclass(frozen=True)
class Fn:
    name: str
    args: tuple[Term, ...]


Term = Var | Const | Fn


def compile_term(node: ast.AST) -> Term:
    kind = node.ast_type
    if kind == ast.ASTType.Variable:
        return Var(node.name)
    if kind == ast.ASTType.SymbolicTerm:
        return Const(native(node.symbol))
    if kind == ast.ASTType.Function:
        return Fn(node.name, tuple(compile_term(a) for a in node.arguments))
    raise ValueError(f"unsupported term in a rule: {node}")


def unify(term: Term, value: Value, bindings: Bindings) -> Bindings | None:
    """Extend ``bindings`` so that ``term`` equals ``value``, or None if it cannot.

    ``bindings`` is never changed: an extension is a new dict, made once per call. (The
    search unifies thousands of times per case, so the common shapes of an argument, a
    variable or a constant, are matched in the loop rather than by a call each.)
    """
    if type(term) is Fn:
        return _unify_function(term, value, bindings)
    if type(term) is Var:
        if term.name == "_":
            return bindings
        bound = bindings.get(term.name, _UNBOUND)
        if bound is _UNBOUND:
            return {**bindings, term.name: value}
        return bindings if bound == value else None
    assert isinstance(term, Const)
    return bindings if term.value == value else None


def _unify_function(term: Fn, value: Value, bindings: Bindings) -> Bindings | None:
    arguments = term.args
    if not arguments:
        return bindings if value == term.name else None
    if type(value) is not tuple or len(value) != len(arguments) + 1 or value[0] != term.name:
        return None
    current = bindings
    own = False  # whether ``current`` is this call's own copy, free to extend in place
    for position, argument in enumerate(arguments, 1):
        part = value[position]
        if type(argument) is Var:
            if argument.name == "_":
                continue
            bound = current.get(argument.name, _UNBOUND)
            if bound is _UNBOUND:
                if not own:
                    current, own = dict(current), True
                current[argument.name] = part
            elif bound != part:
                return None
        elif type(argument) is Const:
            if argument.value != part:
                return None
        else:
            extended = unify(argument, part, current)
            if extended is None:
                return None
            own = own or extended is not current
            current = extended
    return current


#: Marks a variable without a binding (a binding may be any value).
_UNBOUND = object()


def instantiate(term: Term, bindings: Bindings) -> Value | None:
    """The ground value of ``term`` under ``bindings``, or None if a variable is unbound."""
    kind = type(term)
    if kind is Var:
        return bindings.get(term.name)  # type: ignore[union-attr]
    if kind is Const:
        return term.value  # type: ignore[union-attr]
    assert isinstance(term, Fn)
    if not term.args:
        return term.name
    values: list[Value] = [term.name]
    for argument in term.args:  # the common shapes in the loop, as in unify; stop at unbound
        shape = type(argument)
        if shape is Var:
            value = bindings.get(argument.name)  # type: ignore[union-attr]
        elif shape is Const:
            value = argument.value  # type: ignore[union-attr]
        else:
            value = instantiate(argument, bindings)
        if value is None:
            return None
        values.append(value)
    return tuple(values)


def substitute(term: Term, bindings: Bindings) -> Term:
    """``term`` with its bound variables replaced by their values."""
    if isinstance(term, Var):
        return Const(bindings[term.name]) if term.name in bindings else term
    if isinstance(term, Fn):
        return Fn(term.name, tuple(substitute(a, bindings) for a in term.args))
    return term


def render(term: Term, bindings: Bindings | None = None) -> str:
    """``term`` as text, with bound variables filled in."""
    bindings = bindings or {}
    if isinstance(term, Var):
        return text(bindings[term.name]) if term.name in bindings else term.name
    if isinstance(term, Const):
        return text(term.value)
    if not term.args:
        return term.name
    return f"{term.name}({','.join([render(a, bindings) for a in term.args])})"


def render_bindings(bindings: Bindings) -> str:
    """Bindings as text, in name order: ``P=valdez,D=city``."""
    return ",".join(f"{name}={text(value)}" for name, value in sorted(bindings.items()))


# --- The model -----------------------------------------------------------------------


class Model:
    """The atoms of one answer set as plain values, indexed by predicate and by argument.

    An atom is parsed from its text when its predicate is first asked about: an
    explanation asks about half of a case's predicates, the rest (the lists of
    ``rules/routes.lp``, say) it never needs.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        """``texts``: the atoms as clingo prints them (the texts also order them: stable
        explanations)."""
        self._unread: dict[str, list[str]] = defaultdict(list)
        for printed in texts:
            cut = printed.find("(")
            self._unread[printed if cut < 0 else printed[:cut]].append(printed)
        self.atoms: set[Value] = set()
        #: The text of each atom read so far, and the value of each.
        self.texts: dict[Value, str] = {}
        self.values: dict[str, Value] = {}
        self._values: dict[tuple[str, int], list[Value]] = defaultdict(list)
        self._index: dict[tuple[str, int, int], dict[Value, list[Value]]] = {}

    def _read(self, name: str) -> None:
        """Parse the atoms of the predicates called ``name``, in the order of their texts."""
        for printed in sorted(self._unread.pop(name)):
            value = value_of_text(printed)
            self.atoms.add(value)
            self.texts[value] = printed
            self.values[printed] = value
            self._values[signature_of(value)].append(value)

    def candidates(self, name: str, arity: int) -> list[Value]:
        """The atoms of a predicate."""
        if name in self._unread:
            self._read(name)
        return self._values.get((name, arity), [])

    def matches(self, term: Term, bindings: Bindings) -> list[Bindings]:
        """Every extension of ``bindings`` under which the atom ``term`` is in the model."""
        return [extended for _, extended in self.matching(term, bindings)]

    def matching(self, term: Term, bindings: Bindings) -> list[tuple[Value, Bindings]]:
        """Every atom of the model that ``term`` matches under ``bindings``, with the extended
        bindings. Looked up by the most selective argument already bound (the plaintiff,
        usually), so a file with many claims costs each match only its own claim's atoms."""
        if not isinstance(term, Fn):
            return []
        ground = instantiate(term, bindings)
        if ground is not None:  # most of why-not's questions: does this atom hold?
            return [(ground, bindings)] if ground in self else []
        found = []
        for value in self._by_bound_argument(term, bindings):
            extended = unify(term, value, bindings)
            if extended is not None:
                found.append((value, extended))
        return found

    def _by_bound_argument(self, term: Fn, bindings: Bindings) -> list[Value]:
        """The atoms of ``term``'s predicate that agree with it on the bound argument that
        leaves the fewest (an agent is shared by every claim of a file, the plaintiff is
        not); all of them when none is bound. Each keeps its place in the texts' order."""
        arity = len(term.args)
        fewest: list[Value] | None = None
        for position, argument in enumerate(term.args):
            value = instantiate(argument, bindings)
            if value is None:
                continue
            key = (term.name, arity, position)
            index = self._index.get(key)
            if index is None:
                index = self._index[key] = self._indexed(term.name, arity, position)
            found = index.get(value, [])
            if fewest is None or len(found) < len(fewest):
                fewest = found
                if not found:
                    break
        return self.candidates(term.name, arity) if fewest is None else fewest

    def _indexed(self, name: str, arity: int, position: int) -> dict[Value, list[Value]]:
        index: dict[Value, list[Value]] = defaultdict(list)
        for full in self.candidates(name, arity):
            assert isinstance(full, tuple)
            index[full[position + 1]].append(full)
        return dict(index)

    def __contains__(self, atom: object) -> bool:
        name = atom[0] if type(atom) is tuple else atom
        if name in self._unread:
            self._read(name)
        return atom in self.atoms


def signature_of(atom: Value) -> tuple[str, int]:
    """(name, arity) of an atom as a plain value."""
    if isinstance(atom, tuple):
        return (atom[0], len(atom) - 1)
    assert isinstance(atom, str)
    return (atom, 0)


# --- Conditions (body literals) ------------------------------------------------------

Compare = Callable[[Any, Any], bool]
_OPERATORS: dict[ast.ComparisonOperator, tuple[str, Compare]] = {
    ast.ComparisonOperator.Equal: ("=", operator.eq),
    ast.ComparisonOperator.NotEqual: ("!=", operator.ne),
    ast.ComparisonOperator.LessThan: ("<", operator.lt),
    ast.ComparisonOperator.LessEqual: ("<=", operator.le),
    ast.ComparisonOperator.GreaterThan: (">", operator.gt),
    ast.ComparisonOperator.GreaterEqual: (">=", operator.ge),
}


@dataclass(frozen=True)
class Condition:
    """One body literal: an atom (possibly negated), a comparison, or a count."""

    text: str
    atom: Fn | None = None
    negated: bool = False
    comparison: tuple[Term, tuple[tuple[str, Term], ...]] | None = None
    # A count aggregate: the alternatives (each a tuple of conditions), what is counted,
    # and the admissible counts as (operator, bound) pairs on the count.
    count: (
        tuple[
            tuple[tuple[tuple[Term, ...], tuple[Condition, ...]], ...], tuple[tuple[str, int], ...]
        ]
        | None
    ) = None

    def rendered(self, bindings: Bindings) -> str:
        if self.atom is not None:
            return ("not " if self.negated else "") + render(self.atom, bindings)
        if self.comparison is not None:
            left, guards = self.comparison
            return " ".join(
                [render(left, bindings), *[f"{op} {render(t, bindings)}" for op, t in guards]]
            )
        return self.text


_BY_TEXT: dict[str, Compare] = dict(_OPERATORS.values())
_FLIP = {"<=": ">=", "<": ">", ">=": "<=", ">": "<", "=": "=", "!=": "!="}


def _count_guards(aggregate: ast.AST) -> tuple[tuple[str, int], ...]:
    guards = []
    if aggregate.left_guard is not None:  # "1 <= count" is stored as a left guard
        op = _OPERATORS[aggregate.left_guard.comparison][0]
        guards.append((_FLIP[op], aggregate.left_guard.term.symbol.number))
    if aggregate.right_guard is not None:
        op = _OPERATORS[aggregate.right_guard.comparison][0]
        guards.append((op, aggregate.right_guard.term.symbol.number))
    return tuple(guards)


def compile_condition(literal: ast.AST) -> Condition:
    text = str(literal)
    atom = literal.atom
    if atom.ast_type == ast.ASTType.SymbolicAtom:
        term = compile_term(atom.symbol)
        assert isinstance(term, Fn)
        return Condition(text, atom=term, negated=literal.sign != ast.Sign.NoSign)
    if atom.ast_type == ast.ASTType.Comparison:
        guards = tuple((_OPERATORS[g.comparison][0], compile_term(g.term)) for g in atom.guards)
        return Condition(text, comparison=(compile_term(atom.term), guards))
    if atom.ast_type == ast.ASTType.Aggregate:  # 1 { a(X); b(X) }: count the alternatives that hold
        alternatives = tuple(
            ((), (compile_condition(element.literal),)) for element in atom.elements
        )
        return Condition(text, count=(alternatives, _count_guards(atom)))
    if atom.ast_type == ast.ASTType.BodyAggregate:  # #count { X : ... }
        elements = tuple(
            (
                tuple(compile_term(t) for t in e.terms),
                tuple(compile_condition(c) for c in e.condition),
            )
            for e in atom.elements
        )
        return Condition(text, count=(elements, _count_guards(atom)))
    raise ValueError(f"unsupported condition in a rule: {literal}")


def _compare(op: str, left: Value, right: Value) -> bool:
    """A comparison in clingo's total order (numbers, then constants, ..., with #inf, #sup)."""
    if isinstance(left, int) and isinstance(right, int):
        return bool(_BY_TEXT[op](left, right))
    return bool(_BY_TEXT[op](to_symbol(left), to_symbol(right)))


def satisfy(model: Model, condition: Condition, bindings: Bindings) -> Iterator[Bindings]:
    """Every extension of ``bindings`` under which ``condition`` holds in the model."""
    if condition.atom is not None:
        found = model.matches(condition.atom, bindings)
        if not condition.negated:
            yield from found
        elif not found:
            yield bindings
    elif condition.comparison is not None:
        left_term, comparisons = condition.comparison
        left = instantiate(left_term, bindings)
        for op, right_term in comparisons:
            right = instantiate(right_term, bindings)
            if left is None or right is None or not _compare(op, left, right):
                return
            left = right
        yield bindings
    elif condition.count is not None:
        size = len(counted(model, condition, bindings))
        if all(_BY_TEXT[op](size, bound) for op, bound in condition.count[1]):
            yield bindings


def counted(
    model: Model, condition: Condition, bindings: Bindings
) -> dict[tuple[object, ...], tuple[tuple[Condition, ...], Bindings]]:
    """What a count condition counts: each counted key, with the conditions and bindings that
    made it hold."""
    assert condition.count is not None
    found: dict[tuple[object, ...], tuple[tuple[Condition, ...], Bindings]] = {}
    for index, (terms, conditions) in enumerate(condition.count[0]):
        for extended in _satisfy_all(model, conditions, bindings):
            key = tuple(instantiate(t, extended) for t in terms) if terms else (index,)
            found.setdefault(key, (conditions, extended))
    return found


def _satisfy_all(
    model: Model, conditions: tuple[Condition, ...], bindings: Bindings
) -> Iterator[Bindings]:
    if not conditions:
        yield bindings
        return
    for extended in satisfy(model, conditions[0], bindings):
        yield from _satisfy_all(model, conditions[1:], extended)


# --- Rules ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CompiledRule:
    """A rule as plain Python: its head (or listed head values) and its conditions."""

    head: Fn | None
    #: The values of a pooled fact rule: ``protective_act(a; b; c)``, ``p(x, (a; b))``.
    listed: tuple[Term, ...]
    conditions: tuple[Condition, ...]


@cache
def _compile(rule: ast.AST) -> CompiledRule:
    head = rule.head.atom.symbol
    conditions = tuple(compile_condition(literal) for literal in rule.body)
    alternatives = _alternatives(head)
    if len(alternatives) > 1 or head.ast_type == ast.ASTType.Pool:
        return CompiledRule(None, tuple(alternatives), conditions)
    term = alternatives[0]
    assert isinstance(term, Fn)
    return CompiledRule(term, (), conditions)


def _alternatives(node: ast.AST) -> list[Term]:
    """The terms a term with pools stands for, in the order written."""
    if node.ast_type == ast.ASTType.Pool:
        return [term for alternative in node.arguments for term in _alternatives(alternative)]
    if node.ast_type == ast.ASTType.Function:
        choices = itertools.product(*[_alternatives(a) for a in node.arguments])
        return [Fn(node.name, tuple(args)) for args in choices]
    return [compile_term(node)]


def compile_rule(rule: ast.AST) -> CompiledRule:
    return _compile(rule)


@dataclass(frozen=True)
class Attempt:
    """How far a rule got towards a goal: success, or the conditions that failed.

    ``failed`` pairs each failed condition with the bindings at the point it failed, so a
    condition is never shown with a value bound only after it (by a later condition).
    """

    bindings: Bindings
    failed: tuple[tuple[Condition, Bindings], ...]

    @property
    def succeeded(self) -> bool:
        return not self.failed


#: How many partial matches one attempt explores before it settles for the best so far.
SEARCH_BUDGET = 4000


def attempt(model: Model, rule: CompiledRule, goal: Value | Term) -> Attempt | None:
    """Match ``rule`` towards ``goal`` (a ground atom as a plain value, or an atom pattern).

    Returns None when the rule's head cannot produce the goal at all; otherwise a match, or
    the partial match that fails the fewest conditions. The body is matched left to right;
    a condition nothing satisfies is recorded as failed and the match goes on past it, so
    a later condition that excludes the rule (``not public_at_large(S)`` with S bound by
    ``mandatory(S)``) is found even when an earlier one is missing.
    """
    head = rule.head
    if head is None:
        return None
    start = _unify_head(head, goal)
    if start is None:
        return None
    conditions = _specialise(head, goal, rule.conditions)
    best: list[tuple[tuple[int, int], Bindings, tuple[tuple[Condition, Bindings], ...]]] = []
    budget = [SEARCH_BUDGET]

    def search(
        index: int, bindings: Bindings, failed: tuple[tuple[Condition, Bindings], ...]
    ) -> Bindings | None:
        budget[0] -= 1
        if best and (len(failed) > best[0][0][0] or budget[0] < 0):
            return None  # cannot do better than the best partial match found
        if index == len(conditions):
            if not failed:
                return bindings
            first = conditions.index(failed[0][0])
            score = (len(failed), -first)  # fewest failures, then the longest matched prefix
            if not best or score < best[0][0]:
                best[:] = [(score, bindings, failed)]
            return None
        if _undetermined(conditions[index], bindings):
            return search(index + 1, bindings, failed)  # its binder failed: nothing to say
        found = False
        for extended in satisfy(model, conditions[index], bindings):
            found = True
            result = search(index + 1, extended, failed)
            if result is not None:
                return result
        if not found:
            return search(index + 1, bindings, (*failed, (conditions[index], bindings)))
        return None

    solution = search(0, start, ())
    if solution is not None:
        return Attempt(bindings=solution, failed=())
    _, bindings, failed = best[0]
    return Attempt(bindings=bindings, failed=failed)


def _specialise(
    head: Fn, goal: Value | Term, conditions: tuple[Condition, ...]
) -> tuple[Condition, ...]:
    """The conditions with each head variable the goal pattern fills with an open term
    (``X`` of ``undertaking_promise(P, D, X)`` for the goal ``...(p, d, arrest(T))``) replaced
    by that term, so the body must produce it: ``promised(A, Q, arrest(T))``."""
    if not isinstance(goal, Fn):
        return conditions
    mapping: dict[str, Term] = {}
    for head_term, goal_term in zip(head.args, goal.args, strict=True):
        open_term = isinstance(goal_term, Fn) and instantiate(goal_term, {}) is None
        if isinstance(head_term, Var) and open_term:
            mapping[head_term.name] = goal_term
    if not mapping:
        return conditions
    return tuple(_replace_condition(c, mapping) for c in conditions)


def _replace(term: Term, mapping: dict[str, Term]) -> Term:
    if isinstance(term, Var):
        return mapping.get(term.name, term)
    if isinstance(term, Fn):
        return Fn(term.name, tuple(_replace(a, mapping) for a in term.args))
    return term


def _replace_condition(condition: Condition, mapping: dict[str, Term]) -> Condition:
    atom = condition.atom
    comparison = condition.comparison
    count = condition.count
    if atom is not None:
        replaced = _replace(atom, mapping)
        assert isinstance(replaced, Fn)
        atom = replaced
    if comparison is not None:
        left, guards = comparison
        comparison = (
            _replace(left, mapping),
            tuple((op, _replace(t, mapping)) for op, t in guards),
        )
    if count is not None:
        elements, bounds = count
        count = (
            tuple(
                (
                    tuple(_replace(t, mapping) for t in terms),
                    tuple(_replace_condition(c, mapping) for c in inner),
                )
                for terms, inner in elements
            ),
            bounds,
        )
    return Condition(condition.text, atom, condition.negated, comparison, count)


def comparison_binders(
    conditions: tuple[Condition, ...], comparison: Condition, bindings: Bindings, model: Model
) -> list[Value]:
    """The atoms that hold and gave a failed comparison its values: each positive atom of the
    rule sharing a variable with it, as ``bindings`` ground it (``undertaking_promise(p, d,
    vague)`` for ``X != vague``), so a reader sees which stated value the rule turned down."""
    assert comparison.comparison is not None
    left, guards = comparison.comparison
    wanted: set[str] = set()
    for term in (left, *[t for _, t in guards]):
        _collect_variables(term, wanted)
    found: list[Value] = []
    for condition in conditions:
        if condition.atom is None or condition.negated:
            continue
        names: set[str] = set()
        _collect_variables(condition.atom, names)
        if not names & wanted:
            continue
        ground = instantiate(condition.atom, bindings)
        if ground is not None and ground in model and ground not in found:
            found.append(ground)
    return found


def _collect_variables(term: Term, into: set[str]) -> None:
    if isinstance(term, Var):
        if term.name != "_":
            into.add(term.name)
    elif isinstance(term, Fn):
        for argument in term.args:
            _collect_variables(argument, into)


def _undetermined(condition: Condition, bindings: Bindings) -> bool:
    """Whether a negated atom or a comparison mentions a variable still unbound (the
    condition that would have bound it failed), so it can neither hold nor fail."""
    if condition.atom is not None:
        return condition.negated and _unbound(condition.atom, bindings)
    if condition.comparison is not None:
        left, guards = condition.comparison
        return any(_unbound(term, bindings) for term in (left, *[t for _, t in guards]))
    return False


def _unbound(term: Term, bindings: Bindings) -> bool:
    """Whether a named variable of ``term`` is unbound (``_`` never needs a binding)."""
    if isinstance(term, Var):
        return term.name != "_" and term.name not in bindings
    if isinstance(term, Fn):
        return any(_unbound(a, bindings) for a in term.args)
    return False


def _unify_head(head: Fn, goal: Value | Term) -> Bindings | None:
    if not isinstance(goal, (Var, Const, Fn)):  # (a tuple is faster than a union)
        return unify(head, goal, {})
    if not isinstance(goal, Fn) or goal.name != head.name or len(goal.args) != len(head.args):
        return None
    bindings: Bindings = {}
    for head_term, goal_term in zip(head.args, goal.args, strict=True):
        value = instantiate(goal_term, {})
        if value is None:
            continue  # the pattern leaves this argument open
        extended = unify(head_term, value, bindings)
        if extended is None:
            return None
        bindings = extended
    return bindings
