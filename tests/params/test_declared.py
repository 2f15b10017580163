"""The notebooks' parameters cells are the one source of parameter names and defaults: read the
same way papermill reads them, and shared defaults agree."""

from __future__ import annotations

import ast
import json

import nbformat
import papermill
import pytest

from helpers import paths
from helpers.params.declared import declared_parameters, notebook_parameters, shared_defaults
from helpers.report import ReportError
from helpers.report.paramsets import read_param_set

NOTEBOOKS = sorted(paths.NOTEBOOKS.glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_declared_parameters_are_what_papermill_inspects(path):
    inspected = papermill.inspect_notebook(str(path))
    declared = declared_parameters(path)
    assert list(declared) == list(inspected)
    assert declared == {name: ast.literal_eval(p["default"]) for name, p in inspected.items()}


def test_shared_parameters_are_those_every_notebook_declares():
    defaults = shared_defaults(notebook_parameters(paths.NOTEBOOKS))
    assert defaults == {
        "start_date": "2017-08-01",
        "end_date": "2017-12-31",
        "include_planned": True,
        "as_of": "",
    }


def test_a_shared_default_that_differs_between_notebooks_is_refused(tmp_path):
    for path in NOTEBOOKS:
        book = nbformat.read(path, as_version=4)
        if path.stem == "03_summit_schedule":
            cell = next(c for c in book.cells if "parameters" in c.metadata.get("tags", []))
            cell.source = cell.source.replace('end_date = "2017-12-31"', 'end_date = "2018-06-30"')
        nbformat.write(book, tmp_path / path.name)
    (tmp_path / "set.yaml").write_text("{}\n", encoding="utf-8")
    with pytest.raises(ReportError, match="'end_date' different defaults"):
        read_param_set(tmp_path / "set.yaml", tmp_path)


def test_a_set_names_only_what_it_changes():
    held_only = read_param_set(paths.PARAMS / "held-only.yaml")
    assert held_only.shared["include_planned"] is False
    assert held_only.shared["start_date"] == "2017-08-01"  # the notebooks' default
    params = held_only.for_notebook("01_meeting_cadence", "reports/x/figures")
    assert json.loads(json.dumps(params)) == {**held_only.shared, "figures_dir": "reports/x/figures"}
