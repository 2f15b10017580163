"""Check each column against its Table Schema field, and type it in the same pass."""

from __future__ import annotations

import pandas as pd

from helpers.data.dates import iso_dates
from helpers.data.problems import Problem, problems_at
from helpers.data.schema import Field, Resource


def _numbers(frame: pd.DataFrame, field: Field, file: str) -> tuple[list[Problem], pd.Series]:
    """A number column's problems (not a number, not whole, below its minimum), and its values."""
    values = frame[field.name]
    present = values != ""
    parsed = pd.to_numeric(values.where(present), errors="coerce").astype("float64")
    bad = present & parsed.isna()
    if field.type == "integer":
        bad |= present & parsed.notna() & (parsed % 1 != 0)
    problems = problems_at(frame, bad, file, field.name, f"a number ({field.type})")
    if field.minimum is not None:
        problems += problems_at(
            frame, present & (parsed < field.minimum), file, field.name, f">= {field.minimum}"
        )
    return problems, parsed.where(~bad).astype("Int64" if field.type == "integer" else "Float64")


def check_field(frame: pd.DataFrame, field: Field, file: str) -> tuple[list[Problem], pd.Series]:
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
        found, typed = _numbers(frame, field, file)
        problems += found
    elif field.enum is None:
        typed = values.where(present)
    if field.enum is not None:
        coded = pd.Series(
            pd.Categorical(values.where(values.isin(field.enum)), categories=list(field.enum)),
            index=frame.index,
        )
        problems += problems_at(
            frame, present & coded.isna(), file, field.name, "one of " + ", ".join(field.enum)
        )
        if field.type not in ("date", "integer", "number"):  # text from a fixed set: a categorical
            typed = coded
    if field.pattern is not None:
        ok = values.str.fullmatch(field.pattern)
        problems += problems_at(frame, present & ~ok, file, field.name, f"text matching /{field.pattern}/")
    if field.unique:
        repeated = present & frame.duplicated([field.name])
        problems += problems_at(
            frame, repeated, file, field.name, "a unique value (it repeats an earlier row)"
        )
    return problems, typed


def check_fields(frame: pd.DataFrame, resource: Resource) -> tuple[list[Problem], pd.DataFrame]:
    """Every column's problems, and the table with each column converted to its dtype."""
    problems, typed = [], {}
    for field in resource.fields:
        found, typed[field.name] = check_field(frame, field, resource.path)
        problems += found
    return problems, pd.DataFrame(typed, index=frame.index).reset_index(drop=True)
