"""A report is never stale, and never rebuilt for nothing: every input a page depends on, changed
alone, runs again exactly the pages that depend on it, in the driver (content hashes) and in Make
(its prerequisites, build/inputs.mk); a change to anything else runs nothing.

The inputs are enumerated from where they are declared, not listed here: every table of
data/datapackage.json (the context layer's included) and the package itself, every article
sources.csv names, every file of the helpers package (its modules and the report template), the
lock, every notebook, and every parameter each notebook declares, in every parameter set and in the
base set of every sweep. ``test_the_enumeration_covers_every_input`` fails when the driver hashes
a file the enumeration does not change, or when a kind of input has no case: a new table, module,
notebook or parameter is covered without a line here.

Nothing here runs a kernel: in a copy of the project, the driver plans as it does for
``make report`` and ``make sweep``, and notebooks 'run' in a blink. ``test_never_stale_built.py``
runs real ones, to see that the pages run again show the change.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

from helpers import paths
from helpers.params.declared import FIGURES_DIR, notebook_parameters, shared_defaults
from helpers.report import driver, executors, planning, staging
from helpers.report.tasks import Outcome, Task

REPOSITORY, DATA, SEEDS = paths.ROOT, paths.DATA, paths.SEEDS
COPIED = ("src/helpers", "notebooks", "params", "requirements.lock", "pyproject.toml", "Makefile")
UNCOPIED = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", "*.egg-info")
# What the blink executor says the data holds (the driver's validation is skipped: no table is read).
HOLDS = {"articles": 2, "events": 21, "first_day": "2017-08-01", "last_day": "2017-12-31"}
# The files `make` makes before any report (uv, the environment, the project, the kernel), in order.
STAMPS = ("UV_STAMP", "ENV_STAMP", "PKG_STAMP", "KERNELSPEC")
# A sweep whose base set lies in a folder of params/ ("its base may be any file in params/").
SUBFOLDER_BASE = "params/bases/wide.yaml"
SUBFOLDER_SWEEP = "params/sweeps/subfolder-base.yaml"
# How `make -d` says that it found a prerequisite newer than its target.
NEWER = re.compile(r"Prerequisite [`']([^']+)' is newer than target [`']([^']+)'")

# Every kind of input a page depends on, and what is not one. Each must have a case.
KINDS = {
    "table": "a table of data/datapackage.json",
    "context table": "a table of the context layer, data/context/",
    "data package": "data/datapackage.json",
    "article": "an article sources.csv names, in seeds/",
    "module": "a file of the helpers package",
    "template": "a file of the report template, src/helpers/report/templates/",
    "lock": "requirements.lock",
    "notebook": "a notebook",
    "parameter": "a parameter of a set, for every notebook or for one",
    "parameter of a sweep's base": "a parameter of the set a sweep starts from",
    "unread": "a file no build reads, or a parameter file whose values stay the same",
}
FILE_KINDS = ("table", "context table", "data package", "article", "module", "template", "lock", "notebook")


@dataclass(frozen=True)
class Project:
    root: Path
    stamps: tuple[Path, ...]
    # What `make` is asked for: (label, goal, variable=file) for every set and sweep built.
    goals: tuple[tuple[str, str, str], ...]

    def output(self, label: str) -> Path:
        """The file Make compares with the inputs: a set's manifest, a sweep's page."""
        name = "index.html" if any(g[0] == label and g[1] == "sweep" for g in self.goals) else "manifest.json"
        return self.root / "reports" / label / name


@dataclass(frozen=True)
class Change:
    """One input changed, and the pages that change affects, out of every page built."""

    kind: str
    name: str
    file: str  # relative to the root
    edit: Callable[[bytes | None], bytes]  # the file's new content from its content (None: no file yet)
    pages: Callable[[set[str]], set[str]]
    # A file outside the parameters: planned for one set and one sweep in turn, the same hashes
    # decide for all.
    sampled: bool = False
    # The notebook (None: every one) and parameter given a new value, and the value, which every
    # page run again must be given.
    reaches: tuple[str | None, str, Any] | None = None


def every(pages: set[str]) -> set[str]:
    return set(pages)


def none(pages: set[str]) -> set[str]:
    return set()


def of_notebook(notebook: str) -> Callable[[set[str]], set[str]]:
    return lambda pages: {page for page in pages if page.endswith(f"/{notebook}")}


def appended(content: bytes | None) -> bytes:
    return (content or b"") + b"\n"


def _blink(task: Task, worker: str) -> Outcome:
    """A notebook run without a kernel: a page and a chart made from the task's inputs."""
    stem, figures = Path(task.notebook).stem, Path(task.figures)
    given = {name: value for name, value in task.parameters.items() if name != FIGURES_DIR}
    digest = hashlib.sha256(json.dumps([task.expected, given], sort_keys=True).encode()).hexdigest()
    files = {
        str(figures / f"{stem}-chart.png"): digest.encode(),
        str(figures / f"{stem}-chart.txt"): b"alt\n",
        str(figures / f"{stem}-chart.headline.txt"): f"{task.key}\n".encode(),
        task.executed: digest.encode(),
    }
    return Outcome(task, worker, 0.0, f"<p>{task.key} {digest}</p>", None, files, f"<p>{digest}</p>")


def _copy(root: Path) -> None:
    for name in COPIED:
        if (REPOSITORY / name).is_dir():
            shutil.copytree(REPOSITORY / name, root / name, ignore=UNCOPIED)
        else:
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPOSITORY / name, root / name)
    shutil.copytree(DATA, root / "data", ignore=UNCOPIED)
    shutil.copytree(SEEDS, root / "seeds", ignore=UNCOPIED)
    (root / SUBFOLDER_BASE).parent.mkdir()
    (root / SUBFOLDER_BASE).write_text("include_planned: false\n", encoding="utf-8")
    (root / SUBFOLDER_SWEEP).write_text(
        f"base: {SUBFOLDER_BASE}  # a set in a folder of params/\n"
        "vary: notebooks.03_summit_schedule.kinds\nvalues: [summit, visit]\n",
        encoding="utf-8",
    )


def _make_variables(root: Path, names: tuple[str, ...]) -> list[str]:
    """The values the Makefile gives these variables."""
    command = ["make", "-s", "--no-print-directory", "--eval", "show-%: ; @echo $($*)"]
    shown = subprocess.run(
        [*command, *[f"show-{name}" for name in names]], cwd=root, capture_output=True, text=True, check=True
    )
    return shown.stdout.splitlines()


@contextmanager
def project_at(root: Path, sets: tuple[str, ...] | None = None) -> Iterator[Project]:
    """A copy of the project at ``root``, its paths the package's, built by the driver with the
    blink executor: every parameter set and sweep, or the sets named. The environment's stamps
    are there, so that Make asks only about the report."""
    _copy(root)
    with pytest.MonkeyPatch.context() as mp:
        for name, value in {
            "ROOT": root,
            "DATA": root / "data",
            "SEEDS": root / "seeds",
            "NOTEBOOKS": root / "notebooks",
            "PARAMS": root / "params",
            "LOCKFILE": root / "requirements.lock",
            "BUILD": root / "build",
            "REPORTS": root / "reports",
        }.items():
            mp.setattr(paths, name, value)
        mp.setattr(planning, "PACKAGE", root / "src" / "helpers")
        mp.setattr(executors, "run", _blink)
        mp.setattr(driver, "_validate_data", lambda: dict(HOLDS))
        stamps = tuple(root / name for name in _make_variables(root, STAMPS))
        for stamp in stamps:
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.touch()
        goals = []
        for path in sorted((root / "params").glob("*.yaml")):
            if sets is None or path.stem in sets:
                driver.build(path)
                goals.append((path.stem, "report", f"PARAMS={path.relative_to(root)}"))
        for path in sorted((root / "params" / "sweeps").glob("*.yaml")) if sets is None else []:
            driver.build(path)
            goals.append((path.stem, "sweep", f"SWEEP={path.relative_to(root)}"))
        yield Project(root, stamps, tuple(goals))


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Iterator[Project]:
    """A copy with every set and sweep built; each test leaves its files as it found them."""
    with project_at(tmp_path_factory.mktemp("never-stale") / "project") as built:
        yield built


def planned(force: bool = False, targets: list[Path] | None = None, tasks: bool = False) -> dict[str, Any]:
    """Every page the driver would run now, for every set and sweep (or the set and sweep files in
    ``targets``), as ``make report`` and ``make sweep`` ask it: by page, '<set>/<notebook>' or
    '<sweep>/<value>/<notebook>', with its task where ``tasks`` (what the notebook would be given).
    Nothing runs; the data and code are hashed once."""
    found: list[tuple[Any, Any]] = []

    def render(target, shared, options, started, finish=None, record=None):
        found.append((target, shared))
        return driver.BuildResult(target.folder, (), (), 0.0)

    sets, swept = sorted(paths.PARAMS.glob("*.yaml")), sorted((paths.PARAMS / "sweeps").glob("*.yaml"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(driver, "_bring_up_to_date", render)
        mp.setattr(driver, "hashes", functools.cache(planning.hashes))
        for path in (p for p in sets if targets is None or p in targets):
            driver.build(path, driver.Options(force=force))
        for path in (p for p in swept if targets is None or p in targets):
            driver.build(path, driver.Options(force=force))
    if tasks:
        return {
            t.key: t for target, shared in found for t in staging.tasks(target, paths.BUILD / "m", shared)
        }
    return {
        f"{p.param_set.name}/{nb.stem}": None for target, _ in found for p in target.plans for nb in p.todo
    }


@contextmanager
def applied(root: Path, change: Change) -> Iterator[None]:
    """The change made, then undone: the file's bytes put back, or the file and the folders
    made for it removed."""
    path = root / change.file
    before = path.read_bytes() if path.exists() else None
    made = [folder for folder in path.parents if not folder.exists()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(change.edit(before))
    try:
        yield
    finally:
        if before is None:
            path.unlink()
            for folder in made:
                folder.rmdir()
        else:
            path.write_bytes(before)


# ---------------------------------------------------------------- the enumeration


def data_changes(root: Path) -> list[Change]:
    """Every file under data/ and seeds/: those the data package declares (its tables, itself and
    its card, the articles sources.csv names) affect every page; any other, none."""
    package = json.loads((root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    # The package itself and its data card, which every report carries (reports/<set>/data/).
    itself = {"data/datapackage.json", "data/README.md"}
    declared = {f"data/{resource['path']}" for resource in package["resources"]} | itself
    with (root / "data" / "sources.csv").open(encoding="utf-8", newline="") as handle:
        declared |= {row["file"] for row in csv.DictReader(handle)}
    found = sorted(
        path.relative_to(root).as_posix()
        for folder in ("data", "seeds")
        for path in (root / folder).rglob("*")
        if path.is_file()
    )
    missing = declared - set(found)
    assert not missing, f"declared but not on disk: {sorted(missing)}"
    changes = []
    for name in found:
        if name not in declared:
            changes.append(Change("unread", name, name, appended, none, sampled=True))
            continue
        kind = (
            "data package"
            if name in itself
            else "article"
            if name.startswith("seeds/")
            else "context table"
            if name.startswith("data/context/")
            else "table"
        )
        changes.append(Change(kind, name, name, appended, every, sampled=True))
    return changes


def code_changes(root: Path) -> list[Change]:
    """Every file of the helpers package, the lock and every notebook; and files beside them that
    no build reads (compiled code, a notebook's checkpoint)."""
    package = root / "src" / "helpers"
    changes = []
    for path in sorted(p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        name = path.relative_to(root).as_posix()
        kind = "template" if path.is_relative_to(package / "report" / "templates") else "module"
        changes.append(Change(kind, name, name, appended, every, sampled=True))
    changes.append(Change("lock", "requirements.lock", "requirements.lock", appended, every, sampled=True))
    for path in sorted((root / "notebooks").glob("*.ipynb")):
        name = path.relative_to(root).as_posix()
        changes.append(Change("notebook", name, name, appended, of_notebook(path.stem)))
    first = sorted((root / "notebooks").glob("*.ipynb"))[0]
    checkpoint = f"notebooks/.ipynb_checkpoints/{first.stem}-checkpoint.ipynb"
    changes += [
        Change("unread", name, file, edit, none, sampled=True)
        for name, file, edit in (
            ("a compiled module", "src/helpers/__pycache__/paths.cpython-311.pyc", appended),
            ("a notebook's checkpoint", checkpoint, lambda _: first.read_bytes()),
            ("a README at the root", "README.md", appended),
            ("a file in docs/", "docs/notes.md", appended),
            ("pyproject.toml", "pyproject.toml", appended),
        )
    ]
    return changes


def other(value: Any) -> Any:
    """A value unlike ``value``, of its type where it has one."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, list):
        return [*value, "changed"]
    if isinstance(value, str):
        return f"{value}changed"
    return "changed"


@dataclass(frozen=True)
class SetFile:
    """A parameter file, the sweeps that start from it, and the notebooks' declared parameters."""

    file: str
    content: dict[str, Any]
    target: str | None  # the set it renders, if it is one (params/<set>.yaml)
    sweeps: dict[str, str]  # the sweeps based on it: name -> what each varies
    declared: dict[str, dict[str, Any]]

    def own(self, notebook: str) -> dict[str, Any]:
        return (self.content.get("notebooks") or {}).get(notebook) or {}

    def cases(self) -> set[tuple[str | None, str]]:
        """The parameters a case changes in this file: (None, parameter) at the top, (notebook,
        parameter) for one notebook."""
        named = {(None, p) for p in self.content if p != "notebooks"}
        named |= {(notebook, p) for notebook in self.declared for p in self.own(notebook)}
        if self.sweeps:
            named |= {(None, p) for p in shared_defaults(self.declared)}
        if self.sweeps and self.target:
            named |= {(nb, p) for nb, names in self.declared.items() for p in names if p != FIGURES_DIR}
        return named

    def value(self, notebook: str | None, parameter: str) -> Any:
        """What this set gives ``parameter``: at the top (``notebook`` None), or to the notebook."""
        if notebook is None:
            return self.content.get(parameter, shared_defaults(self.declared)[parameter])
        for source in (self.own(notebook), self.content, self.declared[notebook]):
            if parameter in source:
                return source[parameter]
        raise KeyError(parameter)

    def pages(self, notebook: str | None, parameter: str) -> Callable[[set[str]], set[str]]:
        """The pages a new value affects: set at the top (``notebook`` None), in every notebook
        but those that name it themselves, or the sweep that varies it; else in ``notebook``."""

        def reached(notebook_: str, vary: str | None) -> bool:
            own = f"notebooks.{notebook_}.{parameter}"
            if notebook is not None:
                return notebook_ == notebook and vary != own
            return parameter not in self.own(notebook_) and vary not in (own, parameter)

        wanted = [(f"{self.target}/", None)] if self.target else []
        wanted += [(f"{sweep}/", vary) for sweep, vary in self.sweeps.items()]

        def pages(every_page: set[str]) -> set[str]:
            return {
                page
                for page in every_page
                for prefix, vary in wanted
                if page.startswith(prefix) and reached(page.rsplit("/", 1)[1], vary)
            }

        return pages


def set_files(root: Path) -> list[SetFile]:
    """Every parameter set, and every sweep's base set."""
    declared = notebook_parameters(root / "notebooks")
    bases: dict[str, dict[str, str]] = {}
    for path in sorted((root / "params" / "sweeps").glob("*.yaml")):
        sweep = yaml.safe_load(path.read_text(encoding="utf-8"))
        base = (root / sweep["base"]).resolve().relative_to(root.resolve()).as_posix()
        bases.setdefault(base, {})[path.stem] = sweep["vary"]
    files = sorted({p.relative_to(root).as_posix() for p in (root / "params").glob("*.yaml")} | set(bases))
    return [
        SetFile(
            file,
            yaml.safe_load((root / file).read_text(encoding="utf-8")) or {},
            Path(file).stem if Path(file).parent == Path("params") else None,
            bases.get(file, {}),
            declared,
        )
        for file in files
    ]


def _with(content: dict[str, Any], values: list[tuple[str | None, str, Any]]):
    """An edit writing the set's content with these values: (None, parameter, value) at the top,
    (notebook, parameter, value) under the notebook's name."""

    def edit(_: bytes | None) -> bytes:
        new = json.loads(json.dumps(content))
        for notebook, parameter, value in values:
            if notebook is None:
                new[parameter] = value
            else:
                new["notebooks"] = new.get("notebooks") or {}
                new["notebooks"][notebook] = new["notebooks"].get(notebook) or {}
                new["notebooks"][notebook][parameter] = value
        return yaml.safe_dump(new, sort_keys=False).encode()

    return edit


def parameter_changes(root: Path) -> list[Change]:
    """The value changed, of each parameter a set or sweep base names; of each shared parameter, at
    the top of every sweep base; and of each parameter of each notebook, for that notebook, in
    every set a sweep starts from (its set's pages and its sweeps' alike). And what changes no
    value: a comment and the shared parameters written at their default; and a new set, which runs
    only itself."""
    changes = []
    for set_file in set_files(root):
        kind = "parameter of a sweep's base" if set_file.sweeps else "parameter"
        for notebook, parameter in sorted(set_file.cases(), key=str):
            value = other(set_file.value(notebook, parameter))
            edit = _with(set_file.content, [(notebook, parameter, value)])
            name = f"{set_file.file}: {f'notebooks.{notebook}.' if notebook else ''}{parameter}"
            pages = set_file.pages(notebook, parameter)
            changes.append(
                Change(kind, name, set_file.file, edit, pages, reaches=(notebook, parameter, value))
            )
        shared = shared_defaults(set_file.declared)
        defaults = _with(
            set_file.content, [(None, p, v) for p, v in shared.items() if p not in set_file.content]
        )
        name = f"{set_file.file}: a comment, and the shared parameters at their default"
        changes.append(
            Change("unread", name, set_file.file, lambda b, edit=defaults: edit(b) + b"# note\n", none)
        )
    notebooks = sorted(p.stem for p in (root / "notebooks").glob("*.ipynb"))
    new = {f"new-set/{notebook}" for notebook in notebooks}
    set_content = b'as_of: "2017-09-19"\n'
    changes.append(
        Change("parameter", "a new set", "params/new-set.yaml", lambda _: set_content, lambda _: new)
    )
    for path in sorted((root / "params" / "sweeps").glob("*.yaml")):
        name = path.relative_to(root).as_posix()
        changes.append(Change("unread", f"{name}: a comment", name, lambda b: b + b"# note\n", none))
    return changes


def changes(root: Path) -> list[Change]:
    return [*data_changes(root), *code_changes(root), *parameter_changes(root)]


# ---------------------------------------------------------------- the tests


def test_the_enumeration_covers_every_input(project):
    """Every file the driver hashes for a report is changed by a file case, and every file case
    changes a file it hashes; every kind has a case; every value a set names has a case, and in a
    set a sweep starts from, every parameter every notebook declares, for every notebook and for
    one, which are all the parameters a notebook is given."""
    found = changes(project.root)
    assert {change.kind for change in found} == set(KINDS)
    declared = notebook_parameters(project.root / "notebooks")
    every_parameter = {(None, p) for p in shared_defaults(declared)} | {
        (notebook, p) for notebook, names in declared.items() for p in names if p != FIGURES_DIR
    }
    files = {change.file for change in found if change.kind in FILE_KINDS}
    fully = []
    for set_file in set_files(project.root):
        hashed = planning.input_files(project.root / set_file.file)
        inputs = {path.relative_to(project.root).as_posix() for path in hashed} - {set_file.file}
        assert inputs == files, f"hashed, no case: {inputs - files}; a case, not hashed: {files - inputs}"
        changed = {change.reaches[:2] for change in found if change.file == set_file.file and change.reaches}
        named = {(None, p) for p in set_file.content if p != "notebooks"}
        named |= {(notebook, p) for notebook in declared for p in set_file.own(notebook)}
        assert named <= changed, f"{set_file.file}: no case for {named - changed}"
        if set_file.sweeps and set_file.target:
            assert every_parameter <= changed, f"{set_file.file}: no case for {every_parameter - changed}"
            fully.append(set_file.file)
    assert fully, "no set a sweep starts from: no case for each parameter of each notebook"
    given = {
        (Path(t.notebook).stem, p) for t in planned(force=True, tasks=True).values() for p in t.parameters
    }
    assert {(notebook, p) for notebook, p in given if p != FIGURES_DIR} <= every_parameter


def test_the_driver_runs_again_exactly_the_pages_a_change_affects(project):
    every_page = set(planned(force=True))
    assert any(page.startswith("subfolder-base/") for page in every_page)
    assert planned() == {}, "the project as built has nothing to do"
    sets = sorted(paths.PARAMS.glob("*.yaml"))
    swept = sorted((paths.PARAMS / "sweeps").glob("*.yaml"))
    wrong = []
    for number, change in enumerate(changes(project.root)):
        targets = [sets[number % len(sets)], swept[number % len(swept)]] if change.sampled else None
        with applied(project.root, change):
            ran = planned(targets=targets, tasks=change.reaches is not None)
        expected = change.pages(every_page)
        if targets:
            expected = {page for page in expected if page.startswith(tuple(f"{t.stem}/" for t in targets))}
        if set(ran) != expected:
            extra, missing = sorted(set(ran) - expected), sorted(expected - set(ran))
            wrong.append(
                f"{change.kind}: {change.name}: ran {len(extra)} pages it does not affect {extra[:3]}, "
                f"skipped {len(missing)} it affects {missing[:3]}"
            )
        elif change.reaches:
            _, parameter, value = change.reaches
            if any(task.parameters.get(parameter) != value for task in ran.values()):
                wrong.append(f"{change.kind}: {change.name}: a page run again is not given {value!r}")
    assert planned() == {}, "every change was undone"
    assert not wrong, "\n".join(wrong)


def age(project: Project) -> float:
    """Every file and folder of the copy written long ago, then the environment's stamps in the
    order Make makes them, then every report: Make has nothing to do. Returns a time after all
    of them, before now."""
    past = time.time() - 1000
    for folder, _, files in os.walk(project.root):
        for name in files:
            os.utime(Path(folder) / name, (past, past))
        os.utime(folder, (past, past))
    for number, stamp in enumerate(project.stamps, start=1):
        os.utime(stamp, (past + number, past + number))
    for label, _, _ in project.goals:
        os.utime(project.output(label), (past + 100, past + 100))
    return past + 500


def stale(project: Project, labels: set[str] | None = None) -> set[str]:
    """The sets and sweeps (or those of ``labels``) whose report `make -q` finds out of date."""
    found = set()
    for label, goal, variable in project.goals:
        if labels is not None and label not in labels:
            continue
        answer = subprocess.run(
            ["make", "-q", goal, variable], cwd=project.root, capture_output=True, text=True
        )
        assert answer.returncode in (0, 1), answer.stderr
        if answer.returncode:
            found.add(label)
    return found


def newer(project: Project, label: str) -> set[str]:
    """The prerequisites `make -n` finds newer than the report of a set or sweep."""
    goal, variable = next((goal, variable) for name, goal, variable in project.goals if name == label)
    said = subprocess.run(
        ["make", "-n", "-d", goal, variable], cwd=project.root, capture_output=True, text=True
    )
    output = project.output(label).relative_to(project.root).as_posix()
    return {found[1] for found in NEWER.finditer(said.stdout) if found[2] == output}


def test_make_asks_the_driver_exactly_when_a_file_of_the_report_changed(project):
    """Every input of every page written anew (its time later than the reports'): Make finds each
    newer than every report and sweep page. Every file no build reads: no report out of date.
    pyproject.toml: every one (the project is registered again, then the driver asked). Each
    parameter file: the set's report and the pages of the sweeps based on it; each sweep file:
    the sweep's page."""
    later = age(project)
    every_goal = {label for label, _, _ in project.goals}
    assert stale(project) == set()
    found = changes(project.root)
    inputs = {change.file for change in found if change.kind in FILE_KINDS}
    for file in inputs:
        os.utime(project.root / file, (later, later))
    for label in sorted(every_goal):
        missed = inputs - newer(project, label)
        assert not missed, f"make compares {label}'s report with none of {sorted(missed)}"
    later = age(project)
    unread = {c.file for c in found if c.kind == "unread" and (project.root / c.file).is_file()}
    unread = {file for file in unread if file != "pyproject.toml" and not file.startswith("params/")}
    for file in unread:
        os.utime(project.root / file, (later, later))
    assert stale(project) == set(), f"out of date for files no build reads: {sorted(unread)}"
    later = age(project)
    asked = {"pyproject.toml": every_goal}
    for set_file in set_files(project.root):
        asked[set_file.file] = {set_file.target, *set_file.sweeps} - {None}
    for path in (project.root / "params" / "sweeps").glob("*.yaml"):
        asked[path.relative_to(project.root).as_posix()] = {path.stem}
    wrong = []
    for file, expected in sorted(asked.items()):
        path = project.root / file
        before = path.stat()
        os.utime(path, (later, later))
        if (out_of_date := stale(project)) != expected:
            wrong.append(f"{file}: make finds {sorted(out_of_date)} out of date, not {sorted(expected)}")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert not wrong, "\n".join(wrong)


def test_make_names_the_set_that_changed(project):
    later = age(project)
    os.utime(project.root / "params" / "held-only.yaml", (later, later))
    would = subprocess.run(
        ["make", "-n", "report", "PARAMS=params/held-only.yaml"],
        cwd=project.root,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "-m helpers.report --params params/held-only.yaml" in would
    assert stale(project) == {"held-only"}


def _newer(path: Path, than: Path) -> None:
    """Give ``path`` a time after ``than``'s, and wait until the clock is past it."""
    moment = than.stat().st_mtime + 0.05
    os.utime(path, (moment, moment))
    time.sleep(max(0.0, moment + 0.05 - time.time()))


def test_a_change_no_page_reads_runs_nothing_and_make_is_then_satisfied(tmp_path):
    """A file no build reads, added to an input folder: Make asks the driver, which runs nothing
    and says so in the report's date. A new folder in the data, empty: the same. A table then
    written into it: every page runs again, though the driver ran nothing when the folder came."""
    with project_at(tmp_path / "project", sets=("default",)) as project:
        age(project)
        manifest, data = project.output("default"), project.root / "data"
        (data / "notes.md").write_text("Not read by any build.\n", encoding="utf-8")
        _newer(data, than=manifest)
        assert stale(project) == {"default"}
        assert driver.build(paths.PARAMS / "default.yaml").executed == ()
        assert stale(project) == set()

        (data / "extra").mkdir()
        _newer(data, than=manifest)
        assert stale(project) == {"default"}
        assert driver.build(paths.PARAMS / "default.yaml").executed == ()
        assert stale(project) == set()

        (data / "extra" / "new.csv").write_text("a\n1\n", encoding="utf-8")
        _newer(data / "extra", than=manifest)
        assert stale(project) == {"default"}, "a table in a folder made since the last run is a change"
        notebooks = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb"))
        assert driver.build(paths.PARAMS / "default.yaml").executed == tuple(notebooks)
        assert stale(project) == set()
