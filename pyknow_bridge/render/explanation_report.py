"""Renderers of an :class:`Explanation`: memo, Markdown and DOT (JSON: ``explanation_json``).

The memo and Markdown share one outline (issue, rule, application, conclusion); DOT
draws the graph.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass, field

from pyknow_bridge.core.errors import GraphvizMissingError
from pyknow_bridge.core.printable import printable
from pyknow_bridge.doctrine.jurisdictions import jurisdiction_name
from pyknow_bridge.doctrine.scaffolding import hidden_predicates, list_predicates
from pyknow_bridge.explain.decisive import stated_fact
from pyknow_bridge.model.explanation import (
    ATTEMPT,
    FACT,
    NOT_DERIVED,
    NOT_STATED,
    ClaimExplanation,
    Explanation,
    Node,
    RouteExplanation,
)
from pyknow_bridge.model.results import Modality
from pyknow_bridge.render.plain import say
from pyknow_bridge.render.text import party_name, words

MAX_DEPTH = 9

# --- The outline shared by memo and Markdown -----------------------------------------


@dataclass
class Section:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    trees: list[tuple[str, list[tuple[int, str]]]] = field(default_factory=list)


def _citations(node: Node) -> str:
    return "; ".join([str(c) for c in node.citations])


#: How a step stands to the step above it, which decides how it reads.
PLAIN = ""  # as itself
NEGATED = "negated"  # a `not X` the step above needed, and X indeed does not hold
BARS = "bars"  # it holds, and that is what keeps the rule above from applying
COMPARED = "compared"  # it holds, and gave the failed comparison above its value


#: How a report names atoms: in plain words, and with the atoms too at the detail level.
@dataclass(frozen=True)
class Wording:
    names: dict[str, str] = field(default_factory=dict)
    detail: bool = False

    def of(self, node: Node) -> str:
        said = say(node.term, self.names) if node.term is not None else None
        if said is None:
            return _subject(node)
        return f"{said} ⟨{_subject(node)}⟩" if self.detail else said


def _label(node: Node, context: str = PLAIN, wording: Wording = Wording()) -> str:
    """One line of a trace. A satisfied `not X` reads as ✓ (X does not hold), never as a
    failure; an attempt reads "does not apply", never "not under ... ✗ not ..."."""
    if context == NEGATED:
        what = wording.of(node)
        if node.kind == NOT_STATED:
            return f"✓ not stated in the fact file: {what}"
        return f"✓ it does not hold that {what}{_disputed(node)}"
    mark = "✓" if node.holds else "✗"
    if node.kind == ATTEMPT:  # names its rule, not an atom: no words to find
        burden = f" Burden: {node.burden}." if node.burden else ""
        return (
            f"{mark} [{node.rule_id}] does not apply: {node.statement} "
            f"({_citations(node)}).{burden}"
        )
    what = wording.of(node)
    if node.kind == FACT:
        text = f"{mark} {what} (stated in the fact file, line {node.line})"
    elif node.kind == NOT_STATED:
        text = f"{mark} {what}: {node.note or 'not stated in the fact file'}"
    else:
        text = f"{mark} {what}"
        if node.rule_id and node.kind != NOT_DERIVED:
            text += f": [{node.rule_id}] {node.statement} ({_citations(node)})"
            if node.holds and node.burden_note:  # who had to show it, as the rule states
                text += f" Burden: {node.burden_note}"
        if node.note:
            text += f": {node.note}"
    if context == BARS:  # (a burden line ends with its own full stop)
        text = text.removesuffix(".") + "; this keeps the rule from applying"
    elif context == COMPARED:
        text = text.removesuffix(".") + "; the value compared comes from here"
    return text + _disputed(node)


def _disputed(node: Node) -> str:
    if node.modality is Modality.POSSIBLE:
        return f" [depends on disputed {', '.join(node.depends_on) or 'facts'}]"
    return ""


def _is_comparison(node: Node) -> bool:
    """A comparison its rule failed (``X != vague``): it has a label and names its rule."""
    return node.kind == NOT_DERIVED and node.term is None and node.rule_id is not None


def reason_text(explanation: Explanation, node: Node, wording: Wording = Wording()) -> str:
    """A decisive reason in a few words: what the facts state, or fail to state."""
    if _is_comparison(node):
        held = (explanation.node(child) for child in node.children)
        fact = next((f for c in held if c.holds and (f := stated_fact(explanation, c))), None)
        if fact is not None:
            return f"{reason_text(explanation, fact, wording)}, which [{node.rule_id}] turns down"
        return f"{node.label} does not hold, as [{node.rule_id}] requires"
    what = wording.of(node)
    if node.kind == FACT:
        return f"the file states that {what} (line {node.line})"
    if node.kind == NOT_STATED:
        return f"the file does not state that {what}"
    if node.kind == NOT_DERIVED and node.rule_id:
        return f"{_subject(node)} is not one of the values [{node.rule_id}] lists"
    if node.holds:
        return f"{what} [{node.rule_id}]" if node.rule_id else what
    return f"it does not follow from the facts that {what}"


def _subject(node: Node) -> str:
    """What a step is about: its atom, or for a value of a list (``protective_act(directed)``)
    the value alone, since the list is the rule's own bookkeeping."""
    term = node.term
    if term is not None and term.name in list_predicates() and term.arguments:
        return ", ".join(argument.text() for argument in term.arguments)
    return node.atom


def is_scaffolding(node: Node) -> bool:
    """A step that holds in every claim and explains nothing about one: reports omit it."""
    term = node.term
    if term is None or not node.holds:
        return False
    name = term.name
    if name == "acts_for":  # acts_for(P, P) says nothing; acts_for(parent, child) does
        return len(term.arguments) == 2 and term.arguments[0] == term.arguments[1]
    return name in hidden_predicates()


class _Steps:
    """The steps of one explanation as a report shows them, in trees. A step turns up in
    several trees (of one claim, of the file's other claims, and the outcome's line again
    under the conclusion), so each step's line in each context, and the children a report
    shows of it, are worked out once per report; what a claim has already shown ("explained
    above") is the caller's ``seen``, one per claim."""

    def __init__(self, explanation: Explanation, detail: bool) -> None:
        self.explanation = explanation
        self.nodes = explanation.nodes
        self.wording = Wording(explanation.names, detail)
        #: Each step's line, by the context it reads in and then by the step.
        self._labels: dict[str, dict[str, str]] = {PLAIN: {}, NEGATED: {}, BARS: {}, COMPARED: {}}
        self._shown: dict[str, list[tuple[str, str]]] = {}

    def label(self, node_id: str, context: str) -> str:
        labels = self._labels[context]
        label = labels.get(node_id)
        if label is None:
            label = labels[node_id] = _label(self.nodes[node_id], context, self.wording)
        return label

    def shown(self, node_id: str) -> list[tuple[str, str]]:
        """The children of a step a report shows (all but scaffolding), each with the
        context it reads in."""
        shown = self._shown.get(node_id)
        if shown is None:
            node = self.nodes[node_id]
            children = [(c, self.nodes[c]) for c in node.children]
            shown = self._shown[node_id] = [
                (c, _context(node, child)) for c, child in children if not is_scaffolding(child)
            ]
        return shown

    def tree(self, root: str, seen: set[str]) -> list[tuple[int, str]]:
        """The lines of the explanation under ``root``: (depth, text), a subtree already in
        ``seen`` (an earlier tree's) cut."""
        lines: list[tuple[int, str]] = []
        if not is_scaffolding(self.nodes[root]):
            self._walk(root, 0, PLAIN, seen, lines)
        return lines

    def _walk(
        self, node_id: str, depth: int, context: str, seen: set[str], lines: list[tuple[int, str]]
    ) -> None:
        label = self.label(node_id, context)
        children = self.shown(node_id)
        if node_id in seen and children:
            lines.append((depth, f"{label} (explained above)"))
            return
        seen.add(node_id)
        lines.append((depth, label))
        if depth >= MAX_DEPTH and children:
            lines.append((depth + 1, "…"))
            return
        for child, child_context in children:
            self._walk(child, depth + 1, child_context, seen, lines)

    def headline(self, root: str) -> list[tuple[int, str]]:
        """The first line of a tree of ``root`` alone (the rest is not worked out)."""
        return [] if is_scaffolding(self.nodes[root]) else [(0, self.label(root, PLAIN))]


def _context(parent: Node, child: Node) -> str:
    if parent.holds and not child.holds:
        return NEGATED
    if not parent.holds and child.holds:
        return COMPARED if _is_comparison(parent) else BARS
    return PLAIN


def _value(explanation: Explanation, node_id: str) -> str:
    """The last argument of a node's atom: the value of ``element(P, D, E, met)``."""
    term = explanation.node(node_id).term
    assert term is not None and term.arguments, f"{node_id} has no value"
    return term.arguments[-1].text()


def _route_reasons(
    explanation: Explanation, route: RouteExplanation, wording: Wording
) -> list[tuple[int, str]]:
    """The elements a failed route does not meet, the decisive one first, each with the
    reason the facts give."""
    lead: list[tuple[int, str]] = []
    others: list[tuple[int, str]] = []
    for element, reason in route.reasons.items():
        node = None if reason is None else explanation.node(reason)
        why = "" if node is None else f", because {reason_text(explanation, node, wording)}"
        decisive = reason is not None and reason == route.lead and not lead
        (lead if decisive else others).append((0, f"Not met: {words(element)}{why}"))
    return lead + others


def outline(steps: _Steps, claim: ClaimExplanation) -> list[Section]:
    """Issue, rule, application, conclusion for one claim of ``steps``' explanation."""
    explanation = steps.explanation
    law = jurisdiction_name(claim.jurisdiction)
    seen: set[str] = set()
    issue = Section("Issue")
    issue.paragraphs.append(
        f"Whether {printable(party_name(claim.defendant, explanation.names))} owed "
        f"{printable(party_name(claim.plaintiff, explanation.names))} a duty of care beyond the "
        "duty it owes "
        f"the public and, if so, whether a defence or a failure of causation defeats the claim, "
        f"under {law} law."
    )
    rule = Section("Rule")
    rule_nodes = [explanation.node(claim.duty)] + [explanation.node(r.node) for r in claim.routes]
    for node in rule_nodes:
        for candidate in [node, *[explanation.node(c) for c in node.children]]:
            if candidate.rule_id and candidate.statement:
                entry = f"[{candidate.rule_id}] {candidate.statement} ({_citations(candidate)})"
                if entry not in rule.paragraphs:
                    rule.paragraphs.append(entry)
                break
    application = Section("Application")
    for number, route in enumerate(claim.routes, start=1):
        made_out = explanation.node(route.node).holds
        status = "made out" if made_out else "not made out"
        title = f"{number}. {words(route.basis).capitalize()}: {status}"
        application.trees.append((title, _route_reasons(explanation, route, steps.wording)))
        for element, node_id in route.elements:
            status = _value(explanation, node_id).replace("_", " ")
            heading = f"  {words(element).capitalize()}: {status}"
            application.trees.append((heading, steps.tree(node_id, seen)))
    application.trees.append(("Duty", steps.tree(claim.duty, seen)))
    application.trees.append(("Reliance", steps.tree(claim.reliance, seen)))
    if claim.reliance_defeaters:
        reasons = [line for d in claim.reliance_defeaters for line in steps.tree(d, seen)]
        application.trees.append(("  Why reliance fails", reasons))
    if claim.immunity:
        application.trees.append(("Immunity", steps.tree(claim.immunity, seen)))
    application.trees.append(("Causation", steps.tree(claim.causation, seen)))
    if claim.other:
        further = [line for node_id in claim.other for line in steps.tree(node_id, seen)]
        application.trees.append(("Further conclusions", further))
    conclusion = Section("Conclusion")
    verdict = _verdict(explanation, claim)
    if claim.branches:
        verdict[0] = f"On the facts as stated (every disputed fact found): {verdict[0]}"
    conclusion.paragraphs += verdict
    conclusion.paragraphs += _branches(claim)
    conclusion.trees.append(("", steps.headline(claim.outcome)))
    return [issue, rule, application, conclusion]


#: What a "may recover" decides, and what it leaves for trial.
SCOPE_CAVEAT = (
    "Only the duty hurdles are decided here: whether a duty of care ran to the plaintiff, "
    "whether an immunity defeats it, and whether proximate cause fails as a matter of law. "
    "Breach, causation in fact and damages remain for trial."
)


def _verdict(explanation: Explanation, claim: ClaimExplanation) -> list[str]:
    """The holding in words: every independent ground that defeats the claim, or the scope
    of a claim that may recover."""
    if _value(explanation, claim.outcome) == "may_recover":
        return ["May recover.", SCOPE_CAVEAT]
    grounds = [explanation.node(g) for g in claim.grounds]
    if len(grounds) <= 1:
        return [f"No recovery: {_ground_text(g)}" for g in grounds] or ["No recovery."]
    paragraphs = [f"No recovery, on {len(grounds)} independent grounds:"]
    for number, ground in enumerate(grounds, start=1):
        lead = "" if number == 1 else "alternatively, "
        paragraphs.append(f"({number}) {lead}{_ground_text(ground)}")
    return paragraphs


def _branches(claim: ClaimExplanation) -> list[str]:
    """One paragraph per outcome the disputed facts can lead to, with the findings that
    lead there; the reasoning above is shared by all of them."""
    if not claim.branches:
        return []
    paragraphs = ["The outcome turns on disputed facts:"]
    for branch in claim.branches:
        ways = " or ".join(_findings(findings) for findings in branch.findings)
        verdict = words(branch.outcome)
        reasons = (
            [f"special duty: {', '.join(words(b) for b in branch.bases)}"] if branch.bases else []
        )
        reasons += [words(g) for g in branch.grounds]
        if branch.defeaters:
            reasons.append(f"reliance defeated: {', '.join(words(r) for r in branch.defeaters)}")
        because = f" ({'; '.join(reasons)})" if reasons else ""
        paragraphs.append(f"If the jury {ways}: {verdict}{because}.")
    return paragraphs


def _findings(findings: list[tuple[str, bool]]) -> str:
    if not findings:
        return "finds the facts as stated"
    return " and ".join(
        f"finds {printable(fact)}" if held else f"does not find {printable(fact)}"
        for fact, held in findings
    )


def _ground_text(node: Node) -> str:
    if node.rule_id and node.statement:
        return f"[{node.rule_id}] {node.statement}"
    return f"{node.atom}."


def _heading(explanation: Explanation) -> str:
    title = explanation.case_name or explanation.path
    if explanation.citation:
        title += f", {explanation.citation}"
    return printable(title)


def _view(explanation: Explanation) -> str:
    return ", ".join(explanation.views) if explanation.views else "majority (the court's opinion)"


# --- Memo ----------------------------------------------------------------------------


#: The memo's width: no line a reader has to scroll for.
MEMO_WIDTH = 100


def render_memo(explanations: Sequence[Explanation], detail: bool = False) -> str:
    """The memo: issue, rule, application, conclusion per claim, wrapped to
    :data:`MEMO_WIDTH` columns; ``detail`` adds each step's atom to its plain words."""
    out: list[str] = []
    for explanation in explanations:
        steps = _Steps(explanation, detail)
        for claim in explanation.claims:
            parties = (
                f"{party_name(claim.plaintiff, explanation.names)} v. "
                f"{party_name(claim.defendant, explanation.names)}"
            )
            out += [
                "MEMORANDUM",
                f"Re:    {_heading(explanation)}",
                f"Claim: {printable(parties)}",
                f"Law:   {jurisdiction_name(claim.jurisdiction)}; view: {_view(explanation)}",
                f"As of: {explanation.law.describe()}",
                "Key:   ✓ holds   ✗ does not hold",
            ]
            if explanation.disputed:
                out.append(f"Disputed facts: {printable(', '.join(explanation.disputed))}")
            for section in outline(steps, claim):
                out += ["", section.title.upper()]
                out += [f"  {p}" for p in section.paragraphs]
                for title, lines in section.trees:
                    if title:
                        out.append(f"  {title}")
                    indent = "      " if title.startswith("  ") else "    "
                    out += [f"{indent}{'  ' * depth}{text}" for depth, text in lines]
            out += ["", ""]
    return "\n".join(_wrapped(line) for line in out).rstrip() + "\n"


def _wrapped(line: str) -> str:
    """A line wrapped to the memo's width at spaces, continuation lines indented two columns
    under its text (a word longer than the width is left whole). Greedy: each row takes the
    longest run of words that fits, found with one search for the last space that fits."""
    if len(line) <= MEMO_WIDTH:
        return line
    body = line.lstrip(" ")
    indent = " " * (len(line) - len(body))
    if "  " in body:
        return _wrapped_by_words(body, indent)
    rows: list[str] = []
    prefix, rest = indent, body
    while len(prefix) + len(rest) > MEMO_WIDTH:
        cut = rest.rfind(" ", 0, MEMO_WIDTH - len(prefix) + 1)
        if cut <= 0:  # the first word alone is too long: it stays whole
            cut = rest.find(" ")
            if cut == -1:
                break
        rows.append(prefix + rest[:cut])
        prefix, rest = f"{indent}  ", rest[cut + 1 :]
    rows.append(prefix + rest)
    return "\n".join(rows)


def _wrapped_by_words(body: str, indent: str) -> str:
    """:func:`_wrapped` word by word, for a line with runs of spaces (kept as they are)."""
    rows: list[str] = []
    row = [indent]
    width = len(indent)
    has_text = False  # whether the row holds more than its indent
    for word in body.split(" "):
        if has_text and width + 1 + len(word) > MEMO_WIDTH:
            rows.append("".join(row))
            row, width = [indent, "  ", word], len(indent) + 2 + len(word)
            has_text = bool(word.strip())
            continue
        if has_text:
            row += [" ", word]
            width += 1 + len(word)
        else:
            row.append(word)
            width += len(word)
            has_text = bool(word.strip())
    rows.append("".join(row))
    return "\n".join(rows)


# --- Markdown --------------------------------------------------------------------------


def render_markdown(explanations: Sequence[Explanation]) -> str:
    out: list[str] = []
    for explanation in explanations:
        steps = _Steps(explanation, detail=False)
        out += [f"# {_heading(explanation)}", "", f"View: {_view(explanation)}.", ""]
        if explanation.disputed:
            disputed = ", ".join(f"`{printable(d)}`" for d in explanation.disputed)
            out += [f"Disputed facts: {disputed}.", ""]
        for claim in explanation.claims:
            out += [f"## Claim of `{claim.plaintiff}` against `{claim.defendant}`", ""]
            for section in outline(steps, claim):
                out += [f"### {section.title}", ""]
                out += [f"{p}\n" for p in section.paragraphs]
                for title, lines in section.trees:
                    if title:
                        out += [f"**{title.strip()}**", ""]
                    out += [f"{'  ' * depth}- {text}" for depth, text in lines]
                    if lines:
                        out.append("")
    return "\n".join(out).rstrip() + "\n"


# --- DOT and SVG ------------------------------------------------------------------------


def _dot_text(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


def render_dot(explanations: Sequence[Explanation]) -> str:
    out = [
        "digraph explanation {",
        '  rankdir=LR; node [shape=box, fontname="Helvetica", fontsize=10];',
    ]
    for index, explanation in enumerate(explanations):
        out.append(f'  subgraph cluster_{index} {{ label="{_dot_text(_heading(explanation))}";')
        numbering: dict[str, str] = {}
        for claim in explanation.claims:
            for root in [claim.outcome, claim.duty, claim.reliance, claim.causation]:
                for node in explanation.reachable(root):
                    if is_scaffolding(node) or node.id in numbering:
                        continue
                    numbering[node.id] = f"n{index}_{len(numbering)}"
        for node_id, name in numbering.items():
            node = explanation.node(node_id)
            lines = [node.atom if node.kind != ATTEMPT else f"not under {node.rule_id}"]
            if node.rule_id and node.kind != ATTEMPT:
                lines.append(f"[{node.rule_id}]")
            label = "\\n".join(_dot_text(line) for line in lines)
            color = "darkgreen" if node.holds else "firebrick"
            style = "dashed" if node.kind in {ATTEMPT, NOT_STATED} else "solid"
            out.append(f'    {name} [label="{label}", color={color}, style={style}];')
        for node_id, name in numbering.items():
            for child in explanation.node(node_id).children:
                if child in numbering:
                    out.append(f"    {name} -> {numbering[child]};")
        out.append("  }")
    out.append("}")
    return "\n".join(out) + "\n"


def render_svg(explanations: Sequence[Explanation]) -> str:
    dot = shutil.which("dot")
    if dot is None:
        raise GraphvizMissingError(
            "Graphviz is not installed (no `dot` on PATH): use --format dot, or install graphviz"
        )
    run = subprocess.run(
        [dot, "-Tsvg"], input=render_dot(explanations), capture_output=True, text=True, check=True
    )
    return run.stdout
