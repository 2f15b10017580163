"""The curated data: valid, verbatim, honestly dated, complete."""

from datetime import date

import pandas as pd
import pytest
from frictionless import Package

from helpers import paths
from helpers.analysis.coverage import sentence_coverage, split_sentences
from helpers.data.articles import source_texts
from helpers.data.dates import resolve
from helpers.data.load import article_texts, data_package
from helpers.data.schema import read_package


def test_frictionless_validates_the_package():
    report = Package(paths.DATA / "datapackage.json").validate()
    errors = [f"{task.name}: {error.message}" for task in report.tasks for error in task.errors]
    assert report.valid, "\n".join(errors)


def test_package_declares_every_csv():
    declared = {res.path for res in read_package(paths.DATA / "datapackage.json").values()}
    assert declared == {p.relative_to(paths.DATA).as_posix() for p in paths.DATA.rglob("*.csv")}


def test_every_quote_is_verbatim_in_its_article(tables):
    texts = source_texts(tables["sources"], paths.ROOT)
    checked = 0
    for name, resource in read_package(paths.DATA / "datapackage.json").items():
        if not resource.evidence:
            continue
        frame = tables[name]
        for line, (quote, source) in enumerate(
            zip(frame[resource.evidence["text"]], frame[resource.evidence["source"]], strict=True), 2
        ):
            assert quote in texts[source], f"{resource.path} line {line}: not in {source}: {quote!r}"
            checked += 1
    assert checked >= len(tables["mentions"]) + len(tables["sanctions"])


def _day(value) -> date | None:
    """A table's date, or None for an empty (open) bound."""
    return None if pd.isna(value) else value.date()


def test_every_date_expression_resolves_to_its_event(tables):
    """Each mention's words, resolved against its article's date, must contain the event's interval,
    and together the dated mentions of an event must give exactly its interval, its end cut at the
    last day of the mention its ``ends_by`` names. An open bound (None) bounds nothing: it is the
    earliest or the latest day there is."""
    earliest, latest = date.min, date.max
    published = tables["sources"].set_index("source_id")["published"]
    events = tables["events"].set_index("event_id")
    mentions = tables["mentions"].set_index("mention_id")
    bounds: dict[str, tuple[date, date]] = {}
    for row in tables["mentions"].dropna(subset=["date_text"]).itertuples():
        interval = resolve(row.date_text, published[row.source_id].date())
        start, end = interval.start or earliest, interval.end or latest
        event = events.loc[row.event_id]
        where = f"mentions.csv {row.mention_id} ({row.date_text!r} in {row.source_id})"
        assert start <= (_day(event.date_start) or earliest), where
        assert (_day(event.date_end) or latest) <= end, where
        lo, hi = bounds.get(row.event_id, (start, end))
        bounds[row.event_id] = (max(lo, start), min(hi, end))
    cut = events["ends_by"].dropna()
    assert cut.to_dict() == {"senior-officials-meetings": "m33"}
    for event_id, mention_id in cut.items():
        other = mentions.loc[mention_id]
        assert other.source_id in set(tables["mentions"].query("event_id == @event_id")["source_id"])
        last = resolve(other.date_text, published[other.source_id].date()).end
        lo, hi = bounds[event_id]
        assert last < hi, event_id  # it narrows: the meetings' own 'in the near future' leaves it open
        bounds[event_id] = (lo, last)
    for event_id, (lo, hi) in bounds.items():
        event = events.loc[event_id]
        assert (_day(event.date_start), _day(event.date_end)) == (
            None if lo == earliest else lo,
            None if hi == latest else hi,
        ), event_id
    assert any(hi == latest for _, hi in bounds.values()), "the data holds an open-ended plan ('soon')"


def test_events_without_date_words_explain_their_interval(tables):
    dated = set(tables["mentions"].dropna(subset=["date_text"])["event_id"])
    undated = tables["events"].loc[~tables["events"]["event_id"].isin(dated)]
    assert len(undated) > 0
    assert undated["date_note"].notna().all(), undated["event_id"].tolist()


def test_relative_dates_anchor_on_the_right_days(tables):
    """Spot-check the facts that matter most against a hand reading of the articles."""
    events = tables["events"].set_index("event_id")
    assert (
        events.loc["call-kono-lavrov-0901", ["date_start", "date_end"]].tolist()
        == [pd.Timestamp("2017-09-01")] * 2
    )
    assert events.loc["kono-lavrov-new-york", "date_start"] == pd.Timestamp("2017-09-18")
    # 'next week' (a000, planned) and 'early this month' (a001, held) meet in 4-10 Sept.
    assert events.loc["abe-putin-vladivostok", ["date_start", "date_end", "status"]].tolist() == [
        pd.Timestamp("2017-09-04"),
        pd.Timestamp("2017-09-10"),
        "occurred",
    ]


def test_same_event_in_both_seed_articles_is_one_event(tables):
    seeds = tables["mentions"].loc[tables["mentions"]["source_id"].isin(["a000", "a001"])]
    both = seeds.groupby("event_id")["source_id"].nunique()
    assert set(both[both == 2].index) == {
        "abe-putin-vladivostok",
        "unsc-resolution-sept",
        "joint-economic-activities",
    }


def test_no_event_is_curated_twice(tables):
    """Two events of one kind, with the same participants, whose intervals overlap, are one event
    told twice (an article that updates an event must add mentions to it, not a new row)."""
    events = tables["events"]
    who = tables["participants"].groupby("event_id")["actor_id"].agg(lambda ids: ";".join(sorted(ids)))
    rows = events.assign(who=events["event_id"].map(who).fillna(""))
    pairs = rows.merge(rows, on=["kind", "who"], suffixes=("", "_other"))
    pairs = pairs.loc[(pairs["event_id"] < pairs["event_id_other"]) & (pairs["who"] != "")]
    start = pairs["date_start"].fillna(pd.Timestamp.min)
    end = pairs["date_end"].fillna(pd.Timestamp.max)
    other_start = pairs["date_start_other"].fillna(pd.Timestamp.min)
    other_end = pairs["date_end_other"].fillna(pd.Timestamp.max)
    overlapping = pairs.loc[(start <= other_end) & (other_start <= end), ["event_id", "event_id_other"]]
    assert overlapping.empty, overlapping.to_string()


def test_six_banned_goods_are_six_rows(tables):
    august = tables["sanctions"].loc[tables["sanctions"]["event_id"] == "unsc-resolution-aug", "item"]
    assert august.tolist() == ["coal", "iron", "iron ore", "lead", "lead ore", "seafood"]


def test_typed_columns(tables):
    events = tables["events"]
    assert str(events["date_start"].dtype).startswith("datetime64")
    assert isinstance(events["kind"].dtype, pd.CategoricalDtype)
    assert str(events["duration_min"].dtype) == "Int64"
    assert events["title"].dtype == "str"


def test_every_sentence_of_substance_is_covered(tables):
    coverage = sentence_coverage(tables, article_texts(tables["sources"]), data_package())
    gaps = coverage.loc[coverage["status"] == "uncovered"]
    assert gaps.empty, gaps.to_string()
    assert (coverage["status"] == "uncurated").sum() == len(tables["uncurated"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.N. Security Council met. It voted.", ["The U.N. Security Council met.", "It voted."]),
        ("Sanctions on N. Korea grew. Oil was next.", ["Sanctions on N. Korea grew.", "Oil was next."]),
        ("“We agree,” Kono said. Lavrov nodded.", ["“We agree,” Kono said.", "Lavrov nodded."]),
        ("Line one\nLine two.", ["Line one", "Line two."]),
    ],
)
def test_split_sentences(text, expected):
    assert split_sentences(text)["sentence"].tolist() == expected


def test_uncovered_sentence_is_reported(tables):
    """Dropping the only quote of a sentence makes it a gap: the coverage check can fail."""
    mentions = tables["mentions"]
    trimmed = dict(tables, mentions=mentions.loc[~mentions["quote"].str.startswith("Kono reiterated")])
    coverage = sentence_coverage(trimmed, article_texts(tables["sources"]), data_package())
    gaps = coverage.loc[coverage["status"] == "uncovered", "sentence"].tolist()
    assert gaps == [mentions.loc[mentions["quote"].str.startswith("Kono reiterated"), "quote"].iloc[0]]
