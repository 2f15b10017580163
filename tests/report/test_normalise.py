"""What makes an executed notebook differ from run to run is stripped, and nothing else:
papermill's and nbclient's timings, the injected cell's random id, and absolute paths."""

from __future__ import annotations

import nbformat

from helpers import paths
from helpers.report.render import normalise, page_title

TIMES = {"start_time": "2031-02-03T09:30:00", "end_time": "2031-02-03T09:30:05", "duration": 5.0}


def executed(tmp_path, input_path: str, output_path: str):
    book = nbformat.v4.new_notebook()
    book.metadata["papermill"] = {
        **TIMES,
        "input_path": input_path,
        "output_path": output_path,
        "parameters": {"as_of": "2017-09-01"},
        "exception": None,
    }
    injected = nbformat.v4.new_code_cell("as_of = '2017-09-01'", id="a1b2c3d4")
    injected.metadata = {"tags": ["injected-parameters"], "papermill": dict(TIMES, status="completed")}
    plain = nbformat.v4.new_code_cell("1 + 1", id="plain")
    plain.metadata = {
        "tags": ["table"],
        "execution": {"iopub.status.busy": "2031-02-03T09:30:01"},
        "papermill": dict(TIMES, status="completed"),
    }
    prose = nbformat.v4.new_markdown_cell("Words.", id="prose")
    book.cells = [injected, plain, prose]
    path = tmp_path / "run.ipynb"
    nbformat.write(book, path)
    return path


def test_timings_ids_and_paths_are_stripped_and_the_rest_kept(tmp_path):
    inside = paths.ROOT / "notebooks" / "01_meeting_cadence.ipynb"
    path = executed(tmp_path, str(inside), str(paths.ROOT / "build" / "default" / "01.ipynb"))
    normalise(path)
    book = nbformat.read(path, as_version=4)
    assert book.metadata["papermill"] == {
        "input_path": "notebooks/01_meeting_cadence.ipynb",
        "output_path": "build/default/01.ipynb",
        "parameters": {"as_of": "2017-09-01"},
        "exception": None,
    }
    injected, plain, prose = book.cells
    assert injected.id == "injected-parameters" and plain.id == "plain" and prose.id == "prose"
    assert injected.metadata == {"tags": ["injected-parameters"], "papermill": {"status": "completed"}}
    assert plain.metadata == {"tags": ["table"], "papermill": {"status": "completed"}}
    assert injected.source == "as_of = '2017-09-01'" and prose.source == "Words."


def test_a_path_outside_the_repository_is_kept_as_given(tmp_path):
    path = executed(tmp_path, "/elsewhere/in.ipynb", "")
    normalise(path)
    run = nbformat.read(path, as_version=4).metadata["papermill"]
    assert run["input_path"] == "/elsewhere/in.ipynb" and run["output_path"] == ""


def test_normalising_twice_changes_nothing(tmp_path):
    path = executed(tmp_path, str(paths.ROOT / "notebooks" / "x.ipynb"), "")
    normalise(path)
    once = path.read_bytes()
    normalise(path)
    assert path.read_bytes() == once


def test_page_title_from_the_notebook_name():
    assert page_title("01_meeting_cadence") == "01 · Meeting cadence"
    assert page_title("04_plans_vs_outcomes") == "04 · Plans vs outcomes"


def test_a_notebook_papermill_never_ran_is_left_as_it_is(tmp_path):
    book = nbformat.v4.new_notebook()
    book.cells = [nbformat.v4.new_markdown_cell("Words.", id="prose")]
    path = tmp_path / "plain.ipynb"
    nbformat.write(book, path)
    before = path.read_bytes()
    normalise(path)
    assert path.read_bytes() == before


def test_a_page_is_titled_and_shows_outputs_not_code(tmp_path):
    from helpers.report.render import render_html

    book = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("print('hidden code')", id="code")
    cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="shown output\n")]
    book.cells = [cell]
    path = tmp_path / "run.ipynb"
    nbformat.write(book, path)
    page = render_html(path, "01 · Meeting cadence")
    assert "<title>01 · Meeting cadence</title>" in page
    assert "shown output" in page and "print('hidden code')" not in page
