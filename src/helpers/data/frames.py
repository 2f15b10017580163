"""Pandas idioms the layers share, written once: a lookup by id, and two that stay fast on a
large record (``benchmarks/README.md`` has the figures)."""

from __future__ import annotations

import pandas as pd


def among(values: pd.Series, keys: pd.Series) -> pd.Series:
    """``values.isin(keys)`` for id columns, as a lookup of each value in an index of the keys:
    pandas 3's ``isin`` on ``str`` makes an Arrow scalar of each key in Python, and a merge pays
    a fixed cost on every call, where an index hashes the keys once and stays fast at any size."""
    found = pd.Index(keys.drop_duplicates()).get_indexer(values) >= 0
    return pd.Series(found, index=values.index)


def joined_sorted(labels: pd.Series, keys: pd.Series, sep: str) -> pd.Series:
    """Per key, its ``labels`` sorted and joined by ``sep``."""
    frame = pd.DataFrame({"key": keys, "label": labels}).sort_values(["key", "label"])
    return joined_in_order(frame["label"], frame["key"], sep).rename_axis(keys.name).rename(labels.name)


def joined_in_order(labels: pd.Series, keys: pd.Series, sep: str) -> pd.Series:
    """Per key (in order of first appearance), its ``labels`` in their order, joined by ``sep``.
    The labels are spread into one column per position and joined column by column, rather than
    by a Python join per key (100,000 keys: a fraction of a second, not a minute)."""
    frame = pd.DataFrame({"key": keys.to_numpy(), "label": labels.to_numpy()})
    frame["n"] = frame.groupby("key", sort=False).cumcount()
    wide = frame.pivot(index="key", columns="n", values="label")  # noqa: PD010
    wide = wide.reindex(frame["key"].drop_duplicates())
    joined = wide[0] if len(wide.columns) else pd.Series(dtype="str", index=wide.index)
    for column in wide.columns[1:]:
        joined = joined.where(wide[column].isna(), joined + sep + wide[column])
    return joined.rename_axis(keys.name).rename(labels.name)


def by_id(frame: pd.DataFrame, key: str) -> pd.DataFrame:
    """``frame``'s rows indexed by their ``key``, for lookups with ``map``: where an id repeats,
    its first row (the key checks report the repeat itself)."""
    return frame.drop_duplicates(key).set_index(key)


def raw_days(frame: pd.DataFrame, column: str) -> pd.Series:
    """A date column of a raw (all-string) table, parsed: '' is missing. The domain checks read
    dates this way before the typed tables exist."""
    return pd.to_datetime(frame[column].where(frame[column] != ""), format="%Y-%m-%d")
