"""``reports/`` holds everything its pages link to: zipped and unpacked elsewhere, every link of
every page resolves inside it, and the data, the data card and the executed notebooks are there."""

from __future__ import annotations

import html
import re
import shutil
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from helpers import paths
from helpers.report.records import ZIP

pytestmark = pytest.mark.slow


class Targets(HTMLParser):
    """Every href and src of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.found += [value for name, value in attrs if name in ("href", "src", "xlink:href") and value]
        self.ids += [value for name, value in attrs if name == "id" and value]


def local_links(page: Path) -> list[str]:
    """The page's links to files: not to another host, not within the page, not inline data."""
    targets = Targets()
    targets.feed(page.read_text(encoding="utf-8"))
    return [link for link in targets.found if not urlsplit(link).scheme and not link.startswith("#")]


@pytest.fixture(scope="module")
def elsewhere(built, tmp_path_factory) -> Path:
    """The built reports/, zipped and unpacked in another folder."""
    root = tmp_path_factory.mktemp("sent")
    bundle = shutil.make_archive(str(root / "reports"), "zip", built / "reports")
    shutil.unpack_archive(bundle, root / "elsewhere" / "reports")
    return root / "elsewhere" / "reports"


def test_every_link_of_every_page_resolves_inside_the_folder(elsewhere):
    pages = sorted(elsewhere.rglob("*.html"))
    assert len(pages) > 10
    checked = 0
    for page in pages:
        for link in local_links(page):
            target = (page.parent / unquote(urlsplit(link).path)).resolve()
            assert target.is_relative_to(elsewhere.resolve()), (page.relative_to(elsewhere), link)
            assert target.is_file(), (page.relative_to(elsewhere), link)
            checked += 1
    assert checked > 100


def test_every_link_within_a_page_finds_its_target(elsewhere):
    """The header's contents, and each chart mark's link to its row of the evidence table."""
    checked = 0
    for page in sorted(elsewhere.rglob("*.html")):
        targets = Targets()
        targets.feed(page.read_text(encoding="utf-8"))
        inside = [unquote(link[1:]) for link in targets.found if link.startswith("#") and len(link) > 1]
        assert set(inside) <= set(targets.ids), (page.relative_to(elsewhere), set(inside) - set(targets.ids))
        checked += sum(link.startswith("evidence-") for link in inside)
    assert checked > 50


def test_each_page_links_its_notebook_with_code_and_as_ipynb_and_the_data(elsewhere):
    for notebook in sorted(paths.NOTEBOOKS.glob("*.ipynb")):
        links = local_links(elsewhere / "default" / f"{notebook.stem}.html")
        assert {f"notebooks/{notebook.stem}.html", f"notebooks/{notebook.name}", "data/README.html"} <= set(
            links
        )
        code = (elsewhere / "default" / "notebooks" / f"{notebook.stem}.html").read_text(encoding="utf-8")
        assert "from helpers.notebook import" in html.unescape(re.sub(r"<[^>]+>", "", code))  # code shown
    assert "default/data/README.html" in local_links(elsewhere / "index.html")


def test_the_data_package_is_the_data_and_the_articles_as_files_and_as_one_zip(elsewhere):
    folder = elsewhere / "default"
    expected = {
        f"{top}/{path.relative_to(origin).as_posix()}": path.read_bytes()
        for top, origin in (("data", paths.DATA), ("seeds", paths.SEEDS))
        for path in sorted(origin.rglob("*"))
        if path.is_file()
    }
    assert any(name.startswith("seeds/") for name in expected)
    for name, content in expected.items():
        assert (folder / name).read_bytes() == content, name
    with zipfile.ZipFile(folder / "data" / ZIP) as bundle:
        assert {name: bundle.read(name) for name in bundle.namelist()} == expected
    card = (folder / "data" / "README.html").read_text(encoding="utf-8")
    linked = [name.removeprefix("data/") if name.startswith("data/") else f"../{name}" for name in expected]
    assert all(f'href="{name}"' in card for name in [ZIP, *linked])
    assert "<h1" in card and "<!--" not in card  # the card's markers for `make readme` are not shown
