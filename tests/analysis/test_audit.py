"""The audit's chartable rows: every article up to the limit, then those with the most gaps."""

from __future__ import annotations

import pandas as pd
from hypothesis import example, given
from hypothesis import strategies as st

from helpers.analysis.audit import least_covered
from helpers.charts import coverage as coverage_chart


def _summary(uncovered: list[int]) -> pd.DataFrame:
    ids = [f"a{i:03d}" for i in range(1, len(uncovered) + 1)]
    return pd.DataFrame(
        {"covered": 5, "uncurated": 1, "uncovered": uncovered}, index=pd.Index(ids, name="source_id")
    )


# As many articles as the limit, not in order of gaps: all are kept as they are.
@example(uncovered=[0, 2], limit=2)
@example(uncovered=[0, 2, 1], limit=2)
@given(uncovered=st.lists(st.integers(0, 4), max_size=20), limit=st.integers(1, 12))
def test_least_covered_keeps_the_articles_with_most_gaps(uncovered, limit):
    summary = _summary(uncovered)
    shown = least_covered(summary, limit)
    if len(summary) <= limit:
        assert shown.equals(summary)
        return
    assert len(shown) == limit
    # Ranked by gaps, ties in file order; no article left out has more gaps than one shown.
    ranked = sorted(range(len(uncovered)), key=lambda i: (-uncovered[i], i))[:limit]
    assert shown.index.tolist() == [summary.index[i] for i in ranked]
    assert summary.drop(shown.index)["uncovered"].max() <= shown["uncovered"].min()


def test_the_coverage_chart_says_when_it_shows_only_some_articles():
    limit = coverage_chart.SHOWN_ARTICLES
    every = coverage_chart.alt_text(_summary([1] * limit))
    assert every.startswith("Stacked bar chart of sentences per article by coverage. a001:")
    some = coverage_chart.alt_text(_summary([0] * limit + [2]))
    assert some.startswith(
        f"Stacked bar chart of sentences of the {limit} of {limit + 1} articles with the most gaps "
        "by coverage. a013: 5 covered, 1 page furniture, 2 not covered; a001:"
    )
    assert some.count(" covered, ") == limit


def test_the_coverage_title_counts_sentences_of_substance_and_gaps():
    """Covered and uncovered are of substance, page furniture is not; no gap is its own title."""
    assert coverage_chart.headline(_summary([0, 0])) == "All 10 sentences of substance rest on curated quotes"
    assert coverage_chart.headline(_summary([2, 0, 1])) == (
        "3 of 18 sentences of substance are not yet curated"
    )
    assert coverage_chart.alt_text(_summary([2])) == (
        "Stacked bar chart of sentences per article by coverage. "
        "a001: 5 covered, 1 page furniture, 2 not covered."
    )
