"""Same inputs, executed once: within a build, tasks whose notebook, parameters, code and data are
the same run once, and the others are served that run's outcome, in their own places.

The notebooks here run without a kernel, and what each makes depends on its inputs alone, as a
real notebook's does; the byte-identity of real kernels' reports is in the slow test at the end.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
from pathlib import Path

import nbformat
import pytest
from support.elsewhere import kernels_of, templates_of, wait_until

from helpers import paths
from helpers.report import driver, executors, warm
from helpers.report.tasks import Outcome, Task, served

NOTEBOOKS = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb"))
PEOPLE = ["abe", "kono", "putin"]


def executed_notebook(output_path: str, digest: str) -> bytes:
    """An executed notebook as ``normalise`` writes it, recording its own path."""
    book = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell(digest, id="cell")])
    book.metadata["papermill"] = {"output_path": output_path, "parameters": {}}
    return (nbformat.writes(book) + "\n").encode("utf-8")


def by_inputs(task: Task, worker: str) -> Outcome:
    """A notebook run in a blink whose page, figures and executed notebook follow from its
    inputs alone (the set's name is not an input), written where the task says."""
    stem, figures = Path(task.notebook).stem, Path(task.figures)
    digest = hashlib.sha256(
        json.dumps([task.notebook, task.parameters, task.expected], sort_keys=True).encode()
    ).hexdigest()
    files = {
        str(figures / f"{stem}-chart.png"): digest.encode(),
        str(figures / f"{stem}-chart.txt"): f"alt {digest[:8]}\n".encode(),
        str(figures / f"{stem}-chart.headline.txt"): f"{stem} {digest[:8]}\n".encode(),
        task.executed: executed_notebook(paths.relative(paths.ROOT / task.executed), digest),
    }
    return Outcome(task, worker, 0.1, f"<p>{digest}</p>", None, files, f"<p>code {digest}</p>")


@pytest.fixture
def ran(tmp_path, monkeypatch) -> list[str]:
    """reports/ and build/ in a temporary folder; the keys of the tasks that really ran."""
    monkeypatch.setattr(paths, "REPORTS", tmp_path / "reports")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    keys: list[str] = []

    def run(task: Task, worker: str) -> Outcome:
        keys.append(task.key)
        return by_inputs(task, worker)

    monkeypatch.setattr(executors, "run", run)
    return keys


def person_sweep(folder: Path, people: list[str]) -> Path:
    path = folder / "people.yaml"
    vary = "vary: notebooks.01_meeting_cadence.actors"
    path.write_text(f"base: params/default.yaml\n{vary}\nvalues: {json.dumps(people)}\n", encoding="utf-8")
    return path


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_person_sweep_runs_each_distinct_notebook_once(tmp_path, ran, capsys):
    """Only the cadence page depends on the person: it runs once per person, every other page
    once for all of them, and every set still gets every page."""
    result = driver.build(person_sweep(tmp_path, PEOPLE))
    assert sorted(ran) == sorted(
        [f"people/{p}/01_meeting_cadence" for p in PEOPLE]
        + [f"people/{PEOPLE[0]}/{nb}" for nb in NOTEBOOKS if nb != "01_meeting_cadence"]
    )
    assert len(result.executed) == len(PEOPLE) * len(NOTEBOOKS)
    assert result.served == len(result.executed) - len(ran)
    for person in PEOPLE:
        folder = paths.REPORTS / "people" / person
        assert sorted(p.stem for p in folder.glob("*.html")) == NOTEBOOKS
        assert {p.name for p in (folder / "figures").iterdir()} >= {f"{nb}-chart.png" for nb in NOTEBOOKS}
    said = capsys.readouterr().out
    assert (
        f"[done ] {PEOPLE[1]}/00_data_audit: the same inputs as {PEOPLE[0]}/00_data_audit, run once" in said
    )
    assert f"{len(ran)} notebooks executed, {result.served} served from one with the same inputs" in said


def test_sharing_changes_no_byte_of_the_report(tmp_path, ran):
    """The report (pages, figures, executed notebooks naming their own paths) is the same bytes
    as a build in which every task runs."""
    shared = driver.build(person_sweep(tmp_path, PEOPLE))
    with_sharing = tree(paths.REPORTS)
    ran.clear()
    alone = driver.build(person_sweep(tmp_path, PEOPLE), driver.Options(force=True, share=False))
    assert len(ran) == len(PEOPLE) * len(NOTEBOOKS) and alone.served == 0 < shared.served
    assert tree(paths.REPORTS) == with_sharing


def test_tasks_that_differ_in_any_input_each_run(tmp_path, ran):
    """A parameter, the notebook or a hash differs: no sharing."""
    base = Task(
        "s/a", "notebooks/00_data_audit.ipynb", {"as_of": ""}, "build/s/a/x.ipynb", {"data": "1"}, "m", "a"
    )
    others = [
        Task("s/b", base.notebook, {"as_of": "2017-09-01"}, "build/s/b/x.ipynb", base.expected, "m", "b"),
        Task(
            "s/c",
            "notebooks/05_chronology.ipynb",
            base.parameters,
            "build/s/c/x.ipynb",
            base.expected,
            "m",
            "c",
        ),
        Task("s/d", base.notebook, base.parameters, "build/s/d/x.ipynb", {"data": "2"}, "m", "d"),
    ]
    same = Task("s/e", base.notebook, base.parameters, "build/s/e/x.ipynb", base.expected, "m", "e")
    outcomes = executors.run_all([base, *others, same], "local", 1, None, lambda outcome: None)
    assert sorted(ran) == ["s/a/00_data_audit", "s/b/00_data_audit", "s/c/05_chronology", "s/d/00_data_audit"]
    assert [o.task for o in outcomes] == [base, *others, same]
    assert [o.served_from for o in outcomes] == [None, None, None, None, "s/a/00_data_audit"]


def test_a_served_outcome_is_what_its_own_run_would_have_made(ran):
    """Files moved to the served task's folder, its executed notebook naming its own path: the
    same bytes as running it."""
    first = Task(
        "s/a",
        "notebooks/00_data_audit.ipynb",
        {"figures_dir": "figures"},
        "build/s/a/00.ipynb",
        {},
        "m",
        "r/a",
    )
    second = Task("s/b", first.notebook, first.parameters, "build/s/b/00.ipynb", {}, "m", "r/b")
    mine = served(by_inputs(first, "local"), second)
    own = by_inputs(second, "local")
    assert mine.files == own.files and (mine.html, mine.code_html) == (own.html, own.code_html)
    assert mine.task is second and mine.served_from == "s/a/00_data_audit" and mine.error is None


def test_outcomes_back_from_workers_are_their_own_tasks_not_served(ran, monkeypatch):
    """A Dask worker hands back an outcome holding a copy of its task (pickled there and back):
    it is still that task's own run, said once, and counted executed, not served."""
    tasks = [
        Task(f"s/{v}", "notebooks/00_data_audit.ipynb", {"as_of": v}, f"build/s/{v}/x.ipynb", {}, "m", v)
        for v in ("2017-09-01", "2017-09-08")
    ]
    said: list[Outcome] = []

    def on_dask(tasks: list[Task], jobs, scheduler, done) -> list[Outcome]:
        outcomes = [pickle.loads(pickle.dumps(by_inputs(task, "tcp://worker"))) for task in tasks]
        for outcome in outcomes:
            done(outcome)
        return outcomes

    monkeypatch.setattr(executors, "run_on_dask", on_dask)
    outcomes = executors.run_all(tasks, "dask", 1, None, said.append)
    assert [o.served_from for o in outcomes] == [None, None]
    assert [o.task.key for o in said] == [t.key for t in tasks]  # each said once


def test_a_failure_is_served_to_every_task_with_the_same_inputs(tmp_path, ran, monkeypatch):
    def failing(task: Task, worker: str) -> Outcome:
        ran.append(task.key)
        return Outcome(task, worker, 0.0, error="00_data_audit.ipynb failed in cell 2: RuntimeError: boom")

    same = [
        Task(f"s/{v}", "notebooks/00_data_audit.ipynb", {}, f"build/s/{v}/x.ipynb", {}, "m", v) for v in "ab"
    ]
    monkeypatch.setattr(executors, "run", failing)
    outcomes = executors.run_all(same, "local", 1, None, lambda outcome: None)
    assert ran == ["s/a/00_data_audit"] and [o.error for o in outcomes] == [outcomes[0].error] * 2


@pytest.mark.slow
def test_real_kernels_make_the_same_report_warm_and_shared_or_neither(tmp_path, monkeypatch):
    """Papermill, real notebooks: a person sweep built the default way, sharing and with kernels
    forked warm (``test_warm``), is the bytes of one built with neither (a notebook that wrote
    where it ran, read its set's folder, or found the template's state, would differ here); and
    the finished build leaves no template or kernel behind."""
    monkeypatch.setattr(paths, "REPORTS", tmp_path / "reports")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    forked: list[list[str]] = []
    fork = warm.fork_kernel
    monkeypatch.setattr(warm, "fork_kernel", lambda cmd, *rest: forked.append(cmd) or fork(cmd, *rest))
    monkeypatch.delenv("WARM", raising=False)
    sweep = person_sweep(tmp_path, PEOPLE[:2])
    default = driver.build(sweep)
    assert len(forked) == len(default.executed) - default.served
    assert templates_of(os.getpid()) == [] and wait_until(lambda: not kernels_of(os.getpid()), timeout=10)
    with_both = tree(paths.REPORTS / "people")
    monkeypatch.setenv("WARM", "0")
    neither = driver.build(sweep, driver.Options(force=True, share=False))
    assert default.served == len(NOTEBOOKS) - 1 and neither.served == 0
    assert len(forked) == len(default.executed) - default.served  # none forked with WARM=0
    assert tree(paths.REPORTS / "people") == with_both
