"""The ``pyknow-bridge`` command line.

Exit codes (also in ``pyknow-bridge --help`` and the README):
  0  every file was solved and the report printed
  1  the solver failed (a message from clingo, or no answer set)
  2  usage error (unknown option, missing file, unknown view)
  3  a fact file was rejected; nothing was solved
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from pyknow_bridge import __version__
from pyknow_bridge.api import analyse
from pyknow_bridge.batch import DEFAULT_CHUNK, Rejected, fact_files, solve_many
from pyknow_bridge.docs import render_predicate_reference
from pyknow_bridge.explain import explain_case
from pyknow_bridge.explain_render import (
    GraphvizMissingError,
    render_dot,
    render_explain_json,
    render_markdown,
    render_memo,
    render_svg,
)
from pyknow_bridge.explanation import Explanation
from pyknow_bridge.loader import CaseFile, FactFileError, load_case
from pyknow_bridge.render_json import SCHEMA_ID, case_to_dict, render_json
from pyknow_bridge.render_text import render_text
from pyknow_bridge.rulebook import available_views
from pyknow_bridge.solver import SolveError

EXIT_SOLVER = 1
EXIT_REJECTED = 3

_VIEW = click.option(
    "--view",
    "views",
    multiple=True,
    type=click.Choice(available_views()),
    help="Also apply an opinion the majority rejected (repeatable). Default: the majority.",
)

_TIME_LIMIT = click.option(
    "--time-limit",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="Stop solving that takes longer (exit 1 with a message). Default: no limit.",
)

_AS_OF = click.option(
    "--as-of",
    "as_of",
    type=click.IntRange(min=1),
    metavar="YEAR",
    help="Decide under the law in force in YEAR (rules/law_in_time.lp). "
    "Default: the year each case was decided.",
)

_EXIT_CODES = """\b
Exit codes:
  0  solved and reported
  1  the solver failed
  2  usage error
  3  a fact file was rejected (nothing solved)"""


@click.group(epilog=_EXIT_CODES)
@click.version_option(__version__, prog_name="pyknow-bridge")
def main() -> None:
    """The public duty doctrine (D.C. and New York) as a knowledge base you can query."""


@main.command(
    epilog="""\b
Examples:
  pyknow-bridge solve facts/cases/valdez.lp
  pyknow-bridge solve --format json facts/cases/*.lp
  pyknow-bridge solve --view lippman facts/cases/valdez.lp

"""
    + _EXIT_CODES
)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
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
def solve(
    files: tuple[Path, ...],
    output_format: str,
    views: tuple[str, ...],
    time_limit: float | None,
    as_of: int | None,
) -> None:
    """Decide every claim in each fact FILE: duty, basis, elements, reliance, immunity, outcome.

    A file with any problem is rejected whole, with file, line and the offending text; if any
    file is rejected, none is solved.
    """
    cases = _load_all(files)
    try:
        results = [analyse(case, views, time_limit, as_of) for case in cases]
    except SolveError as error:
        click.echo(f"solver error: {error}", err=True)
        sys.exit(EXIT_SOLVER)
    click.echo(render_json(results) if output_format == "json" else render_text(results), nl=False)


def _load_all(files: tuple[Path, ...]) -> list[CaseFile]:
    """Load every file, or report every rejected one and exit: nothing half-loaded."""
    cases: list[CaseFile] = []
    rejected = False
    for path in files:
        try:
            cases.append(load_case(path))
        except FactFileError as error:
            rejected = True
            click.echo(f"rejected: {path}\n{error}", err=True)
    if rejected:
        sys.exit(EXIT_REJECTED)
    return cases


_RENDERERS = {
    "memo": render_memo,
    "markdown": render_markdown,
    "json": render_explain_json,
    "dot": render_dot,
    "svg": render_svg,
}


@main.command(
    epilog="""\b
Examples:
  pyknow-bridge explain facts/cases/valdez.lp
  pyknow-bridge explain --claim valdez,city_of_new_york --format markdown facts/cases/valdez.lp
  pyknow-bridge explain --format json facts/cases/morgan.lp
  pyknow-bridge explain --format svg facts/cases/morgan.lp > morgan.svg

"""
    + _EXIT_CODES
)
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--claim",
    "claim_filter",
    metavar="P,D",
    help="Explain only the claim of plaintiff P against defendant D.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(list(_RENDERERS)),
    default="memo",
    show_default=True,
    help="memo: issue, rule, application, conclusion; json: docs/explain-output.md; "
    "svg needs Graphviz.",
)
@_VIEW
@_AS_OF
def explain(
    files: tuple[Path, ...],
    claim_filter: str | None,
    output_format: str,
    views: tuple[str, ...],
    as_of: int | None,
) -> None:
    """Explain every conclusion on each claim: why it holds, or why not, with the authorities.

    Each step names the rule (id and statement), its premises down to the facts of the file,
    and the authority; what did not hold names what was missing and who bore the burden.
    """
    cases = _load_all(files)
    try:
        explanations = [explain_case(case, views, as_of) for case in cases]
    except SolveError as error:
        click.echo(f"solver error: {error}", err=True)
        sys.exit(EXIT_SOLVER)
    if claim_filter:
        explanations = _only_claim(explanations, claim_filter)
    try:
        click.echo(_RENDERERS[output_format](explanations), nl=False)
    except GraphvizMissingError as error:
        raise click.UsageError(str(error)) from None


def _only_claim(explanations: list[Explanation], claim_filter: str) -> list[Explanation]:
    plaintiff, _, defendant = claim_filter.partition(",")
    kept = []
    for explanation in explanations:
        explanation.claims = [
            c
            for c in explanation.claims
            if c.plaintiff == plaintiff.strip() and defendant.strip() in ("", c.defendant)
        ]
        if explanation.claims:
            kept.append(explanation)
    if not kept:
        raise click.BadParameter(f"no claim {claim_filter} in the files", param_hint="--claim")
    return kept


@main.command(
    epilog="""\b
Examples:
  pyknow-bridge batch facts/cases > results.jsonl
  pyknow-bridge batch --chunk-size 2000 --time-limit 60 docket/ > results.jsonl

Each line of the output is one case: the JSON of `solve --format json` for that case
(docs/solve-output.md), or {"file": ..., "rejected": [problems]} for a file that could
not be loaded. Lines come in input order (directories are searched for *.lp, sorted).

"""
    + _EXIT_CODES
    + "\n  (3 here: some files were rejected; the others were still solved)"
)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
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
def batch(
    paths: tuple[Path, ...],
    views: tuple[str, ...],
    chunk_size: int,
    time_limit: float | None,
    as_of: int | None,
) -> None:
    """Solve a docket of fact files many per grounding; stream JSON Lines to stdout.

    Results are identical to solving each file alone. A progress bar is drawn on stderr
    when it is a terminal.
    """
    files = list(fact_files(paths))
    rejected = 0
    with click.progressbar(
        length=len(files), label="solving", file=sys.stderr, hidden=not sys.stderr.isatty()
    ) as bar:
        try:
            for item in solve_many(
                files, views, chunk_size, time_limit, on_file=lambda: bar.update(1), as_of=as_of
            ):
                if isinstance(item, Rejected):
                    rejected += 1
                    line = {"schema": SCHEMA_ID, "file": item.path, "rejected": _problems(item)}
                else:
                    line = {"schema": SCHEMA_ID, **case_to_dict(item)}
                click.echo(json.dumps(line))
        except SolveError as error:
            click.echo(f"solver error: {error}", err=True)
            sys.exit(EXIT_SOLVER)
    if rejected:
        click.echo(f"{rejected} of {len(files)} files rejected (see their lines)", err=True)
        sys.exit(EXIT_REJECTED)


def _problems(item: Rejected) -> list[dict[str, object]]:
    return [
        {"line": p.line, "column": p.column, "message": p.message, "text": p.text}
        for p in item.error.problems
    ]


@main.command()
def vocabulary() -> None:
    """Print the reference of every predicate (Input, Internal, Output), read from the rules."""
    click.echo(render_predicate_reference(), nl=False)
