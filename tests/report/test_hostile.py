"""Data is never markup: with a payload in every text field and in the parameter set's name,
every page of the report, its front page and its SVG figures show the payloads as text, and
nothing in them runs. Opened in real headless Chromium."""

from __future__ import annotations

import shutil

import pytest
import yaml
from support.browser import open_page
from support.hostile import BREAKOUT, PAYLOADS, SCRIPT, hostile_copy

from helpers import paths
from helpers.data.load import load_tables
from helpers.report import driver
from helpers.report.index import TITLE
from helpers.report.render import page_title

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb"))
# A parameter set whose name breaks out of an attribute: the front page shows it as text.
SET = "'\"><img src=x onerror=\"document.title='pwned'\">"
# A sweep named so too, over that set: its page, and the front page's link to it.
SWEEP = f"{SET}-sweep"


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    shutil.copytree(paths.DATA, root / "data")
    shutil.copytree(paths.SEEDS, root / "seeds")
    data = hostile_copy(root / "data")
    shutil.copy(paths.PARAMS / "default.yaml", root / f"{SET}.yaml")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("JP_RU_DPRK_DATA", str(data))
        for name, value in (("DATA", data), ("SEEDS", root / "seeds")):
            mp.setattr(paths, name, value)
        mp.setattr(paths, "REPORTS", root / "reports")
        mp.setattr(paths, "BUILD", root / "build")
        tables = load_tables()
        driver.build(root / f"{SET}.yaml")
        sweep = {"base": str(root / f"{SET}.yaml"), "vary": "as_of", "values": ["2017-09-19"]}
        (root / f"{SWEEP}.yaml").write_text(yaml.safe_dump(sweep), encoding="utf-8")
        driver.build(root / f"{SWEEP}.yaml")
    assert any(SCRIPT in title for title in tables["events"]["title"])
    return root / "reports"


def inert(result, title: str) -> None:
    """Nothing ran: the title is the page's own, no element carries a handler or a payload
    script, no request failed (an <img src=x> made live would), no error was logged."""
    assert result.title == title, "a payload changed document.title"
    assert result.live == []
    assert result.failed_requests == [] and result.console_errors == []


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_page_shows_the_payloads_as_text(hostile_report, notebook):
    result = open_page(hostile_report / SET / f"{notebook}.html")
    inert(result, page_title(notebook))
    shown = [payload for payload in PAYLOADS if payload in result.text]
    assert shown == list(PAYLOADS), f"payloads shown as text: {shown}"
    # The tooltips carry the payloads as text, and every mark's link finds its evidence row.
    marks = [mark for chart in result.charts for mark in chart["marks"]]
    assert marks and any(payload in mark["title"] for mark in marks for payload in PAYLOADS)
    assert {mark["href"].removeprefix("#") for mark in marks} <= set(result.anchors)


def test_alt_text_keeps_a_breakout_payload_inside_the_attribute(hostile_report):
    alts = [
        chart["alt"]
        for notebook in NOTEBOOKS
        for chart in open_page(hostile_report / SET / f"{notebook}.html").charts
    ]
    assert any(BREAKOUT in alt for alt in alts), "no chart's alt text carries a surname"


def test_front_page_shows_set_name_headlines_and_alt_text_as_text(hostile_report):
    result = open_page(hostile_report / "index.html")
    inert(result, f"{TITLE}: reports")
    assert SET in result.text and SWEEP in result.text
    assert BREAKOUT in result.text, "no chart's finding (a headline) carries a surname"
    assert any(BREAKOUT in image["alt"] for image in result.images)


def test_sweep_page_shows_its_name_headlines_and_alt_text_as_text(hostile_report):
    result = open_page(hostile_report / SWEEP / "index.html")
    inert(result, f"{TITLE}: {SWEEP}")
    assert SWEEP in result.text and SET in result.text  # its name, and its base set's file
    assert BREAKOUT in result.text, "no chart's headline carries a surname"
    assert any(BREAKOUT in image["alt"] for image in result.images)


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_svg_figures_show_the_payloads_as_text(hostile_report, notebook):
    figures = sorted((hostile_report / SET / "figures").glob(f"{notebook}-*.svg"))
    assert figures
    for figure in figures:
        result = open_page(figure)
        assert result.live == [] and result.console_errors == []
        assert any(payload in result.text for payload in PAYLOADS), f"{figure.name} shows no payload"


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_each_notebook_shown_with_its_code_shows_the_payloads_as_text(hostile_report, notebook):
    result = open_page(hostile_report / SET / "notebooks" / f"{notebook}.html")
    inert(result, f"{page_title(notebook)}: the notebook")
    shown = [payload for payload in PAYLOADS if payload in result.text]
    assert shown == list(PAYLOADS), f"payloads shown as text: {shown}"


def test_the_data_card_page_is_inert(hostile_report):
    result = open_page(hostile_report / SET / "data" / "README.html")
    inert(result, f"{TITLE}: the data")
    assert "datapackage.json" in result.text
