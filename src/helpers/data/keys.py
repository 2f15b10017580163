"""Check the keys between tables: foreign keys exist, composite primary keys do not repeat."""

from __future__ import annotations

import pandas as pd

from helpers.data.problems import Problem, problems_at
from helpers.data.schema import Resource


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
            bad = (values != "") & ~values.isin(target[fk.reference[0]])
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
            frame.duplicated(key),
            file,
            key[-1],
            f"a unique ({', '.join(key)}) (it repeats an earlier row)",
        )
    return problems
