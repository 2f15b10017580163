"""Named parameter sets (``params/*.yaml``): read them and check every name before anything runs.

A set names only what it changes: every other parameter keeps the default of the
notebooks' ``parameters`` cells (``helpers.params.declared``), so ``params/default.yaml``
changes nothing at all.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpers import paths
from helpers.params.declared import FIGURES_DIR, notebook_parameters, shared_defaults
from helpers.report.errors import ReportError


@dataclass(frozen=True)
class ParamSet:
    name: str
    path: Path
    # Every shared parameter: the notebooks' default, or the set's value.
    shared: dict[str, Any]
    per_notebook: dict[str, dict[str, Any]]

    def for_notebook(self, notebook: str, figures_dir: Path | str) -> dict[str, Any]:
        """The notebook's parameters; ``figures_dir`` relative to the repository root, or absolute."""
        return {**self.shared, **self.per_notebook.get(notebook, {}), FIGURES_DIR: str(figures_dir)}


def read_param_set(path: Path, notebooks_dir: Path | None = None) -> ParamSet:
    """Read and check a parameter file: its name must name a folder of reports/, and every
    parameter must be one the notebooks declare."""
    problem = name_problem(Path(path).stem)
    if problem:
        raise ReportError(f"{paths.relative(path)}: the set's name {Path(path).stem!r} {problem}")
    return param_set_from(path, Path(path).stem, read_yaml(path), notebooks_dir)


# The files beside a sweep's folders (its page and record), beside reports/'s (the front page), and
# the one the front page looks for in every folder of reports/ (a set's manifest).
BESIDE = ("index.html", "sweep.json", "manifest.json")


def name_problem(name: str) -> str | None:
    """Why a set's or sweep's name cannot be its folder of reports/, or None where it can. A
    file's name holds no '/' nor NUL; it may be any other text (pages escape it)."""
    if name in (".", ".."):
        return "would be reports/ itself or the folder above it"
    if name.startswith("."):
        return "would be a hidden folder, as the build's own are (.<name>.partial)"
    if name.lower() in BESIDE:
        return f"is the name of a file beside the folders ({', '.join(BESIDE)})"
    return None


def param_set_from(
    path: Path,
    name: str,
    content: dict[str, Any],
    notebooks_dir: Path | None = None,
    declared: dict[str, dict[str, Any]] | None = None,
) -> ParamSet:
    """The parameter set ``name`` of a file's content, every name checked against the notebooks'
    (``declared``, where the caller has read them already: a sweep makes many sets)."""
    content = dict(content)
    declared = declared or notebook_parameters(notebooks_dir or paths.NOTEBOOKS)
    try:
        defaults = shared_defaults(declared)
    except ValueError as error:
        raise ReportError(f"{paths.relative(path)}: {error}") from None
    per_notebook = content.pop("notebooks", {}) or {}
    _check_names(path, content, per_notebook, defaults, declared)
    per_notebook = {name: dict(values or {}) for name, values in per_notebook.items()}
    return ParamSet(name, Path(path).absolute(), {**defaults, **content}, per_notebook)


def check_unique_name(name: str, path: Path) -> None:
    """A parameter set and a sweep may not share a name: both would be ``reports/<name>/``."""
    for other in (paths.PARAMS / f"{name}.yaml", paths.PARAMS / "sweeps" / f"{name}.yaml"):
        if other.exists() and other.resolve() != Path(path).resolve():
            raise ReportError(
                f"{paths.relative(path)}: {paths.relative(other)} has the same name; "
                f"both would be reports/{name}/"
            )


def read_yaml(path: Path) -> dict[str, Any]:
    """A parameter file's mapping. Dates written without quotes (``as_of: 2017-09-01``), which
    YAML reads as dates, become the ISO strings the notebooks' parameters are."""
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise ReportError(f"{path}: no such parameter file") from None
    except yaml.YAMLError as error:
        raise ReportError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(content, dict):
        raise ReportError(f"{path}: expected a mapping of parameter names to values")
    return _iso_dates(content)


def _iso_dates(value: Any) -> Any:
    """``value`` with every date in it, however deep, written as an ISO string."""
    if isinstance(value, dict):
        return {key: _iso_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_iso_dates(item) for item in value]
    return value.isoformat() if isinstance(value, datetime.date) else value


def _check_names(
    path: Path,
    shared: dict[str, Any],
    per_notebook: dict[str, Any],
    defaults: dict[str, Any],
    declared: dict[str, dict[str, Any]],
) -> None:
    unknown = sorted(set(shared) - set(defaults))
    if unknown:
        raise ReportError(
            f"{path}: unknown parameter(s) {', '.join(unknown)}; shared parameters are "
            f"{', '.join(defaults)}, others go under 'notebooks: <name>:'"
        )
    for notebook, values in per_notebook.items():
        if notebook not in declared:
            raise ReportError(
                f"{path}: notebooks: unknown notebook {notebook!r}; known: {', '.join(declared)}"
            )
        allowed = set(declared[notebook]) - {FIGURES_DIR}
        bad = sorted(set(values or {}) - allowed)
        if bad:
            raise ReportError(
                f"{path}: notebooks: {notebook}: parameter(s) {', '.join(bad)} not declared by the "
                f"notebook; it declares {', '.join(sorted(allowed))}"
            )
