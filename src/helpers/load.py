"""Load the curated tables as typed DataFrames, or fail with every problem at once.

``load_tables()`` is the single entry point. It reads each CSV the data package
declares, checks it against the Table Schema (columns, required values, types,
enums, patterns, uniqueness, primary and foreign keys) with vectorized pandas and
Arrow, converting each column to its dtype in the same pass, and adds the checks a
schema cannot express (``helpers.checks``). If anything is wrong it raises one
``DataError`` listing every problem with file, CSV line, column and value, and
returns nothing partial: the typed tables only when every check passed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from helpers import paths
from helpers.frames import (
    categorical,
    duplicated,
    isin,
    iso_dates,
    numbers,
    positions,
    prefetch,
    repeats,
    side_by_side,
)
from helpers.schema import Field, Resource, read_package

__all__ = ["DataError", "Problem", "Tables", "load_tables", "read_raw"]

Tables = dict[str, pd.DataFrame]
STR = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas 3's default "str"
MAX_SHOWN_PER_CHECK = 20


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell (or one file): where, what is there, what was expected."""

    file: str
    line: int | None
    column: str | None
    value: str
    expected: str

    def __str__(self) -> str:
        where = self.file + (f", line {self.line}" if self.line else "")
        where += f", column '{self.column}'" if self.column else ""
        return f"{where}: value {self.value!r}: expected {self.expected}"


class DataError(ValueError):
    """The data failed validation; ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        lines = [str(p) for p in problems[:200]]
        if len(problems) > 200:
            lines.append(f"... and {len(problems) - 200} more")
        super().__init__(f"{len(problems)} problem(s) in the data:\n  " + "\n  ".join(lines))


def problems_at(frame: pd.DataFrame, mask: pd.Series, file: str, column: str, expected: str) -> list[Problem]:
    """Turn a boolean mask of bad rows into Problems (the frame carries a ``_line`` column)."""
    if not mask.any():
        return []
    bad = frame.loc[mask, ["_line", column]] if column in frame else frame.loc[mask, ["_line"]]
    if column not in frame:
        return [Problem(file, int(line), column, "", expected) for line in bad["_line"]]
    return [
        Problem(file, int(line), column, str(value), expected)
        for line, value in zip(bad["_line"], bad[column], strict=True)
    ]


def _line_numbers(data: pa.Buffer, rows: int) -> pd.Series:
    """CSV line on which each data row starts (the header is line 1).

    Fast path: one physical line per row, counted 16 MB at a time. Quoted fields with
    newlines make the counts differ, and then the csv module tells where each record starts.
    """
    step, size = 1 << 24, len(data)
    physical = sum(
        data.slice(at, min(step, size - at)).to_pybytes().count(b"\n") for at in range(0, size, step)
    )
    if size and data.slice(size - 1).to_pybytes() != b"\n":
        physical += 1
    if physical == rows + 1:
        return pd.Series(range(2, rows + 2), dtype="int64")
    starts = []
    reader = csv.reader(io.StringIO(data.to_pybytes().decode("utf-8"), newline=""))
    next(reader, None)
    start = reader.line_num + 1
    for _ in reader:
        starts.append(start)
        start = reader.line_num + 1
    return pd.Series(starts, dtype="int64")


def _read_csv(path: Path, columns: tuple[str, ...]) -> pd.DataFrame:
    """Every cell as a string, empty cells as '', with a ``_line`` column. Arrow's multi-threaded
    reader first (several times faster than pandas on large tables); anything it refuses goes
    to pandas' own parser, whose error messages name the problem. ``columns`` are read as
    text (no type inference: cameo code "041" stays "041"); others are an error reported later.

    The file is memory-mapped, not read into a new buffer: the parsed table is Arrow's own
    copy, and on a virtual machine the page faults of a fresh buffer as large as the file
    cost more than the parsing."""
    with pa.memory_map(str(path)) as source:
        data = source.read_buffer()
        frame = _parsed(data, columns)
        if frame is None:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        frame["_line"] = _line_numbers(data, len(frame))
    return frame


def _parsed(data: pa.Buffer, columns: tuple[str, ...]) -> pd.DataFrame | None:
    """The CSV as Arrow reads it, or None if Arrow refuses it (or it repeats a column name)."""
    options = pacsv.ConvertOptions(
        # large_string is what pandas' "str" dtype holds: no conversion on the way to pandas.
        column_types=dict.fromkeys(columns, pa.large_string()),
        strings_can_be_null=False,
        quoted_strings_can_be_null=False,
    )
    try:
        table = pacsv.read_csv(data, convert_options=options)
    except (pa.ArrowInvalid, UnicodeDecodeError, ValueError):
        return None
    if len(set(table.column_names)) < len(table.column_names):
        return None
    table = table.cast(pa.schema([(name, pa.large_string()) for name in table.column_names]))
    return table.to_pandas(types_mapper={pa.large_string(): STR}.get)


def read_raw(data_dir: Path, resource: Resource) -> tuple[pd.DataFrame, list[Problem]]:
    """Read one CSV as strings (empty cells stay ''), with a ``_line`` column."""
    path = data_dir / resource.path
    if not path.exists():
        return pd.DataFrame(), [Problem(resource.path, None, None, "", "the file to exist")]
    try:
        frame = _read_csv(path, resource.field_names)
    except (UnicodeDecodeError, pd.errors.ParserError) as error:
        reason = str(error).splitlines()[0]
        return pd.DataFrame(), [Problem(resource.path, None, None, "", f"readable UTF-8 CSV ({reason})")]
    problems = [
        Problem(resource.path, 1, name, "", "this column in the header")
        for name in resource.field_names
        if name not in frame.columns
    ]
    problems += [
        Problem(resource.path, 1, name, name, "no column of that name (not in datapackage.json)")
        for name in frame.columns
        if name not in resource.field_names and name != "_line"
    ]
    return frame, problems


def _check_field(frame: pd.DataFrame, field: Field, file: str) -> tuple[list[Problem], pd.Series]:
    """Check one column against its field and convert it to the field's dtype in the same pass,
    so each value is parsed once: a value that does not convert is the problem. Values with a
    problem come out missing (the typed table is only returned when there are none)."""
    values = frame[field.name]
    empty = values == ""
    present = ~empty
    problems = []
    if field.required:
        problems += problems_at(frame, empty, file, field.name, "a value (required)")
    if field.type == "date":
        typed = iso_dates(values)
        problems += problems_at(
            frame, present & typed.isna(), file, field.name, "an ISO 8601 date (YYYY-MM-DD)"
        )
    elif field.type in ("integer", "number"):
        parsed = numbers(values)
        bad = present & parsed.isna()
        if field.type == "integer":
            bad |= present & parsed.notna() & (parsed % 1 != 0)
        problems += problems_at(frame, bad, file, field.name, f"a number ({field.type})")
        if field.minimum is not None:
            problems += problems_at(
                frame, present & (parsed < field.minimum), file, field.name, f">= {field.minimum}"
            )
        typed = parsed.where(~bad).astype("Int64" if field.type == "integer" else "Float64")
    elif field.enum is None:
        # Kept as the same Arrow data where nothing is missing, so joins memoized by
        # helpers.frames.positions during the checks still apply to the typed tables.
        typed = values.where(present) if empty.any() else values
    if field.enum is not None:
        coded = pd.Series(categorical(values, list(field.enum)), index=frame.index)
        problems += problems_at(
            frame, present & coded.isna(), file, field.name, "one of " + ", ".join(field.enum)
        )
        if field.type not in ("date", "integer", "number"):  # text from a fixed set: a categorical
            typed = coded
    if field.pattern is not None:
        ok = values.str.fullmatch(field.pattern)
        problems += problems_at(frame, present & ~ok, file, field.name, f"text matching /{field.pattern}/")
    if field.unique:
        problems += problems_at(
            frame,
            present & duplicated(frame, [field.name]),
            file,
            field.name,
            "a unique value (it repeats an earlier row)",
        )
    return problems, typed


def _check_fields(frame: pd.DataFrame, resource: Resource) -> tuple[list[Problem], pd.DataFrame]:
    """Every column's problems, and the table with each column converted to its dtype."""
    problems, typed = [], {}
    for field in resource.fields:
        found, typed[field.name] = _check_field(frame, field, resource.path)
        problems += found
    return problems, pd.DataFrame(typed, index=frame.index).reset_index(drop=True)


def _check_table(raw: dict[str, pd.DataFrame], resource: Resource) -> tuple[list[Problem], pd.DataFrame]:
    """One table's problems, its columns' then its keys', and the table typed."""
    problems, typed = _check_fields(raw[resource.name], resource)
    return problems + _check_keys(raw, resource), typed


def _check_keys(raw: dict[str, pd.DataFrame], resource: Resource) -> list[Problem]:
    frame = raw[resource.name]
    file = resource.path
    problems = []
    for fk in resource.foreign_keys:
        target = raw.get(fk.resource)
        if target is None or not all(c in frame for c in fk.fields):
            continue
        if not all(c in target for c in fk.reference):
            continue
        if len(fk.fields) == 1:
            column = fk.fields[0]
            values = frame[column]
            bad = (values != "") & ~isin(values, target[fk.reference[0]])
        else:
            merged = frame[list(fk.fields)].merge(
                target[list(fk.reference)].drop_duplicates(),
                left_on=list(fk.fields),
                right_on=list(fk.reference),
                how="left",
                indicator=True,
            )
            bad = pd.Series(merged["_merge"].eq("left_only").to_numpy(), index=frame.index)
            column = fk.fields[-1]
        problems += problems_at(
            frame,
            bad,
            file,
            column,
            f"a {'/'.join(fk.reference)} listed in {fk.resource}.csv",
        )
    key = list(resource.primary_key)
    if key and all(k in frame for k in key) and len(key) > 1:
        problems += problems_at(
            frame,
            _duplicate_keys(raw, resource, key),
            file,
            key[-1],
            f"a unique ({', '.join(key)}) (it repeats an earlier row)",
        )
    return problems


def _duplicate_keys(raw: dict[str, pd.DataFrame], resource: Resource, key: list[str]) -> pd.Series:
    """Rows repeating an earlier row's composite key. Where every key column is a foreign key
    whose values all exist, their rows in the referenced tables (joins the foreign-key checks
    just made, memoized) are integers equal exactly where the ids are, so no string is hashed
    again."""
    frame = raw[resource.name]
    found = []
    for column in key:
        keys = _referenced(raw, resource, column)
        if keys is None:
            return duplicated(frame, key)
        where = positions(frame[column], keys)
        if (where < 0).any():
            return duplicated(frame, key)
        found.append(where)
    sizes = [int(where.max(initial=0)) + 1 for where in found]
    if np.prod(sizes, dtype=float) >= 2**62:  # the combined number could overflow
        return duplicated(frame, key)
    combined = np.zeros(len(frame), dtype=np.int64)
    for where, size in zip(found, sizes, strict=True):
        combined = combined * size + where
    return pd.Series(repeats(combined), index=frame.index)


def _referenced(raw: dict[str, pd.DataFrame], resource: Resource, column: str) -> pd.Series | None:
    """The key column that ``column`` of ``resource`` refers to, if it is a single-column foreign
    key and both columns exist."""
    for fk in resource.foreign_keys:
        target = raw.get(fk.resource)
        found = target is not None and column in raw[resource.name] and fk.reference[0] in target
        if fk.fields == (column,) and found:
            return target[fk.reference[0]]
    return None


def _foreign_key_columns(
    raw: dict[str, pd.DataFrame], resources: dict[str, Resource]
) -> Iterator[tuple[pd.Series, pd.Series]]:
    """(values, referenced keys) of every single-column foreign key whose columns exist."""
    for resource in resources.values():
        for fk in resource.foreign_keys:
            keys = _referenced(raw, resource, fk.fields[0]) if len(fk.fields) == 1 else None
            if keys is not None:
                yield raw[resource.name][fk.fields[0]], keys


def load_tables(data_dir: Path | str | None = None) -> Tables:
    """Return every table of the data package as a typed DataFrame, keyed by resource name.

    Raises ``DataError`` listing every problem found (file, line, column, value,
    expectation); nothing is returned unless all checks pass.
    """
    from helpers import checks  # imported here: checks needs Problem from this module

    data_dir = Path(data_dir) if data_dir is not None else paths.DATA
    resources = read_package(data_dir / "datapackage.json")
    raw: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for resource in resources.values():
        frame, found = read_raw(data_dir, resource)
        raw[resource.name] = frame
        problems += found
    if problems:  # a missing file or column: the other checks would only repeat it
        raise DataError(problems)
    prefetch(list(_foreign_key_columns(raw, resources)))
    # The tables side by side; their key checks use the joins just made.
    checked = side_by_side([partial(_check_table, raw, resource) for resource in resources.values()])
    for found, _ in checked:
        problems += found
    typed = {name: frame for name, (_, frame) in zip(resources, checked, strict=True)}
    if not problems:
        problems += checks.domain_problems(raw, typed, resources, data_dir)
    if problems:
        raise DataError(problems)
    return typed
