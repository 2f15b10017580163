"""Show a chart in the notebook with its alt text and its marks' evidence, and write it as PNG,
SVG and text."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import display
from matplotlib.figure import Figure

from helpers.charts.evidence import drawn, link, with_tooltips


@dataclass(frozen=True)
class Chart:
    """A finished chart: the name its files get, the figure, the alt text written from its data,
    and the evidence its marks are looked up in (``helpers.analysis.evidence.records``)."""

    name: str
    figure: Figure
    alt: str
    evidence: pd.DataFrame | None = None

    def __post_init__(self) -> None:
        # Detached from pyplot, so a notebook shows it only through ``show``, with its alt text,
        # and not again, bare, at the end of the cell that made it.
        plt.close(self.figure)

    @property
    def headline(self) -> str:
        """The title: the chart's finding, or why it has nothing to draw."""
        return self.figure.get_suptitle()

    @property
    def marks(self) -> pd.DataFrame:
        """The evidence of every mark drawn, one row per thing it stands for (none without evidence)."""
        if self.evidence is None:
            return pd.DataFrame()
        return drawn(self.figure, self.evidence)


def svg_text(chart: Chart) -> str:
    """The chart as SVG, each mark with its tooltip and a link to its evidence row; reproducible
    (no date; ids salted in ``setup_style``)."""
    found = chart.marks
    if chart.evidence is not None:
        link(chart.figure)
    buffer = io.StringIO()
    chart.figure.savefig(buffer, format="svg", metadata={"Date": None})
    svg = buffer.getvalue()
    return with_tooltips(svg, chart.figure, found) if chart.evidence is not None else svg


def show(chart: Chart, figures_dir: Path | None) -> None:
    """Display the chart as SVG (its tooltips work in the report) and PNG, with its alt text,
    and write PNG, SVG and alt text when ``figures_dir`` is set.

    Both images carry ``alt`` in their output metadata, which the report template turns into
    the chart's accessible name.
    """
    fig, name, alt = chart.figure, chart.name, chart.alt
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    svg = svg_text(chart)
    if figures_dir is not None:
        figures_dir.mkdir(parents=True, exist_ok=True)
        (figures_dir / f"{name}.png").write_bytes(buffer.getvalue())
        (figures_dir / f"{name}.svg").write_text(svg, encoding="utf-8")
        (figures_dir / f"{name}.txt").write_text(alt + "\n", encoding="utf-8")
        # The finding, for the report's front page.
        (figures_dir / f"{name}.headline.txt").write_text(chart.headline + "\n", encoding="utf-8")
    inline = svg[svg.index("<svg") :]  # without the XML declaration and doctype, to sit in HTML
    data = {"image/svg+xml": inline, "image/png": base64.b64encode(buffer.getvalue()).decode("ascii")}
    # ``figure``: the name of the files the page offers for download, when they are written.
    files = {"figure": name} if figures_dir is not None else {}
    display(data, raw=True, metadata={"image/svg+xml": {"alt": alt, **files}, "image/png": {"alt": alt}})
