"""Show a chart in the notebook with its alt text, and write it as PNG, SVG and text."""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib.pyplot as plt
from IPython.display import Image, display
from matplotlib.figure import Figure


def show(fig: Figure, name: str, alt: str, figures_dir: Path | None) -> None:
    """Display the figure with its alt text, and write PNG and SVG when ``figures_dir`` is set.

    The PNG shown in the notebook carries ``alt`` in its output metadata, which
    the report template turns into the ``<img alt>`` attribute.
    """
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", metadata={"Software": None})
    if figures_dir is not None:
        figures_dir.mkdir(parents=True, exist_ok=True)
        (figures_dir / f"{name}.png").write_bytes(buffer.getvalue())
        fig.savefig(figures_dir / f"{name}.svg", format="svg", metadata={"Date": None})
        (figures_dir / f"{name}.txt").write_text(alt + "\n", encoding="utf-8")
    plt.close(fig)
    display(Image(data=buffer.getvalue(), format="png", alt=alt))
