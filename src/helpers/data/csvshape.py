"""Why a file is not a CSV the loader can read: a folder, empty, not UTF-8, a record with the
wrong number of fields, a quote never closed. Each said as a Problem with the file and the line.

Arrow reads every well-formed file; these checks run only on what it refuses (and the cheap
ones on every file), so a valid million-row table is never read twice.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from helpers.data.problems import Problem


def container_problems(path: Path, file: str) -> list[Problem]:
    """What is wrong before any byte is parsed: no file, a folder, an empty file."""
    if not path.exists():
        return [Problem(file, None, None, "", "the file to exist")]
    if path.is_dir():
        return [Problem(file, None, None, "", "a file, not a folder")]
    if path.stat().st_size == 0:
        return [Problem(file, 1, None, "", "a header line naming the columns (the file is empty)")]
    return []


def text_problems(data: bytes, file: str) -> list[Problem]:
    """The first byte that is not UTF-8, or the first record whose fields do not match the header."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        bad = data[error.start : error.start + 4]
        return [
            Problem(file, line, None, repr(bad)[2:-1], "UTF-8 text (these bytes are in another encoding)")
        ]
    return record_problems(text, file)


def record_problems(text: str, file: str) -> list[Problem]:
    """Records with another number of fields than the header, and a quote that is never closed."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[Problem] = []
    try:
        header = next(reader, [])
        start = reader.line_num + 1
        for record in reader:
            if len(record) != len(header) and any(record):
                value = ",".join(record)[:60]
                expected = f"{len(header)} fields, as in the header (found {len(record)})"
                problems.append(Problem(file, start, None, value, expected))
            start = reader.line_num + 1
    except csv.Error as error:
        problems.append(
            Problem(file, start, None, "", f"a well-formed CSV record ({error}; a quote never closed?)")
        )
    return problems
