"""``show``: the chart displayed as inline SVG (with its tooltips) and as PNG, each with its alt
text, and written as PNG, SVG, alt text and headline when the build asks for files."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

import matplotlib.pyplot as plt
import pandas as pd
import pytest

from helpers.charts import output
from helpers.charts.output import Chart, show
from helpers.charts.style import setup_style

EVIDENCE = pd.DataFrame(
    [{"layer": "context", "what": "A call", "status": "on record", "date_start": pd.Timestamp("2017-09-01"),
      "date_end": pd.Timestamp("2017-09-01"), "date_words": pd.NA, "quote": pd.NA, "source": "A ministry",
      "link": "https://example.org/call"}],
    index=pd.Index(["fact-f001"], name="mark"),
)  # fmt: skip


def chart() -> Chart:
    setup_style()  # as every notebook's start does: SVG ids salted, not random
    fig, ax = plt.subplots()
    ax.scatter([1], [1], gid="fact-f001")
    fig.suptitle("One call on record")
    return Chart("00_test-chart", fig, "A chart of one call, on 1 Sep 2017.", EVIDENCE)


@pytest.fixture
def shown(monkeypatch) -> list[tuple[dict, dict]]:
    found: list[tuple[dict, dict]] = []
    monkeypatch.setattr(output, "display", lambda data, raw, metadata: found.append((data, metadata)))
    return found


def test_the_build_gets_each_file_and_the_page_the_same_chart_inline(shown, tmp_path):
    made = chart()
    show(made, tmp_path / "figures")
    files = {path.name: path for path in (tmp_path / "figures").iterdir()}
    assert set(files) == {f"00_test-chart{suffix}" for suffix in (".png", ".svg", ".txt", ".headline.txt")}
    png = files["00_test-chart.png"].read_bytes()
    svg = files["00_test-chart.svg"].read_text(encoding="utf-8")
    assert png.startswith(b"\x89PNG") and svg.startswith("<?xml")
    assert files["00_test-chart.txt"].read_text(encoding="utf-8") == made.alt + "\n"
    assert files["00_test-chart.headline.txt"].read_text(encoding="utf-8") == "One call on record\n"
    ((data, metadata),) = shown
    assert data["image/svg+xml"] == svg[svg.index("<svg") :]  # the file's SVG, fit for HTML
    assert base64.b64decode(data["image/png"]) == png
    assert metadata == {
        "image/svg+xml": {"alt": made.alt, "figure": "00_test-chart"},
        "image/png": {"alt": made.alt},
    }
    title = ET.fromstring(svg).find(
        ".//{http://www.w3.org/2000/svg}g[@id='fact-f001']/{http://www.w3.org/2000/svg}title"
    )
    assert title is not None and "https://example.org/call" in title.text
    # The mark's link leads to its row on the same page, not to a new window.
    assert '<a xlink:href="#evidence-fact-f001">' in svg and "_blank" not in svg


def test_without_a_folder_nothing_is_written_and_the_page_offers_no_files(shown, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    show(chart(), None)
    assert list(tmp_path.iterdir()) == []
    ((data, metadata),) = shown
    assert "<title>" in data["image/svg+xml"] and "figure" not in metadata["image/svg+xml"]


def test_two_shows_of_one_chart_give_the_same_bytes(shown, tmp_path):
    made = chart()
    show(made, tmp_path / "a")
    show(made, tmp_path / "b")
    for suffix in (".png", ".svg"):
        assert (tmp_path / "a" / f"00_test-chart{suffix}").read_bytes() == (
            tmp_path / "b" / f"00_test-chart{suffix}"
        ).read_bytes()
