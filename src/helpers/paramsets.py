"""Named parameter sets (``params/*.yaml``): read them and check every name before anything runs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpers.catalog import NOTEBOOK_PARAMETERS, SHARED

SET_PARAMETERS = tuple(name for name in SHARED if name != "figures_dir")


class ReportError(Exception):
    """A problem that stops the build; the message is meant for the user as it is."""


@dataclass(frozen=True)
class ParamSet:
    name: str
    path: Path
    shared: dict[str, Any]
    per_notebook: dict[str, dict[str, Any]]

    def for_notebook(self, notebook: str, figures_dir: Path | str) -> dict[str, Any]:
        """The notebook's parameters; ``figures_dir`` relative to the repository root, or absolute."""
        return {**self.shared, **self.per_notebook.get(notebook, {}), "figures_dir": str(figures_dir)}


def read_param_set(path: Path) -> ParamSet:
    """Read and check a parameter file: every name must be one the notebooks declare."""
    try:
        content = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        raise ReportError(f"{path}: no such parameter file") from None
    except yaml.YAMLError as error:
        raise ReportError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(content, dict):
        raise ReportError(f"{path}: expected a mapping of parameter names to values")
    per_notebook = content.pop("notebooks", {}) or {}
    unknown = sorted(set(content) - set(SET_PARAMETERS))
    if unknown:
        raise ReportError(
            f"{path}: unknown parameter(s) {', '.join(unknown)}; shared parameters are "
            f"{', '.join(SET_PARAMETERS)}, others go under 'notebooks: <name>:'"
        )
    for notebook, values in per_notebook.items():
        if notebook not in NOTEBOOK_PARAMETERS:
            raise ReportError(
                f"{path}: notebooks: unknown notebook {notebook!r}; known: {', '.join(NOTEBOOK_PARAMETERS)}"
            )
        allowed = set(NOTEBOOK_PARAMETERS[notebook]) - {"figures_dir"}
        bad = sorted(set(values or {}) - allowed)
        if bad:
            raise ReportError(
                f"{path}: notebooks: {notebook}: parameter(s) {', '.join(bad)} not declared by the "
                f"notebook; it declares {', '.join(sorted(allowed))}"
            )
    return ParamSet(path.stem, path, content, {k: dict(v or {}) for k, v in per_notebook.items()})
