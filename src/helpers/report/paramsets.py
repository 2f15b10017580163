"""Named parameter sets (``params/*.yaml``): read them and check every name before anything runs.

A set names only what it changes: every other parameter keeps the default of the
notebooks' ``parameters`` cells (``helpers.params.declared``), so ``params/default.yaml``
changes nothing at all.

Sweep files (``params/sweeps/*.yaml``): one base parameter set, one parameter, many values.

    base: params/default.yaml          # the parameter set every value starts from
    vary: as_of                        # a shared parameter, or notebooks.<notebook>.<parameter>
    values: ["2017-09-01", "2017-09-19"]   # a list, or taken from the data:
    values: {from: sources.published}      # each distinct value of a column, in sorted order
    values: {from: actors.actor_id, where: {kind: person}}   # of the rows that match

Each value makes one parameter set, ``<sweep>/<value>``, rendered to ``reports/<sweep>/<value>/``.
A value given to a list parameter (``actors``) becomes a list of that one value. The values from
the data are read with the standard library: a sweep with nothing to do stays instant.

Each value must be one folder on every disk (``folder_problem``): letters, digits, '.', '_' and
'-', a letter or digit first and no '.' last, at most 100 characters, not the name of a file beside
the folders nor a Windows device's; no two may differ only in case. The sweep's name (its file's,
less ``.yaml``) may not be '.', '..', hidden or such a file's, nor another set's or sweep's but for
case. Anything else is refused in one line that names the file and the value, before anything is
written.
"""

from __future__ import annotations

import copy
import csv
import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from helpers import paths
from helpers.params.declared import FIGURES_DIR, notebook_parameters, shared_defaults
from helpers.report import ReportError


@dataclass(frozen=True)
class ParamSet:
    name: str
    path: Path
    # Every shared parameter: the notebooks' default, or the set's value.
    shared: dict[str, Any]
    per_notebook: dict[str, dict[str, Any]]

    def for_notebook(self, notebook: str, figures_dir: Path | str) -> dict[str, Any]:
        """The notebook's parameters; ``figures_dir`` relative to the kernel's working folder, or absolute."""
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


FOLDER_NAME = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9_-])?")
LONGEST = 100
# Windows keeps these names, with any extension, for devices: no folder may have them there.
DEVICE = re.compile(r"(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?", re.IGNORECASE)


@dataclass(frozen=True)
class Sweep:
    name: str
    path: Path
    base: Path
    vary: str
    values: tuple[str, ...]
    sets: tuple[ParamSet, ...]


def read_sweep(path: Path) -> Sweep:
    """Read a sweep file and make its parameter sets, each checked as a parameter file is."""
    content = read_yaml(path)
    where = paths.relative(path)
    unknown = sorted(set(content) - {"base", "vary", "values"})
    missing = [key for key in ("base", "vary", "values") if key not in content]
    if unknown or missing:
        raise ReportError(f"{where}: a sweep names base, vary and values; {_wrong(unknown, missing)}")
    name = Path(path).stem
    if problem := _name_problem(name):
        raise ReportError(f"{where}: the sweep's name, {_shown(name)} (the file's, less .yaml), {problem}")
    check_unique_name(name, Path(path))
    _check_case(name, Path(path), where)
    base = paths.ROOT / str(content["base"])
    if not base.is_file():
        raise ReportError(f"{where}: base: {content['base']!r} is no parameter file")
    values = _values(where, content["values"])
    vary = str(content["vary"])
    make = _set_maker(name, Path(path), read_yaml(base), vary, where)
    return Sweep(name, Path(path).absolute(), base, vary, values, tuple(make(value) for value in values))


def folder_problem(name: str) -> str | None:
    """Why ``name`` cannot be one folder on every disk, or None where it can."""
    if not FOLDER_NAME.fullmatch(name):
        return (
            "cannot name a folder; use letters, digits, '.', '_' and '-', a letter or digit first "
            "and no '.' last"
        )
    if len(name) > LONGEST:
        return f"is longer than {LONGEST} characters"
    if name.lower() in BESIDE:
        return f"is the name of a file beside the folders ({', '.join(BESIDE)})"
    if DEVICE.fullmatch(name):
        return "names a device on Windows (CON, PRN, AUX, NUL, COM1-9, LPT1-9)"
    return None


def _name_problem(name: str) -> str | None:
    """Why a sweep's name cannot be its folder of reports/ (as a parameter set's, ``name_problem``)."""
    return name_problem(name)


def _shown(value: str) -> str:
    """A value as a message names it: quoted, escaped, and cut short if long."""
    return repr(value) if len(value) <= 60 else f"{value[:40]!r}... ({len(value)} characters)"


def _check_case(name: str, path: Path, where: str) -> None:
    """A sweep may not share a name with another set or sweep but for case: on a case-insensitive
    disk (macOS, Windows) both would be one folder of reports/."""
    for other in sorted([*paths.PARAMS.glob("*.yaml"), *(paths.PARAMS / "sweeps").glob("*.yaml")]):
        if other.stem != name and other.stem.lower() == name.lower():
            raise ReportError(
                f"{where}: {paths.relative(other)} has the same name but for case; on a "
                f"case-insensitive disk both would be reports/{name}/"
            )


def _wrong(unknown: list[str], missing: list[str]) -> str:
    return "; ".join(
        [f"unknown: {', '.join(unknown)}"] * bool(unknown)
        + [f"missing: {', '.join(missing)}"] * bool(missing)
    )


def _set_maker(name: str, path: Path, base: dict[str, Any], vary: str, where: str):
    """A function from a value to its parameter set: the base set's content with ``vary`` set to
    the value, checked as a parameter file is. The base and the notebooks are read once."""

    *scope, parameter = vary.split(".")
    if scope and (len(scope) != 2 or scope[0] != "notebooks"):
        raise ReportError(f"{where}: vary: {vary!r} is not <parameter> or notebooks.<notebook>.<parameter>")
    declared = notebook_parameters(paths.NOTEBOOKS)
    # A name means one thing in every notebook that declares it (a list of actors, a date...).
    default = next((book[parameter] for book in declared.values() if parameter in book), None)

    def make(value: str) -> ParamSet:
        content = copy.deepcopy(base)
        target = content
        if scope:
            content["notebooks"] = content.get("notebooks") or {}
            target = content["notebooks"][scope[1]] = content["notebooks"].get(scope[1]) or {}
        target[parameter] = [value] if isinstance(default, list) else value
        return param_set_from(path, f"{name}/{value}", content, declared=declared)

    return make


def _values(where: str, given: Any) -> tuple[str, ...]:
    origin = ""
    if isinstance(given, dict):
        values, table = _from_data(where, given)
        origin = f" (from {table})"
    elif isinstance(given, list):
        if any(value is None for value in given):
            raise ReportError(f"{where}: values: an empty value (null, ~ or a bare '-')")
        values = [str(value) for value in given]
    else:
        raise ReportError(f"{where}: values: expected a list, or from: <table>.<column>")
    if not values:
        raise ReportError(f"{where}: values: there are none")
    for value in values:
        if problem := folder_problem(value):
            raise ReportError(f"{where}: values: {_shown(value)}{origin} {problem}")
    if len(set(values)) < len(values):
        raise ReportError(f"{where}: values: each value must be given once")
    folded: dict[str, str] = {}
    for value in values:
        if (first := folded.setdefault(value.lower(), value)) != value:
            raise ReportError(
                f"{where}: values: {first!r} and {value!r}{origin} differ only in case; on a "
                "case-insensitive disk (macOS, Windows) they would be one folder"
            )
    return tuple(values)


def _from_data(where: str, given: dict[str, Any]) -> tuple[list[str], str]:
    """Each distinct value of ``table.column`` among the rows that match ``where``, sorted; and
    the table, as a message names it."""
    table, _, column = str(given.get("from")).partition(".")
    csv_path = paths.DATA / f"{table}.csv"
    inside = csv_path.resolve().is_relative_to(paths.DATA.resolve())
    if not table or not column or not inside or not csv_path.is_file():
        raise ReportError(f"{where}: values: from: {given.get('from')!r} is not <table>.<column> of data/")
    with csv_path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        columns, rows = reader.fieldnames or [], list(reader)
    match = {str(k): str(v) for k, v in (given.get("where") or {}).items()}
    for name in [column, *match]:
        if name not in columns:
            raise ReportError(f"{where}: values: {paths.relative(csv_path)} has no column {name!r}")
    chosen = {row[column] for row in rows if all(row[k] == v for k, v in match.items())}
    return sorted(value for value in chosen if value), paths.relative(csv_path)
