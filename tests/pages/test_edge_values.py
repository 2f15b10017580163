"""The edge values of the record (``support.edges``), run in-process: each notebook's code runs
and its charts say why they are empty, in the words a reader sees. The same values run through a
kernel in ``tests/report/test_notebooks.py``; this one is quick enough for the grown copy of
``test_third_article``, where the edges move with the data."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest
from support.edges import EDGE_IDS, EDGES

from helpers.pages import run_notebook


@pytest.mark.parametrize(("notebook", "parameters", "title"), EDGES, ids=EDGE_IDS)
def test_edge_values_run_and_their_titles_say_why(notebook, parameters, title, tables):
    plt.close("all")
    page = run_notebook(notebook, parameters, tables)
    assert page.shown and all(chart.alt.strip() for chart in page.shown)
    assert any(title in chart.headline for chart in page.shown), [chart.headline for chart in page.shown]
    plt.close("all")
