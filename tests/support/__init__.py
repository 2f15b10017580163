"""Helpers the tests share: read and write a data copy's rows, edit one cell, and find a problem
the loader names."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from helpers.data.load import DataError, load_tables
from helpers.data.problems import Problem


def edit(data: Path, table: str, row: int, column: str, value: str) -> int:
    """Set one cell (row 0 = first data row); return its CSV line number."""
    path = data / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[row + 1][rows[0].index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return row + 2


def problems(data: Path) -> list:
    with pytest.raises(DataError) as caught:
        load_tables(data)
    return caught.value.problems


def find(found: list, file: str, line: int | None, column: str, value: str) -> Problem:
    """The first problem at that place with that value, whose message names them all."""
    matches = [p for p in found if (p.file, p.line, p.column, p.value) == (file, line, column, value)]
    listing = "\n".join(map(str, found))
    assert matches, f"no problem at {file}:{line}:{column}={value!r} in:\n{listing}"
    message = str(matches[0])
    assert file in message and column in message and repr(value) in message
    assert line is None or f"line {line}" in message
    return matches[0]


def row_where(data: Path, table: str, **wanted: str) -> int:
    """The index (0 = first data row, as ``edit`` counts) of the first row of ``table`` whose
    columns have the ``wanted`` values."""
    rows = read_rows(data / f"{table}.csv")
    return next(i for i, row in enumerate(rows) if all(row[k] == v for k, v in wanted.items()))


def read_rows(path: Path) -> list[dict[str, str]]:
    """A CSV file's rows, as the csv module reads them."""
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]]) -> None:
    """Write ``rows`` (at least one) as the data's CSV files are written."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def append_row(path: Path, row: dict[str, str]) -> None:
    """Add a row to a CSV file, its missing columns empty."""
    rows = read_rows(path)
    write_rows(path, [*rows, {field: row.get(field, "") for field in rows[0]}])
