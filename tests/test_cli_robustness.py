"""The command line under hostile dockets and hostile consoles: no case lost, no crash, no
traceback, the documented exit codes (issue "Fact files that cannot lie", findings 3, 7, 11,
12, 13 and 17)."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from pyknow_bridge import batch
from pyknow_bridge.batch import Failed, Rejected, solve_many
from pyknow_bridge.core.errors import TimeLimitError
from pyknow_bridge.model.results import CaseResult
from tests.conftest import CASES_DIR, ROOT

COMMAND = [str(Path(sys.executable).parent / "pyknow-bridge")]
VALDEZ = CASES_DIR / "valdez.lp"
MORGAN = CASES_DIR / "morgan.lp"
LINE_SCHEMA = json.loads((ROOT / "docs" / "batch-line.schema.json").read_text(encoding="utf-8"))

#: One file of each bad kind (name -> text), for the docket test.
BAD_FILES = {
    "rule.lp": "jurisdiction(ny).\nplaintiff(p).\ndefendant(d).\nclaim(p, d).\na :- b.\n",
    "include.lp": '%* %* *% *% #include "/etc/passwd".\n',
    "escape.lp": 'case_name("\\q #include \\"/etc/passwd\\".").\n',
    "non_ascii.lp": "\uff50\uff4c\uff41\uff49\uff4e\uff54\uff49\uff46\uff46(p).\n",
    "comma_party.lp": 'jurisdiction(ny).\nplaintiff("a,b").\ndefendant(d).\nclaim("a,b", d).\n',
    "function_party.lp": "jurisdiction(ny).\nplaintiff(f(x,y)).\ndefendant(d).\n"
    "claim(f(x,y), d).\n",
    "empty_parens.lp": "jurisdiction(ny).\nplaintiff(p).\ndefendant(d).\nclaim(p, d).\nname().\n",
    "wrapped_number.lp": "jurisdiction(ny).\nplaintiff(p).\ndefendant(d).\nclaim(p, d).\n"
    "decided(4294969307).\n",
    "undeclared.lp": "jurisdiction(ny).\nplaintiff(p).\ndefendant(d).\nclaim(p, d).\n"
    "contact(p, officer_ruis).\n",
    "binary.lp": "\x00\x01\x02",
    "cr_only.lp": "jurisdiction(ny).\rplaintiff(p).\r",
}


def _run(
    *args: str, input: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*COMMAND, *args],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        input=input,
        env=env,
    )


def test_a_docket_with_every_bad_kind_still_solves_every_good_case(tmp_path: Path) -> None:
    docket = tmp_path / "docket"
    docket.mkdir()
    for name, text in BAD_FILES.items():
        (docket / name).write_text(text, encoding="utf-8")
    (docket / "fifo.lp").unlink(missing_ok=True)
    os.mkfifo(docket / "fifo.lp")
    (docket / "nested.lp").mkdir()  # a directory named like a fact file: searched, not read
    (docket / "nested.lp" / "valdez.lp").write_text(VALDEZ.read_text(encoding="utf-8"))
    (docket / "zz_morgan.lp").write_text(MORGAN.read_text(encoding="utf-8"))
    (docket / "link.lp").symlink_to(VALDEZ)
    empty = tmp_path / "empty"
    empty.mkdir()
    run = _run("batch", "--chunk-size", "3", str(docket), str(empty), str(VALDEZ))
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert run.returncode == 3
    assert "Traceback" not in run.stderr
    by_file = {line["file"]: line for line in lines}
    solved = [line for line in lines if "claims" in line]
    assert {Path(s["file"]).name for s in solved} == {"valdez.lp", "zz_morgan.lp"}
    assert len(solved) == 3  # nested.lp/valdez.lp, zz_morgan.lp, and valdez.lp named last
    for name in [*BAD_FILES, "fifo.lp", "link.lp"]:
        assert "rejected" in by_file[str(docket / name)], name
    assert by_file[str(empty)]["rejected"][0]["message"] == "directory holds no *.lp fact file"
    assert len(lines) == len(BAD_FILES) + 2 + 3 + 1  # each file once, none lost, none twice
    for line in lines:
        jsonschema.validate(line, LINE_SCHEMA)


def test_11_a_case_that_fails_to_solve_costs_only_its_own_line(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    solve_group = batch._solve_group

    def slow_for_morgan(cases, *arguments):  # type: ignore[no-untyped-def]
        if any(case.path.name == "morgan.lp" for case in cases):
            raise TimeLimitError("time limit reached: solving took longer than 1 s")
        return solve_group(cases, *arguments)

    monkeypatch.setattr(batch, "_solve_group", slow_for_morgan)
    files = [VALDEZ, MORGAN, CASES_DIR / "warren.lp", VALDEZ]
    items = list(solve_many(files, chunk_size=10))
    assert [type(item) for item in items] == [CaseResult, Failed, CaseResult, CaseResult]
    failed = items[1]
    assert isinstance(failed, Failed) and failed.kind == "time_limit"


def test_11_an_internal_fault_is_reported_for_its_case(monkeypatch: pytest.MonkeyPatch) -> None:
    build = batch.build_result  # type: ignore[attr-defined]

    def broken_for_warren(case, *args):  # type: ignore[no-untyped-def]
        if case.path.name == "warren.lp":
            raise KeyError("a bug")
        return build(case, *args)

    monkeypatch.setattr(batch, "build_result", broken_for_warren)
    items = list(solve_many([VALDEZ, CASES_DIR / "warren.lp", MORGAN]))
    assert isinstance(items[1], Failed) and items[1].kind == "internal"
    assert isinstance(items[0], CaseResult) and isinstance(items[2], CaseResult)


def test_11_batch_exit_code_and_error_line_for_a_case_that_failed(tmp_path: Path) -> None:
    run = _run("batch", str(VALDEZ), "--time-limit", "0.000001")
    line = json.loads(run.stdout.splitlines()[0])
    assert run.returncode == 1
    assert line["error"]["kind"] == "time_limit"
    jsonschema.validate(line, LINE_SCHEMA)


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "1e18", "soon"])
def test_13_a_time_limit_must_be_a_sensible_number(value: str) -> None:
    run = _run("solve", "--time-limit", value, str(VALDEZ))
    assert run.returncode == 2
    assert "--time-limit" in run.stderr


@pytest.mark.parametrize("command", ["solve", "explain", "batch"])
def test_17_a_missing_file_is_a_rejected_file_in_every_command(
    command: str, tmp_path: Path
) -> None:
    run = _run(command, str(tmp_path / "absent.lp"))
    assert run.returncode == 3
    assert "No such file" in run.stderr + run.stdout


@pytest.mark.parametrize("claim", ["", ",", "valdez,", ",city_of_new_york", "a,b,c"])
def test_17_an_empty_or_malformed_claim_is_a_usage_error(claim: str) -> None:
    run = _run("explain", "--claim", claim, str(VALDEZ))
    assert run.returncode == 2


def test_17_ctrl_c_exits_130_without_a_traceback(tmp_path: Path) -> None:
    files = [str(p) for p in sorted(CASES_DIR.glob("*.lp"))] * 30  # seconds of work
    process = subprocess.Popen(
        [*COMMAND, "explain", *files], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None
    # The first memo written: past start-up (the handler is installed), into the work. (A
    # fact file is open for microseconds only: too brief to be seen reliably.)
    assert process.stdout.read(1)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert b"Traceback" not in err


def test_17_a_closed_pipe_exits_quietly() -> None:
    files = [str(p) for p in sorted(CASES_DIR.glob("*.lp"))]
    process = subprocess.Popen(
        [*COMMAND, "explain", *files], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is written
    err = process.stderr.read()
    process.wait(timeout=60)
    assert process.returncode == 141
    assert b"Traceback" not in err and b"Exception" not in err


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "latin-1"])
def test_17_a_console_that_cannot_show_the_check_marks_still_gets_the_memo(encoding: str) -> None:
    run = _run("explain", str(VALDEZ), env={**os.environ, "PYTHONIOENCODING": encoding})
    assert run.returncode == 0, run.stderr
    assert "MEMORANDUM" in run.stdout
    assert "+ holds" in run.stdout


def test_17_a_fact_file_from_standard_input() -> None:
    run = _run("solve", "-", input=VALDEZ.read_text(encoding="utf-8"))
    assert run.returncode == 0
    assert "Claim: valdez v. city_of_new_york" in run.stdout
    assert "File: <stdin>" in run.stdout


def _mutations(rng: random.Random, text: str) -> str:
    hostile = [
        '#include "/etc/passwd".',
        "%*",
        "*%",
        '"',
        "\\q",
        "\uff50",
        "\x00",
        "\r",
        ":-",
        "()",
    ]
    chars = list(text)
    for _ in range(rng.randint(1, 6)):
        position = rng.randrange(len(chars) + 1)
        action = rng.random()
        if action < 0.4:
            chars[position:position] = list(rng.choice(hostile))
        elif action < 0.7 and chars:
            del chars[position : position + rng.randint(1, 8)]
        else:
            chars[position:position] = [chr(rng.randint(32, 126))]
    return "".join(chars)


def test_3_the_cli_never_crashes_on_mutated_precedents(tmp_path: Path) -> None:
    rng = random.Random(2026)
    sources = [p.read_text(encoding="utf-8") for p in sorted(CASES_DIR.glob("*.lp"))]
    docket = tmp_path / "mutated"
    docket.mkdir()
    count = 150
    for number in range(count):
        (docket / f"m{number:03d}.lp").write_text(
            _mutations(rng, rng.choice(sources)), encoding="utf-8", errors="surrogatepass"
        )
    run = _run("batch", "--chunk-size", "25", str(docket))
    assert run.returncode in (0, 1, 3), run.stderr
    assert "Traceback" not in run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    assert len(lines) == count
    for path in sorted(docket.iterdir())[:30]:
        for command in ("solve", "explain"):
            single = _run(command, str(path))
            assert single.returncode in (0, 1, 3), (command, path, single.stderr)
            assert "Traceback" not in single.stderr


def test_rejected_lines_keep_their_place(tmp_path: Path) -> None:
    bad = tmp_path / "bad.lp"
    bad.write_text(BAD_FILES["include.lp"], encoding="utf-8")
    items = list(solve_many([VALDEZ, bad, MORGAN], chunk_size=2))
    assert [type(i) for i in items] == [CaseResult, Rejected, CaseResult]


@pytest.mark.parametrize(
    ("command", "files", "label"),
    [("explain", [VALDEZ, MORGAN], "explaining"), ("batch", [VALDEZ, MORGAN], "solving")],
)
def test_long_work_draws_a_progress_bar_on_a_terminal(
    command: str, files: list[Path], label: str
) -> None:
    # stderr is a terminal (a pseudo-terminal here); stdout, a pipe, gets only the output.
    import pty  # noqa: PLC0415 (POSIX only, like the terminal it stands for)

    leader, follower = pty.openpty()
    with subprocess.Popen(
        [*COMMAND, command, *map(str, files)],
        stdout=subprocess.PIPE,
        stderr=follower,
        text=True,
    ) as process:
        os.close(follower)
        stdout, _ = process.communicate(timeout=120)
    drawn = b""
    with contextlib.suppress(OSError):  # EIO once the terminal's last writer is gone
        while chunk := os.read(leader, 4096):
            drawn += chunk
    os.close(leader)
    assert process.returncode == 0
    assert label in drawn.decode(errors="replace")
    assert label not in stdout and stdout.strip()
