"""Every page has a header: the report's name linking to the front page, the previous and next
pages, and the page's own contents; a page carried over from the last build gets today's."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from helpers import paths
from helpers.report.render import NAV_END, NAV_START, TITLE, contents, with_navigation

PAGES = ["00_a", "01_b", "02_c"]
BODY = (
    '<body><main><h2 id="One">One<a class="anchor-link" href="#One">¶</a></h2><p>x</p>'
    '<h2 id="Two-&lt;b&gt;"><code>two</code> &lt;b&gt;<a class="anchor-link" href="#Two">¶</a></h2>'
    "</main></body>"
)


class Header(HTMLParser):
    """The header's links: (rel, href, text)."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[list] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.links.append([dict(attrs).get("rel"), dict(attrs)["href"], ""])

    def handle_data(self, data):
        if self.links:
            self.links[-1][2] += data


def header_links(page: str) -> list[list]:
    header = Header()
    header.feed(page[page.index(NAV_START) : page.index(NAV_END)])
    return header.links


def test_contents_are_the_sections_in_order_as_text():
    assert contents(BODY) == [("One", "One"), ("Two-&lt;b&gt;", "two &lt;b&gt;")]


@pytest.mark.parametrize(("at", "prev", "next_"), [(0, None, "01_b"), (1, "00_a", "02_c"), (2, "01_b", None)])
def test_the_header_links_home_previous_next_and_each_section(at, prev, next_):
    page = with_navigation(BODY, PAGES[at], PAGES, "../index.html")
    links = header_links(page)
    assert links[0] == [None, "../index.html", f"{TITLE}: all reports"]
    rels = {rel: href for rel, href, _ in links if rel}
    assert rels.get("prev") == (prev and f"{prev}.html")
    assert rels.get("next") == (next_ and f"{next_}.html")
    # The sections, as the browser reads the attributes; then the page's own files.
    assert [href for _, href, _ in links if href.startswith("#")] == ["#One", "#Two-<b>"]
    files = [href for rel, href, _ in links[1:] if not rel and not href.startswith("#")]
    assert files == [f"notebooks/{PAGES[at]}.html", f"notebooks/{PAGES[at]}.ipynb", "data/README.html"]
    assert page.index(NAV_START) > page.index("<main>")  # inside the page, before its first section
    assert (
        page.count(NAV_START) == 1
        and page.replace(page[page.index(NAV_START) : page.index(NAV_END) + len(NAV_END)], "") == BODY
    )


def test_a_header_already_there_is_replaced():
    old = with_navigation(BODY, "01_b", PAGES[:2], "../index.html")
    assert with_navigation(old, "01_b", PAGES, "../../index.html") == with_navigation(
        BODY, "01_b", PAGES, "../../index.html"
    )


def test_every_link_of_every_built_page_header_resolves(built):
    """(Every other link of every page: tests/report/test_self_contained.py.)"""
    folder = built / "reports" / "default"
    notebooks = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb"))
    for at, name in enumerate(notebooks):
        page = (folder / f"{name}.html").read_text(encoding="utf-8")
        links = header_links(page)
        assert (folder / links[0][1]).resolve() == (built / "reports" / "index.html").resolve()
        rels = {rel: href for rel, href, _ in links if rel}
        assert rels.get("prev") == (f"{notebooks[at - 1]}.html" if at else None)
        assert rels.get("next") == (f"{notebooks[at + 1]}.html" if at + 1 < len(notebooks) else None)
        anchors = [href[1:] for _, href, _ in links if href.startswith("#")]
        sections = [html.unescape(anchor) for anchor in re.findall(r'<h2 id="([^"]*)"', page)]
        assert anchors and anchors == sections, name
