"""A sweep's build, with notebooks that run without a kernel: a report per value and the sweep
page; only what changed runs again; values dropped are dropped; FORCE runs everything; a failure
keeps the previous sweep whole; the run log says who ran what."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from support.blink import notebooks_in_a_blink

from helpers import paths
from helpers.report import ReportError, driver, executors

NOTEBOOKS = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb"))


PAGE = ("index.html", "sweep.json")


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture
def failing() -> set[str]:
    """The tasks (``<set>/<notebook>``) whose notebook fails."""
    return set()


@pytest.fixture
def outputs(tmp_path, monkeypatch, failing) -> Path:
    """reports/ and build/ in a temporary folder, and notebooks that 'run' in a blink: each
    writes a page and a chart whose headline names its set, or fails where told to."""
    monkeypatch.setattr(paths, "REPORTS", tmp_path / "reports")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")

    notebooks_in_a_blink(
        monkeypatch, lambda task, stem: f"{task.set_name}: {stem}", failing=failing, seconds=0.5
    )
    return tmp_path


def sweep_file(folder: Path, values: list[str]) -> Path:
    path = folder / "dates.yaml"
    path.write_text(
        f"base: params/default.yaml\nvary: as_of\nvalues: {json.dumps(values)}\n", encoding="utf-8"
    )
    return path


def test_a_sweep_renders_a_report_per_value_and_its_page(outputs):
    result = driver.build(sweep_file(outputs, ["2017-09-01", "2017-09-19"]))
    assert len(result.executed) == 2 * len(NOTEBOOKS) and result.skipped == ()
    folder = outputs / "reports" / "dates"
    assert names(folder) == ["2017-09-01", "2017-09-19", *PAGE]
    manifest = json.loads((folder / "2017-09-19" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["parameter_set"] == "dates/2017-09-19" and manifest["parameters"]["as_of"] == "2017-09-19"
    page = (folder / "index.html").read_text(encoding="utf-8")
    # A row per value, in the sweep's order, each cell the chart's thumbnail and headline.
    assert page.index("dates/2017-09-01: 01_meeting_cadence") < page.index(
        "dates/2017-09-19: 01_meeting_cadence"
    )
    assert 'src="2017-09-19/figures/01_meeting_cadence-chart.png"' in page
    assert 'href="2017-09-19/01_meeting_cadence.html"' in page
    front = (outputs / "reports" / "index.html").read_text(encoding="utf-8")
    assert '<a href="dates/index.html">dates</a>: 2 reports' in front
    log = json.loads(
        (outputs / "build" / "dates" / "2017-09-01" / "run-log.json").read_text(encoding="utf-8")
    )
    assert [(e["notebook"], e["executor"], e["worker"]) for e in log["notebooks"]] == [
        (name, "local", "local") for name in NOTEBOOKS
    ]


def test_only_what_changed_runs_again_and_dropped_values_go(outputs):
    driver.build(sweep_file(outputs, ["2017-09-01", "2017-09-19"]))
    again = driver.build(sweep_file(outputs, ["2017-09-01", "2017-09-19"]))
    assert again.executed == ()
    changed = driver.build(sweep_file(outputs, ["2017-09-01", "2017-10-01"]))
    assert changed.executed == tuple(f"2017-10-01/{name}" for name in NOTEBOOKS)
    folder = outputs / "reports" / "dates"
    assert names(folder) == ["2017-09-01", "2017-10-01", *PAGE]
    assert "2017-09-19" not in (folder / "index.html").read_text(encoding="utf-8")
    # The set carried over keeps its run log, which names the run that made its pages.
    log = json.loads(
        (outputs / "build" / "dates" / "2017-09-01" / "run-log.json").read_text(encoding="utf-8")
    )
    assert {e["run"] for e in log["notebooks"]} == {"an earlier run"} and log["notebooks"][0][
        "worker"
    ] == "local"


def test_dropping_a_value_alone_rewrites_the_sweep(outputs):
    driver.build(sweep_file(outputs, ["2017-09-01", "2017-09-19"]))
    fewer = driver.build(sweep_file(outputs, ["2017-09-01"]))
    assert fewer.executed == ()
    assert not (outputs / "reports" / "dates" / "2017-09-19").exists()


@pytest.mark.parametrize("edit", ["base", "order"])
def test_a_sweep_file_that_changes_no_report_still_rewrites_the_page(outputs, edit):
    """A base repointed at a file with the same parameters, or the values reordered, runs no
    notebook, but the page names the new base and lists the values in the new order."""
    path = sweep_file(outputs, ["2017-09-01", "2017-09-19"])
    driver.build(path)
    folder = outputs / "reports" / "dates"
    if edit == "base":
        same = outputs / "same-as-default.yaml"
        same.write_bytes((paths.PARAMS / "default.yaml").read_bytes())
        path.write_text(
            path.read_text(encoding="utf-8").replace("params/default.yaml", str(same)), encoding="utf-8"
        )
    else:
        sweep_file(outputs, ["2017-09-19", "2017-09-01"])
    again = driver.build(path)
    page = (folder / "index.html").read_text(encoding="utf-8")
    record = json.loads((folder / "sweep.json").read_text(encoding="utf-8"))
    assert again.executed == ()
    if edit == "base":
        assert f"from {outputs / 'same-as-default.yaml'}" in page and record["base"] == str(same)
    else:
        assert page.index('id="2017-09-19"') < page.index('id="2017-09-01"')
        assert record["values"] == ["2017-09-19", "2017-09-01"]
    assert driver.build(path).executed == () and (folder / "index.html").read_text(encoding="utf-8") == page


def test_force_runs_everything(outputs):
    driver.build(sweep_file(outputs, ["2017-09-01"]))
    assert len(driver.build(sweep_file(outputs, ["2017-09-01"]), driver.Options(force=True)).executed) == len(
        NOTEBOOKS
    )


def test_a_failure_keeps_the_previous_sweep_whole(outputs, failing):
    driver.build(sweep_file(outputs, ["2017-09-01", "2017-09-19"]))
    before = tree(outputs / "reports")
    failing.add("dates/2017-10-01/02_sanction_escalation")
    with pytest.raises(ReportError) as caught:
        driver.build(sweep_file(outputs, ["2017-09-01", "2017-10-01"]))
    assert str(caught.value) == (
        "02_sanction_escalation.ipynb failed in cell 2: RuntimeError: boom; reports/dates/ is unchanged"
    )
    assert tree(outputs / "reports") == before
    assert names(outputs / "reports") == ["dates", "index.html"]


def test_an_unknown_executor_is_refused_before_anything_runs(outputs):
    with pytest.raises(ReportError, match=r"^EXECUTOR='spark' is not an executor; known: local, dask$"):
        driver.build(sweep_file(outputs, ["2017-09-01"]), driver.Options(executor="spark"))
    assert not (outputs / "reports").exists()


def test_a_scheduler_that_does_not_answer_is_one_line_and_keeps_nothing(outputs, monkeypatch):
    monkeypatch.setattr(executors, "CONNECT_TIMEOUT", 1)
    options = driver.Options(executor="dask", scheduler="tcp://127.0.0.1:9")
    with pytest.raises(ReportError, match=r"^no Dask scheduler answers at tcp://127\.0\.0\.1:9: "):
        driver.build(sweep_file(outputs, ["2017-09-01"]), options)
    assert names(outputs / "reports") == []


def test_jobs_and_the_executor_reach_the_executor(outputs, monkeypatch):
    seen = []

    def run_all(tasks, executor, jobs, scheduler, done, share):
        seen.append((executor, jobs, scheduler, share))
        return [executors.run(task, "local") for task in tasks]

    monkeypatch.setattr(executors, "run_all", run_all)
    driver.build(sweep_file(outputs, ["2017-09-01"]), driver.Options(jobs=3, scheduler="tcp://s:1"))
    driver.build(sweep_file(outputs, ["2017-09-01"]), driver.Options(force=True, share=False))
    assert seen == [("local", 3, "tcp://s:1", True), ("local", None, None, False)]
