"""``--engine prolog`` on the command line and in the Python API: the same reports as clingo,
and a clear solver error (exit 1) where SWI-Prolog is missing."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pyknow_bridge import solve_file
from pyknow_bridge.cli import main
from pyknow_bridge.engine import prolog_engine
from tests.conftest import CASES_DIR
from tests.prolog_support import require_prolog

VALDEZ = str(CASES_DIR / "valdez.lp")


@pytest.mark.parametrize(
    "command",
    [
        ["solve", VALDEZ],
        ["solve", "--format", "json", "--view", "lippman", VALDEZ],
        ["explain", "--format", "json", VALDEZ],
        ["explain", "--as-of", "2019", str(CASES_DIR / "ferreira.lp")],
    ],
    ids=lambda command: " ".join(c.rsplit("/", 1)[-1] for c in command),
)
def test_the_prolog_engine_prints_what_clingo_prints(command: list[str]) -> None:
    require_prolog()
    runner = CliRunner()
    clingo = runner.invoke(main, command)
    prolog = runner.invoke(main, [command[0], "--engine", "prolog", *command[1:]])
    assert clingo.exit_code == prolog.exit_code == 0, prolog.output
    assert prolog.output == clingo.output


def test_the_api_takes_the_engine() -> None:
    require_prolog()
    assert solve_file(VALDEZ, engine="prolog") == solve_file(VALDEZ)


def test_without_swi_prolog_the_engine_is_a_clear_solver_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(prolog_engine, "_engine", None)  # as in a process yet to start it
    monkeypatch.setattr("shutil.which", lambda _name: None)
    result = CliRunner().invoke(main, ["solve", "--engine", "prolog", VALDEZ])
    assert result.exit_code == 1
    assert "SWI-Prolog (swipl) is not installed" in result.output
    assert "apt-get install swi-prolog-nox" in result.output
    assert CliRunner().invoke(main, ["solve", VALDEZ]).exit_code == 0  # clingo needs none
