"""helpers.fast gives the same answers as the pandas expressions it replaces, on random
frames with repeats, missing values and both few and many distinct strings."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from helpers import fast
from helpers.fast import joins


def strings(rng: np.random.Generator, n: int, distinct: int, missing: float = 0.1) -> np.ndarray:
    values = np.array([f"k{i:05d}" for i in rng.integers(0, distinct, n)], dtype=object)
    values[rng.random(n) < missing] = None
    return pd.Series(values, dtype="str").to_numpy()


def random_frame(rng: np.random.Generator, n: int) -> pd.DataFrame:
    days = pd.Series(pd.to_datetime("2017-01-01") + pd.to_timedelta(rng.integers(0, 20, n), unit="D"))
    days[rng.random(n) < 0.1] = pd.NaT
    counts = pd.array(rng.integers(0, 5, n), dtype="Int64")
    counts[rng.random(n) < 0.1] = pd.NA
    return pd.DataFrame(
        {
            "many": pd.Series(strings(rng, n, distinct=n * 10), dtype="str").array,  # nearly all distinct
            "few": pd.Series(strings(rng, n, distinct=4), dtype="str").array,  # many repeats
            "day": days.astype("datetime64[us]").array,
            "kind": pd.Categorical(rng.choice(["b", "a", None], n), categories=["b", "a"]),
            "count": counts,
            "share": rng.choice([0.5, 1.5, np.nan], n),
        },
        index=rng.permutation(n) + 100,
    )


@pytest.fixture(params=[5000, 40])
def frame(request, rng) -> pd.DataFrame:
    return random_frame(rng, request.param)


@pytest.mark.parametrize(
    "columns", [["many"], ["few"], ["few", "day"], ["kind", "few", "count"], ["share", "few"]]
)
def test_duplicated_matches_pandas(frame, columns):
    pd.testing.assert_series_equal(fast.duplicated(frame, columns), frame.duplicated(columns))


def test_repeats_match_pandas_on_runs_and_shuffled_keys(rng):
    runs = np.repeat(rng.integers(0, 50, 200), rng.integers(1, 4, 200))
    for keys in (runs, rng.permutation(runs), np.array([], dtype=np.int64), np.array([7])):
        expected = pd.Series(keys).duplicated(keep="first").to_numpy()
        assert fast.repeats(keys).tolist() == expected.tolist()
    assert fast.repeats(runs).any()  # the case above had repeats to find


@pytest.mark.parametrize(
    "columns",
    [["many"], ["few", "many"], ["day", "few", "many"], ["kind", "count", "many"], ["share", "day"]],
)
def test_order_matches_stable_sort(frame, columns, rng):
    expected = frame.sort_values(columns, kind="stable", na_position="last")
    pd.testing.assert_frame_equal(frame.take(fast.order(frame, columns)), expected)
    rows = rng.random(len(frame)) < 0.5
    chosen = frame.iloc[fast.order(frame, columns, rows)]
    pd.testing.assert_frame_equal(chosen, frame.loc[rows].sort_values(columns, kind="stable"))


@pytest.mark.parametrize("column", ["many", "few"])
def test_codes_are_equal_exactly_where_values_are(frame, column):
    found, count = fast.codes(frame[column])
    expected, uniques = pd.factorize(frame[column], use_na_sentinel=False)
    assert count == len(uniques)
    # The same partition of the rows: each code stands for one value and each value for one code.
    pairs = pd.DataFrame({"mine": found, "pandas": expected}).drop_duplicates()
    assert pairs["mine"].is_unique and pairs["pandas"].is_unique


def test_positions_and_isin_match_pandas(frame):
    keys = frame["many"].dropna().drop_duplicates().iloc[::2]
    values = pd.concat([frame["many"], keys.iloc[:3]])
    where = fast.positions(values, keys)
    expected = pd.Series(range(len(keys)), index=keys.to_numpy()).reindex(values.to_numpy())
    assert where.tolist() == expected.fillna(-1).astype(int).tolist()
    assert not where.flags.writeable
    for allowed in (keys, keys.iloc[:2], list(keys.iloc[:2])):  # the big-key-set path and the narrowing one
        pd.testing.assert_series_equal(fast.isin(values, allowed), values.isin(list(allowed)).astype(bool))


def test_memoized_positions_follow_the_arrays_not_their_labels():
    keys = pd.Series([f"e{i}" for i in range(70_000)], dtype="str")
    values = keys.iloc[::-1].reset_index(drop=True)
    first = fast.positions(values, keys)
    assert fast.positions(values, keys) is first  # the same arrays: memoized
    changed = values.copy()
    changed.iloc[0] = "not a key"  # a new array: computed afresh
    assert fast.positions(changed, keys)[0] == -1 and first[0] == 69_999
    fast.clear_memo()
    assert fast.positions(values, keys) is not first


def test_joins_side_by_side_match_one_by_one():
    keys = pd.Series([f"e{i}" for i in range(70_000)], dtype="str")
    unknown = pd.Series(["e-none"], dtype="str")
    repeats = pd.concat([keys.sample(frac=1.2, replace=True, random_state=0), unknown])
    values = [keys.iloc[::-1].reset_index(drop=True), repeats.reset_index(drop=True), keys.iloc[:5]]
    fast.clear_memo()
    together = fast.positions_all([(v, keys) for v in values])
    fast.clear_memo()
    assert [a.tolist() for a in together] == [fast.positions(v, keys).tolist() for v in values]
    other_keys = keys.iloc[::2].reset_index(drop=True)
    pairs = [(v, keys) for v in values] + [(values[0], other_keys)]
    fast.clear_memo()
    # Two large columns share their keys (joined in one go, one of them asked for twice); one
    # has keys of its own.
    fast.prefetch([*pairs, (values[1], keys)])
    # The large joins are memoized (the same array comes back); the five-value one is not kept.
    assert len(joins._MEMO) == 3
    prefetched = [fast.positions(v, k) for v, k in pairs]
    large = [0, 1, 3]
    assert all(fast.positions(*pairs[i]) is prefetched[i] for i in large)
    fast.clear_memo()
    assert [a.tolist() for a in prefetched] == [fast.positions(v, k).tolist() for v, k in pairs]


def test_group_first_and_take():
    groups = np.array([2, 0, 2, 1, 0])
    assert fast.group_first(groups, 4).tolist() == [1, 3, 0, -1]
    taken = fast.take(pd.Series(["a", "b"], dtype="str"), np.array([1, -1, 0]))
    assert taken.tolist()[0] == "b" and pd.isna(taken.iloc[1]) and taken.iloc[2] == "a"


def test_iso_dates_accepts_only_real_days_in_iso_form():
    values = pd.Series(["2017-09-01", "", "2016-02-29"], dtype="str")
    assert fast.iso_dates(values).tolist()[::2] == [pd.Timestamp("2017-09-01"), pd.Timestamp("2016-02-29")]
    bad = pd.Series(["2017-09-01", "2017-9-1", "2017-02-30", " 2017-09-01", "1 Sept", ""], dtype="str")
    parsed = fast.iso_dates(bad)
    assert parsed.dtype == "datetime64[us]"
    assert parsed.notna().tolist() == [True, False, False, False, False, False]


def test_numbers_match_to_numeric():
    valid = pd.Series(["25", "", "1.5", "-3"], dtype="str")
    assert fast.numbers(valid).tolist()[::2] == [25.0, 1.5] and pd.isna(fast.numbers(valid)[1])
    mixed = pd.Series(["25", "twenty", "", "7"], dtype="str")
    expected = pd.to_numeric(mixed.where(mixed != ""), errors="coerce")
    pd.testing.assert_series_equal(fast.numbers(mixed), expected.astype("float64"))


def test_contains_is_row_wise_substring(frame, rng):
    hay = frame["many"].fillna("") + " " + frame["few"].fillna("")
    needles = frame["few"].where(rng.random(len(frame)) < 0.5, "k0")
    expected = [isinstance(n, str) and n in h for h, n in zip(hay, needles, strict=True)]
    assert fast.contains(hay, needles).tolist() == expected


def test_contains_takes_needles_literally():
    needles = ["a.b", "(x)", "[a-z]+", "\\E", "$^|?*{2}", "em—dash ’q’", "tab\there", "", "a.b"]
    hay = ["za.bz", "x", "[a-z]+!", "a\\Eb", "$^|?*{2}", "em—dash ’q’", "tab\there", "any", "axb"]
    found = fast.contains(pd.Series(hay, dtype="str"), pd.Series(needles, dtype="str"))
    assert found.tolist() == [n in h for h, n in zip(hay, needles, strict=True)]
    assert found.tolist() == [True, False, True, True, True, True, True, True, False]


@pytest.mark.parametrize("n", [0, 1, 40, 5000])
def test_group_min_max_and_joined_words_match_groupby(n, rng):
    count = max(n // 3, 1)
    groups = rng.integers(0, count, n)
    values = rng.integers(-5, 5, n)
    plain = pd.Series(values).groupby(groups)
    expected_min = plain.min().reindex(range(count), fill_value=99)
    assert fast.group_min(groups, values, count, 99).tolist() == expected_min.tolist()
    expected_max = plain.max().reindex(range(count), fill_value=-99)
    assert fast.group_max(groups, values, count, -99).tolist() == expected_max.tolist()
    # Words with ties (the same word in many groups and twice in one), ranked as they sort.
    words = np.array(sorted({f"w{i % 7}" for i in range(7)} | {"Ä", "a b"}), dtype=object)
    ranks = rng.integers(0, len(words), n)
    joined = fast.joined_per_group(groups, ranks, words, count, " – ")
    reference = (
        pd.Series(words[ranks], dtype=object)
        .groupby(groups)
        .agg(lambda found: " – ".join(sorted(found)))
        .reindex(range(count))
    )
    assert joined.fillna("<none>").tolist() == reference.fillna("<none>").tolist()


def test_side_by_side_runs_small_work_in_turn_and_large_work_in_threads():
    import threading

    def who() -> str:
        return threading.current_thread().name

    small = fast.side_by_side([who, who], rows=100)
    assert small == [threading.current_thread().name] * 2
    large = fast.side_by_side([who, who], rows=fast.PARALLEL_MIN_ROWS)
    assert all(name != threading.current_thread().name for name in large)
