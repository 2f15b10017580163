"""Helpers the tests share: edit one cell of a data copy, and find a problem the loader names."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from helpers.data.load import DataError, load_tables


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


def find(found: list, file: str, line: int | None, column: str, value: str) -> None:
    matches = [p for p in found if (p.file, p.line, p.column, p.value) == (file, line, column, value)]
    listing = "\n".join(map(str, found))
    assert matches, f"no problem at {file}:{line}:{column}={value!r} in:\n{listing}"
    message = str(matches[0])
    assert file in message and column in message and repr(value) in message
    assert line is None or f"line {line}" in message
