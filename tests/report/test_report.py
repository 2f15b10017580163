"""`make report`'s driver: index, figures, alt text, offline HTML, and no half-written report."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import nbformat
import pytest

from helpers import paths
from helpers.pages import run_notebook
from helpers.report import ReportError, driver, index, paramsets, planning
from helpers.report import __main__ as cli

pytestmark = pytest.mark.slow


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs, self.images, self.scripts, self.charts = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "chart" in attrs.get("class", "").split():
            self.charts.append(attrs)
        if tag == "a":
            self.hrefs.append(attrs.get("href") or attrs["xlink:href"])
        elif tag == "img":
            self.images.append(attrs)
        elif tag == "script":
            self.scripts.append(attrs)


def parse(path: Path) -> Links:
    links = Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def test_index_links_every_notebook_html_and_executed_notebook(built):
    index = built / "reports" / "index.html"
    hrefs = parse(index).hrefs
    for notebook in sorted(paths.NOTEBOOKS.glob("*.ipynb")):
        assert f"default/{notebook.stem}.html" in hrefs
        assert f"default/notebooks/{notebook.name}" in hrefs
        assert f"default/notebooks/{notebook.stem}.html" in hrefs
    for href in hrefs:
        assert (index.parent / href).resolve().is_file(), href


def test_manifest_records_parameters_and_data_fingerprint(built):
    manifest = json.loads((built / "reports" / "default" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["data_sha256"] == planning.data_fingerprint()
    assert manifest["parameters"]["start_date"] == "2017-08-01"
    assert manifest["data_sha256"] in (built / "reports" / "index.html").read_text(encoding="utf-8")


def test_index_names_the_real_parameter_file(built):
    manifest = json.loads((built / "reports" / "default" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameter_file"] == "params/default.yaml"
    assert "From <code>params/default.yaml</code>" in (built / "reports" / "index.html").read_text(
        encoding="utf-8"
    )


def test_manifest_records_every_shared_parameter_with_the_notebooks_defaults(built):
    manifest = json.loads((built / "reports" / "default" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameters"] == {
        "start_date": "2017-08-01",
        "end_date": "2017-12-31",
        "include_planned": True,
        "as_of": "",
        "notebooks": {},
    }


def test_the_driver_never_changes_the_working_directory(private_outputs, monkeypatch):
    import os

    here, moves = os.getcwd(), []
    real_chdir = os.chdir
    monkeypatch.setattr(os, "chdir", lambda path: (moves.append(str(path)), real_chdir(path)))
    driver.build(paths.PARAMS / "held-only.yaml", notebooks=[paths.NOTEBOOKS / "00_data_audit.ipynb"])
    # papermill "restores" the directory it found, which is no move; anywhere else is one.
    assert set(moves) <= {here}


def test_every_chart_written_as_png_and_svg(built):
    figures = built / "reports" / "default" / "figures"
    names = {p.stem for p in figures.glob("*.png")}
    assert names == {p.stem for p in figures.glob("*.svg")}
    assert {n.split("-")[0] for n in names} == {p.stem for p in paths.NOTEBOOKS.glob("*.ipynb")}


@pytest.mark.parametrize("notebook", sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb")))
def test_html_has_alt_text_hides_code_and_loads_no_cdn_script(built, notebook):
    page = built / "reports" / "default" / f"{notebook}.html"
    links = parse(page)
    assert links.charts, "no chart in the page"
    assert all(len(chart.get("aria-label", "")) > 40 for chart in links.charts)
    assert [s for s in links.scripts if "src" in s] == []
    text = page.read_text(encoding="utf-8")
    assert "from helpers.notebook import start" not in text
    # Nothing loads from another host; links to the sources (<a href>) are for the reader to follow.
    assert not re.search(r"""src=["']https?://""", text)
    assert not re.search(r"""<link[^>]*href=["']https?://""", text)


def test_failing_notebook_leaves_previous_report_untouched(private_outputs, tmp_path):
    before = {p: p.read_bytes() for p in (private_outputs / "reports" / "default").rglob("*") if p.is_file()}
    broken = nbformat.read(paths.NOTEBOOKS / "01_meeting_cadence.ipynb", as_version=4)
    broken.cells.append(nbformat.v4.new_code_cell('raise RuntimeError("boom")', id="boom"))
    nbformat.write(broken, tmp_path / "01_meeting_cadence.ipynb")
    with pytest.raises(ReportError) as caught:
        driver.build(paths.PARAMS / "default.yaml", notebooks=[tmp_path / "01_meeting_cadence.ipynb"])
    message = str(caught.value)
    assert "01_meeting_cadence.ipynb failed in cell" in message and "RuntimeError: boom" in message
    kept = private_outputs / "build" / "default" / "01_meeting_cadence.ipynb"
    assert "boom" in kept.read_text(encoding="utf-8")
    after = {p: p.read_bytes() for p in (private_outputs / "reports" / "default").rglob("*") if p.is_file()}
    assert after == before
    assert not list((private_outputs / "reports").glob(".*"))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("colour: red\n", "unknown parameter(s) colour"),
        ("notebooks:\n  99_nothing: {}\n", "unknown notebook '99_nothing'"),
        (
            "notebooks:\n  00_data_audit:\n    actors: [kono]\n",
            "00_data_audit: parameter(s) actors not declared",
        ),
        ("start_date: [unclosed\n", "not valid YAML"),
    ],
)
def test_parameter_file_errors_name_the_file_and_key(tmp_path, content, message):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReportError, match=re.escape(message)) as caught:
        paramsets.read_param_set(path)
    assert str(path) in str(caught.value)


def test_cli_prints_one_clear_line_and_exits_1(tmp_path, capsys):
    path = tmp_path / "bad.yaml"
    path.write_text("colour: red\n", encoding="utf-8")
    assert cli.main(["--params", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("make report: ") and "Traceback" not in err


def test_index_shows_every_chart_with_its_finding_and_files(built, tables):
    index = (built / "reports" / "index.html").read_text(encoding="utf-8")
    figures = built / "reports" / "default" / "figures"
    pngs = sorted(figures.glob("*.png"))
    shown = [
        chart.name
        for book in sorted(paths.NOTEBOOKS.glob("*.ipynb"))
        for chart in run_notebook(book.stem, tables=tables).shown
    ]
    assert [png.stem for png in pngs] == sorted(shown)
    for png in pngs:
        base = f"default/figures/{png.stem}"
        headline = (figures / f"{png.stem}.headline.txt").read_text(encoding="utf-8").strip()
        alt = (figures / f"{png.stem}.txt").read_text(encoding="utf-8").strip()
        assert f'<img src="{base}.png" alt="{html.escape(alt)}"' in index
        assert f"<strong>{html.escape(headline)}</strong>" in index
        for suffix in (".png", ".svg", ".txt"):
            assert f'href="{base}{suffix}"' in index
    assert "Kono – Lavrov was the busiest channel" in index


@pytest.mark.parametrize(
    ("parameters", "words"),
    [
        ({}, "Everything the articles say, 1 Aug to 31 Dec 2017."),
        (
            {"as_of": "2017-09-01"},
            "Everything the articles say, 1 Aug to 31 Dec 2017, as known on 1 Sep 2017.",
        ),
        ({"include_planned": False}, "Only what happened, 1 Aug to 31 Dec 2017."),
        (
            {"start_date": "2016-12-01", "end_date": "2017-01-31"},
            "Everything the articles say, 1 Dec 2016 to 31 Jan 2017.",
        ),
        (
            {"notebooks": {"01_meeting_cadence": {"actors": ["kono", "lavrov"], "include_context": False}}},
            "Everything the articles say, 1 Aug to 31 Dec 2017; in 01, actors kono, lavrov, "
            "without the context layer.",
        ),
    ],
)
def test_index_says_the_parameters_in_words(parameters, words):
    defaults = {"start_date": "2017-08-01", "end_date": "2017-12-31", "include_planned": True, "as_of": ""}
    assert index.describe({**defaults, "notebooks": {}, **parameters}) == words
