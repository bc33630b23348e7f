"""Read the text of a fact file as clingo's lexer would, without ever running clingo's parser.

clingo acts on ``#include`` while it parses, before any check of the result can run, so
the raw text of a fact file never reaches it. This module tokenizes the text with the
rules of clingo's own lexer (``libgringo/src/input/nongroundlexer.xch``): block comments
``%* ... *%`` nest, and a ``%`` inside one starts a line comment that hides a ``*%``; a
string knows only the escapes ``\\"``, ``\\\\`` and ``\\n``; only ``\\n`` ends a line.
Then it accepts only statements that are plain ground facts, built as
:mod:`pyknow_bridge.core.terms`, and names everything else precisely. What it accepts, clingo
reads as exactly the same facts (a differential test checks this); what clingo would read
differently, or not at all, is refused.

Every pass is linear in the size of the text; a common fact is read by one regular
expression.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NamedTuple

import clingo

from pyknow_bridge.core.terms import NUMBER_LIMIT, Function, String, Term, fact_text, unquote

#: Terms nested deeper than this are refused (no vocabulary term nests beyond 2).
MAX_TERM_DEPTH = 8
#: After this many problems a file is not read further: it is refused either way.
MAX_PROBLEMS = 50
#: A statement longer than this many tokens is refused, and the file read no further (no
#: fact comes close; a string is one token).
MAX_STATEMENT_TOKENS = 2_000


class Fact(NamedTuple):
    """A plain ground fact: predicate, arguments, its text as clingo writes it (never the
    file's own text), and where it starts (character offset and line)."""

    name: str
    arguments: tuple[Term, ...]
    text: str
    offset: int
    line: int = 0

    @property
    def arity(self) -> int:
        return len(self.arguments)

    @property
    def symbol(self) -> clingo.Symbol:
        """The fact as a clingo symbol, read from its own canonical text."""
        return clingo.parse_term(self.text)


@dataclass(frozen=True, slots=True)
class SyntaxProblem:
    """Why a statement is not a plain fact, at a character offset of the text."""

    offset: int
    message: str


# --- Tokens, exactly as clingo's lexer cuts them --------------------------------------

_WS = r"[ \t\r\n]"
_IDENT = r"[a-z][A-Za-z0-9_']*+"
_NUMBER = r"-?(?:0|[1-9][0-9]*+)"
_STRING = r'"(?:[^\\"\n]|\\["\\n])*+"'
_SIMPLE = rf"(?:{_IDENT}|{_NUMBER}|{_STRING})"
_ARGUMENT = (
    rf"(?:{_IDENT}{_WS}*+\({_WS}*+{_SIMPLE}(?:{_WS}*+,{_WS}*+{_SIMPLE})*+{_WS}*+\)|{_SIMPLE})"
)
#: A common fact, read in one match: constants, numbers and strings as arguments, and
#: function terms of those (``arrest(perez)``); anything else takes the token path.
_FAST_FACT = re.compile(
    rf"({_IDENT})(?:{_WS}*+\({_WS}*+({_ARGUMENT}(?:{_WS}*+,{_WS}*+{_ARGUMENT})*+){_WS}*+\))?"
    rf"{_WS}*+\.(?!\.)"
)
_NO_SPACE = re.compile(r"[ \t\r\n]+")
_COMMA = re.compile(r"[ \t\r\n]*,[ \t\r\n]*")
_NUMERIC = frozenset("-0123456789")
#: A number among the arguments of a fast fact (a word that starts with a digit or minus).
_HAS_NUMBER = re.compile(r"(?:^|[ ,\t\r\n])-?[0-9]")
#: The arguments of a fast fact without strings and without white space: function terms
#: (name and inner text) and single words.
_NESTED = re.compile(r"([a-z][A-Za-z0-9_']*)\(([^()]*)\)|([^,()]+)")
#: The pieces of a fast fact's arguments.
_PIECE = re.compile(rf"{_STRING}|{_IDENT}|{_NUMBER}|[(),]")
#: White space and line comments between statements (``%*`` opens a block comment instead;
#: ``#!`` opens a line comment too, for a shebang line).
_SKIP = re.compile(r"(?:[ \t\r\n]++|%(?!\*)[^\n]*+|#![^\n]*+)++")
#: What may precede a fast fact, and the fact, in one match.
_LEAD_AND_FACT = re.compile(r"(?:[ \t\r\n]++|%(?!\*)[^\n]*+|#![^\n]*+)*+" + _FAST_FACT.pattern)

_TOKEN = re.compile(
    r"""
      (?P<skip>[ \t\r\n]+|%(?!\*)[^\n]*|\#![^\n]*)
    | (?P<block>%\*)
    | (?P<string>"(?:[^\\"\n]|\\["\\n])*")
    | (?P<bad_string>")
    | (?P<word>[_']*[A-Za-z][A-Za-z0-9_']*)
    | (?P<number>[0-9]+)
    | (?P<directive>\#[A-Za-z0-9_]*)
    | (?P<symbol>\.\.|:-|:~|\*\*|>=|<=|==|!=|<>|[().,;:{}\[\]|+\-*/\\<>=@&^~?!])
    | (?P<other>[\s\S])
    """,
    re.VERBOSE,
)
_BLOCK_EVENT = re.compile(r"%\*|\*%|%")
_STRING_PREFIX = re.compile(r'"(?:[^\\"\n]|\\["\\n])*')

#: The only word clingo reserves: ``not`` is never a constant.
_KEYWORD = "not"

_DIRECTIVE_HELP = {
    "include": "a fact file may not pull in other files",
    "script": "a fact file may not run code",
}
_ARITHMETIC = frozenset(["+", "-", "*", "/", "\\", "**", "&", "?", "^", "~"])


@dataclass(frozen=True, slots=True)
class _Token:
    kind: str  # word, number, string, symbol, directive, error, end
    text: str
    offset: int


def _skip_block_comment(text: str, position: int) -> int | None:
    """The offset just past a block comment whose ``%*`` ends at ``position``; None if the
    comment never closes. Block comments nest; a ``%`` inside one starts a line comment."""
    depth = 1
    while True:
        event = _BLOCK_EVENT.search(text, position)
        if event is None:
            return None
        marker = event.group()
        if marker == "%*":
            depth += 1
            position = event.end()
        elif marker == "*%":
            depth -= 1
            position = event.end()
            if depth == 0:
                return position
        else:
            newline = text.find("\n", event.end())
            if newline < 0:
                return None
            position = newline + 1


def _bad_string(text: str, offset: int) -> tuple[str, int]:
    """Why the string opening at ``offset`` is not one clingo reads, and where to resume."""
    prefix = _STRING_PREFIX.match(text, offset)
    end = prefix.end() if prefix else offset + 1
    newline = text.find("\n", end)
    resume = len(text) if newline < 0 else newline + 1
    if end < len(text) and text[end] == "\\":
        escape = text[end : end + 2]
        return (
            f'escape {escape!r} in a string: clingo knows only \\\\, \\" and \\n '
            "(and reads the rest as code)",
            resume,
        )
    return "string is never closed with a double quote on its line", resume


def _tokens(text: str, position: int) -> Iterator[_Token]:
    """clingo's tokens from ``position`` on, comments and white space skipped."""
    length = len(text)
    while position < length:
        match = _TOKEN.match(text, position)
        assert match is not None  # the last alternative matches any character
        kind = match.lastgroup or "other"
        offset = position
        position = match.end()
        if kind == "skip":
            continue
        if kind == "block":
            closed = _skip_block_comment(text, position)
            if closed is None:
                yield _Token("error", "block comment %* is never closed with *%", offset)
                return
            position = closed
            continue
        if kind == "bad_string":
            message, position = _bad_string(text, offset)
            yield _Token("error", message, offset)
            continue
        if kind == "other":
            character = match.group()
            if character == "_":
                yield _Token(
                    "error", "anonymous variable _ in a fact: facts must be ground", offset
                )
            elif character.isascii():
                yield _Token("error", f"unexpected character {character!r}", offset)
            else:
                message = f"character {character!r} outside a string: identifiers are ASCII"
                yield _Token("error", message, offset)
            continue
        yield _Token(kind, match.group(), offset)
    yield _Token("end", "", length)


# --- Statements -------------------------------------------------------------------


class _StatementError(Exception):
    def __init__(self, token: _Token, message: str) -> None:
        super().__init__(message)
        self.token = token
        self.message = message


def _describe(token: _Token) -> str:
    return "the end of the file" if token.kind == "end" else repr(token.text)


class _FactParser:
    """Recursive descent over the tokens of one statement: a plain ground fact, or why not."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.index = 0

    def next(self) -> _Token:
        token = self.tokens[self.index]
        self.index += 1
        return token

    def peek(self) -> _Token:
        return self.tokens[self.index]

    def fact(self) -> tuple[str, tuple[Term, ...]]:
        head = self.next()
        name = self._name(
            head, "a fact must be a predicate applied to constants, e.g. plaintiff(p)"
        )
        arguments: tuple[Term, ...] = ()
        if self.peek().text == "(" and self.peek().kind == "symbol":
            arguments = self._arguments(depth=0)
        end = self.next()
        if end.text != "." or end.kind != "symbol":
            raise _StatementError(
                end, f"syntax error: expected '.' to end the fact, found {_describe(end)}"
            )
        return name, arguments

    def _name(self, token: _Token, otherwise: str) -> str:
        if token.kind == "word":
            if token.text == _KEYWORD:
                raise _StatementError(token, "'not' is a keyword of clingo, not a name")
            if token.text[0].isupper() or (token.text[0] in "_'" and _is_variable(token.text)):
                raise _StatementError(
                    token, f"variable {token.text} in a fact: facts must be ground"
                )
            if not token.text[0].islower():
                raise _StatementError(
                    token, f"name {token.text} must begin with a lower-case letter"
                )
            return token.text
        raise _StatementError(token, otherwise)

    def _arguments(self, depth: int) -> tuple[Term, ...]:
        opening = self.next()  # "("
        if depth >= MAX_TERM_DEPTH:
            raise _StatementError(opening, f"term nested deeper than {MAX_TERM_DEPTH} levels")
        if self.peek().text == ")":
            raise _StatementError(
                self.peek(), "empty parentheses: write a constant without them, e.g. p not p()"
            )
        arguments = [self._term(depth)]
        while True:
            token = self.next()
            if token.kind == "symbol" and token.text == ",":
                arguments.append(self._term(depth))
            elif token.kind == "symbol" and token.text == ")":
                return tuple(arguments)
            else:
                raise _StatementError(token, _after_term(token))

    def _term(self, depth: int) -> Term:
        token = self.next()
        if token.kind == "number":
            return _number(token, token.text)
        if token.kind == "string":
            return String(unquote(token.text))
        if token.kind == "symbol" and token.text == "-":
            following = self.next()
            if following.kind == "number":
                return _number(following, "-" + following.text)
            raise _StatementError(
                token, "a negated term is not a vocabulary term: state only what is established"
            )
        if token.kind == "symbol" and token.text == "@":
            raise _StatementError(
                token, "an external function (@...) is not allowed: a fact file may not run code"
            )
        if token.kind == "symbol" and token.text == "(":
            raise _StatementError(token, "a tuple is not a vocabulary term")
        if token.kind == "word":
            name = self._name(token, "")
            if self.peek().kind == "symbol" and self.peek().text == "(":
                return Function(name, self._arguments(depth + 1))
            return name
        raise _StatementError(token, f"syntax error: expected a term, found {_describe(token)}")


def _is_variable(word: str) -> bool:
    return word.lstrip("_'")[:1].isupper()


def _number(token: _Token, literal: str) -> int:
    digits = literal.lstrip("-")
    if len(digits) > 1 and digits.startswith("0"):
        raise _StatementError(token, f"number {literal} has a leading zero")
    value = int(literal)
    if abs(value) > NUMBER_LIMIT:
        raise _StatementError(
            token, f"number {literal} is outside clingo's range (±{NUMBER_LIMIT})"
        )
    return value


def _after_term(token: _Token) -> str:
    if token.text == "..":
        return "an interval (a..b) is not allowed in a fact: write each fact out"
    if token.text == ";":
        return "a pool (a;b) is not allowed in a fact: write each fact out"
    if token.text in _ARITHMETIC:
        return "arithmetic is not allowed in a fact: write each fact out"
    return f"syntax error: expected ',' or ')', found {_describe(token)}"


def _directive_problem(token: _Token) -> SyntaxProblem:
    name = token.text[1:]
    reason = _DIRECTIVE_HELP.get(name, "a fact file holds facts only")
    return SyntaxProblem(token.offset, f"directive #{name} is not allowed: {reason}")


def _classify(tokens: list[_Token]) -> SyntaxProblem | None:
    """What makes a statement other than a fact, judged on the whole statement first."""
    first = tokens[0]
    texts = [t.text for t in tokens if t.kind == "symbol"]
    if ":-" in texts:
        if first.kind == "symbol" and first.text == ":-":
            message = "a constraint is not allowed in a fact file: facts may not change the rules"
        else:
            message = "a rule is not allowed in a fact file: facts may not change the rules"
        return SyntaxProblem(first.offset, message)
    if ":~" in texts:
        return SyntaxProblem(first.offset, "a weak constraint is not allowed in a fact file")
    if (first.kind == "symbol" and first.text == "-") or first.text == _KEYWORD:
        return SyntaxProblem(
            first.offset, "a negated fact is not allowed: state only what is established"
        )
    if any(text in ("{", "}", "|", ":", "[", "]") for text in texts):
        return SyntaxProblem(
            first.offset, "only plain facts are allowed (no choices, aggregates or disjunctions)"
        )
    return None


def _read_statement(text: str, position: int) -> tuple[list[_Token], SyntaxProblem | None, int]:
    """The tokens of the statement starting at ``position``, through its period; the first
    lexical problem in it (after which tokens are skipped, not stored); and the offset where
    the next statement starts."""
    collected: list[_Token] = []
    problem: SyntaxProblem | None = None
    for seen, token in enumerate(_tokens(text, position)):
        if token.kind == "end":
            if problem is None and collected:
                problem = SyntaxProblem(
                    collected[0].offset,
                    "syntax error: the last statement does not end with a period",
                )
            return collected, problem, len(text)
        if problem is None:
            if token.kind == "error":
                problem = SyntaxProblem(token.offset, token.text)
            elif token.kind == "directive" and token.text == "#script":
                # The script's body is code, not statements: resume after its #end.
                problem = SyntaxProblem(
                    token.offset, "directive #script is not allowed: a fact file may not run code"
                )
                end = text.find("#end", token.offset)
                return collected, problem, len(text) if end < 0 else _after_period(text, end + 4)
            elif token.kind == "directive":
                problem = _directive_problem(token)
            else:
                collected.append(token)
        if token.kind == "symbol" and token.text == ".":
            return collected, problem, token.offset + 1
        if seen > MAX_STATEMENT_TOKENS:
            problem = SyntaxProblem(
                position,
                f"statement runs on for more than {MAX_STATEMENT_TOKENS} tokens without a "
                "period: not a fact, and the file is read no further",
            )
            return collected, problem, len(text)
    return collected, problem, len(text)


def _after_period(text: str, position: int) -> int:
    for token in _tokens(text, position):
        if token.kind == "symbol" and token.text == ".":
            return token.offset + 1
    return len(text)


def parse_facts(
    text: str, on_progress: Callable[[], None] | None = None
) -> tuple[list[Fact], list[SyntaxProblem]]:
    """Every statement of ``text`` as a plain fact, and every statement that is not one.

    ``on_progress`` is called every thousand statements (a deadline check, for instance).
    Reading stops after :data:`MAX_PROBLEMS` problems, or at a statement that runs on for
    more than :data:`MAX_STATEMENT_TOKENS` tokens.
    """
    facts: list[Fact] = []
    problems: list[SyntaxProblem] = []
    position, length, count = 0, len(text), 0
    line, last, newlines = 1, 0, text.count
    lead_and_fact, skip, append = _LEAD_AND_FACT.match, _SKIP.match, facts.append
    split_words, new_fact = _COMMA.split, tuple.__new__  # a Fact is a tuple: no frame
    while len(problems) < MAX_PROBLEMS:
        count += 1
        if on_progress is not None and count % 1000 == 0:
            on_progress()
        match = lead_and_fact(text, position)
        if match is not None:
            name, inside = match.group(1, 2)
            start = match.start(1)
            if inside is not None and '"' not in inside and "(" not in inside:
                # The common fact: constants and numbers only, read here without a call.
                words = split_words(inside.strip(" \t\r\n"))
                if name != _KEYWORD and _KEYWORD not in words:
                    arguments = _numbers(words) if _HAS_NUMBER.search(inside) else tuple(words)
                    if arguments is not None:
                        line += newlines("\n", last, start)
                        last = start
                        text_of = f"{name}({','.join(words)})"
                        append(new_fact(Fact, (name, arguments, text_of, start, line)))
                        position = match.end()
                        continue
            else:
                fact = _fast_fact(match, start)
                if fact is not None:
                    line += newlines("\n", last, start)
                    last = start
                    append(fact._replace(line=line))
                    position = match.end()
                    continue
            position = start
        else:
            skipped = skip(text, position)
            if skipped:
                position = skipped.end()
            if position >= length:
                break
        before = len(facts)
        position = _slow_statement(text, position, facts, problems)
        if len(facts) > before:  # a fact read token by token: give it its line
            fact = facts[-1]
            line += newlines("\n", last, fact.offset)
            last = fact.offset
            facts[-1] = fact._replace(line=line)
    return facts, problems


def _numbers(words: list[str]) -> tuple[Term, ...] | None:
    """The words of a fast fact with its numbers read; None if one is beyond clingo's range."""
    arguments: list[Term] = []
    for word in words:
        if word[0] in _NUMERIC:
            number = int(word)
            if abs(number) > NUMBER_LIMIT:
                return None
            arguments.append(number)
        else:
            arguments.append(word)
    return tuple(arguments)


def _fast_fact(match: re.Match[str], offset: int) -> Fact | None:
    """The fact a fast match read; None where the token path must judge it (clingo's
    keyword ``not``, a number beyond clingo's range)."""
    name, inside = match.group(1), match.group(2)
    if name == _KEYWORD:
        return None
    if inside is None:
        return Fact(name, (), name, offset)
    if '"' in inside:
        terms = _pieces_to_terms(_PIECE.findall(inside))
        return None if terms is None else Fact(name, terms, fact_text(name, terms), offset)
    # No strings: clingo's text is the match without its white space and period.
    text = _NO_SPACE.sub("", match.string[match.start(1) : match.end()])[:-1]
    arguments: list[Term | None] = []
    if "(" not in inside:
        arguments = [_word(word) for word in text[len(name) + 1 : -1].split(",")]
    else:
        for function, inner, word in _NESTED.findall(text, len(name) + 1, len(text) - 1):
            if function:
                words = [_word(w) for w in inner.split(",")]
                arguments.append(None if None in words else Function(function, tuple(words)))  # type: ignore[arg-type]
            else:
                arguments.append(_word(word))
    if None in arguments:
        return None
    return Fact(name, tuple(arguments), text, offset)  # type: ignore[arg-type]


def _word(word: str) -> Term | None:
    """A constant or number of a fast match; None for a word the token path must judge."""
    if word[0] in _NUMERIC:
        number = int(word)
        return number if abs(number) <= NUMBER_LIMIT else None
    return None if word == _KEYWORD else word


def _pieces_to_terms(pieces: list[str]) -> tuple[Term, ...] | None:
    """The arguments a fast match holds, from its pieces (the pattern proved the shape)."""
    out: list[Term] = []
    inner: list[Term] | None = None
    function = ""
    for piece in pieces:
        if piece == ",":
            continue
        if piece == "(":
            function, inner = str(out.pop()), []
            continue
        if piece == ")":
            assert inner is not None
            out.append(Function(function, tuple(inner)))
            inner = None
            continue
        first = piece[0]
        term: Term
        if first == '"':
            term = String(unquote(piece))
        elif first in _NUMERIC:
            term = int(piece)
            if abs(term) > NUMBER_LIMIT:
                return None
        elif piece == _KEYWORD:
            return None
        else:
            term = piece
        (out if inner is None else inner).append(term)
    return tuple(out)


def _slow_statement(
    text: str, position: int, facts: list[Fact], problems: list[SyntaxProblem]
) -> int:
    """Read one statement token by token; return where the next one starts."""
    collected, problem, resume = _read_statement(text, position)
    if problem is None and not collected:
        return resume  # only comments were left
    if problem is None:
        problem = _classify(collected)
    if problem is None:
        try:
            name, arguments = _FactParser(collected).fact()
        except _StatementError as error:
            problem = SyntaxProblem(error.token.offset, error.message)
        else:
            facts.append(Fact(name, arguments, fact_text(name, arguments), collected[0].offset))
    if problem is not None:
        problems.append(problem)
    return resume
