"""The one owner of SWI-Prolog (through pyswip): the doctrine's Prolog port, solved here.

pyswip wraps one Prolog engine per process with process-wide state (its open-query
guard is a class attribute, so two queries at once raise ``NestedQueryError``, and a
thread without an attached engine can crash the process). So:

- one thread owns the engine (:class:`PrologEngine` runs every call on a single-worker
  executor, importing pyswip there, which initialises Prolog in that thread);
- every query is run to its end (``list(...)``), which closes it;
- loading is checked: consult only prints a syntax error, so a ``message_hook``
  collects every error and warning printed while the program loads, and any is a
  :class:`SolveError`; an assert or query that raises is one too;
- strings come back from pyswip as ``bytes`` and are decoded;
- each program (one per choice of views) is its own module, and the
  prelude abolishes all tables before each scenario (retract + assert would leave stale
  tabled answers), and every table is dropped after a query that a time limit or an
  error cut short (it may have left a table incomplete); each case's facts are retracted
  when it is done, even on an error.

Results are the same neutral values as clingo's: :class:`Consequences`, or every
scenario with all its atoms, as ``clingo.Symbol`` read from the clingo text the
prelude writes.
"""

from __future__ import annotations

import atexit
import importlib.util
import shutil
import sys
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

import clingo

from pyknow_bridge.casefile.loader import CaseFile
from pyknow_bridge.core.errors import SolveError, TimeLimitError
from pyknow_bridge.core.limits import Deadline
from pyknow_bridge.core.terms import Function, String, Term
from pyknow_bridge.doctrine.prolog import (
    lifted_module_name,
    lifted_program,
    module_name,
    prolog_atom,
    prolog_program,
    prolog_string,
)
from pyknow_bridge.doctrine.rules_in_force import RuleSet
from pyknow_bridge.engine.clingo_control import Consequences
from pyknow_bridge.engine.shown import Atom, Shown, split_atom

__all__ = [
    "MAX_LIFTED_DISPUTES",
    "PrologEngine",
    "PrologUnavailableError",
    "prolog_engine",
    "prolog_missing",
]

T = TypeVar("T")

#: Solved together, a case's 2^n scenarios are each a case of the lifted program: beyond
#: this many disputed facts, a case is solved alone (one scenario's tables at a time).
MAX_LIFTED_DISPUTES = 8

#: How to get SWI-Prolog, said once wherever it is missing.
INSTALL_HINT = (
    "the Prolog engine needs SWI-Prolog and pyswip: install the Debian package "
    "swi-prolog-nox (apt-get install swi-prolog-nox) and `pip install pyswip==0.3.3`"
)

#: Goals run once when the engine starts: collect what is printed while a file loads.
_SETUP = (
    "dynamic(user:pkb_load_message/3)",
    "nb_setval(pkb_loading, false)",
    "asserta((user:message_hook(T, K, L) :- nb_current(pkb_loading, true), "
    "memberchk(K, [error, warning]), assertz(user:pkb_load_message(K, T, L))))",
)


class PrologUnavailableError(SolveError):
    """SWI-Prolog or pyswip is not installed: ``--engine prolog`` cannot run."""


def prolog_missing() -> str | None:
    """Why the Prolog engine cannot run here, or None when it can."""
    if shutil.which("swipl") is None:
        return f"SWI-Prolog (swipl) is not installed; {INSTALL_HINT}"
    if importlib.util.find_spec("pyswip") is None:
        return f"pyswip is not installed; {INSTALL_HINT}"
    return None


def prolog_term(term: Term) -> str:
    """A fact file's term as Prolog text."""
    if isinstance(term, str):
        return prolog_atom(term)
    if isinstance(term, String):
        return prolog_string(term.value)
    if isinstance(term, Function):
        return f"{prolog_atom(term.name)}({','.join(prolog_term(a) for a in term.arguments)})"
    return str(term)


def _fact(name: str, arguments: tuple[Term, ...]) -> str:
    if not arguments:
        return prolog_atom(name)
    return f"{prolog_atom(name)}({','.join(prolog_term(a) for a in arguments)})"


def case_terms(case: CaseFile, as_of: int | None) -> tuple[list[str], list[str]]:
    """The case as Prolog facts: those always asserted, and the disputed ones (in the
    order of ``case.disputed_texts``, each once), exactly as ``program_text`` splits them."""
    disputed = set(case.disputed_texts)
    base = [] if as_of is None else [f"as_of({int(as_of)})"]
    choices: dict[str, str] = {}
    for fact in case.facts:
        if disputed and fact.text in disputed:
            choices.setdefault(fact.text, _fact(fact.name, fact.arguments))
        else:
            base.append(_fact(fact.name, fact.arguments))
    ordered = [choices[text] for text in dict.fromkeys(case.disputed_texts) if text in choices]
    return base, ordered


def _choice_index(case: CaseFile) -> list[int | None]:
    """For each disputed fact, its position among the choices (None: never stated)."""
    stated = {fact.text for fact in case.facts}
    positions = {
        text: index
        for index, text in enumerate(t for t in dict.fromkeys(case.disputed_texts) if t in stated)
    }
    return [positions.get(text) for text in case.disputed_texts]


def _lift(fact: str, case_id: int) -> str:
    """A Prolog fact with the case identifier as its first argument (as ``lift`` does)."""
    name, parenthesis, rest = fact.partition("(")  # a name never holds "(", quoted or not
    return f"{name}({case_id},{rest}" if parenthesis else f"{name}({case_id})"


def lifted_case_facts(cases: Sequence[CaseFile], as_of: int | None) -> tuple[list[str], list[int]]:
    """The lifted facts of every scenario of every case, and for each case how many
    scenarios it has. Scenario ``s`` of the docket is the case ``s`` of the lifted program:
    ``case(s)``, the case's undisputed facts and one subset of its disputed ones."""
    facts: list[str] = []
    counts: list[int] = []
    scenario = 0
    for case in cases:
        base, choices = case_terms(case, as_of)
        if len(choices) > MAX_LIFTED_DISPUTES:
            raise SolveError(
                f"{case.path}: {len(choices)} disputed facts: solved together, at most "
                f"{MAX_LIFTED_DISPUTES}"
            )
        for chosen in range(1 << len(choices)):
            facts.append(f"case({scenario})")
            facts.extend(_lift(fact, scenario) for fact in base)
            facts.extend(
                _lift(fact, scenario) for bit, fact in enumerate(choices) if chosen >> bit & 1
            )
            scenario += 1
        counts.append(1 << len(choices))
    return facts, counts


def _lines(text: str) -> list[str]:
    """The lines of a text Prolog wrote, each ended by "\\n". Not ``splitlines``: a string
    in an atom may hold another line break (U+2028, say) that no writer escapes."""
    return text.split("\n")[:-1]


def _symbols(tuple_text: str) -> frozenset[clingo.Symbol]:
    return frozenset(clingo.parse_term(tuple_text).arguments)


def _text(value: Any) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else str(value)


def _release_exit_hooks() -> None:
    """Undo what importing pyswip does to the process's exit.

    pyswip replaces ``sys.exit`` (to record the code) and registers ``PL_cleanup`` to run
    at exit from the main thread; but the engine belongs to its owning thread, which is
    gone by then, so the cleanup only prints "Failed to stop Prolog threads". The
    operating system reclaims the engine's memory with the process.
    """
    from pyswip import core  # noqa: PLC0415

    atexit.unregister(core.cleanupProlog)
    original = getattr(core._hook, "_orig_exit", None)
    if original is not None:
        sys.exit = original


#: Frees the tabling components a query cut short left current, then every table.
_FORGET_TABLES = (
    "catch(forall(between(1, 100, _), ('$tbl_scc'(S) -> '$tbl_free_component'(S) ; true)), "
    "error(existence_error(procedure, _), _), true), abolish_all_tables"
)


class PrologEngine:
    """SWI-Prolog with the doctrine loaded, every call run by the one thread that owns it."""

    def __init__(self) -> None:
        missing = prolog_missing()
        if missing is not None:
            raise PrologUnavailableError(missing)
        self._owner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="prolog-engine")
        #: The module of each program loaded so far, by its name.
        self._modules: set[str] = set()
        self._prolog: Any = None
        self._run(self._start)

    def _run(self, job: Callable[..., T], *arguments: Any) -> T:
        return self._owner.submit(job, *arguments).result()

    def _start(self) -> None:
        try:
            from pyswip import Prolog  # noqa: PLC0415 (imported by the owning thread only)
        except Exception as error:  # pyswip raises several kinds when libswipl is missing
            raise PrologUnavailableError(f"{error}; {INSTALL_HINT}") from None
        self._prolog = Prolog
        _release_exit_hooks()
        for goal in _SETUP:
            self._once(goal)

    def _once(self, goal: str) -> dict[str, Any] | None:
        """The first answer of ``goal`` (None if it fails); the query is always closed."""
        from pyswip.prolog import PrologError  # noqa: PLC0415

        try:
            answers = list(self._prolog.query(goal, maxresult=1, catcherrors=True))
        except PrologError as error:
            raise SolveError(f"Prolog: {error}") from None
        if not answers:
            return None
        answer: dict[str, Any] = answers[0]
        return answer

    def _module(self, rules: RuleSet) -> str:
        """The module holding the program of ``rules``, loaded on first use."""
        return self._loaded(module_name(rules.views), lambda: prolog_program(rules))

    def _loaded(self, name: str, program: Callable[[], str]) -> str:
        """The module ``name`` as a Prolog atom, its ``program`` loaded on first use."""
        if name not in self._modules:
            self._load(program())
            self._modules.add(name)
        return prolog_atom(name)

    def _load(self, program: str) -> None:
        """Load a module file's text; its exports are not imported (each program has the
        same entry points, and callers name the module)."""
        with tempfile.TemporaryDirectory(prefix="pyknow-prolog-") as directory:
            path = Path(directory) / "doctrine.pl"
            path.write_text(program, encoding="utf-8")
            found = self._once(
                "retractall(user:pkb_load_message(_, _, _)), nb_setval(pkb_loading, true), "
                f"catch(load_files({prolog_atom(str(path))}, [silent(true), imports([])]), E, "
                "assertz(user:pkb_load_message(error, E, []))), "
                "nb_setval(pkb_loading, false), "
                "findall(S, (user:pkb_load_message(K, T, L), "
                "(L == [] -> term_string(K-T, S) ; "
                "with_output_to(string(S), print_message_lines(current_output, kind(K), L)))), "
                "Messages)"
            )
        messages = [] if found is None else [_text(m).strip() for m in found["Messages"]]
        if messages:
            raise SolveError("the Prolog program did not load: " + "; ".join(messages))

    def _solve_goal(self, goal: str, deadline: Deadline, doing: str) -> str:
        remaining = deadline.remaining()
        if remaining is not None:
            if remaining <= 0:
                raise TimeLimitError(
                    f"time limit reached: {doing} took longer than {deadline.seconds:g} s"
                )
            goal = f"call_with_time_limit({remaining:.6f}, ({goal}))"
        try:
            found = self._once(f"catch(({goal}), time_limit_exceeded, Text = timeout)")
        except SolveError:
            self._forget_tables()
            raise
        if found is None:
            raise SolveError("the Prolog program found no answer")
        text = _text(found["Text"])
        if text == "timeout":
            self._forget_tables()
            raise TimeLimitError(
                f"time limit reached: {doing} took longer than {deadline.seconds:g} s"
            )
        return text

    def _forget_tables(self) -> None:
        """Drop every table after a query cut short. A time limit that fires inside tabled
        evaluation leaves SWI-Prolog (9.0) with that evaluation's component still current,
        and the next query that meets a table fails ("Cannot catch continuation through
        findall/3") even after ``abolish_all_tables``; so the component is freed first (by
        SWI-Prolog's own tabling predicates, where this version has them)."""
        self._once(_FORGET_TABLES)

    def _consequences(
        self, case: CaseFile, rules: RuleSet, deadline: Deadline, as_of: int | None
    ) -> Consequences:
        module = self._module(rules)
        base, choices = case_terms(case, as_of)
        goal = f"{module}:pkb_solve_text([{','.join(base)}], [{','.join(choices)}], Text)"
        certain_text, possible_text = self._solve_goal(goal, deadline, "solving").split("\n")
        possible = _symbols(possible_text)
        if not choices:  # one scenario: what holds is certain (shown_atoms relies on `is`)
            return Consequences(certain=possible, possible=possible)
        return Consequences(certain=_symbols(certain_text), possible=possible)

    def _scenarios(
        self, case: CaseFile, rules: RuleSet, deadline: Deadline, as_of: int | None
    ) -> dict[tuple[bool, ...], frozenset[clingo.Symbol]]:
        module = self._module(rules)
        base, choices = case_terms(case, as_of)
        goal = f"{module}:pkb_scenarios_text([{','.join(base)}], [{','.join(choices)}], Text)"
        text = self._solve_goal(goal, deadline, "solving for the explanation")
        positions = _choice_index(case)
        scenarios: dict[tuple[bool, ...], frozenset[clingo.Symbol]] = {}
        for line in _lines(text):
            bits, _, atoms = line.partition(" ")
            key = tuple(p is not None and bits[p] == "1" for p in positions)
            scenarios[key] = _symbols(atoms)
        return scenarios

    def _lifted_module(self, rules: RuleSet) -> str:
        """The module holding the lifted program of ``rules``, loaded on first use."""
        return self._loaded(lifted_module_name(rules.views), lambda: lifted_program(rules))

    def _solve_together(
        self, cases: Sequence[CaseFile], rules: RuleSet, deadline: Deadline, as_of: int | None
    ) -> list[list[Shown]]:
        module = self._lifted_module(rules)
        facts, counts = lifted_case_facts(cases, as_of)
        owner = [index for index, count in enumerate(counts) for _ in range(count)]
        goal = f"{module}:pkb_batch_text([{','.join(facts)}], Text)"
        text = self._solve_goal(goal, deadline, "solving")
        found: list[dict[Atom, int]] = [defaultdict(int) for _ in cases]
        for line in _lines(text):
            name, scenario, *arguments = split_atom(line)
            found[owner[int(scenario)]][(name, *arguments)] += 1
        # Certain: in every scenario of its case; possible: in some.
        return [
            [(atom, times == count) for atom, times in atoms.items()]
            for atoms, count in zip(found, counts, strict=True)
        ]

    def solve_together(
        self,
        cases: Sequence[CaseFile],
        rules: RuleSet,
        deadline: Deadline,
        as_of: int | None = None,
    ) -> list[list[Shown]]:
        """Each case's shown atoms with whether each is certain, all cases solved by one
        query of the lifted program (each scenario of each case one of its cases); in
        the order of ``cases``. A case with more than :data:`MAX_LIFTED_DISPUTES`
        disputed facts is a :class:`SolveError`."""
        return self._run(self._solve_together, cases, rules, deadline, as_of)

    def solve(
        self, case: CaseFile, rules: RuleSet, deadline: Deadline, as_of: int | None = None
    ) -> Consequences:
        """The shown atoms certain (in every scenario) and possible (in some)."""
        return self._run(self._consequences, case, rules, deadline, as_of)

    def scenarios(
        self, case: CaseFile, rules: RuleSet, deadline: Deadline, as_of: int | None = None
    ) -> dict[tuple[bool, ...], frozenset[clingo.Symbol]]:
        """Every scenario of the disputed facts with all its atoms, derivations included."""
        return self._run(self._scenarios, case, rules, deadline, as_of)

    def program(self, rules: RuleSet) -> str:
        """Load the program of ``rules`` (checked) and return its module's name."""
        return self._run(self._module, rules)

    def query(self, goal: str) -> dict[str, Any] | None:
        """The first answer of a Prolog ``goal`` (None if it fails); an exception it
        raises is a :class:`SolveError`."""
        return self._run(self._once, goal)

    def consult_text(self, program: str) -> None:
        """Load the Prolog module file ``program``; anything it prints as an error or a
        warning while loading is a :class:`SolveError`."""
        self._run(self._load, program)


_engine: PrologEngine | None = None
_engine_lock = threading.Lock()


def prolog_engine() -> PrologEngine:
    """The process's Prolog engine (pyswip allows one), started on first use."""
    global _engine  # noqa: PLW0603 (one engine per process is pyswip's own limit)
    with _engine_lock:
        if _engine is None:
            _engine = PrologEngine()
        return _engine
