"""The environment: pins agree, the kernel is the project's own, notebooks are clean, make is documented."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import nbformat
import pytest
import yaml
from jupyter_client.kernelspec import KernelSpecManager

from helpers import paths

KERNEL = "jp-ru-dprk-2017"
VOLATILE_METADATA = {"papermill", "widgets", "execution", "collapsed", "scrolled", "ExecuteTime"}


def pinned(requirement: str) -> tuple[str, str]:
    name, version = re.fullmatch(r"([A-Za-z0-9_.-]+)\s*==?\s*([0-9][^\s;]*)", requirement.strip()).groups()
    return name.lower().replace("_", "-"), version


def test_environment_yml_matches_pyproject():
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    from_pyproject = dict(
        pinned(r) for r in [*project["dependencies"], *project["optional-dependencies"]["dev"]]
    )
    conda = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    from_conda = dict(pinned(d) for d in conda["dependencies"] if isinstance(d, str) and "=" in d)
    python = from_conda.pop("python")
    assert python == "3.11" and project["requires-python"] == "==3.11.*"
    assert from_conda == from_pyproject


def test_lock_pins_every_top_level_dependency():
    lock = (paths.ROOT / "requirements.lock").read_text(encoding="utf-8")
    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for requirement in [*project["dependencies"], *project["optional-dependencies"]["dev"]]:
        name, version = pinned(requirement)
        assert re.search(
            rf"^{re.escape(name)}=={re.escape(version)}\b", lock, re.MULTILINE | re.IGNORECASE
        ), name


def test_kernelspec_points_at_this_python():
    spec = KernelSpecManager().get_kernel_spec(KERNEL)
    assert Path(spec.argv[0]).resolve() == Path(sys.executable).resolve()
    assert spec.language == "python"


@pytest.mark.parametrize("path", sorted(paths.NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_notebook_declares_project_kernel_and_is_clean(path):
    book = nbformat.read(path, as_version=4)
    nbformat.validate(book)
    assert book.metadata["kernelspec"]["name"] == KERNEL
    assert set(book.metadata) <= {"kernelspec", "language_info"}
    for cell in book.cells:
        assert not (set(cell.metadata) & VOLATILE_METADATA), (path.name, cell.id, cell.metadata)
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (path.name, cell.id)


def test_make_help_lists_every_target_with_a_description():
    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    documented = re.findall(r"^## .+\n([a-z-]+):", makefile, re.MULTILINE)
    result = subprocess.run(
        ["make", "--no-print-directory", "help"], cwd=paths.ROOT, capture_output=True, text=True, check=True
    )
    listed = [
        line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ") and line.split()
    ]
    assert {"report", "test", "lab", "lint", "clean", "help"} <= set(documented)
    assert [t for t in listed if t in documented] == documented
    phony = {t for line in re.findall(r"^\.PHONY: (.+)$", makefile, re.MULTILINE) for t in line.split()}
    assert phony - {"$(REPORT)", "$(SWEEP_PAGE)"} == set(documented)
