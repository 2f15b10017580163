"""The driver redoes only what changed: content hashes of each page's inputs decide."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from helpers import paths
from helpers.report import driver

pytestmark = pytest.mark.slow

ALL = tuple(sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb")))


def test_no_change_executes_nothing(private_outputs, capsys):
    before = (private_outputs / "reports" / "default" / "01_meeting_cadence.html").read_bytes()
    result = driver.build(paths.PARAMS / "default.yaml")
    assert result.executed == () and result.skipped == ALL
    assert (private_outputs / "reports" / "default" / "01_meeting_cadence.html").read_bytes() == before
    assert f"0 executed, {len(ALL)} skipped, 0 failed" in capsys.readouterr().out


def test_force_executes_everything(private_outputs):
    assert driver.build(paths.PARAMS / "default.yaml", driver.Options(force=True)).executed == ALL


def test_changing_one_notebook_reexecutes_only_it(private_outputs, built, tmp_path):
    copies = []
    for notebook in sorted(paths.NOTEBOOKS.glob("*.ipynb")):
        copy = tmp_path / notebook.name
        shutil.copy2(notebook, copy)
        copies.append(copy)
    changed = tmp_path / "02_sanction_escalation.ipynb"
    book = nbformat.read(changed, as_version=4)
    book.cells.append(nbformat.v4.new_markdown_cell("A note added by the test.", id="test-note"))
    nbformat.write(book, changed)
    result = driver.build(paths.PARAMS / "default.yaml", notebooks=copies)
    assert result.executed == ("02_sanction_escalation",)
    page = (private_outputs / "reports" / "default" / "02_sanction_escalation.html").read_text(
        encoding="utf-8"
    )
    assert "A note added by the test." in page
    # The pages and figures of the others were carried over into the new report.
    for name in ALL:
        assert (private_outputs / "reports" / "default" / f"{name}.html").exists()
    before = {p.name for p in (built / "reports" / "default" / "figures").glob("*.png")}
    after = {p.name for p in (private_outputs / "reports" / "default" / "figures").glob("*.png")}
    assert after == before and len(before) >= len(ALL)


def test_data_change_reexecutes_every_reader(private_outputs, data_copy, use_data):
    events = data_copy / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8").replace(
            "Kono and Lavrov talk by telephone", "Kono and Lavrov phone"
        ),
        encoding="utf-8",
    )
    use_data(data_copy)
    assert driver.build(paths.PARAMS / "default.yaml").executed == ALL


def test_other_parameter_set_builds_apart(private_outputs):
    result = driver.build(paths.PARAMS / "held-only.yaml")
    assert result.executed == ALL
    assert (private_outputs / "reports" / "default" / "manifest.json").exists()
    assert (private_outputs / "reports" / "held-only" / "manifest.json").exists()
