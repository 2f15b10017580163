"""What a build has to do: for each parameter set, which notebooks changed since its last report.

A notebook's page is redone only when the content hash of its inputs (the notebook, its
parameters, the data, the code) differs from the one its report's manifest recorded. Nothing
here imports pandas or papermill, so that a build with nothing to do returns at once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from helpers import paths
from helpers.report.fingerprint import code_fingerprint, data_fingerprint, notebook_fingerprint
from helpers.report.paramsets import ParamSet


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
    return {
        entry["notebook"]: entry.get("inputs_sha256", "")
        for entry in manifest.get("notebooks", [])
        if (folder / f"{entry['notebook']}.html").exists()
    }
