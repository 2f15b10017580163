"""Read one CSV of the data package as text, with the line on which each row starts.

Arrow's multi-threaded reader first (faster than pandas on large tables);
anything it refuses goes to pandas' own parser, whose error messages name the problem.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv

from helpers.data.csvshape import container_problems, text_problems
from helpers.data.problems import Problem
from helpers.data.schema import Resource

STR = pd.StringDtype("pyarrow", na_value=np.nan)  # pandas 3's default "str"


class MalformedCSV(Exception):
    """A file Arrow refused, with the problems that say why."""

    def __init__(self, problems: list[Problem]):
        super().__init__(str(problems[0]))
        self.problems = problems


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


def _read_csv(path: Path, columns: tuple[str, ...], file: str) -> pd.DataFrame:
    """Every cell as a string, empty cells as '', with a ``_line`` column. Arrow's multi-threaded
    reader first (faster than pandas on large tables); anything it refuses goes
    to pandas' own parser, whose error messages name the problem. ``columns`` are read as
    text (no type inference: cameo code "041" stays "041"); others are an error reported later.

    The file is memory-mapped, not read into a new buffer: the parsed table is Arrow's own
    copy, and on a virtual machine the page faults of a fresh buffer as large as the file
    cost more than the parsing."""
    with pa.memory_map(str(path)) as source:
        data = source.read_buffer()
        frame = _parsed(data, columns)
        if frame is None:
            # Arrow refused it: name the malformed record, if that is why; else pandas reads it.
            problems = text_problems(data.to_pybytes(), file)
            if problems:
                raise MalformedCSV(problems)
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
    """Read one CSV as strings (empty cells stay ''), with a ``_line`` column; or say, with the
    file and the line, why it cannot be read (``helpers.data.csvshape``)."""
    path = data_dir / resource.path
    problems = container_problems(path, resource.path)
    if problems:
        return pd.DataFrame(), problems
    try:
        frame = _read_csv(path, resource.field_names, resource.path)
    except MalformedCSV as error:
        return pd.DataFrame(), error.problems
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
    if frame.empty and resource.rows_required:
        problems.append(
            Problem(resource.path, 2, None, "", "at least one row of data (the file has only its header)")
        )
    return frame, problems
