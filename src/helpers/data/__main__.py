"""Validate the data and nothing else: ``python -m helpers.data`` (``make check``).

The curator's inner loop: it loads and checks every table, as the build does before any
notebook runs, and lists every problem, one line each, with file, line, column and value.
It exits 1 if there is any.
"""

from __future__ import annotations

import sys

from helpers import paths
from helpers.data.load import DataError, load_tables


def main() -> int:
    where = paths.relative(paths.DATA)
    try:
        tables = load_tables()
    except DataError as error:
        for problem in error.problems:
            print(f"make check: {problem}", file=sys.stderr)
        print(f"make check: {len(error.problems)} problem(s) in {where}/", file=sys.stderr)
        return 1
    rows = sum(len(frame) for frame in tables.values())
    print(f"{where}/ is valid: {len(tables)} tables, {rows} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
