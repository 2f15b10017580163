"""Validate the data and nothing else: ``python -m helpers.data``.

The curator's inner loop (``make check`` runs it first): it loads and checks every table, as the
build does before any notebook runs, and lists every problem, one line each, with file, line,
column and value. It exits 1 if there is any.
"""

from __future__ import annotations

import sys

from helpers import paths
from helpers.data.load import DataError, Tables, load_tables


def checked_tables() -> Tables | None:
    """The tables, after a line saying they are valid; or None, after a line per problem."""
    where = paths.relative(paths.DATA)
    try:
        tables = load_tables()
    except DataError as error:
        for problem in error.problems:
            print(f"make check: {problem}", file=sys.stderr)
        print(f"make check: {len(error.problems)} problem(s) in {where}/", file=sys.stderr)
        return None
    rows = sum(len(frame) for frame in tables.values())
    print(f"{where}/ is valid: {len(tables)} tables, {rows} rows")
    return tables


def main() -> int:
    return 0 if checked_tables() is not None else 1


if __name__ == "__main__":
    sys.exit(main())
