"""Show a chart in the notebook with its alt text, and write it as PNG, SVG and text."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
from IPython.display import Image, display
from matplotlib.figure import Figure


@dataclass(frozen=True)
class Chart:
    """A finished chart: the name its files get, the figure, and the alt text written from its data."""

    name: str
    figure: Figure
    alt: str

    def __post_init__(self) -> None:
        # Detached from pyplot, so a notebook shows it only through ``show``, with its alt text,
        # and not again, bare, at the end of the cell that made it.
        plt.close(self.figure)

    @property
    def headline(self) -> str:
        """The title: the chart's finding, or why it has nothing to draw."""
        return self.figure.get_suptitle()


def show(chart: Chart, figures_dir: Path | None) -> None:
    """Display the figure with its alt text, and write PNG and SVG when ``figures_dir`` is set.

    The PNG shown in the notebook carries ``alt`` in its output metadata, which
    the report template turns into the ``<img alt>`` attribute.
    """
    fig, name, alt = chart.figure, chart.name, chart.alt
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    if figures_dir is not None:
        figures_dir.mkdir(parents=True, exist_ok=True)
        (figures_dir / f"{name}.png").write_bytes(buffer.getvalue())
        fig.savefig(figures_dir / f"{name}.svg", format="svg", metadata={"Date": None})
        (figures_dir / f"{name}.txt").write_text(alt + "\n", encoding="utf-8")
        # The finding, for the report's front page.
        (figures_dir / f"{name}.headline.txt").write_text(chart.headline + "\n", encoding="utf-8")
    display(Image(data=buffer.getvalue(), format="png", alt=alt))
