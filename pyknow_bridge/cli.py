"""The ``pyknow-bridge`` command line.

Exit codes (also in ``pyknow-bridge --help`` and the README), the same for every command:
  0    every file was solved and the report printed
  1    the solver failed, or the time limit was reached
  2    usage error (unknown option or view, a bad --claim or --time-limit)
  3    a fact file was rejected (missing, unreadable or not pure vocabulary facts)
  130  interrupted (Ctrl-C)
  141  the output was closed early (a broken pipe); nothing more is written
"""

from __future__ import annotations

import json
import math
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, NoReturn

import click

from pyknow_bridge import __version__
from pyknow_bridge.api import analyse, explain_loaded
from pyknow_bridge.batch import (
    DEFAULT_CHUNK,
    Failed,
    Rejected,
    fact_files,
    solve_many,
)
from pyknow_bridge.casefile.loader import CaseFile, FactFileError, load_case
from pyknow_bridge.core.errors import GraphvizMissingError, SolveError
from pyknow_bridge.core.limits import MAX_TIME_LIMIT, Deadline
from pyknow_bridge.core.machine import available_cpus
from pyknow_bridge.core.printable import printable
from pyknow_bridge.doctrine.rulebook import available_views
from pyknow_bridge.doctrine.rules_in_force import rules_in_force
from pyknow_bridge.engine.solver import ENGINES
from pyknow_bridge.model.explanation import Explanation
from pyknow_bridge.model.results import CaseResult
from pyknow_bridge.render.explanation_html import render_html
from pyknow_bridge.render.explanation_json import render_explain_json
from pyknow_bridge.render.explanation_report import (
    render_dot,
    render_markdown,
    render_memo,
    render_svg,
)
from pyknow_bridge.render.predicates_doc import render_predicate_reference
from pyknow_bridge.render.result_json import SCHEMA_ID, case_to_dict, render_json
from pyknow_bridge.render.result_schema import render_solve_schema
from pyknow_bridge.render.text import render_text

EXIT_SOLVER = 1
EXIT_REJECTED = 3
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141

#: Plain stand-ins for the symbols of the reports, for a console that cannot show them.
_ASCII = str.maketrans({"✓": "+", "✗": "x", "\u2014": "--", "\u2013": "-", "…": "...", "·": "-"})


def _emit(text: str, err: bool = False) -> None:
    """Write ``text`` as it is where the stream can encode it, else with plain stand-ins."""
    stream = sys.stderr if err else sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        text.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        text = text.translate(_ASCII).encode(encoding, errors="replace").decode(encoding)
    click.echo(text, file=stream, nl=False)


class _TimeLimit(click.ParamType[float]):
    """Seconds: a finite positive number no larger than a week."""

    name = "seconds"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            self.fail(f"{value!r} is not a number of seconds", param, ctx)
        if not (math.isfinite(seconds) and 0 < seconds <= MAX_TIME_LIMIT):
            self.fail(
                f"{value!r}: give a number of seconds above 0 and at most {MAX_TIME_LIMIT:g}",
                param,
                ctx,
            )
        return seconds


class _Program(click.Group):
    """The command group, with exit codes of its own for Ctrl-C and a closed pipe."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()
        except BrokenPipeError:
            _stop_writing()
        return result

    def main(self, *args: Any, **kwargs: Any) -> NoReturn:
        kwargs["standalone_mode"] = False
        # Ctrl-C may land inside clingo, which would turn the KeyboardInterrupt into a solver
        # error; the handler exits with the documented code wherever it lands.
        in_main_thread = threading.current_thread() is threading.main_thread()
        previous = signal.signal(signal.SIGINT, _interrupted) if in_main_thread else None
        try:
            code = super().main(*args, **kwargs)
        except click.ClickException as error:
            error.show()
            sys.exit(error.exit_code)
        except (KeyboardInterrupt, click.exceptions.Abort):
            click.echo("interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            _stop_writing()
        finally:
            if in_main_thread:
                signal.signal(signal.SIGINT, previous)
        sys.exit(code if isinstance(code, int) else 0)


def _interrupted(_signal: int, _frame: object) -> None:
    os.write(sys.stderr.fileno(), b"interrupted\n")
    os._exit(EXIT_INTERRUPTED)


def _stop_writing() -> NoReturn:
    """Whoever read the output stopped reading (``| head``): exit quietly."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    sys.exit(EXIT_BROKEN_PIPE)


_VIEW = click.option(
    "--view",
    "views",
    multiple=True,
    type=click.Choice(available_views()),
    help="Also apply an opinion the majority rejected (repeatable). Default: the majority.",
)

_TIME_LIMIT = click.option(
    "--time-limit",
    type=_TimeLimit(),
    metavar="SECONDS",
    help="Give up on a case whose loading, solving and explaining take longer "
    "(exit 1 with a message). Default: no limit.",
)

_ENGINE = click.option(
    "--engine",
    type=click.Choice(ENGINES),
    default="clingo",
    show_default=True,
    help="The solver: clingo, or the Prolog port of the same rules (needs SWI-Prolog).",
)

_FILES = click.argument(
    "files", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=Path)
)

_AS_OF = click.option(
    "--as-of",
    "as_of",
    type=click.IntRange(min=1, max=9999),
    metavar="YEAR",
    help="Decide under the law in force in YEAR (rules/law_in_time.lp). "
    "Default: the year each case was decided.",
)

_EXIT_CODES = """\b
Exit codes:
  0    solved and reported
  1    the solver failed or the time limit was reached
  2    usage error
  3    a fact file was rejected (missing, unreadable, or not vocabulary facts)
  130  interrupted
  141  output closed early (broken pipe)"""


@click.group(cls=_Program, epilog=_EXIT_CODES)
@click.version_option(__version__, prog_name="pyknow-bridge")
def main() -> None:
    """The public duty doctrine (D.C. and New York) as a knowledge base you can query."""


@main.command(
    epilog="""\b
Examples:
  pyknow-bridge solve facts/cases/valdez.lp
  pyknow-bridge solve --format json facts/cases/*.lp
  pyknow-bridge solve --view lippman facts/cases/valdez.lp
  cat case.lp | pyknow-bridge solve -

"""
    + _EXIT_CODES
)
@_FILES
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text: a report a lawyer reads; json: see docs/solve-output.md.",
)
@_VIEW
@_TIME_LIMIT
@_AS_OF
@_ENGINE
def solve(
    *,
    files: tuple[Path, ...],
    output_format: str,
    views: tuple[str, ...],
    time_limit: float | None,
    as_of: int | None,
    engine: str,
) -> None:
    """Decide every claim in each fact FILE: duty, basis, elements, reliance, immunity, outcome.

    A file with any problem is rejected whole, with file, line and the offending text; if any
    file is rejected, none is solved. FILE may be - for standard input.
    """
    loaded = _load_all(files, time_limit)
    try:
        results = [analyse(case, views, deadline, as_of, engine) for case, deadline in loaded]
    except SolveError as error:
        _fail(error)
    if output_format == "json":
        _emit(render_json(results))
    else:
        _emit(render_text(results))


def _printable_lines(text: str) -> str:
    return "\n".join(printable(line) for line in text.split("\n"))


def _fail(error: SolveError) -> NoReturn:
    _emit(f"solver error: {error}\n", err=True)
    sys.exit(EXIT_SOLVER)


def _load_all(files: Sequence[Path], time_limit: float | None) -> list[tuple[CaseFile, Deadline]]:
    """Load every file, each on its own clock, or report every rejected one and exit:
    nothing half-loaded."""
    loaded, rejected = _load_each(files, time_limit)
    if rejected:
        sys.exit(EXIT_REJECTED)
    return loaded


def _load_each(
    files: Sequence[Path], time_limit: float | None
) -> tuple[list[tuple[CaseFile, Deadline]], bool]:
    """Load every file, each on its own clock, reporting each rejected one; the files
    loaded, and whether any was rejected."""
    loaded: list[tuple[CaseFile, Deadline]] = []
    rejected = False
    for path in files:
        deadline = Deadline(time_limit)
        try:
            loaded.append((load_case(path, deadline=deadline), deadline))
        except FactFileError as error:
            rejected = True
            shown = str(error.problems[0].path) if error.problems else str(path)  # <stdin>
            _emit(f"rejected: {printable(shown)}\n{_printable_lines(str(error))}\n", err=True)
        except SolveError as error:
            _fail(error)
    return loaded, rejected


_RENDERERS = {
    "memo": render_memo,
    "markdown": render_markdown,
    "json": render_explain_json,
    "html": lambda explanations: render_html(explanations[0]),
    "dot": render_dot,
    "svg": render_svg,
}


@main.command(
    epilog="""\b
Examples:
  pyknow-bridge explain facts/cases/valdez.lp
  pyknow-bridge explain --claim valdez,city_of_new_york --format markdown facts/cases/valdez.lp
  pyknow-bridge explain --format json facts/cases/morgan.lp
  pyknow-bridge explain --format html facts/cases/morgan.lp > morgan.html
  pyknow-bridge explain --format svg facts/cases/morgan.lp > morgan.svg

"""
    + _EXIT_CODES
)
@_FILES
@click.option(
    "--claim",
    "claim_filter",
    metavar="P,D",
    callback=lambda _ctx, _param, value: _claim_option(value),
    help="Explain only the claim of plaintiff P against defendant D (or every claim of P).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(_RENDERERS)),
    default="memo",
    show_default=True,
    help="memo: issue, rule, application, conclusion; json: docs/explain-output.md; "
    "html: one self-contained page (one fact file); svg needs Graphviz.",
)
@click.option("--pretty", is_flag=True, help="Indent the JSON (--format json); compact otherwise.")
@click.option(
    "--detail", is_flag=True, help="Show each step's atom beside its plain words (--format memo)."
)
@_VIEW
@_TIME_LIMIT
@_AS_OF
@_ENGINE
def explain(
    *,
    files: tuple[Path, ...],
    claim_filter: tuple[str, str] | None,
    output_format: str,
    pretty: bool,
    detail: bool,
    views: tuple[str, ...],
    time_limit: float | None,
    as_of: int | None,
    engine: str,
) -> None:
    """Explain every conclusion on each claim: why it holds, or why not, with the authorities.

    Each step names the rule (id and statement), its premises down to the facts of the file,
    and the authority; what did not hold names what was missing and who bore the burden.
    Several files are grounded together, 100 per grounding, each explained exactly as alone;
    a rejected file is reported and the others are still explained (exit 3). A progress bar
    is drawn on stderr for several files when it is a terminal.
    """
    if pretty and output_format != "json":
        raise click.UsageError("--pretty applies to --format json only")
    if detail and output_format != "memo":
        raise click.UsageError("--detail applies to --format memo only")
    if output_format == "html" and len(files) != 1:
        raise click.UsageError("--format html writes the page of one case: give one fact file")
    loaded, rejected = _load_each(files, time_limit)
    explanations = _explained([case for case, _ in loaded], views, time_limit, as_of, engine)
    if not explanations:  # every file rejected: nothing to explain
        sys.exit(EXIT_REJECTED)
    if claim_filter:
        explanations = _only_claim(explanations, claim_filter)
    try:
        if output_format == "json":
            _emit(render_explain_json(explanations, pretty=pretty))
        elif output_format == "memo":
            _emit(render_memo(explanations, detail=detail))
        else:
            _emit(_RENDERERS[output_format](explanations))
    except GraphvizMissingError as error:
        raise click.UsageError(str(error)) from None
    except subprocess.CalledProcessError as error:  # Graphviz itself failed
        _emit(f"graphviz failed (exit {error.returncode}): {error.stderr or ''}\n", err=True)
        sys.exit(EXIT_SOLVER)
    if rejected:
        sys.exit(EXIT_REJECTED)


def _explained(
    cases: Sequence[CaseFile],
    views: Sequence[str],
    time_limit: float | None,
    as_of: int | None,
    engine: str,
) -> list[Explanation]:
    """Every case explained (several grounded together), or the first failure reported.
    A progress bar is drawn on stderr for several files, when it is a terminal."""
    explanations = []
    hidden = len(cases) < 2 or not sys.stderr.isatty()
    with click.progressbar(
        length=len(cases), label="explaining", file=sys.stderr, hidden=hidden
    ) as bar:
        for explained in explain_loaded(cases, views, time_limit, as_of, engine):
            if isinstance(explained, Failed):
                _fail(SolveError(explained.message))
            explanations.append(explained)
            bar.update(1)
    return explanations


def _claim_option(value: str | None) -> tuple[str, str] | None:
    """``P,D`` or ``P`` as (plaintiff, defendant or ""); anything else is a usage error."""
    if value is None:
        return None
    plaintiff, comma, defendant = (part.strip() for part in value.partition(","))
    if not plaintiff or (comma and not defendant) or "," in defendant:
        raise click.BadParameter(
            f"{value!r}: give P,D (plaintiff and defendant) or P", param_hint="--claim"
        )
    return plaintiff, defendant


def _only_claim(
    explanations: list[Explanation], claim_filter: tuple[str, str]
) -> list[Explanation]:
    plaintiff, defendant = claim_filter
    kept = []
    for explanation in explanations:
        explanation.claims = [
            c
            for c in explanation.claims
            if c.plaintiff == plaintiff and defendant in ("", c.defendant)
        ]
        if explanation.claims:
            kept.append(explanation)
    if not kept:
        shown = f"{plaintiff},{defendant}" if defendant else plaintiff
        raise click.BadParameter(f"no claim {shown} in the files", param_hint="--claim")
    return kept


@main.command(
    epilog="""\b
Examples:
  pyknow-bridge batch facts/cases > results.jsonl
  pyknow-bridge batch --chunk-size 2000 --time-limit 60 docket/ > results.jsonl

Each line of the output is one case: the JSON of `solve --format json` for that case
(docs/solve-output.md), {"file": ..., "rejected": [problems]} for a file that could not
be loaded, or {"file": ..., "error": {"kind": ..., "message": ...}} for a case that could
not be solved. Lines come in input order (directories are searched for *.lp, sorted).
No case is lost: every other case is still solved and printed.

"""
    + _EXIT_CODES
    + "\n  (here 3: some file was rejected; else 1: some case failed)"
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@_VIEW
@click.option(
    "--chunk-size",
    type=click.IntRange(min=1),
    default=DEFAULT_CHUNK,
    show_default=True,
    help="Cases per grounding: memory grows with this, not with the docket.",
)
@_TIME_LIMIT
@_AS_OF
@_ENGINE
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Worker processes [default: one per CPU]. With clingo, a docket of one chunk is "
    "solved in this process.",
)
def batch(
    *,
    paths: tuple[Path, ...],
    views: tuple[str, ...],
    chunk_size: int,
    time_limit: float | None,
    as_of: int | None,
    engine: str,
    workers: int | None,
) -> None:
    """Solve a docket of fact files many per grounding; stream JSON Lines to stdout.

    Results are identical to solving each file alone. A progress bar is drawn on stderr
    when it is a terminal. Worker processes (one per CPU, or --workers) share the docket:
    each loads whole chunks and solves them together (with --engine prolog, 50 cases per
    query of its own Prolog engine).
    """
    files = list(fact_files(paths))
    rejected = failed = 0
    with click.progressbar(
        length=len(files), label="solving", file=sys.stderr, hidden=not sys.stderr.isatty()
    ) as bar:
        solved = solve_many(
            files,
            views,
            chunk_size,
            time_limit,
            on_file=lambda: bar.update(1),
            as_of=as_of,
            engine=engine,
            workers=workers or available_cpus(),
        )
        for item in _or_fail(solved):
            line: dict[str, object]
            if isinstance(item, Rejected):
                rejected += 1
                line = {"schema": SCHEMA_ID, "file": item.path, "rejected": _problems(item)}
            elif isinstance(item, Failed):
                failed += 1
                error = {"kind": item.kind, "message": item.message}
                line = {"schema": SCHEMA_ID, "file": item.path, "error": error}
            else:
                line = {"schema": SCHEMA_ID, **case_to_dict(item)}
            click.echo(json.dumps(line))
    if rejected:
        _emit(f"{rejected} of {len(files)} files rejected (see their lines)\n", err=True)
    if failed:
        _emit(f"{failed} of {len(files)} cases could not be solved (see their lines)\n", err=True)
    if rejected or failed:
        sys.exit(EXIT_REJECTED if rejected else EXIT_SOLVER)


def _or_fail(items: Iterator[CaseResult | Rejected | Failed]) -> Iterator[Any]:
    """The docket's items; an error of the whole batch (no SWI-Prolog) fails as a solver
    error, before any line."""
    try:
        yield from items
    except SolveError as error:
        _fail(error)


def _problems(item: Rejected) -> list[dict[str, object]]:
    return [
        {"line": p.line, "column": p.column, "message": p.message, "text": p.text}
        for p in item.error.problems
    ]


@main.command(
    epilog="""\b
Examples:
  pyknow-bridge export --prolog > prolog/public_duty.pl
  pyknow-bridge export --prolog --view lippman > lippman.pl
"""
)
@click.option("--prolog", "prolog", is_flag=True, required=True, help="Write the Prolog program.")
@_VIEW
def export(prolog: bool, views: tuple[str, ...]) -> None:
    """Write the rules in force as a Prolog program generated from them, for SWI-Prolog.

    Consult it without Python: swipl prolog/public_duty.pl, then
    ?- pkb_consult_facts('facts/cases/valdez.lp'), pkb_certain(outcome(P, D, O)).
    """
    from pyknow_bridge.doctrine.prolog import prolog_program  # noqa: PLC0415 (start-up)

    try:
        _emit(prolog_program(rules_in_force(views)))
    except SolveError as error:
        _fail(error)


@main.command()
def vocabulary() -> None:
    """Print the reference of every predicate (Input, Internal, Output), read from the rules."""
    _emit(render_predicate_reference())


@main.command()
def schema() -> None:
    """Print the JSON Schema of `solve --format json`, its claims read from rules/show.lp."""
    _emit(render_solve_schema())
