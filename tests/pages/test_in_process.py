"""``run_notebook`` runs a notebook's own cells: values injected after the parameters cell, the
tables it is given, charts collected in order, and a chart that follows an edited step."""

from __future__ import annotations

import json
import re
import shutil

import pytest

from helpers import paths
from helpers.pages import given_tables, run_notebook
from helpers.params.checks import ParameterError


def test_values_replace_the_defaults_after_the_parameters_cell(tables):
    page = run_notebook("03_summit_schedule", {"end_date": "2017-09-30"}, tables)
    assert page.end_date == "2017-09-30" and page.start_date == "2017-08-01"
    assert page.p.end_date.strftime("%Y-%m-%d") == "2017-09-30"
    assert (page.calendar["date_start"].dropna() <= page.p.end_date).all()


def test_the_notebook_works_on_the_tables_it_is_given(tables):
    """Given tables are used instead of data/ (here, without the second article's rows), and
    forgotten afterwards."""
    first = tables["sources"]["source_id"].iloc[0]
    fewer = {**tables, "sources": tables["sources"].loc[tables["sources"]["source_id"] == first]}
    page = run_notebook("00_data_audit", tables=fewer)
    assert page.counts.loc["sources", "rows"] == 1
    assert given_tables() is None


def test_charts_are_collected_in_the_order_shown(tables):
    page = run_notebook("02_sanction_escalation", tables=tables)
    assert [chart.name for chart in page.shown] == [
        "02_sanction_escalation-steps",
        "02_sanction_escalation-regime",
    ]
    assert page.shown[0] is page.steps and page.shown[1] is page.history
    assert page.charts.__name__ == "helpers.charts", "the shown charts hide the charts module"


def test_a_page_gives_its_variables_as_attributes_and_names_one_it_lacks():
    from helpers.pages.in_process import Page

    page = Page(contacts=1)
    assert page.contacts == 1
    with pytest.raises(AttributeError, match=r"^the notebook defines no 'gaps'$"):
        page.gaps  # noqa: B018


def test_a_bad_value_stops_at_the_setup_cell_and_the_tables_are_forgotten(tables):
    with pytest.raises(ParameterError, match="include_planned"):
        run_notebook("01_meeting_cadence", {"include_planned": "perhaps"}, tables)
    assert given_tables() is None


def test_an_edited_step_changes_the_chart(tables, tmp_path, monkeypatch):
    """A newcomer's edit: one line after the contacts table drops the first contact; the chart
    and its title follow the edited table, because the notebook draws what its cells computed."""
    book = json.loads((paths.NOTEBOOKS / "01_meeting_cadence.ipynb").read_text(encoding="utf-8"))
    at = next(i for i, cell in enumerate(book["cells"]) if cell["id"] == "table")
    edit = {"cell_type": "code", "id": "edit", "metadata": {}, "outputs": [], "execution_count": None}
    book["cells"].insert(at + 1, {**edit, "source": ["contacts = contacts.iloc[1:]"]})
    for notebook in paths.NOTEBOOKS.glob("*.ipynb"):
        shutil.copy(notebook, tmp_path)
    (tmp_path / "01_meeting_cadence.ipynb").write_text(json.dumps(book), encoding="utf-8")
    as_shipped = run_notebook("01_meeting_cadence", tables=tables)
    monkeypatch.setattr(paths, "NOTEBOOKS", tmp_path)
    edited = run_notebook("01_meeting_cadence", tables=tables)
    assert len(edited.contacts) == len(as_shipped.contacts) - 1
    counted = [
        int(re.search(r"the articles report ([\d,]+)", page.timeline.headline).group(1))
        for page in (as_shipped, edited)
    ]
    assert counted == [len(as_shipped.contacts), len(edited.contacts)]


def test_an_error_in_a_cell_names_the_notebook_and_the_code_cell(tables, tmp_path, monkeypatch):
    """A traceback from an in-process run points at the notebook and its code cell, counted from
    one as JupyterLab shows them (markdown cells not counted)."""
    import traceback

    book = json.loads((paths.NOTEBOOKS / "03_summit_schedule.ipynb").read_text(encoding="utf-8"))
    code = [i for i, cell in enumerate(book["cells"]) if cell["cell_type"] == "code"]
    book["cells"][code[2]]["source"] = ["raise RuntimeError('broken on purpose')"]
    for notebook in paths.NOTEBOOKS.glob("*.ipynb"):
        shutil.copy(notebook, tmp_path)
    (tmp_path / "03_summit_schedule.ipynb").write_text(json.dumps(book), encoding="utf-8")
    monkeypatch.setattr(paths, "NOTEBOOKS", tmp_path)
    with pytest.raises(RuntimeError, match="broken on purpose") as caught:
        run_notebook("03_summit_schedule", tables=tables)
    assert traceback.extract_tb(caught.tb)[-1].filename == "03_summit_schedule.ipynb, code cell 3"
