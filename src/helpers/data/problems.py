"""What is wrong with the data, said so that a person can fix it: file, line, column, value."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

Tables = dict[str, pd.DataFrame]

# A DataError lists this many problems, then says how many more there are.
MAX_SHOWN = 200


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
        lines = [str(p) for p in problems[:MAX_SHOWN]]
        if len(problems) > MAX_SHOWN:
            lines.append(f"... and {len(problems) - MAX_SHOWN} more")
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
