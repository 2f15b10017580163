"""Check the keys between tables: foreign keys exist, composite primary keys do not repeat."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pandas as pd

from helpers.data.problems import Problem, problems_at
from helpers.data.schema import Resource
from helpers.fast import duplicated, isin, positions, repeats


def check_keys(raw: dict[str, pd.DataFrame], resource: Resource) -> list[Problem]:
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


def foreign_key_columns(
    raw: dict[str, pd.DataFrame], resources: dict[str, Resource]
) -> Iterator[tuple[pd.Series, pd.Series]]:
    """(values, referenced keys) of every single-column foreign key whose columns exist."""
    for resource in resources.values():
        for fk in resource.foreign_keys:
            keys = _referenced(raw, resource, fk.fields[0]) if len(fk.fields) == 1 else None
            if keys is not None:
                yield raw[resource.name][fk.fields[0]], keys
