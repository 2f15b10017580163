"""Check the keys between tables: foreign keys exist, composite primary keys do not repeat."""

from __future__ import annotations

import pandas as pd

from helpers.data.frames import among
from helpers.data.problems import Problem, problems_at
from helpers.data.schema import Resource


def _missing_references(
    frame: pd.DataFrame, target: pd.DataFrame, fields: tuple[str, ...], reference: tuple[str, ...]
) -> tuple[str, pd.Series]:
    """The column a missing reference is reported in, and the rows whose ``fields`` name no row
    of ``target`` (an empty single-column reference is not one)."""
    if len(fields) == 1:
        values = frame[fields[0]]
        return fields[0], (values != "") & ~among(values, target[reference[0]])
    merged = frame[list(fields)].merge(
        target[list(reference)].drop_duplicates(),
        left_on=list(fields),
        right_on=list(reference),
        how="left",
        indicator=True,
    )
    return fields[-1], pd.Series(merged["_merge"].eq("left_only").to_numpy(), index=frame.index)


def check_keys(raw: dict[str, pd.DataFrame], resource: Resource) -> list[Problem]:
    """Foreign keys name existing rows; a composite primary key does not repeat."""
    frame = raw[resource.name]
    file = resource.path
    problems = []
    for fk in resource.foreign_keys:
        target = raw.get(fk.resource)
        if target is None or not all(c in frame for c in fk.fields):
            continue
        if not all(c in target for c in fk.reference):
            continue
        column, bad = _missing_references(frame, target, fk.fields, fk.reference)
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
            frame.duplicated(key),
            file,
            key[-1],
            f"a unique ({', '.join(key)}) (it repeats an earlier row)",
        )
    return problems
