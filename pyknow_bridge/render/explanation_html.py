"""An :class:`Explanation` as one self-contained HTML page: the report a lawyer opens.

The page needs nothing but itself: the style is inline, no font, image or script is
fetched (its Content-Security-Policy forbids it), and steps fold with the browser's own
``<details>``. The only script opens the step a link points to (``#n12``), and the policy
lets only that script run, by its hash. Every text is escaped, and a string from a fact
file is first made printable, so a case name can neither inject markup nor reorder a line.

The case comes first (name, citation, jurisdiction, views, disputed facts, and each claim's
outcome and reasons), then each claim step by step, then the authorities with their full
citations; every step links to the authorities it cites, and every premise stated in the
fact file shows its ``file:line``. Node ids are those of the JSON (``n12``). The steps are
the memo's: scaffolding (what holds in every claim) is left out; the JSON keeps it.
"""

from __future__ import annotations

import base64
import hashlib
import html
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from pyknow_bridge.core.printable import printable
from pyknow_bridge.doctrine.authorities import Authority
from pyknow_bridge.doctrine.jurisdictions import jurisdiction_name
from pyknow_bridge.model.explanation import (
    ATTEMPT,
    DERIVED,
    FACT,
    NOT_STATED,
    ClaimExplanation,
    Explanation,
    Node,
    RouteExplanation,
)
from pyknow_bridge.model.results import Modality
from pyknow_bridge.render.explanation_json import short_ids
from pyknow_bridge.render.explanation_report import Wording, is_scaffolding, reason_text
from pyknow_bridge.render.text import party_name, words

#: A derivation deeper than this is cut (with a mark), so that no graph can exhaust the stack.
MAX_DEPTH = 60

STYLE = """
body{font:15px/1.45 Georgia,"Times New Roman",serif;color:#1b1b1b;margin:0 auto;
max-width:62rem;padding:1.5rem}
h1{font-size:1.6rem;margin:.2rem 0}h2{margin-top:2.2rem;border-bottom:1px solid #999}
h3{margin:1.4rem 0 .4rem}.cite{font-style:italic;margin:0 0 1rem}
dl.case{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
dl.case dt{font-weight:bold}dl.case dd{margin:0}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#eee}td ul{margin:0;padding-left:1.2rem}
.outcome{font-weight:bold;white-space:nowrap}.recover{color:#0a5d1e}.barred{color:#8b1111}
code{font:13px/1.3 Menlo,Consolas,monospace;overflow-wrap:anywhere}
ul.steps{list-style:none;margin:.2rem 0 .2rem .4rem;padding-left:1rem;
border-left:1px dotted #aaa}
li{margin:.15rem 0}summary{cursor:pointer}.mark{font-weight:bold;display:inline-block;
width:1.1em}.holds>.mark,.holds>summary>.mark{color:#0a5d1e}
.fails>.mark,.fails>summary>.mark{color:#8b1111}
.detail{margin:.2rem 0 .3rem 1.2rem}.rule{margin:.2rem 0}.rid{font-family:monospace;
font-size:13px;color:#333}.loc{color:#555}.tag{background:#fff3c4;padding:0 .3rem}
.burden,.facts,.note{margin:.2rem 0;color:#333}a{color:#1a4f8b}
:target{background:#fff3c4}.route>summary{font-weight:bold}
ol.authorities li{margin:.3rem 0}
""".strip()

#: Opens every fold around the step the address points to, so that a link to it shows it.
SCRIPT = (
    "function reveal(){var t=document.getElementById(location.hash.slice(1));"
    'for(var e=t;e;e=e.parentElement){if(e.tagName==="DETAILS"){e.open=true;}}'
    "if(t){t.scrollIntoView();}}"
    'addEventListener("hashchange",reveal);reveal();'
)


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


#: Nothing may be fetched; only the page's own style and script apply.
POLICY = (
    f"default-src 'none'; style-src '{_sha256(STYLE)}'; script-src '{_sha256(SCRIPT)}'; "
    "base-uri 'none'; form-action 'none'"
)


def esc(text: object) -> str:
    """Text for HTML: made printable (no control or reordering character), then escaped."""
    return html.escape(printable(str(text)), quote=True)


def _value(node: Node) -> str:
    """The last argument of a node's atom: ``no_recovery`` of ``outcome(p,d,no_recovery)``."""
    return node.term.arguments[-1].text() if node.term and node.term.arguments else node.atom


@dataclass
class _Page:
    """One case being written: the ids of its nodes, and the steps already shown in full."""

    explanation: Explanation
    ids: dict[str, str] = field(init=False)
    shown: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.ids = short_ids(self.explanation)

    def node(self, node_id: str) -> Node:
        return self.explanation.node(node_id)

    def link(self, node_id: str, text: str) -> str:
        return f'<a href="#{self.ids[node_id]}">{text}</a>'

    def location(self, line: int | None) -> str:
        where = esc(self.explanation.path) + ("" if line is None else f":{line}")
        return f'<code class="loc">{where}</code>'

    def premises(self, node: Node) -> list[str]:
        """The steps under a step that the page shows (as the memo, without scaffolding)."""
        return [c for c in node.children if not is_scaffolding(self.node(c))]

    def fact_lines(self, node_id: str) -> list[int]:
        """The lines of the fact file the step rests on, through all the premises shown."""
        lines: set[int] = set()
        seen, stack = {node_id}, [node_id]
        while stack:
            node = self.node(stack.pop())
            if node.kind == FACT and node.line is not None:
                lines.add(node.line)
            fresh = [c for c in self.premises(node) if c not in seen]
            seen.update(fresh)
            stack.extend(fresh)
        return sorted(lines)


# --- One step --------------------------------------------------------------------------


def _mark(node: Node) -> str:
    if node.holds:
        return '<span class="mark" title="holds">✓</span>'
    return '<span class="mark" title="does not hold">✗</span>'


def _state(node: Node) -> str:
    """Class for a step: whether it holds."""
    return "holds" if node.holds else "fails"


def _headline(page: _Page, node: Node) -> str:
    """What the step says, in a line: its atom (or rule) and what became of it."""
    if node.kind == ATTEMPT:
        return f'not under <span class="rid">[{esc(node.rule_id)}]</span>'
    atom = f"<code>{esc(node.atom)}</code>"
    if node.kind == FACT:
        return f"{atom} stated at {page.location(node.line)}"
    if node.kind == NOT_STATED:
        return f"{atom} not stated in {page.location(None)}"
    if node.term is None:  # a comparison or count that failed
        return f"{atom}: {esc(node.note or 'condition not met')}"
    rule = f' <span class="rid">[{esc(node.rule_id)}]</span>' if node.rule_id else ""
    return f"{atom}{rule}"


def _citations(node: Node) -> str:
    cited = "; ".join(
        f'<a href="#auth-{esc(c.authority.key)}">{esc(c)}</a>' for c in node.citations
    )
    return f' <span class="cites">({cited})</span>' if cited else ""


def _details(page: _Page, node: Node) -> Iterator[str]:
    """The body of a step: its rule and authorities, burden, disputes, facts, note."""
    if node.statement:  # the rule's id is on the step's own line
        yield f'<p class="rule">{esc(node.statement)}{_citations(node)}</p>'
    if node.kind == ATTEMPT and node.burden:
        yield f'<p class="burden">Burden: {esc(node.burden)}.</p>'
    elif node.holds and node.burden_note:
        yield f'<p class="burden">Burden: {esc(node.burden_note)}</p>'
    if node.modality is Modality.POSSIBLE:
        disputed = ", ".join(f"<code>{esc(d)}</code>" for d in node.depends_on) or "facts"
        yield f'<p class="note"><span class="tag">Depends on disputed {disputed}</span></p>'
    if node.note and node.term is not None and node.kind not in (FACT, NOT_STATED):
        yield f'<p class="note">{esc(node.note)}</p>'
    lines = page.fact_lines(node.id) if node.kind == DERIVED else []
    if lines:
        where = ", ".join(page.location(line) for line in lines)
        yield f'<p class="facts">From the fact file: {where}</p>'


def _step(page: _Page, node_id: str, depth: int = 0) -> Iterator[str]:
    """One step as a list item: folded with its premises under it, or a line for a leaf."""
    node = page.node(node_id)
    state = f"step {_state(node)} {node.kind}"
    if node_id in page.shown:
        again = page.link(node_id, f"{_mark(node)} {_headline(page, node)}")
        yield f'<li class="{state}">{again} (explained above)</li>'
        return
    page.shown.add(node_id)
    anchor = page.ids[node_id]
    body = list(_details(page, node))
    premises = page.premises(node)
    if not premises and not body:
        yield f'<li class="{state}" id="{anchor}">{_mark(node)} {_headline(page, node)}</li>'
        return
    yield f'<li class="{state}"><details id="{anchor}">'
    yield f'<summary class="{_state(node)}">{_mark(node)} {_headline(page, node)}</summary>'
    yield '<div class="detail">'
    yield from body
    if premises:
        yield '<ul class="steps">'
        if depth >= MAX_DEPTH:
            yield "<li>… (cut: deeper than the page shows)</li>"
        else:
            for child in premises:
                yield from _step(page, child, depth + 1)
        yield "</ul>"
    yield "</div></details></li>"


def _steps(page: _Page, roots: Sequence[str]) -> Iterator[str]:
    yield '<ul class="steps">'
    for root in roots:
        yield from _step(page, root)
    yield "</ul>"


# --- The case --------------------------------------------------------------------------


def _party(page: _Page, constant: str) -> str:
    return esc(party_name(constant, page.explanation.names))


def _claim_title(page: _Page, claim: ClaimExplanation) -> str:
    return f"{_party(page, claim.plaintiff)} v. {_party(page, claim.defendant)}"


def _outcome(page: _Page, claim: ClaimExplanation) -> str:
    node = page.node(claim.outcome)
    value = _value(node)
    css = "recover" if value == "may_recover" else "barred"
    text = esc(words(value).capitalize())
    if node.modality is Modality.POSSIBLE:
        text += " (depends on disputed facts)"
    return f'<span class="outcome {css}">{page.link(claim.outcome, text)}</span>'


def _reasons(page: _Page, claim: ClaimExplanation) -> Iterator[str]:
    """The reasons the model gives for a claim's outcome, each linked to its step."""
    duty = page.node(claim.duty)
    yield f"Duty: {page.link(claim.duty, esc(words(duty.term.name if duty.term else duty.atom)))}"
    for node_id in claim.reliance_defeaters:
        node = page.node(node_id)
        reason = esc(words(_value(node)))
        statement = f": {esc(node.statement)}" if node.statement else ""
        yield f"Reliance fails, {page.link(node_id, reason)}{statement}"
    if claim.immunity:
        immunity = esc(words(_value(page.node(claim.immunity))))
        yield f"Immunity: {page.link(claim.immunity, immunity)}"
    causation = page.node(claim.causation)
    if causation.holds:
        statement = f": {esc(causation.statement)}" if causation.statement else ""
        yield f"{page.link(claim.causation, 'No proximate cause')}{statement}"


def _header(page: _Page) -> Iterator[str]:
    explanation = page.explanation
    yield f"<h1>{esc(explanation.case_name or explanation.path)}</h1>"
    if explanation.citation:
        yield f'<p class="cite">{esc(explanation.citation)}</p>'
    views = ", ".join(explanation.views) or "majority (the court's opinion)"
    disputed = ", ".join(f"<code>{esc(d)}</code>" for d in explanation.disputed) or "none"
    yield '<dl class="case">'
    yield f"<dt>Jurisdiction</dt><dd>{esc(jurisdiction_name(explanation.jurisdiction))}</dd>"
    yield f"<dt>View</dt><dd>{esc(views)}</dd>"
    yield f"<dt>Law applied</dt><dd>{esc(explanation.law.describe())}</dd>"
    yield f"<dt>Disputed facts</dt><dd>{disputed}</dd>"
    yield f"<dt>Fact file</dt><dd>{page.location(None)}</dd>"
    yield "<dt>Key</dt><dd>✓ holds, ✗ does not hold; a step opens on a click</dd>"
    yield "</dl>"
    yield '<table class="claims"><tr><th>Claim</th><th>Outcome</th><th>Why</th></tr>'
    for claim in explanation.claims:
        reasons = "".join(f"<li>{reason}</li>" for reason in _reasons(page, claim))
        yield (
            f"<tr><td>{_claim_title(page, claim)}</td><td>{_outcome(page, claim)}</td>"
            f"<td><ul>{reasons}</ul></td></tr>"
        )
    yield "</table>"


def _sections(claim: ClaimExplanation) -> list[tuple[str, list[str]]]:
    """The parts of a claim after its routes, each a heading and the steps under it (a new
    field of the claim is one more entry here)."""
    sections = [("Duty", [claim.duty]), ("Reliance", [claim.reliance])]
    if claim.reliance_defeaters:
        sections.append(("Why reliance fails", claim.reliance_defeaters))
    if claim.immunity:
        sections.append(("Immunity", [claim.immunity]))
    sections.append(("Causation", [claim.causation]))
    if claim.other:
        sections.append(("Further conclusions", claim.other))
    sections.append(("Conclusion", [claim.outcome]))
    return sections


def _lead(page: _Page, route: RouteExplanation) -> str:
    """A failed route's decisive reason, as the memo leads with it, linked to its step."""
    if route.lead is None:
        return ""
    element = next(e for e, reason in route.reasons.items() if reason == route.lead)
    said = reason_text(page.explanation, page.node(route.lead), Wording(page.explanation.names))
    return f": {esc(words(element))} not met, because {page.link(route.lead, esc(said))}"


def _claim(page: _Page, index: int, claim: ClaimExplanation) -> Iterator[str]:
    law = esc(jurisdiction_name(claim.jurisdiction))
    yield f'<section class="claim" id="claim-{index}"><h2>Claim: {_claim_title(page, claim)}</h2>'
    yield (
        f"<p>Whether {_party(page, claim.defendant)} owed {_party(page, claim.plaintiff)} a duty "
        "of care beyond "
        f"the duty it owes the public and, if so, whether a defence or a failure of causation "
        f"defeats the claim, under {law} law. Outcome: {_outcome(page, claim)}.</p>"
    )
    yield "<h3>Routes to a special duty</h3>"
    for number, route in enumerate(claim.routes, start=1):
        node = page.node(route.node)
        status = "made out" if node.holds else "not made out"
        yield f'<details class="route {_state(node)}">'
        yield (
            f'<summary class="{_state(node)}">{_mark(node)} {number}. '
            f"{esc(words(route.basis).capitalize())}: {status}{_lead(page, route)}</summary>"
        )
        yield '<ul class="steps">'
        yield "<li><strong>The route</strong>"
        yield from _steps(page, [route.node])
        yield "</li>"
        for element, node_id in route.elements:
            value = esc(words(_value(page.node(node_id))))
            yield f"<li><strong>{esc(words(element).capitalize())}</strong>: {value}"
            yield from _steps(page, [node_id])
            yield "</li>"
        yield "</ul></details>"
    for heading, roots in _sections(claim):
        yield f"<h3>{esc(heading)}</h3>"
        yield from _steps(page, roots)
    yield "</section>"


def _cited(explanation: Explanation) -> list[Authority]:
    found: dict[str, Authority] = {}
    for node in explanation.nodes.values():
        for citation in node.citations:
            found.setdefault(citation.authority.key, citation.authority)
    return sorted(found.values(), key=lambda a: a.short)


def _authorities(explanation: Explanation) -> Iterator[str]:
    yield '<section id="authorities"><h2>Authorities</h2><ol class="authorities">'
    for authority in _cited(explanation):
        yield (
            f'<li id="auth-{esc(authority.key)}"><strong>{esc(authority.short)}</strong>: '
            f"{esc(authority.cite)}</li>"
        )
    yield "</ol></section>"


def render_html(explanation: Explanation) -> str:
    """The page of one case."""
    page = _Page(explanation)
    title = esc(explanation.case_name or explanation.path)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title><style>{STYLE}</style></head><body>",
        "<header>",
        *_header(page),
        "</header><main>",
    ]
    for index, claim in enumerate(explanation.claims):
        parts += _claim(page, index, claim)
    parts += [*_authorities(explanation), "</main>", f"<script>{SCRIPT}</script>"]
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
