"""Read the rule files as a lawyer wrote them: rule ids, statements, sources, predicate docs.

The rule files are the single source of truth. Each rule sits under a comment block::

    % [ny.reliance.whereabouts_unknown] Such a promise is at most a promise to look ...
    % Source: Valdez.
    reliance_defeated(P, D, whereabouts_unknown) :- ...

and each predicate is documented once as ``% Input:``, ``% Internal:`` or ``% Output:``
(optionally followed by ``% Values:`` lines that close the lists of its constants, and,
for an Output predicate, a ``% Field:`` line naming its key in results and JSON);
``% Internal (view hook):`` marks a predicate only a selectable view derives, and a
``% Says:`` line gives it in plain words for reports.
This module parses those comments and ties them, through clingo's own AST, to the
statements beneath them. Everything derived from the doctrine (the fact-file schema,
the claim schema, the predicate reference) is read from here.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path

from clingo import ast

from pyknow_bridge.core.paths import RULES_DIR, VIEWS_DIR

Signature = tuple[str, int]

_RULE_HEADER = re.compile(r"^%\s*\[(?P<id>[a-z0-9_.]+)\]\s*(?P<text>.*)$")
_SOURCE = re.compile(r"^%\s*Source:\s*(?P<text>.+)$")
_BURDEN = re.compile(r"^%\s*Burden:\s*(?P<party>plaintiff|defendant)\b\s*(?P<note>.*)$")
_PREDICATE_DOC = re.compile(
    r"^%\s*(?P<role>Input|Internal|Output|Control)(?: \((?P<qual>extension|view hook)\))?:\s*"
    r"(?P<name>[a-z_][A-Za-z0-9_]*)\((?P<args>[^)]*)\)\s*--\s*(?P<meaning>.+)$"
)
_VALUES = re.compile(r"^%\s*Values:\s*(?P<arg>[A-Z]\w*)\s*=\s*(?P<values>.+)$")
_FIELD = re.compile(r"^%\s*Field:\s*(?P<field>[a-z_][a-z0-9_]*)\s*$")
_SAYS = re.compile(r"^%\s*Says:\s*(?P<text>.+)$")


@dataclass(frozen=True)
class RuleEntry:
    """One rule statement with the legal proposition and authority written above it."""

    rule_id: str
    statement: str
    source: str
    file: Path
    line: int
    head: Signature | None
    burden: str = "plaintiff"
    #: The rule's own ``% Burden:`` line after the party (empty when the line is absent).
    burden_note: str = ""
    node: ast.AST | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class PredicateDoc:
    """The documentation line of one predicate."""

    role: str
    name: str
    args: tuple[str, ...]
    meaning: str
    extension: bool
    file: Path
    line: int
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: ``(view hook)``: only a selectable view (or a dated rule) derives it; the majority never
    #: does, so its absence explains nothing and reports leave it out.
    hook: bool = False
    #: The ``% Says:`` line: the predicate in plain words, its argument letters in braces
    #: (``{P} relied on ...``); reports use it before any atom.
    says: list[str] = field(default_factory=list)
    #: The key results and JSON give an Output predicate (its ``% Field:`` line; else its name).
    field_name: str = ""

    @property
    def key(self) -> str:
        return self.field_name or self.name

    @property
    def signature(self) -> Signature:
        return (self.name, len(self.args))

    @property
    def template(self) -> str:
        return f"{self.name}({', '.join(self.args)})"


@dataclass(frozen=True)
class AnnotationProblem:
    """A statement in a rule file that lacks its id, statement or source."""

    file: Path
    line: int
    message: str


@dataclass(frozen=True)
class Statement:
    """One parsed statement of a rule file, with the annotation of the rule it is (if any)."""

    node: ast.AST
    file: Path
    rule: RuleEntry | None


@dataclass(frozen=True)
class Rulebook:
    """Everything the rule files say about themselves."""

    rules: tuple[RuleEntry, ...]
    predicates: tuple[PredicateDoc, ...]
    problems: tuple[AnnotationProblem, ...]
    defined: frozenset[Signature]
    #: Each rule file's statements, parsed once (see :mod:`pyknow_bridge.doctrine.rules_in_force`).
    statements: Mapping[Path, tuple[Statement, ...]] = field(default_factory=dict, compare=False)

    def predicate(self, name: str, arity: int) -> PredicateDoc | None:
        for doc in self.predicates:
            if doc.signature == (name, arity):
                return doc
        return None

    def inputs(self) -> dict[Signature, PredicateDoc]:
        return {doc.signature: doc for doc in self.predicates if doc.role == "Input"}

    def rule(self, rule_id: str) -> RuleEntry | None:
        return self._by_id.get(rule_id)

    @cached_property
    def _by_id(self) -> dict[str, RuleEntry]:
        by_id: dict[str, RuleEntry] = {}
        for entry in self.rules:
            by_id.setdefault(entry.rule_id, entry)  # the first, should an id repeat
        return by_id


def rule_files(views: Sequence[str] = ()) -> list[Path]:
    """The doctrine's rule files in load order (as rules/main.lp includes them), plus views."""
    main = (RULES_DIR / "main.lp").read_text(encoding="utf-8")
    included = [RULES_DIR / name for name in re.findall(r'#include\s+"([^"]+)"', main)]
    return included + [VIEWS_DIR / f"{view}.lp" for view in views]


def available_views() -> list[str]:
    """The names of the selectable alternative opinions under rules/views/."""
    return sorted(path.stem for path in VIEWS_DIR.glob("*.lp"))


@cache
def load_rulebook() -> Rulebook:
    """Parse every rule file, majority and views, once per process."""
    rules: list[RuleEntry] = []
    predicates: list[PredicateDoc] = []
    problems: list[AnnotationProblem] = []
    defined: set[Signature] = set()
    statements: dict[Path, tuple[Statement, ...]] = {}
    for path in rule_files(available_views()):
        lines = path.read_text(encoding="utf-8").splitlines()
        predicates.extend(_predicate_docs(path, lines))
        parsed: list[Statement] = []
        for statement in _statements(path):
            rule = None
            line = statement.location.begin.line
            if statement.ast_type == ast.ASTType.Defined:
                defined.add((statement.name, statement.arity))
            elif statement.ast_type == ast.ASTType.Rule:
                entry_or_problem = _annotate(path, lines, statement, line)
                if isinstance(entry_or_problem, RuleEntry):
                    rule = entry_or_problem
                    rules.append(rule)
                else:
                    problems.append(entry_or_problem)
            parsed.append(Statement(statement, path, rule))
        statements[path] = tuple(parsed)
    return Rulebook(
        tuple(rules), tuple(predicates), tuple(problems), frozenset(defined), statements
    )


def _statements(path: Path) -> Iterator[ast.AST]:
    collected: list[ast.AST] = []
    ast.parse_files([str(path)], collected.append)
    yield from collected


def _predicate_docs(path: Path, lines: list[str]) -> Iterator[PredicateDoc]:
    last: PredicateDoc | None = None
    for number, raw in enumerate(lines, start=1):
        text = raw.strip()
        doc = _PREDICATE_DOC.match(text)
        if doc:
            if last is not None:
                yield last
            args = tuple(a.strip() for a in doc["args"].split(",") if a.strip())
            last = PredicateDoc(
                role=doc["role"],
                name=doc["name"],
                args=args,
                meaning=doc["meaning"].strip(),
                extension=doc["qual"] == "extension",
                hook=doc["qual"] == "view hook",
                file=path,
                line=number,
            )
            continue
        values = _VALUES.match(text)
        if values and last is not None:
            choices = tuple(v.strip() for v in values["values"].split("|"))
            last.values[values["arg"]] = choices
            continue
        named = _FIELD.match(text)
        if named and last is not None:
            last = dataclasses.replace(last, field_name=named["field"])
            continue
        says = _SAYS.match(text)
        if says and last is not None:
            last.says.append(says["text"].strip())
            continue
        if last is not None:
            yield last
            last = None
    if last is not None:
        yield last


def _comment_block_above(lines: list[str], line: int) -> list[str]:
    block: list[str] = []
    index = line - 2
    while index >= 0 and lines[index].lstrip().startswith("%"):
        block.append(lines[index].strip())
        index -= 1
    return list(reversed(block))


def _annotate(
    path: Path, lines: list[str], statement: ast.AST, line: int
) -> RuleEntry | AnnotationProblem:
    block = _comment_block_above(lines, line)
    header = next((m for m in map(_RULE_HEADER.match, block) if m), None)
    source = next((m for m in map(_SOURCE.match, block) if m), None)
    if header is None:
        return AnnotationProblem(path, line, "rule has no '% [rule.id] statement' comment above it")
    if source is None:
        return AnnotationProblem(path, line, f"rule [{header['id']}] has no '% Source:' line")
    statement_lines = [header["text"]]
    start = block.index(header.group(0)) + 1
    for comment in block[start:]:
        if _SOURCE.match(comment) or _BURDEN.match(comment):
            break
        statement_lines.append(comment.lstrip("%").strip())
    burden_line = next((m for m in map(_BURDEN.match, block) if m), None)
    burden = burden_line["party"] if burden_line else "plaintiff"
    burden_note = f"{burden} {burden_line['note']}".strip() if burden_line else ""
    return RuleEntry(
        rule_id=header["id"],
        statement=" ".join(part for part in statement_lines if part),
        source=source["text"].strip(),
        file=path,
        line=line,
        head=_head_signature(statement),
        burden=burden,
        burden_note=burden_note,
        node=statement,
    )


def _head_signature(rule: ast.AST) -> Signature | None:
    head = rule.head
    if head.ast_type != ast.ASTType.Literal or head.atom.ast_type != ast.ASTType.SymbolicAtom:
        return None
    term = head.atom.symbol
    if term.ast_type == ast.ASTType.Pool:
        term = term.arguments[0]
    if term.ast_type == ast.ASTType.Function:
        return (term.name, len(term.arguments))
    if term.ast_type == ast.ASTType.SymbolicTerm:
        return (term.symbol.name, len(term.symbol.arguments))
    return None
