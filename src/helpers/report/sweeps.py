"""Sweep files (``params/sweeps/*.yaml``): one base parameter set, one parameter, many values.

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
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from helpers import paths
from helpers.report.errors import ReportError
from helpers.report.paramsets import (
    BESIDE,
    ParamSet,
    check_unique_name,
    name_problem,
    param_set_from,
    read_yaml,
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
    from helpers.params.declared import notebook_parameters

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
