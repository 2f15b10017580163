"""What a build has to do: for each parameter set, which notebooks changed since its last report.

A notebook's page is redone only when the content hash of its inputs (the notebook, its
parameters, the data, the code) differs from the one its report's manifest recorded. Nothing
here imports pandas or papermill, so that a build with nothing to do returns at once.

The inputs: a page depends on the notebook itself, its parameters, the data (every notebook
reads every table), the ``helpers`` code and templates, and the locked environment.
``input_files`` is the one list of those files: the driver hashes it, and writes it for Make
(``write_make_inputs``) as the report's prerequisites, with the folders they lie in, so that a
file added anywhere among them, even in a new folder, makes the report out of date.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.data.fingerprint import data_files, data_fingerprint, digest_files
from helpers.report.paramsets import ParamSet

PACKAGE = Path(__file__).resolve().parents[1]


def code_files() -> list[Path]:
    """The helpers package (code and templates) and the lock file."""
    package = [p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return sorted([*package, paths.LOCKFILE])


def input_files(params: Path) -> list[Path]:
    """Every file a report of the parameter set ``params`` is made from."""
    return [*sorted(paths.NOTEBOOKS.glob("*.ipynb")), Path(params), *data_files(), *code_files()]


def code_fingerprint() -> str:
    """sha256 over the helpers package (code and templates) and the lock file."""
    return digest_files(code_files(), paths.ROOT)


def notebook_fingerprint(notebook: Path, parameters: dict[str, Any], shared: str) -> str:
    """sha256 of one page's inputs: the notebook, its parameters and the shared data and code hashes."""
    digest = hashlib.sha256(notebook.read_bytes())
    digest.update(json.dumps(parameters, sort_keys=True).encode())
    digest.update(shared.encode())
    return digest.hexdigest()


def write_make_inputs(target: Path) -> None:
    """Write ``target``, a makefile fragment: ``INPUTS`` lists every input but the parameter file
    (which Make names itself) and every folder they lie in, those of the data and the package found
    afresh each time Make reads it. An empty rule for each listed lets Make treat one that was
    since deleted as changed, instead of stopping."""
    files = [path for path in input_files(Path()) if path != Path()]
    folders = {path.parent for path in files} | {
        folder for root in (paths.DATA, PACKAGE) for folder in root.rglob("*") if folder.is_dir()
    }
    folders = {folder for folder in folders if "__pycache__" not in folder.parts}
    names = [paths.relative(path) for path in [*files, *sorted(folders)]]
    trees = " ".join(paths.relative(root) for root in (paths.DATA, PACKAGE))
    lines = ["# Written by helpers.report (planning.write_make_inputs): what a report is made of.", ""]
    lines += ["INPUTS := \\", *[f"  {name} \\" for name in names], ""]
    # The folders of the data and the package as they are when Make runs, not when this was
    # written: a folder made since (the driver then ran nothing and left this list as it was)
    # and filled later is a change too.
    lines += [f"INPUTS += $(shell find {trees} -name __pycache__ -prune -o -type d -print 2>/dev/null)", ""]
    lines += [f"{name}:" for name in names]
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Plan:
    """What one parameter set's build does: its notebooks, which of them to run, their input hashes."""

    param_set: ParamSet
    notebooks: list[Path]
    todo: list[Path]
    inputs: dict[str, str]
    data_sha256: str

    @property
    def final(self) -> Path:
        return paths.REPORTS / self.param_set.name


@dataclass(frozen=True)
class Hashes:
    """The data's and the code's content hashes, taken once for every set of a build."""

    data: str
    code: str


def hashes() -> Hashes:
    return Hashes(data_fingerprint(), code_fingerprint())


def plan_set(param_set: ParamSet, notebooks: list[Path] | None, force: bool, shared: Hashes) -> Plan:
    """Hash each notebook's inputs; those whose hash the last report recorded are skipped."""
    notebooks = notebooks if notebooks is not None else sorted(paths.NOTEBOOKS.glob("*.ipynb"))
    inputs = {
        nb.stem: notebook_fingerprint(nb, param_set.for_notebook(nb.stem, ""), shared.data + shared.code)
        for nb in notebooks
    }
    previous = {} if force else previous_inputs(paths.REPORTS / param_set.name)
    todo = [nb for nb in notebooks if previous.get(nb.stem) != inputs[nb.stem]]
    return Plan(param_set, notebooks, todo, inputs, shared.data)


def previous_inputs(folder: Path) -> dict[str, str]:
    """The input hash of each page the report in ``folder`` holds, as its manifest recorded it."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return {}
    # A page counts only with every file the report holds of it (a report of an older layout
    # lacks the notebooks/ copies, and its pages are made again).
    return {
        entry["notebook"]: entry.get("inputs_sha256", "")
        for entry in manifest.get("notebooks", [])
        if all((folder / name).exists() for name in page_files(entry["notebook"]))
    }


def page_files(notebook: str) -> list[str]:
    """The files of a report's folder that belong to one page (its figures aside)."""
    return [f"{notebook}.html", f"notebooks/{notebook}.html", f"notebooks/{notebook}.ipynb"]
