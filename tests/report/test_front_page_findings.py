"""The front page leads with the findings: the README's own bullets, generated from the data the
report shows, and never findings written from other data."""

from __future__ import annotations

import html
import json
import re
import shutil

import pytest

from helpers import paths
from helpers.pages import findings
from helpers.report.index import write_index

pytestmark = pytest.mark.slow


@pytest.fixture
def front(built, tmp_path, monkeypatch):
    """A private copy of the built reports/, and where the findings are written for it."""
    reports = tmp_path / "reports"
    shutil.copytree(built / "reports", reports)
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    return reports, tmp_path / "build" / "findings.json"


def text_of(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def readme_findings() -> list[str]:
    readme = paths.ROOT.joinpath("README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- findings -->\n(.*?)<!-- /findings -->", readme, flags=re.S)
    return [text_of(line.removeprefix("- ").replace("**", "")) for line in block.group(1).splitlines()]


def test_the_front_page_leads_with_the_readmes_findings(front):
    reports, written = front
    findings.write_for_report(written)
    write_index(reports)
    page = (reports / "index.html").read_text(encoding="utf-8")
    section = re.search(r'<section id="findings">(.*?)</section>', page, flags=re.S)
    assert section, "no findings on the front page"
    shown = [text_of(item) for item in re.findall(r"<li>(.*?)</li>", section.group(1), flags=re.S)]
    assert shown == readme_findings()
    assert page.index('id="findings"') < page.index('<section id="default"')


def test_findings_from_other_data_are_not_shown(front):
    reports, written = front
    findings.write_for_report(written)
    stale = json.loads(written.read_text(encoding="utf-8")) | {"data_sha256": "0" * 64}
    written.write_text(json.dumps(stale), encoding="utf-8")
    write_index(reports)
    page = (reports / "index.html").read_text(encoding="utf-8")
    assert 'id="findings"' not in page and '<section id="default"' in page


def test_each_card_is_named_after_its_chart(front):
    """A page with two charts (02) has two cards, each with its own name."""
    reports, _ = front
    write_index(reports)
    page = (reports / "index.html").read_text(encoding="utf-8")
    default = page[page.index('<section id="default"') :]
    default = default[: default.index("</section>")]
    names = [text_of(title) for title in re.findall(r"<h3>(.*?)</h3>", default)]
    figures = sorted(p.stem for p in (reports / "default" / "figures").glob("*.png"))
    assert len(names) == len(set(names)) == len(figures)
    assert "02 · Sanction escalation: steps" in names and "02 · Sanction escalation: regime" in names
