"""Load a case fact file strictly: vocabulary facts only, all or nothing.

A fact file is data from strangers. It is read with bounded memory (only regular files,
at most :data:`MAX_FILE_BYTES`), decoded as UTF-8, and tokenized by
:mod:`pyknow_bridge.casefile.fact_syntax`, which follows clingo's lexer exactly but never hands
clingo's parser a byte of the file (that parser opens ``#include`` files as it reads).
Each statement must be a plain ground fact of an Input predicate declared in the rules,
with the right arity, an allowed constant where the vocabulary closes the list, and
names declared as what they name (:mod:`pyknow_bridge.casefile.references`). Every problem is
reported with file, line, column and the offending text; if there is any, nothing is
returned.
"""

from __future__ import annotations

import bisect
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NoReturn

import clingo

from pyknow_bridge.casefile.fact_syntax import Fact, SyntaxProblem, parse_facts
from pyknow_bridge.casefile.references import reference_problems
from pyknow_bridge.core.limits import NO_DEADLINE, Deadline
from pyknow_bridge.core.terms import Function, String, Term, term_text
from pyknow_bridge.doctrine.vocabulary import DISPUTED, Schema, input_schema

#: Fact files larger than this are refused, and never read beyond it.
MAX_FILE_BYTES = 5_000_000
#: The path that names standard input.
STDIN = "-"
_STDIN_NAME = Path("<stdin>")

#: Characters clingo would not read as text, or that would shift line numbers: every C0
#: control except tab, line feed and a carriage return that ends a line; and DEL.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)")


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

    def __reduce__(self) -> tuple[type[FactFileError], tuple[list[Problem]]]:
        # As it crosses from a worker process: rebuilt from its problems, not its message.
        return (FactFileError, (self.problems,))


@dataclass(frozen=True)
class CaseFile:
    """A loaded fact file: its facts, the texts of those disputed, in file order."""

    path: Path
    facts: tuple[Fact, ...]
    disputed_texts: tuple[str, ...] = ()
    _by_name: dict[str, list[Fact]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    @cached_property
    def disputed(self) -> tuple[clingo.Symbol, ...]:
        """The disputed facts as clingo symbols."""
        return tuple(clingo.parse_term(text) for text in self.disputed_texts)

    def facts_of(self, name: str) -> list[Fact]:
        if not self._by_name:
            for fact in self.facts:
                self._by_name.setdefault(fact.name, []).append(fact)
        return self._by_name.get(name, [])

    def claims(self) -> list[tuple[str, str]]:
        """(plaintiff, defendant) of every claim, in file order, each once."""
        pairs = (
            (term_text(f.arguments[0]), term_text(f.arguments[1]))
            for f in self.facts_of("claim")
            if f.arity == 2
        )
        return list(dict.fromkeys(pairs))

    def text_value(self, name: str) -> str | None:
        """The first value of a one-argument fact (``case_name``), as plain text."""
        found = [f.arguments[0] for f in self.facts_of(name) if f.arity == 1]
        if not found:
            return None
        value = found[0]
        return value.value if isinstance(value, String) else term_text(value)

    @cached_property
    def jurisdiction(self) -> str:
        return term_text(self.facts_of("jurisdiction")[0].arguments[0])


def load_case(
    path: str | Path, schema: Schema | None = None, deadline: Deadline = NO_DEADLINE
) -> CaseFile:
    """Load one fact file (``-`` for standard input), or raise :class:`FactFileError`
    naming every problem. ``deadline`` bounds the time spent reading."""
    is_stdin = str(path) == STDIN
    path = _STDIN_NAME if is_stdin else Path(path)
    schema = schema or input_schema()
    raw = _read_stdin() if is_stdin else _read_file(path)
    if len(raw) > MAX_FILE_BYTES:
        _refuse(path, f"file is larger than allowed: the limit is {MAX_FILE_BYTES} bytes")
    text = _decode(path, raw)
    lines = _Lines(text)
    control = _CONTROL.search(text)
    if control:
        line, column = lines.position(control.start())
        character = control.group()
        message = (
            "carriage return without a line feed: save the file with LF or CRLF line endings"
            if character == "\r"
            else f"control character U+{ord(character):04X} in a fact file"
        )
        raise FactFileError([Problem(path, line, column, message, lines.quoted(line))])
    raw_facts, syntax = parse_facts(text, lambda: deadline.check("reading the fact file"))
    deadline.check("reading the fact file")
    return _checked(path, schema, lines, raw_facts, syntax)


# --- Reading, with bounded memory --------------------------------------------------


def _refuse(path: Path, message: str) -> NoReturn:
    raise FactFileError([Problem(path, 0, 0, message, "")])


def _read_file(path: Path) -> bytes:
    """At most the limit plus one byte of a regular file; anything else is refused unread.

    The file is opened without blocking and checked on the open descriptor, so a pipe or
    device put in its place cannot make the reader wait or read without end.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except IsADirectoryError:
        _refuse(path, "is a directory, not a fact file (batch searches directories)")
    except OSError as error:
        _refuse(path, f"cannot read file: {error.strerror}")
    try:
        mode = os.fstat(descriptor).st_mode
        if stat.S_ISDIR(mode):
            _refuse(path, "is a directory, not a fact file (batch searches directories)")
        if not stat.S_ISREG(mode):
            _refuse(path, "is not a regular file (a pipe, device or socket): not read")
        chunks, size = [], 0
        while size <= MAX_FILE_BYTES:
            chunk = os.read(descriptor, MAX_FILE_BYTES + 1 - size)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    except OSError as error:
        _refuse(path, f"cannot read file: {error.strerror}")
    finally:
        os.close(descriptor)


def _read_stdin() -> bytes:
    return sys.stdin.buffer.read(MAX_FILE_BYTES + 1)


def _decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise FactFileError(
            [Problem(path, line, 0, f"not UTF-8 text (byte 0x{raw[error.start]:02x})", "")]
        ) from None


class _Lines:
    """Line and column of character offsets, and the text of lines (only ``\\n`` ends one,
    as in clingo)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._breaks: list[int] | None = None

    @property
    def breaks(self) -> list[int]:
        if self._breaks is None:
            self._breaks = [m.start() for m in re.finditer("\n", self.text)]
        return self._breaks

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_left(self.breaks, offset)
        start = self.breaks[index - 1] + 1 if index else 0
        return index + 1, offset - start + 1

    def quoted(self, line: int) -> str:
        """The line, stripped and with control characters escaped, for an error message."""
        start = self.breaks[line - 2] + 1 if line > 1 else 0
        end = self.breaks[line - 1] if line - 1 < len(self.breaks) else len(self.text)
        content = self.text[start:end].strip()
        escaped = content.encode("unicode_escape").decode("ascii")
        return escaped if len(escaped) <= 200 else escaped[:200] + " ..."


# --- Checks against the vocabulary ----------------------------------------------


def _checked(
    path: Path,
    schema: Schema,
    lines: _Lines,
    raw_facts: list[Fact],
    syntax: list[SyntaxProblem],
) -> CaseFile:
    problems: list[tuple[int, str]] = [(p.offset, p.message) for p in syntax]
    names_only = schema.names_only
    for name, arguments, _, offset, _ in raw_facts:
        # The common fact (a known predicate whose arguments are all names) needs no call.
        if (name, len(arguments)) not in names_only or not all(type(a) is str for a in arguments):
            message = _signature_problem(schema, name, arguments)
            if message:
                problems.append((offset, message))
    facts = raw_facts
    if not problems:
        statements = [(f.name, f.arguments) for f in facts]
        problems.extend((facts[i].offset, m) for i, m in reference_problems(schema, statements))
        problems.extend(_case_problems(facts))
    if problems:
        problems.sort()
        located = []
        for offset, message in problems:
            if offset < 0:
                located.append(Problem(path, 0, 0, message, ""))
                continue
            at_line, column = lines.position(offset)
            located.append(Problem(path, at_line, column, message, lines.quoted(at_line)))
        raise FactFileError(located)
    disputed = tuple(
        term_text(f.arguments[0]) for f in facts if f.name == "disputed" and len(f.arguments) == 1
    )
    return CaseFile(path=path, facts=tuple(facts), disputed_texts=disputed)


def _signature_problem(schema: Schema, name: str, arguments: tuple[Term, ...]) -> str | None:
    signature = (name, len(arguments))
    if signature not in schema.predicates:
        arities = schema.known_names().get(name)
        if arities:
            expected = " or ".join(schema.predicates[(name, a)].template for a in sorted(arities))
            counts = "/".join(map(str, sorted(arities)))
            return f"{name} takes {counts} argument(s), as in {expected}; got {len(arguments)}"
        return f"unknown predicate {name}/{len(arguments)}: not in the fact vocabulary"
    if signature != DISPUTED:
        return schema.check_values(name, arguments)
    inner = arguments[0]
    if not isinstance(inner, Function):
        return "disputed(F) needs a fact F, e.g. disputed(contact(valdez, torres))"
    inner_signature = (inner.name, len(inner.arguments))
    if inner_signature == DISPUTED or inner_signature not in schema.predicates:
        return (
            f"disputed({term_text(inner)}): {inner.name}/{len(inner.arguments)} "
            "is not a fact of the vocabulary"
        )
    if inner_signature in schema.not_disputable:
        return (
            f"disputed({term_text(inner)}): {inner.name}/{len(inner.arguments)} is a pleading "
            "or metadata, which cannot be disputed"
        )
    return schema.check_values(inner.name, inner.arguments)


def _case_problems(facts: list[Fact]) -> list[tuple[int, str]]:
    """Whole-file checks; offset -1 when the problem is an absence."""
    problems: list[tuple[int, str]] = []
    jurisdictions = [f for f in facts if f.name == "jurisdiction"]
    if len(jurisdictions) != 1:
        where = jurisdictions[1].offset if len(jurisdictions) > 1 else -1
        problems.append(
            (where, f"a fact file states exactly one jurisdiction; found {len(jurisdictions)}")
        )
    disputes = [f for f in facts if f.name == "disputed"]
    stated = {f.text for f in facts} if disputes else set()
    for fact in disputes:
        inner = term_text(fact.arguments[0])
        if inner not in stated:
            problems.append(
                (
                    fact.offset,
                    f"disputed({inner}) marks a fact the file does not state; state the fact too",
                )
            )
    if not any(f.name == "claim" for f in facts):
        problems.append((-1, "the file states no claim(P, D): nothing to analyse"))
    return problems
