"""The fact-file schema, read from the annotations of ``rules/vocabulary.lp``.

``% Input:`` lines give the predicates and their closed value lists; ``% Names:`` lines
what kind of name each argument letter holds and which predicates introduce such names;
``% Argument:`` lines the letters that hold strings or numbers; ``% Not disputable:`` the
pleadings and metadata that ``disputed(F)`` may not wrap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pyknow_bridge.core.paths import RULES_DIR
from pyknow_bridge.core.terms import Function, String, Term, term_text
from pyknow_bridge.doctrine.rulebook import PredicateDoc, Signature, load_rulebook

#: The predicate that marks another fact as contested.
DISPUTED: Signature = ("disputed", 1)

_NAMES = re.compile(
    r"^%\s*Names:\s*(?P<letters>[A-Z](?:\s+[A-Z])*)\s*=\s*(?P<kind>[^-]+?)\s*--\s*(?P<by>.+)$"
)
_ARGUMENT = re.compile(r"^%\s*Argument:\s*(?P<letter>[A-Z])\s*=\s*(?P<type>string|number)\s*$")
_NOT_DISPUTABLE = re.compile(r"^%\s*Not disputable:\s*(?P<list>.+)$")
_SIGNATURE = re.compile(r"([a-z_][A-Za-z0-9_]*)/(\d+)")


@dataclass(frozen=True)
class NameKind:
    """A kind of name (person, agent, ...): its letters and the predicates introducing it."""

    kind: str
    letters: frozenset[str]
    introduced_by: tuple[Signature, ...]

    def introducers_text(self) -> str:
        return ", ".join(f"{name}/{arity}" for name, arity in self.introduced_by)


@dataclass(frozen=True)
class ArgumentRule:
    """What one argument of an Input predicate may hold, compiled from the annotations."""

    letter: str
    kind: NameKind | None  # it names a person, agent, ... declared elsewhere
    type: str | None  # "string" or "number"
    allowed: tuple[str, ...] | None  # a closed list of values (shapes such as arrest(T))
    inner_kinds: tuple[tuple[str, tuple[NameKind | None, ...]], ...] = ()  # arrest -> (T,)


@dataclass(frozen=True)
class Schema:
    """The input predicates a fact file may use, with their closed value lists and kinds."""

    predicates: dict[Signature, PredicateDoc]
    kinds: tuple[NameKind, ...] = ()
    typed_letters: tuple[tuple[str, str], ...] = ()
    not_disputable: frozenset[Signature] = frozenset()
    rules: dict[Signature, tuple[ArgumentRule, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: Per predicate, the (position, kind) of each argument that introduces a name...
    introductions: dict[Signature, tuple[tuple[int, str], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: ... and of each that uses one, which must be declared.
    uses: dict[Signature, tuple[tuple[int, str], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    #: Predicates whose arguments need no check beyond being constants.
    names_only: set[Signature] = field(default_factory=set, compare=False, repr=False)
    #: Predicates with a closed list of values that hold names (``arrest(T)``).
    inner_names: set[Signature] = field(default_factory=set, compare=False, repr=False)

    def __post_init__(self) -> None:
        for signature, doc in self.predicates.items():
            rules = tuple(self._rule(doc, letter) for letter in doc.args)
            self.rules[signature] = rules
            kinded = [(i, r.kind) for i, r in enumerate(rules) if r.kind is not None]
            self.introductions[signature] = tuple(
                (i, k.kind) for i, k in kinded if signature in k.introduced_by
            )
            self.uses[signature] = tuple(
                (i, k.kind) for i, k in kinded if signature not in k.introduced_by
            )
            if any(r.inner_kinds for r in rules):
                self.inner_names.add(signature)
            if signature != DISPUTED and all(r.allowed is None and r.type is None for r in rules):
                self.names_only.add(signature)

    def _rule(self, doc: PredicateDoc, letter: str) -> ArgumentRule:
        allowed = doc.values.get(letter)
        inner: list[tuple[str, tuple[NameKind | None, ...]]] = []
        for value in allowed or ():
            name, parenthesis, rest = value.partition("(")
            if parenthesis:
                letters = [part.strip() for part in rest.rstrip(")").split(",")]
                inner.append((name, tuple(self.kind_of(x) for x in letters)))
        return ArgumentRule(
            letter=letter,
            kind=self.kind_of(letter),
            type=dict(self.typed_letters).get(letter),
            allowed=allowed,
            inner_kinds=tuple(inner),
        )

    def known_names(self) -> dict[str, list[int]]:
        names: dict[str, list[int]] = {}
        for name, arity in self.predicates:
            names.setdefault(name, []).append(arity)
        return names

    def kind_of(self, letter: str) -> NameKind | None:
        return next((k for k in self.kinds if letter in k.letters), None)

    def check_values(self, name: str, arguments: tuple[Term, ...]) -> str | None:
        """Why a fact's arguments are not of their kind: a closed-list value outside the
        list, a string or number where the other or a name is due; None when all fit."""
        for rule, value in zip(self.rules[(name, len(arguments))], arguments, strict=True):
            if (
                rule.allowed is None
                and rule.type is None
                and (rule.kind is None or type(value) is str)
            ):
                continue  # the common case, decided without a call
            problem = _argument_problem(rule, value)
            if problem:
                template = self.predicates[(name, len(arguments))].template
                return f"{rule.letter} of {template} {problem}; got {term_text(value)}"
        return None


def _argument_problem(rule: ArgumentRule, value: Term) -> str | None:
    if rule.type == "string":
        return None if isinstance(value, String) else "must be a quoted string"
    if rule.type == "number":
        return None if isinstance(value, int) else "must be a whole number"
    if rule.kind is not None and not isinstance(value, str):
        return f"names a {rule.kind.kind} and must be a constant (a lower-case name)"
    if rule.allowed is not None and shape(value) not in rule.allowed:
        return f"must be one of {', '.join(rule.allowed)}"
    return None


def shape(value: Term) -> str:
    """How a value is written in a ``Values:`` line: ``send_help``, or ``arrest(T)``."""
    if isinstance(value, Function):
        letters = "TUVWXYZ"[: len(value.arguments)]
        return f"{value.name}({', '.join(letters)})"
    return term_text(value)


def _signatures(text: str) -> tuple[Signature, ...]:
    return tuple((name, int(arity)) for name, arity in _SIGNATURE.findall(text))


@cache
def input_schema() -> Schema:
    """The schema every fact file is checked against (read once per process)."""
    kinds: list[NameKind] = []
    typed: list[tuple[str, str]] = []
    not_disputable: frozenset[Signature] = frozenset()
    for line in (RULES_DIR / "vocabulary.lp").read_text(encoding="utf-8").splitlines():
        if names := _NAMES.match(line):
            kinds.append(
                NameKind(
                    kind=names["kind"],
                    letters=frozenset(names["letters"].split()),
                    introduced_by=_signatures(names["by"]),
                )
            )
        elif argument := _ARGUMENT.match(line):
            typed.append((argument["letter"], argument["type"]))
        elif fixed := _NOT_DISPUTABLE.match(line):
            not_disputable = frozenset(_signatures(fixed["list"]))
    return Schema(
        predicates=load_rulebook().inputs(),
        kinds=tuple(kinds),
        typed_letters=tuple(typed),
        not_disputable=not_disputable,
    )
