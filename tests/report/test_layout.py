"""Every page fits its window, at 1280 px and at 390 px (a phone): nothing but a wide table's
own box scrolls sideways, and every report page has its header. In real headless Chromium."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.blink import notebooks_in_a_blink
from support.browser import open_page

from helpers import paths
from helpers.report import driver

pytestmark = pytest.mark.slow

WIDTHS = (1280, 390)
NOTEBOOKS = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb"))


def fits(page: Path, width: int) -> str:
    """The page fits the window ``width`` wide; returns its text."""
    shown = open_page(page, width)
    assert shown.layout["viewport"] == width
    assert shown.layout["page"] <= width and shown.layout["past"] == [], (page.name, width, shown.layout)
    return shown.text


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_each_page_and_its_notebook_fit_the_window(built, notebook, width):
    folder = built / "reports" / "default"
    text = fits(folder / f"{notebook}.html", width)
    assert text.lstrip().startswith("Japan, Russia and the North Korea crisis")  # the header first
    fits(folder / "notebooks" / f"{notebook}.html", width)


@pytest.mark.parametrize("width", WIDTHS)
def test_the_front_page_and_the_data_card_fit_the_window(built, width):
    fits(built / "reports" / "index.html", width)
    fits(built / "reports" / "default" / "data" / "README.html", width)


@pytest.fixture
def sweep_page(tmp_path, monkeypatch) -> Path:
    """A sweep of six values, its notebooks 'run' in a blink (the page's layout is the test)."""
    monkeypatch.setattr(paths, "REPORTS", tmp_path / "reports")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    notebooks_in_a_blink(monkeypatch, lambda task, stem: f"A finding about {stem} in {task.set_name}")
    values = [f"2017-{month:02d}-01" for month in range(7, 13)]
    sweep = tmp_path / "dates.yaml"
    sweep.write_text(
        f"base: params/default.yaml\nvary: as_of\nvalues: {json.dumps(values)}\n", encoding="utf-8"
    )
    driver.build(sweep)
    return tmp_path / "reports" / "dates" / "index.html"


@pytest.mark.parametrize("width", WIDTHS)
def test_the_sweep_page_scrolls_its_table_in_its_own_box(sweep_page, width):
    fits(sweep_page, width)
