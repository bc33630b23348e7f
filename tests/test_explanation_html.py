"""The HTML report: self-contained, escaped, traceable to the fact file, and shown by a real
browser (Debian's chromium, headless) with a step that opens."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from pyknow_bridge import load_case
from pyknow_bridge.cli import main
from pyknow_bridge.explain.builder import explain_case
from pyknow_bridge.model.explanation import FACT, NOT_STATED, Explanation, Node
from pyknow_bridge.render.explanation_html import render_html
from pyknow_bridge.render.explanation_json import short_ids
from pyknow_bridge.render.explanation_report import is_scaffolding
from tests.conftest import CASES_DIR, ROOT
from tests.pixels import Image, read_png

VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "wbr"})
#: The tags the page is made of; anything else in it came from somewhere else.
TAGS = VOID | {
    "html", "head", "title", "style", "script", "body", "header", "main", "section", "h1",
    "h2", "h3", "p", "dl", "dt", "dd", "table", "tr", "th", "td", "ul", "ol", "li",
    "details", "summary", "div", "span", "code", "a", "strong",
}  # fmt: skip


class Page(HTMLParser):
    """A parsed page: its tags and attributes, its ids, and the text a reader can see (text
    inside a closed ``<details>`` is hidden, but for the fold's own summary)."""

    def __init__(self, text: str, target: str = "") -> None:
        super().__init__(convert_charrefs=True)
        self.target = target
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.visible_in_target: list[str] = []
        self.header: list[str] = []
        self.target_open: bool | None = None
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if attributes.get("id") == self.target and self.target:
            self.target_open = tag == "details" and "open" in attributes
        if tag not in VOID:
            self.stack.append((tag, attributes))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def _shown(self) -> bool:
        for place, (tag, attributes) in enumerate(self.stack):
            if tag == "details" and "open" not in attributes:
                following = self.stack[place + 1][0] if place + 1 < len(self.stack) else ""
                if following != "summary":
                    return False
        return True

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "script":
            self.scripts.append(data)
        if not self._shown():
            return
        if any(a.get("id") == self.target for _, a in self.stack) and self.target:
            self.visible_in_target.append(data)
        if any(tag == "header" for tag, _ in self.stack):
            self.header.append(data)


def _explain(name: str) -> Explanation:
    return explain_case(load_case((CASES_DIR / f"{name}.lp").relative_to(ROOT)))


HOSTILE = """\
% A fact file whose strings try to become markup.
case_name("<script>alert(1)</script> & v. </title><b>Bold</b>").
citation("\\"><img src=x onerror=alert(2)> 1 N.Y.3d 1 \\u202e").
jurisdiction(ny).
decided(2011).
plaintiff(p). defendant(d). claim(p, d).
"""


def test_fact_file_strings_cannot_become_markup(tmp_path: Path) -> None:
    path = tmp_path / "hostile.lp"
    path.write_text(HOSTILE.replace("\\u202e", "\u202e"), encoding="utf-8")
    page_text = render_html(explain_case(load_case(path)))
    page = Page(page_text)
    assert {tag for tag, _ in page.tags} <= TAGS
    assert [tag for tag, _ in page.tags].count("script") == 1, "only the page's own script"
    assert not [a for _, attrs in page.tags for a in attrs if a.startswith("on") or a == "src"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; v. &lt;/title&gt;" in page_text
    assert "\u202e" not in page_text and "\\u202e" in page_text  # shown, never obeyed
    assert "<script>alert" not in page_text and "<img" not in page_text


@pytest.mark.parametrize("name", ["valdez", "morgan", "warren"])
def test_the_page_is_self_contained_and_every_link_resolves(name: str) -> None:
    page = Page(render_html(_explain(name)))
    ids = {a["id"] for _, a in page.tags if a.get("id")}
    links = [a["href"] for tag, a in page.tags if tag == "a"]
    assert links and all(link and link.startswith("#") for link in links), "nothing fetched"
    assert {link[1:] for link in links if link} <= ids, "a link to nothing"
    policy = next(a["content"] for tag, a in page.tags if a.get("http-equiv"))
    assert policy and policy.startswith("default-src 'none';")


def test_every_authority_is_listed_in_full_and_linked_from_its_steps() -> None:
    explanation = _explain("morgan")
    page_text = render_html(explanation)
    page = Page(page_text)
    listed = {a["id"] for tag, a in page.tags if tag == "li" and (a.get("id") or "")[:5] == "auth-"}
    linked = {(a.get("href") or "")[1:] for tag, a in page.tags if tag == "a"}
    for node in explanation.nodes.values():
        for citation in node.citations:
            assert f"auth-{citation.authority.key}" in listed & linked
            assert citation.authority.cite in page_text


def test_every_step_is_shown_and_each_fact_with_its_file_and_line() -> None:
    explanation = _explain("valdez")
    page_text = render_html(explanation)
    ids = short_ids(explanation)
    roots = [
        root
        for claim in explanation.claims
        for root in [claim.outcome, claim.duty, claim.reliance, claim.causation]
        + [route.node for route in claim.routes]
        + [node for route in claim.routes for _, node in route.elements]
    ]
    reachable: dict[str, Node] = {}
    stack = list(roots)
    while stack:  # every step under the claims, but the scaffolding the memo leaves out too
        node = explanation.node(stack.pop())
        if node.id not in reachable and not is_scaffolding(node):
            reachable[node.id] = node
            stack.extend(node.children)
    facts = [node for node in reachable.values() if node.kind == FACT]
    assert facts and any(node.kind == NOT_STATED for node in reachable.values())
    for node in reachable.values():
        assert f'id="{ids[node.id]}"' in page_text, f"{node.id} is not on the page"
    scaffolding = [n for n in explanation.nodes.values() if is_scaffolding(n)]
    assert scaffolding and not any(f'id="{ids[n.id]}"' in page_text for n in scaffolding)
    for node in facts:  # a fact is a leaf: its line is on the step's own item
        item = re.search(f'id="{ids[node.id]}">(.*?)</li>', page_text)
        assert item and f"facts/cases/valdez.lp:{node.line}</code>" in item[1], node.id
    assert "not stated in <code" in page_text


def test_each_failed_route_names_its_decisive_reason_and_links_its_step() -> None:
    explanation = _explain("morgan")
    page = render_html(explanation)
    ids = short_ids(explanation)
    routes = r'<details class="route fails">\s*<summary class="fails">(.*?)</summary>'
    summaries = re.findall(routes, page, re.S)
    claim = explanation.claims[0]
    assert len(summaries) >= len(claim.routes)
    for route, summary in zip(claim.routes, summaries, strict=False):
        assert route.lead is not None
        assert f'href="#{ids[route.lead]}"' in summary, f"{route.basis}: no link to its reason"
    undertaking = next(s for s in summaries if "Voluntary undertaking" in s)
    text = re.sub(r"<[^>]+>", "", undertaking)
    assert "affirmative undertaking not met, because" in text
    assert "only a promise (call back), no protective act" in text  # Morgan at 1313, 1317
    statutory = next(s for s in summaries if "Statutory duty" in s)
    assert "public at large" in re.sub(r"<[^>]+>", "", statutory)  # Morgan at 1317-18


def test_the_case_comes_first() -> None:
    explanation = _explain("valdez")
    page = Page(render_html(explanation))
    header = " ".join(page.header)
    for expected in ["Valdez v. City of New York", "18 N.Y.3d 69 (2011)", "New York", "majority"]:
        assert expected in header
    assert header.count("No recovery") == len(explanation.claims) == 3


def test_an_outcome_that_turns_on_a_disputed_fact_says_so(tmp_path: Path) -> None:
    path = tmp_path / "valdez_disputed.lp"
    text = (CASES_DIR / "valdez.lp").read_text(encoding="utf-8")
    disputes = ["whereabouts_unknown(perez)", "deadline_passed(valdez)"]
    disputes += ["expected_confirmation(valdez)"]
    path.write_text(text + "".join(f"disputed({d}).\n" for d in disputes), encoding="utf-8")
    page = Page(render_html(explain_case(load_case(path))))
    header = "".join(page.header)
    assert "whereabouts_unknown(perez)" in header  # among the disputed facts
    assert "(depends on disputed facts)" in header
    assert any(a.get("class") == "tag" for _, a in page.tags)


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_writes_one_page_for_one_case() -> None:
    code, out, _ = _run("explain", "--format", "html", str(CASES_DIR / "morgan.lp"))
    assert code == 0 and out.startswith("<!DOCTYPE html>") and out.count("<html") == 1
    code, _, err = _run(
        "explain", "--format", "html", str(CASES_DIR / "morgan.lp"), str(CASES_DIR / "warren.lp")
    )
    assert code == 2 and "one fact file" in err


# --- In a real browser ------------------------------------------------------------------

CHROMIUM = shutil.which("chromium")
#: The window, in CSS pixels; drawn at half scale, the screenshot is half as wide and high
#: (a quarter of the pixels to read back).
WIDTH, HEIGHT, SCALE = 1000, 2000, 0.5
SHOT = (int(WIDTH * SCALE), int(HEIGHT * SCALE))


def _browser(url: str, profile: Path, *args: str) -> subprocess.Popen[bytes]:
    assert CHROMIUM is not None, "chromium is not installed (.ci/run installs it)"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",  # run as root in CI
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        f"--force-device-scale-factor={SCALE}",
        f"--user-data-dir={profile}",
        f"--window-size={WIDTH},{HEIGHT}",
        *args,
        url,
    ]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)


def _ink(image: Image, rows: range) -> int:
    """How many pixels of those rows are not the page's white."""
    return sum(1 for y in rows for x in range(0, image.width, 3) if min(image.pixel(x, y)) < 200)


def _has_colour(image: Image, red: bool, rows: range | None = None) -> bool:
    """Whether some pixel is clearly red (a ✗ mark) or clearly green (a ✓ mark)."""
    for y in rows or range(image.height):
        row = image.rows[y]
        for x in range(0, image.width * image.channels, image.channels):
            r, g, b = row[x], row[x + 1], row[x + 2]
            if (red and r > g + 60 and r > b + 60) or (not red and g > r + 30 and g > b + 20):
                return True
    return False


def _moved_down(before: Image, after: Image, start: int) -> tuple[int, int] | None:
    """Where (a row just below ``start``) and by how much the picture of ``before`` reappears
    lower in ``after``: 40 rows, at least 8 of them with ink, found again at one shift, each
    inked row at the shift or one pixel further but for two at most (the page is scaled:
    what moves down by a fractional height lands on one row or the next, and a row of text
    cut across may be drawn anew)."""
    for top in range(start, min(start + 40, before.height - 41)):
        inked = [y for y in range(top, top + 40) if _ink(before, range(y, y + 1))]
        if len(inked) < 8:
            continue
        for shift in range(1, after.height - top - 41):
            missed = sum(
                after.rows[y + shift] != before.rows[y]
                and after.rows[y + shift + 1] != before.rows[y]
                for y in inked
            )
            if missed <= 2:
                return top, shift
    return None


@pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"), reason="chromium is not installed"
)
def test_a_browser_renders_the_page_and_opens_the_step_of_the_decisive_reason(
    tmp_path: Path,
) -> None:
    explanation = _explain("valdez")
    page_text = render_html(explanation)
    claim = explanation.claim("valdez")
    reason = next(n for n in claim.reliance_defeaters if n.endswith("whereabouts_unknown)"))
    target = short_ids(explanation)[reason]
    statement = explanation.node(reason).statement
    assert statement
    closed, opened = tmp_path / "page.html", tmp_path / "opened.html"
    closed.write_text(page_text, encoding="utf-8")
    first_route = '<details class="route fails">'
    assert first_route in page_text
    opened.write_text(page_text.replace(first_route, first_route[:-1] + " open>", 1), "utf-8")
    runs = [
        _browser(closed.as_uri(), tmp_path / "p1", f"--screenshot={tmp_path / 'closed.png'}"),
        _browser(opened.as_uri(), tmp_path / "p2", f"--screenshot={tmp_path / 'opened.png'}"),
        _browser(f"{closed.as_uri()}#{target}", tmp_path / "p3", "--dump-dom"),
    ]
    try:
        outputs = [run.communicate(timeout=60)[0] for run in runs]
    finally:  # a browser that hung is not left behind
        for run in runs:
            run.kill()
    assert [run.returncode for run in runs] == [0, 0, 0]

    # The page renders: a screenshot of the expected size, with text and both marks in it.
    before = read_png((tmp_path / "closed.png").read_bytes())
    after = read_png((tmp_path / "opened.png").read_bytes())
    assert (before.width, before.height) == (after.width, after.height) == SHOT
    samples = len(range(0, SHOT[1], 4)) * len(range(0, SHOT[0], 3))
    assert _ink(before, range(0, SHOT[1], 4)) > samples // 50, "a blank page"
    assert _has_colour(before, red=True), "no ✗ mark drawn"
    # Opening a route shows its steps: the page is the same down to the route's line; what
    # followed that line is pushed down, and in the space opened are the route's ✓ steps.
    first_change = next(y for y in range(SHOT[1]) if before.rows[y] != after.rows[y])
    assert SHOT[1] // 4 < first_change < SHOT[1] - 250, "no route in the first screen"
    moved = _moved_down(before, after, first_change)
    assert moved is not None, "what followed the route did not move down"
    line_end, shift = moved
    opened_space = range(line_end, line_end + shift)
    assert _has_colour(after, red=False, rows=opened_space), "the route's steps are drawn"

    # The link to a step opens it and every fold around it, so its reason can be read.
    dom = Page(outputs[2].decode("utf-8"), target=target)
    assert dom.target_open is True
    assert statement in "".join(dom.visible_in_target)
    assert "No recovery" in "".join(dom.header)
    unopened = Page(page_text, target=target)  # the same page before its script ran
    assert unopened.target_open is False
    assert statement not in "".join(unopened.visible_in_target)
