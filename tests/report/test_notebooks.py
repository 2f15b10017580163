"""Every notebook runs through papermill with every parameter set, and draws its charts.

These tests execute real kernels (the project's registered kernelspec), so they take
a while; they are marked ``slow``.
"""

from __future__ import annotations

import gc
import subprocess
import sys
import warnings
from pathlib import Path

import matplotlib.pyplot as plt
import nbformat
import papermill
import pytest
from papermill.exceptions import PapermillExecutionError
from support.edges import EDGE_IDS, EDGES

from helpers import paths
from helpers.pages import run_notebook
from helpers.report.execute import KERNEL_START_TIMEOUT, kernel_manager_class
from helpers.report.paramsets import read_param_set

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb"))
PARAM_SETS = sorted(paths.PARAMS.glob("*.yaml"))
# Through a kernel, as `make report` runs them: the default set, and the widest (the whole year,
# every chart at its fullest). The other sets run the same code with other values, in-process.
THROUGH_PAPERMILL = [p for p in PARAM_SETS if p.stem in ("default", "whole-year")]
IN_PROCESS = [p for p in PARAM_SETS if p not in THROUGH_PAPERMILL]
CHARTS = {
    "00_data_audit": ["00_data_audit-coverage"],
    "01_meeting_cadence": ["01_meeting_cadence-timeline"],
    "02_sanction_escalation": ["02_sanction_escalation-steps"],
    "03_summit_schedule": ["03_summit_schedule-gantt"],
    "04_plans_vs_outcomes": ["04_plans_vs_outcomes-verification"],
    "05_chronology": ["05_chronology-timeline"],
}
# Charts drawn only with include_context (the default); the context layer off, they are absent.
CONTEXT_CHARTS = {"02_sanction_escalation": ["02_sanction_escalation-regime"]}


def run(notebook: str, out: Path, **parameters) -> nbformat.NotebookNode:
    papermill.execute_notebook(
        str(paths.NOTEBOOKS / f"{notebook}.ipynb"),
        str(out),
        parameters=parameters,
        cwd=str(paths.NOTEBOOKS),
        progress_bar=False,
        kernel_manager_class=kernel_manager_class(),
        start_timeout=KERNEL_START_TIMEOUT,
    )
    return nbformat.read(out, as_version=4)


def outputs(book: nbformat.NotebookNode, kind: str) -> list:
    return [o for c in book.cells if c.cell_type == "code" for o in c.outputs if o.output_type == kind]


def test_every_notebook_has_charts_listed():
    assert sorted(CHARTS) == NOTEBOOKS


def check_charts(notebook: str, parameters: dict, alts: list[str]) -> list[str]:
    """The notebook showed the charts it should, each with alt text; returns the chart names."""
    context = parameters.get("include_context", True)
    expected = CHARTS[notebook] + (CONTEXT_CHARTS.get(notebook, []) if context else [])
    assert len(alts) == len(expected)
    assert all(len(alt) > 40 for alt in alts)
    if notebook == "01_meeting_cadence":  # the stars, and their description, only with the context layer
        assert ("context layer" in " ".join(alts)) is context
    return expected


@pytest.mark.parametrize("param_file", THROUGH_PAPERMILL, ids=lambda p: p.stem)
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_runs_with_parameter_set(notebook, param_file, tmp_path):
    figures = tmp_path / "figures"
    parameters = read_param_set(param_file).for_notebook(notebook, figures)
    book = run(notebook, tmp_path / "out.ipynb", **parameters)
    assert outputs(book, "error") == []
    stderr = [o.text for o in outputs(book, "stream") if o.name == "stderr"]
    assert stderr == [], "warnings or errors printed:\n" + "\n".join(stderr)
    images = [o for o in outputs(book, "display_data") if "image/png" in o.data]
    for chart in check_charts(notebook, parameters, [o.metadata["image/png"]["alt"] for o in images]):
        assert (figures / f"{chart}.png").stat().st_size > 10_000
        assert (figures / f"{chart}.svg").read_text(encoding="utf-8").startswith("<?xml")


@pytest.mark.parametrize("param_file", IN_PROCESS, ids=lambda p: p.stem)
@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebook_code_runs_with_parameter_set(notebook, param_file, tables):
    """The other sets differ from those above in values only: the notebook's own code runs with
    them in this process (``run_notebook``), and any warning it raises fails the test."""
    parameters = read_param_set(param_file).for_notebook(notebook, "")
    plt.close("all")
    gc.collect()  # what earlier tests left (a kernel's socket, an event loop) is collected here, not below
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        # Not an unclosed socket of an earlier test's kernel, collected meanwhile.
        warnings.simplefilter("default", ResourceWarning)
        page = run_notebook(notebook, parameters, tables)
    check_charts(notebook, parameters, [chart.alt for chart in page.shown])


@pytest.mark.parametrize(("notebook", "parameters", "title"), EDGES, ids=EDGE_IDS)
def test_edge_values_render_and_say_why_nothing_is_drawn(notebook, parameters, title, tmp_path):
    figures = tmp_path / "figures"
    book = run(notebook, tmp_path / "out.ipynb", figures_dir=str(figures), **parameters)
    assert outputs(book, "error") == []
    images = [o for o in outputs(book, "display_data") if "image/png" in o.data]
    assert images and all(o.metadata["image/png"]["alt"] for o in images)
    titles = " ".join((figures / f"{chart}.svg").read_text(encoding="utf-8") for chart in CHARTS[notebook])
    assert title in titles.replace("&#8211;", "–")


@pytest.mark.parametrize(
    ("parameters", "message"),
    [
        (
            {"actors": "kono,gromyko"},
            "parameter 'actors' = 'kono,gromyko': unknown value(s) 'gromyko'; valid choices:",
        ),
        (
            {"start_date": "2017-10-01", "end_date": "2017-09-01"},
            "parameter 'end_date' = '2017-09-01' is before 'start_date' = '2017-10-01'",
        ),
        ({"colour": "red"}, "does not declare parameter(s) 'colour'"),
        ({"as_of": "yesterday"}, "parameter 'as_of' = 'yesterday' is not a date"),
    ],
)
def test_bad_parameter_stops_the_run_with_a_clear_message(parameters, message, tmp_path):
    with pytest.raises(PapermillExecutionError) as caught:
        run("01_meeting_cadence", tmp_path / "out.ipynb", **parameters)
    assert caught.value.ename == "ParameterError"
    assert message in caught.value.evalue
    book = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert [o for o in outputs(book, "display_data") if "image/png" in o.data] == []


@pytest.mark.parametrize("cwd", [paths.ROOT, paths.NOTEBOOKS], ids=["from-root", "from-notebooks"])
def test_papermill_cli_from_any_directory(cwd, tmp_path):
    notebook = "01_meeting_cadence.ipynb" if cwd == paths.NOTEBOOKS else "notebooks/01_meeting_cadence.ipynb"
    papermill_cli = Path(sys.executable).parent / "papermill"
    result = subprocess.run(
        [
            str(papermill_cli),
            notebook,
            str(tmp_path / "out.ipynb"),
            "-p",
            "as_of",
            "2017-09-01",
            "--no-progress-bar",
        ],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    book = nbformat.read(tmp_path / "out.ipynb", as_version=4)
    assert len([o for o in outputs(book, "display_data") if "image/png" in o.data]) == 1
