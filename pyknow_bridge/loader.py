"""Load a case fact file strictly: vocabulary facts only, all or nothing.

A fact file is data. Before clingo sees a byte of it, the text is checked for
encoding and directives (clingo's parser itself opens ``#include`` files, so a
directive must never reach it). Then clingo's AST parser reads the statements and
each must be a plain ground fact of an Input predicate declared in the rules, with
the right arity and, where the vocabulary closes the list, an allowed constant.
Every problem is reported with file, line and the offending text; if there is any,
nothing is returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import clingo
from clingo import ast

from pyknow_bridge.vocabulary import DISPUTED, Schema, input_schema

#: Fact files larger than this are refused before parsing (a docket file is far smaller).
MAX_FILE_BYTES = 5_000_000
#: Terms nested deeper than this are refused (no vocabulary term nests beyond 2).
MAX_TERM_DEPTH = 8


@dataclass(frozen=True)
class Problem:
    """One reason a fact file cannot be loaded."""

    path: Path
    line: int
    column: int
    message: str
    text: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}:{self.column}"
        return f"{where}: {self.message}" + (f"\n    {self.text}" if self.text else "")


class FactFileError(Exception):
    """A fact file that was refused; ``problems`` lists every reason, in file order."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass(frozen=True)
class Fact:
    """A fact as loaded, with the line it came from and its text as clingo writes it."""

    symbol: clingo.Symbol
    line: int
    name: str
    arity: int
    text: str

    def flat_arguments(self) -> list[str]:
        """The arguments as text, for facts whose arguments are constants (claim, plaintiff)."""
        inside = self.text.partition("(")[2][:-1]
        return inside.split(",") if inside else []


@dataclass(frozen=True)
class CaseFile:
    """A loaded fact file: its facts, which of them are disputed, and its metadata."""

    path: Path
    facts: tuple[Fact, ...]
    disputed: tuple[clingo.Symbol, ...]

    def values(self, name: str) -> list[clingo.Symbol]:
        """The arguments of every fact of a one-argument predicate (``plaintiff``, ...)."""
        return [f.symbol.arguments[0] for f in self.facts if f.name == name and f.arity == 1]

    def claims(self) -> list[tuple[str, str]]:
        """(plaintiff, defendant) of every claim, in file order, each once."""
        pairs = [f.flat_arguments() for f in self.facts if f.name == "claim" and f.arity == 2]
        return list(dict.fromkeys((p, d) for p, d in pairs))

    def text_value(self, name: str) -> str | None:
        found = self.values(name)
        if not found:
            return None
        value = found[0]
        return value.string if value.type == clingo.SymbolType.String else str(value)

    @property
    def jurisdiction(self) -> str:
        return str(self.values("jurisdiction")[0])


def load_case(path: str | Path, schema: Schema | None = None) -> CaseFile:
    """Load one fact file, or raise :class:`FactFileError` naming every problem."""
    path = Path(path)
    schema = schema or input_schema()
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise FactFileError(
            [Problem(path, 0, 0, f"cannot read file: {error.strerror}", "")]
        ) from None
    text = _decode(path, raw)
    _reject_directives(path, text)
    lines = text.splitlines()
    facts_or_none = _plain_facts(text, schema)
    problems: list[Problem] = []
    if facts_or_none is not None:
        facts = facts_or_none
    else:  # something other than plain facts: clingo's AST says exactly what and where
        facts = []
        for statement in _parse(path, text):
            fact_or_problem = _fact(path, lines, statement, schema)
            if isinstance(fact_or_problem, Fact):
                facts.append(fact_or_problem)
            elif fact_or_problem is not None:
                problems.append(fact_or_problem)
    problems.extend(_case_problems(path, lines, facts))
    if problems:
        raise FactFileError(sorted(problems, key=lambda p: (p.line, p.column)))
    disputed = tuple(f.symbol.arguments[0] for f in facts if (f.name, f.arity) == DISPUTED)
    return CaseFile(path=path, facts=tuple(facts), disputed=disputed)


# --- Text checks, before clingo parses anything ---------------------------------------


def _decode(path: Path, raw: bytes) -> str:
    if len(raw) > MAX_FILE_BYTES:
        raise FactFileError(
            [Problem(path, 0, 0, f"file is {len(raw)} bytes; the limit is {MAX_FILE_BYTES}", "")]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise FactFileError(
            [Problem(path, line, 0, f"not UTF-8 text (byte 0x{raw[error.start]:02x})", "")]
        ) from None
    for number, content in enumerate(text.splitlines(), start=1):
        bad = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", content)
        if bad:
            raise FactFileError(
                [
                    Problem(
                        path,
                        number,
                        bad.start() + 1,
                        f"control character U+{ord(bad.group()):04X} in a fact file",
                        content.encode("unicode_escape").decode("ascii")[:120],
                    )
                ]
            )
    return text


_DIRECTIVE_HELP = {
    "include": "a fact file may not pull in other files",
    "script": "a fact file may not run code",
}


def _reject_directives(path: Path, text: str) -> None:
    """Refuse what must never reach clingo's parser.

    Every ``#`` directive outside strings and comments (a fact file needs none, and the
    parser itself opens ``#include`` files); non-ASCII characters outside strings and
    comments (identifiers are ASCII, and clingo 5.8 aborts the whole process when its
    syntax-error message splits a multibyte character); unterminated strings and block
    comments.
    """
    lines = text.splitlines()
    problems = [
        Problem(path, line, column, message, lines[line - 1] if line <= len(lines) else "")
        for line, column, message in _lexical_problems(text)
    ]
    if problems:
        raise FactFileError(problems)


_LEXICAL = re.compile(
    r'(?P<string>"(?:[^"\\\n]|\\.)*")'  # a string, skipped
    r'|(?P<open_string>"(?:[^"\\\n]|\\.)*)'  # a string never closed
    r"|(?P<block>%\*.*?\*%)"  # a block comment, skipped
    r"|(?P<open_block>%\*)"  # a block comment never closed
    r"|(?P<comment>%[^\n]*)"  # a line comment, skipped
    r"|(?P<directive>#[A-Za-z_]*)"
    r"|(?P<non_ascii>[^\x00-\x7f])",
    re.S,
)


def _lexical_problems(text: str) -> list[tuple[int, int, str]]:
    """(line, column, message) of each directive, stray non-ASCII character or unterminated
    string or comment, scanning as clingo's lexer would (comments and strings skipped)."""
    found = []
    for match in _LEXICAL.finditer(text):
        kind = match.lastgroup
        if kind in ("string", "block", "comment"):
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        if kind == "open_string":
            found.append((line, column, "string is never closed with a double quote"))
        elif kind == "open_block":
            found.append((line, column, "block comment %* is never closed with *%"))
        elif kind == "directive":
            name = match.group()[1:]
            reason = _DIRECTIVE_HELP.get(name, "a fact file holds facts only")
            found.append((line, column, f"directive #{name} is not allowed: {reason}"))
        else:
            character = match.group()
            message = f"character {character!r} outside a string: identifiers are ASCII"
            found.append((line, column, message))
    return found


def _plain_facts(text: str, schema: Schema) -> list[Fact] | None:
    """Every statement of a file made only of plain facts, or None if any is not one."""
    facts = []
    for line, statement in _statements(text):
        found = _plain_fact(statement.strip(), schema)
        if found is None:
            return None
        symbol, name, arity, fact_text = found
        facts.append(Fact(symbol=symbol, line=line, name=name, arity=arity, text=fact_text))
    return facts


_COMMENT_OR_STRING = re.compile(r'("(?:[^"\\\n]|\\.)*")|(%\*.*?\*%|%[^\n]*)', re.S)
_STOP_OR_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|(?<!\.)\.(?!\.)')


def _statements(text: str) -> list[tuple[int, str]]:
    """(line, text) of each statement of a file that has passed the lexical checks.

    Comments are blanked (keeping line breaks), then the text is cut at each period that
    ends a statement: outside strings, and not part of an interval ``..``.
    """

    def blank(match: re.Match[str]) -> str:
        if match.group(1) is not None:
            return match.group(1)
        return re.sub(r"[^\n]", " ", match.group(2))

    clean = _COMMENT_OR_STRING.sub(blank, text)
    statements = []
    start = 0
    for match in _STOP_OR_STRING.finditer(clean):
        if match.group() != ".":
            continue
        chunk = clean[start : match.end()]
        offset = start + len(chunk) - len(chunk.lstrip())
        statements.append((clean.count("\n", 0, offset) + 1, chunk.strip()))
        start = match.end()
    if clean[start:].strip():  # text after the last period: not a plain fact
        statements.append((clean.count("\n", 0, start) + 1, clean[start:].strip()))
    return statements


# --- Statement checks, on clingo's AST -------------------------------------------------


def _parse(path: Path, text: str) -> list[ast.AST]:
    statements: list[ast.AST] = []
    messages: list[str] = []
    try:
        ast.parse_string(
            text, statements.append, logger=lambda _code, message: messages.append(message)
        )
    except RuntimeError:
        problems = [_syntax_problem(path, text, message) for message in messages]
        raise FactFileError(problems or [Problem(path, 0, 0, "syntax error", "")]) from None
    return statements


def _syntax_problem(path: Path, text: str, message: str) -> Problem:
    match = re.match(r"<string>:(\d+):(\d+)(?:-\d+(?::\d+)?)?: (?:error: )?(.*)", message, re.S)
    if not match:
        return Problem(path, 0, 0, message.strip(), "")
    line, column = int(match.group(1)), int(match.group(2))
    lines = text.splitlines()
    return Problem(
        path,
        line,
        column,
        match.group(3).strip().replace("\n", " "),
        lines[line - 1] if 0 < line <= len(lines) else "",
    )


def _source_text(lines: list[str], location: ast.Location) -> str:
    begin, end = location.begin, location.end
    first: str = lines[begin.line - 1]
    if begin.line == end.line:
        return first[begin.column - 1 : end.column - 1].strip()
    return first[begin.column - 1 :].strip() + " ..."


def _fact(
    path: Path, lines: list[str], statement: ast.AST, schema: Schema
) -> Fact | Problem | None:
    kind = statement.ast_type
    if kind == ast.ASTType.Comment:
        return None
    location = statement.location
    line, column = location.begin.line, location.begin.column

    def problem(message: str) -> Problem:
        return Problem(path, line, column, message, _source_text(lines, location))

    if kind == ast.ASTType.Program:
        return (
            None
            if statement.name == "base" and not statement.parameters
            else problem("a #program directive is not allowed in a fact file")
        )
    if kind != ast.ASTType.Rule:
        return problem(f"only facts are allowed; this is a {_describe(kind)}")
    fast = _plain_fact(str(statement), schema)
    if fast is not None:
        symbol, name, arity, fact_text = fast
        return Fact(symbol=symbol, line=line, name=name, arity=arity, text=fact_text)
    head = statement.head
    if statement.body:
        if (
            head.ast_type == ast.ASTType.Literal
            and head.atom.ast_type == ast.ASTType.BooleanConstant
        ):
            return problem(
                "a constraint is not allowed in a fact file: facts may not change the rules"
            )
        return problem("a rule is not allowed in a fact file: facts may not change the rules")
    if head.ast_type != ast.ASTType.Literal or head.atom.ast_type != ast.ASTType.SymbolicAtom:
        return problem("only plain facts are allowed (no choices, aggregates or disjunctions)")
    if head.sign != ast.Sign.NoSign:
        return problem("a negated fact is not allowed: state only what is established")
    symbol_or_error = _ground(head.atom.symbol, 0)
    if isinstance(symbol_or_error, str):
        return problem(symbol_or_error)
    symbol = symbol_or_error
    if symbol.type != clingo.SymbolType.Function or symbol.negative:
        return problem("a fact must be a predicate applied to constants, e.g. plaintiff(valdez)")
    signature_problem = _check_signature(symbol, schema)
    if signature_problem:
        return problem(signature_problem)
    return Fact(symbol, line, symbol.name, len(symbol.arguments), str(symbol))


_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_PLAIN = re.compile(r"[a-z][A-Za-z0-9_']*(\([a-z0-9_'(),\s]*\))?\.")


def _plain_fact(text: str, schema: Schema) -> tuple[clingo.Symbol, str, int, str] | None:
    """A fact read in one step when its text is plainly a ground vocabulary fact, else None.

    The pattern admits only lower-case constants, numbers, strings and nested constant
    terms (no variables, operators, pools or intervals), so ``clingo.parse_term`` returns
    exactly the fact. Anything else, and any fact that fails a check (an unknown
    predicate, a constant outside a closed list), takes the detailed path, which reports
    it precisely.
    """
    quoted = '"' in text
    skeleton = _STRING.sub("s", text) if quoted else text
    if not _PLAIN.fullmatch(skeleton):
        return None
    body = skeleton[:-1]
    name, parenthesis, inside = body.partition("(")
    if not parenthesis:
        arity = 0
    elif "(" not in inside:  # flat: the common case
        arity = inside.count(",") + 1
    else:
        arity = _nested_arity(inside)
        if arity < 0:
            return None
    doc = schema.predicates.get((name, arity))
    if doc is None:
        return None
    try:
        symbol = clingo.parse_term(text[:-1])
    except RuntimeError:
        return None  # the detailed path reports the syntax error
    if symbol.type != clingo.SymbolType.Function or symbol.negative:
        return None
    if (doc.values or (name, arity) == DISPUTED) and _check_signature(symbol, schema):
        return None  # the detailed path reports it
    normalized = str(symbol) if quoted else "".join(body.split())
    return symbol, name, arity, normalized


def _nested_arity(inside: str) -> int:
    """The number of top-level arguments in ``inside`` (the text after the predicate's
    opening parenthesis, strings already masked), or -1 if it nests too deep or does not
    balance."""
    depth, arity = 0, 1
    for char in inside:
        if char == "(":
            depth += 1
            if depth >= MAX_TERM_DEPTH:
                return -1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            arity += 1
    return arity if depth == -1 else -1


def _describe(kind: ast.ASTType) -> str:
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", kind.name).lower()
    return f"'{words}' statement"


def _ground(term: ast.AST, depth: int) -> clingo.Symbol | str:
    """The ground value of a plain data term, or why it is not one."""
    if depth > MAX_TERM_DEPTH:
        return f"term nested deeper than {MAX_TERM_DEPTH} levels"
    kind = term.ast_type
    if kind == ast.ASTType.SymbolicTerm:
        return term.symbol  # type: ignore[no-any-return]
    if kind == ast.ASTType.Variable:
        return f"variable {term.name} in a fact: facts must be ground"
    if kind == ast.ASTType.Function:
        if term.external:
            return "an external function (@...) is not allowed: a fact file may not run code"
        if not term.name:
            return "a tuple is not a vocabulary term"
        arguments = []
        for argument in term.arguments:
            value = _ground(argument, depth + 1)
            if isinstance(value, str):
                return value
            arguments.append(value)
        return clingo.Function(term.name, arguments)
    if kind == ast.ASTType.UnaryOperation and term.argument.ast_type == ast.ASTType.Function:
        return "a negated fact is not allowed: state only what is established"
    if kind == ast.ASTType.UnaryOperation and term.argument.ast_type == ast.ASTType.SymbolicTerm:
        value = term.argument.symbol
        if term.operator_type == ast.UnaryOperator.Minus and value.type == clingo.SymbolType.Number:
            return clingo.Number(-value.number)
    names = {
        ast.ASTType.Interval: "an interval (a..b)",
        ast.ASTType.Pool: "a pool (a;b)",
        ast.ASTType.BinaryOperation: "arithmetic",
        ast.ASTType.UnaryOperation: "arithmetic",
    }
    return f"{names.get(kind, 'this term')} is not allowed in a fact: write each fact out"


def _check_signature(symbol: clingo.Symbol, schema: Schema) -> str | None:
    signature = (symbol.name, len(symbol.arguments))
    if signature not in schema.predicates:
        arities = schema.known_names().get(symbol.name)
        if arities:
            expected = " or ".join(
                schema.predicates[(symbol.name, a)].template for a in sorted(arities)
            )
            counts = "/".join(map(str, sorted(arities)))
            return (
                f"{symbol.name} takes {counts} argument(s), as in {expected}; "
                f"got {len(symbol.arguments)}"
            )
        return (
            f"unknown predicate {symbol.name}/{len(symbol.arguments)}: not in the fact vocabulary"
        )
    if signature == DISPUTED:
        inner = symbol.arguments[0]
        if inner.type != clingo.SymbolType.Function or inner.negative:
            return "disputed(F) needs a fact F, e.g. disputed(contact(valdez, torres))"
        inner_signature = (inner.name, len(inner.arguments))
        if inner_signature == DISPUTED or inner_signature not in schema.predicates:
            signature_text = f"{inner.name}/{len(inner.arguments)}"
            return f"disputed({inner}): {signature_text} is not a fact of the vocabulary"
        return schema.check_values(inner)
    return schema.check_values(symbol)


# --- Whole-file checks ---------------------------------------------------------


def _case_problems(path: Path, lines: list[str], facts: list[Fact]) -> list[Problem]:
    problems = []
    jurisdictions = [f for f in facts if f.name == "jurisdiction" and f.arity == 1]
    if len(jurisdictions) != 1:
        where = jurisdictions[1] if len(jurisdictions) > 1 else None
        problems.append(
            Problem(
                path,
                where.line if where else 0,
                1 if where else 0,
                f"a fact file states exactly one jurisdiction; found {len(jurisdictions)}",
                lines[where.line - 1].strip() if where else "",
            )
        )
    disputes = [f for f in facts if (f.name, f.arity) == DISPUTED]
    stated = {f.symbol for f in facts} if disputes else set()
    for fact in disputes:
        if fact.symbol.arguments[0] not in stated:
            problems.append(
                Problem(
                    path,
                    fact.line,
                    1,
                    f"disputed({fact.symbol.arguments[0]}) marks a fact the file does not state;"
                    " state the fact too",
                    lines[fact.line - 1].strip(),
                )
            )
    if not any(f.name == "claim" and f.arity == 2 for f in facts):
        problems.append(
            Problem(path, 0, 0, "the file states no claim(P, D): nothing to analyse", "")
        )
    return problems
