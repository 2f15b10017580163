"""Load the curated tables as typed DataFrames, or fail with every problem at once.

``load_tables()`` is the single entry point. It reads each CSV the data package
declares, checks it against the Table Schema (columns, required values, types,
enums, patterns, uniqueness, primary and foreign keys) with vectorized pandas and
Arrow, converting each column to its dtype in the same pass, and adds the checks a
schema cannot express (``helpers.data.rules``). If anything is wrong it raises one
``DataError`` listing every problem with file, CSV line, column and value, and
returns nothing partial: the typed tables only when every check passed.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.data import rules
from helpers.data.articles import source_texts
from helpers.data.columns import check_fields
from helpers.data.csvfile import read_raw
from helpers.data.keys import check_keys
from helpers.data.problems import DataError, Problem, Tables
from helpers.data.schema import Resource, read_package

__all__ = ["DataError", "Problem", "Tables", "article_texts", "data_package", "load_tables"]


def data_package(data_dir: Path | str | None = None) -> dict[str, Resource]:
    """The data package's resources (``datapackage.json``), by name."""
    return read_package(Path(data_dir or paths.DATA) / "datapackage.json")


def article_texts(sources: pd.DataFrame, data_dir: Path | str | None = None) -> dict[str, str]:
    """Each article's text, by source id, from ``seeds/`` beside the data folder."""
    return source_texts(sources, Path(data_dir or paths.DATA).parent)


def _check_table(raw: dict[str, pd.DataFrame], resource: Resource) -> tuple[list[Problem], pd.DataFrame]:
    """One table's problems, its columns' then its keys', and the table typed."""
    problems, typed = check_fields(raw[resource.name], resource)
    return problems + check_keys(raw, resource), typed


def _package(path: Path) -> dict[str, Resource]:
    """The resources of the schema of record, or a DataError saying why there are none."""
    if not path.is_file():
        raise DataError([Problem(path.name, None, None, "", "the schema of record, a file (not found)")])
    try:
        return read_package(path)
    except json.JSONDecodeError as error:
        raise DataError([Problem(path.name, error.lineno, None, "", f"valid JSON ({error.msg})")]) from None


def load_tables(data_dir: Path | str | None = None) -> Tables:
    """Return every table of the data package as a typed DataFrame, keyed by resource name.

    Raises ``DataError`` listing every problem found (file, line, column, value,
    expectation); nothing is returned unless all checks pass.
    """
    data_dir = Path(data_dir) if data_dir is not None else paths.DATA
    resources = _package(data_dir / "datapackage.json")
    raw: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for resource in resources.values():
        frame, found = read_raw(data_dir, resource)
        raw[resource.name] = frame
        problems += found
    if problems:  # a missing file or column: the other checks would only repeat it
        raise DataError(problems)
    typed = {}
    for name, resource in resources.items():
        found, typed[name] = _check_table(raw, resource)
        problems += found
    if not problems:
        problems += rules.domain_problems(raw, typed, resources, data_dir)
    if problems:
        raise DataError(problems)
    return typed
