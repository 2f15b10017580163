"""Charts' words on small tables: the schedule's alt text and page 03's chart word for word (what
the mutation run found unpinned), and the regime chart with no resolution."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.text import Text

from helpers.charts import schedule as schedule_chart
from helpers.charts import words
from helpers.pages import run_notebook

DAY = pd.Timestamp


def test_the_alt_text_names_every_event_and_how_to_read_the_bars():
    frame = pd.DataFrame(
        {
            "title": ["Talks in Moscow", "Summit in Da Nang"],
            "status": ["occurred", "planned"],
            "date_start": [DAY("2017-09-01"), DAY("2017-11-01")],
            "date_end": [DAY("2017-09-01"), DAY("2017-11-30")],
            "announced": [pd.NaT, DAY("2017-09-07")],
            "announced_by": [None, "a001"],
        }
    )
    assert schedule_chart.alt_text(frame) == (
        "Gantt chart of 2 events, one row each; filled bars were held, hollow bars planned, dotted "
        "proposed; a bar spans every possible day; a tick marks the day of announcement. "
        "Talks in Moscow (occurred) on 1 Sep 2017; Summit in Da Nang (planned) between 1 Nov and "
        "30 Nov 2017, announced 07 Sep by a001."
    )


def test_page_03_names_its_chart_and_carries_the_source_line(tables):
    page = run_notebook("03_summit_schedule", tables=tables)
    assert page.gantt.name == "03_summit_schedule-gantt"
    said = [t.get_text() for t in page.gantt.figure.findobj(Text)]
    assert any(page.run.source in text for text in said), said


def test_page_03_says_its_filters_chose_nothing(tables):
    """Either filter (kinds, or planned events left out) makes an empty calendar a filtered one."""
    window = {"start_date": "2017-12-20", "end_date": "2017-12-31"}
    for values in ({"kinds": ["survey"]}, {"include_planned": False}):
        page = run_notebook("03_summit_schedule", {**window, **values}, tables)
        assert page.calendar.empty
        assert (
            page.gantt.headline
            == "No calendar events match these filters between 20 Dec 2017 and 31 Dec 2017"
        )


def test_the_regime_chart_of_no_resolution_says_so(tables):
    """An empty context layer (a record without one) draws a titled, empty matrix."""
    from helpers.analysis import regime
    from helpers.charts import regime as regime_chart

    empty = {**tables, "resolutions": tables["resolutions"].iloc[0:0]}
    empty["resolution_measures"] = tables["resolution_measures"].iloc[0:0]
    res, table = regime.resolutions(empty), regime.matrix(empty)
    figure = regime_chart.chart(res, table, "Source: none.")
    titles = [t.get_text() for t in figure.findobj(Text)]
    assert regime_chart.NO_RESOLUTION in titles
    assert regime_chart.alt_text(res, table) == f"Empty matrix: {regime_chart.NO_RESOLUTION}."


def _sources(n: int) -> pd.DataFrame:
    days = pd.date_range("2017-01-02", periods=n, freq="7D")
    return pd.DataFrame(
        {
            "source_id": [f"a{i:03d}" for i in range(1, n + 1)],
            "outlet": ["unknown"] + ["Outlet"] * (n - 1),
            "published": days[::-1],
            "published_basis": ["inferred"] + ["stated"] * (n - 1),
        }
    )


def test_the_source_line_names_each_article_up_to_its_limit_then_counts_them():
    """Up to NAMED_SOURCES articles each is named, oldest first; past it a line could not hold them
    (a synthetic record has a thousand), and it says how many, from when to when."""
    limit = words.NAMED_SOURCES
    named = words.source_line(_sources(limit))
    assert named.startswith(f"Source: a{limit:03d}: Outlet, 02 Jan 2017; ")
    assert named.count("; ") == limit - 1
    assert "a001: outlet unknown, " in named and ", date inferred." in named
    counted = words.source_line(_sources(limit + 1))
    last = pd.Timestamp("2017-01-02") + pd.Timedelta(days=7 * limit)
    assert counted == (
        f"Source: {limit + 1} articles published between 02 Jan 2017 and {last:%d %b %Y}, each "
        "listed in data/sources.csv. Curated data in data/, every row with its verbatim quote."
    )


NOUNS = {
    "contact": ("Japan–Russia contact", "s"),
    "launch": ("launch or test", ""),
    "council": ("Security Council action", "s"),
}


def _chronology_headline(frame: pd.DataFrame) -> str:
    """The chronology's title by hand: the count, then each strand's count in the page's order."""
    parts = []
    for strand in ("contact", "launch", "council"):
        n = int((frame["strand"] == strand).sum())
        noun, plural = NOUNS[strand]
        if n:
            noun = noun if n == 1 else ("launches and tests" if strand == "launch" else noun + plural)
            parts.append(f"{n:,} {noun}")
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"{len(frame):,} fact{'' if len(frame) == 1 else 's'} on record: {listed}"


def test_the_chronology_counts_each_strand_for_every_mix_of_strands(tables):
    """All three strands, each pair, each alone, a single fact, rows in any order; none: the
    empty title; the alt text names every fact, in the frame's order, with its row."""
    from itertools import combinations

    from helpers.analysis import chronology as chronology_facts
    from helpers.charts import chronology

    facts = chronology_facts.facts(tables)
    mixes = [set(c) for n in (1, 2, 3) for c in combinations(("contact", "launch", "council"), n)]
    frames = [facts.loc[facts["strand"].isin(m)] for m in mixes]
    frames += [facts.iloc[[0]], facts.iloc[::-1], facts.iloc[0:0]]
    frames += [facts.loc[facts["strand"] == s].head(2) for s in ("contact", "launch", "council")]
    for frame in frames:
        if frame.empty:
            assert chronology.headline(frame) == chronology.EMPTY
            assert chronology.headline(frame, "None here") == "None here"
            said = chronology.alt_text(frame, "None here")
            assert said == "Empty timeline of the cited chronology: None here."
            continue
        assert chronology.headline(frame) == _chronology_headline(frame)
        alt = chronology.alt_text(frame)
        assert alt.startswith(f"Timeline of {len(frame)} facts of the cited chronology, one row per pair")
        places = [alt.index(f"{r.row}: {r.title} (") for r in frame.itertuples()]
        assert places == sorted(places) and alt.endswith(").")
        assert alt.count("; ") >= len(frame) - 1


def test_the_schedule_title_counts_held_events_and_announcements():
    """Only 'occurred' counts as held: planned, proposed and cancelled do not; an announcement
    counts whatever became of the event."""
    frame = pd.DataFrame(
        {
            "status": ["occurred", "planned", "proposed", "occurred", "cancelled"],
            "announced": [pd.NaT, DAY("2017-09-07"), pd.NaT, DAY("2017-10-01"), DAY("2017-10-02")],
        }
    )
    assert schedule_chart.headline(frame) == (
        "5 summits, visits, talks and meetings: 2 known to have been held, 3 announced in advance"
    )
    assert schedule_chart.headline(frame.iloc[1:3]).endswith(
        ": 0 known to have been held, 1 announced in advance"
    )
    assert schedule_chart.headline(frame.iloc[0:0], "Nothing") == "Nothing"


def test_the_plans_alt_text_says_every_verdict_word_for_word():
    """One plan per verdict, with open, single-day and ranged windows and outcomes."""
    from helpers.charts import plans

    nat = pd.NaT
    table = pd.DataFrame(
        {
            "title": ["Summit", "Visit", "Talks", "Call", "Session", "Meeting"],
            "verdict": ["in window", "late", "early", "not found", "no window", "partly"],
            "slip_days": [0, 12, -3, pd.NA, pd.NA, 0],
            "window_start": [
                DAY("2017-11-01"),
                DAY("2017-09-01"),
                nat,
                DAY("2017-10-01"),
                nat,
                DAY("2017-12-01"),
            ],
            "window_end": [
                DAY("2017-11-30"),
                DAY("2017-09-01"),
                DAY("2017-10-10"),
                nat,
                nat,
                DAY("2017-12-31"),
            ],
            "realised_start": [
                DAY("2017-11-10"),
                DAY("2017-09-13"),
                DAY("2017-10-07"),
                nat,
                DAY("2017-09-20"),
                DAY("2017-12-20"),
            ],
            "realised_end": [
                DAY("2017-11-10"),
                DAY("2017-09-14"),
                DAY("2017-10-07"),
                nat,
                DAY("2017-09-20"),
                DAY("2018-01-05"),
            ],
        }
    )
    assert plans.alt_text(table) == (
        "Chart of 6 plans announced in the articles, one per row: the announced window as a hollow "
        "bar, the day of first announcement as a tick, and what happened as a filled mark; "
        "Summit: expected between 1 Nov and 30 Nov 2017; happened on 10 Nov 2017 (in window); "
        "Visit: expected on 1 Sep 2017; happened from 13 Sep to 14 Sep 2017 (12 days late); "
        "Talks: expected until 10 Oct 2017, with no start given; happened on 7 Oct 2017 (3 days early); "
        "Call: expected from 1 Oct 2017, with no end given; no record of it found (no record found); "
        "Session: expected without a date; happened on 20 Sep 2017 (no date given); "
        "Meeting: expected between 1 Dec and 31 Dec 2017; happened from 20 Dec to 5 Jan 2018 (partly)."
    )
    assert plans.alt_text(table.iloc[0:0], "None") == "Empty chart of announced plans: None."


def test_the_chronology_alt_text_word_for_word(tables):
    from helpers.analysis import chronology as chronology_facts
    from helpers.charts import chronology

    facts = chronology_facts.facts(tables)
    two = facts.loc[facts["date_start"] != facts["date_end"]].head(1)
    two = pd.concat([two, facts.loc[facts["date_start"] == facts["date_end"]].head(1)])
    ranged, single = two.iloc[0], two.iloc[1]
    assert chronology.alt_text(two) == (
        "Timeline of 2 facts of the cited chronology, one row per pair of officials, then North "
        "Korea's launches and tests, then the Security Council; each a black mark shaped by its kind, "
        "with a line over its days where its sources give more than one. "
        f"{ranged['row']}: {ranged['title']} (between {ranged['date_start']:%-d %b} and "
        f"{ranged['date_end']:%-d %b %Y}); "
        f"{single['row']}: {single['title']} (on {single['date_start']:%-d %b %Y})."
    )


def test_the_cadence_alt_text_says_which_bar_each_context_mark_stands_on():
    """A context mark on an article's drawn event, one no article reports, and one realising an
    event the chart does not draw: each said as such, word for word."""
    from helpers.charts import cadence

    frame = pd.DataFrame(
        {
            "event_id": ["e1"],
            "pair": ["Abe – Putin"],
            "kind": ["phone_call"],
            "status": ["occurred"],
            "date_start": [DAY("2017-09-01")],
            "date_end": [DAY("2017-09-02")],
        }
    )
    realised = pd.DataFrame(
        {
            "pair": ["Abe – Putin", "Kono – Lavrov", "Abe – Putin"],
            "kind": ["phone_call", "meeting", "summit"],
            "date_start": [DAY("2017-09-01"), DAY("2017-09-20"), DAY("2017-11-10")],
            "date_end": [DAY("2017-09-01"), DAY("2017-09-21"), DAY("2017-11-10")],
            "realises": ["e1", None, "e9"],
            "realises_title": ["Abe and Putin talk", None, "Summit in Da Nang"],
        }
    )
    said = cadence.alt_text(frame, realised)
    assert (
        cadence.alt_text(frame)
        == cadence.alt_text(frame, realised.iloc[0:0])
        == (
            "Timeline of 1 Japan–Russia contacts the articles report, one row per pair of officials; "
            "exact days are markers shaped by kind, uncertain dates are bars spanning the possible days, "
            "planned contacts are hollow and proposed ones dotted. "
            "Abe – Putin, phone call occurred between 1 Sep and 2 Sep 2017."
        )
    )
    assert said.startswith(cadence.alt_text(frame))
    assert said.endswith(
        " Black marks, shaped by kind, show when contacts took place according to the cited context "
        "layer: Abe – Putin, phone call on 1 Sep 2017, on the bar of 'Abe and Putin talk'; "
        "Kono – Lavrov, meeting between 20 Sep and 21 Sep 2017, not reported by the articles, on a "
        "row of its own; Abe – Putin, summit on 10 Nov 2017, realising 'Summit in Da Nang', which "
        "is not drawn, on a row of its own."
    )
    assert said.startswith("Timeline of 1 Japan–Russia contacts the articles report")
    assert cadence.alt_text(frame.iloc[0:0], realised, "None").startswith("Empty timeline: None. Black marks")
    later = frame.assign(
        event_id="e2", status="planned", date_start=DAY("2017-11-10"), date_end=DAY("2017-11-10")
    )
    two = pd.concat([frame, later])
    assert cadence.alt_text(two).endswith(
        "Abe – Putin, phone call occurred between 1 Sep and 2 Sep 2017; "
        "Abe – Putin, phone call planned on 10 Nov 2017."
    )


def test_the_plans_title_for_every_selection_and_as_of():
    """Verdicts in their fixed order, only those present; a filter says how many of how many;
    ``as_of`` says when the plans were known and that their fate is hindsight; nothing shown
    says of how many."""
    from helpers.charts import plans

    table = pd.DataFrame({"verdict": ["late", "in window", "late", "not found"]})
    assert plans.headline(table) == "Of 4 plans the articles announced: 1 in window, 2 late, 1 not found"
    assert plans.headline(table, 6) == (
        "Of 6 plans the articles announced, 4 shown: 1 in window, 2 late, 1 not found"
    )
    assert plans.headline(table, 4, as_of=DAY("2017-09-10")) == (
        "Of 4 plans the articles announced by 10 Sep 2017, judged with hindsight: "
        "1 in window, 2 late, 1 not found"
    )
    assert plans.headline(table.iloc[0:0], 3, "Nothing here") == "Nothing here (of 3 the articles announced)"
    assert plans.headline(table.iloc[0:0], 0, "Nothing here") == "Nothing here"
    assert plans.headline(table.iloc[0:0], 2, "None", DAY("2017-09-10")) == (
        "None (of 2 the articles announced by 10 Sep 2017)"
    )


def test_marks_take_the_first_free_sub_row_of_their_pair_and_context_marks_their_events():
    """Overlapping marks of one pair go one below the other; a mark starting the day a sub-row's
    last label ends does not fit there (it would touch it); a mark after the first one's label
    goes back to the top; other pairs start again at 0; a context mark standing on an event
    shares its sub-row."""
    from helpers.charts import cadence

    rows = [  # id, pair, start, end, on; a label of no characters reaches 4 days past the end
        ("a", "P", "2017-09-01", "2017-09-05", None),  # reaches 9 Sep
        ("b", "P", "2017-09-02", "2017-09-03", None),  # reaches 7 Sep
        ("c", "P", "2017-10-30", "2017-10-30", None),
        ("d", "Q", "2017-09-01", "2017-09-01", None),
        ("x", "P", "2017-09-02", "2017-09-02", "b"),
        ("e", "P", "2017-09-09", "2017-09-09", None),  # a's sub-row ends that day: the second
    ]
    frame = pd.DataFrame(rows, columns=["event_id", "pair", "date_start", "date_end", "on"])
    frame = frame.assign(
        kind="meeting",
        label="",
        date_start=pd.to_datetime(frame["date_start"]),
        date_end=pd.to_datetime(frame["date_end"]),
    )
    got = cadence.lanes(frame, day_per_char=1.0)
    assert got.tolist() == [0, 1, 0, 0, 1, 1] and got.dtype == "int64" and got.index.equals(frame.index)
    plain = cadence.lanes(frame.drop(columns=["on"]).iloc[:4], day_per_char=1.0)
    assert plain.tolist() == [0, 1, 0, 0]


def test_the_regime_alt_text_says_each_resolution_word_for_word():
    """Each resolution: its number, day, whether the articles describe it, its measures (one is
    singular) and the categories it acted on, in the matrix's row order."""
    from helpers.charts import regime as regime_chart

    res = pd.DataFrame(
        {
            "resolution_id": ["r1", "r2"],
            "number": ["2371", "2375"],
            "adopted": pd.to_datetime(["2017-08-05", "2017-09-11"]),
            "in_articles": [False, True],
            "measures": [1, 3],
        }
    )
    table = pd.DataFrame({"r1": [0, 1, 0], "r2": [2, 0, 1]}, index=["seafood", "textiles", "labour"])
    assert regime_chart.alt_text(res, table) == (
        "Matrix of the 2 UN Security Council resolutions on North Korea from August 2017 to "
        "September 2017 (columns, in order of adoption) against 3 categories of measures (rows); a "
        "dot marks a category a resolution acted on, larger for more measures; "
        "2371 (05 Aug 2017): 1 measure: textiles; "
        "2375 (11 Sep 2017, described in the articles): 3 measures: seafood, workers abroad."
    )


@pytest.mark.parametrize(
    ("in_articles", "said"),
    [
        ([False, True, False], "2018 brought 1 of 3 resolutions; the articles' one first hit textiles"),
        (
            [True, True, True],
            "2018 brought 1 of 3 resolutions; the articles' three first hit seafood, textiles and "
            "workers abroad",
        ),
        (
            [True, True, False],
            "2018 brought 1 of 3 resolutions; the articles' two first hit seafood and textiles",
        ),
        ([False, False, False], "2018 brought 1 of 3 resolutions; the articles describe none of them"),
    ],
)
def test_the_regime_title_counts_the_articles_resolutions_and_lists_what_they_opened(in_articles, said):
    from helpers.charts import regime as regime_chart

    res = pd.DataFrame(
        {
            "resolution_id": ["r1", "r2", "r3"],
            "adopted": pd.to_datetime(["2016-03-02", "2017-08-05", "2018-01-10"]),
            "in_articles": in_articles,
        }
    )
    table = pd.DataFrame(
        {"r1": [1, 0, 0], "r2": [1, 1, 0], "r3": [0, 1, 1]}, index=["seafood", "textiles", "labour"]
    )
    assert regime_chart.headline(res, table) == said


def test_the_regime_title_when_the_articles_resolutions_open_nothing_or_are_many():
    """Resolutions of the articles that only repeat earlier categories open 'nothing'; four or
    more are counted in figures; a category is named once, for the first resolution to hit it."""
    from helpers.charts import regime as regime_chart

    def title(in_articles: list[bool], table: pd.DataFrame) -> str:
        ids = list(table.columns)
        days = pd.date_range("2017-01-10", periods=len(ids), freq="MS")
        res = pd.DataFrame({"resolution_id": ids, "adopted": days, "in_articles": in_articles})
        return regime_chart.headline(res, table)

    repeats = pd.DataFrame({"r1": [1, 1], "r2": [1, 1]}, index=["seafood", "textiles"])
    assert (
        title([False, True], repeats)
        == "2017 brought 2 of 2 resolutions; the articles' one first hit nothing"
    )
    four = pd.DataFrame(
        {"r1": [1, 0, 0, 0], "r2": [0, 1, 0, 0], "r3": [0, 1, 1, 0], "r4": [1, 0, 0, 1]},
        index=["seafood", "textiles", "labour", "energy"],
    )
    assert title([True] * 4, four) == (
        "2017 brought 4 of 4 resolutions; the articles' 4 first hit seafood, textiles, workers abroad "
        "and energy"
    )


def test_a_label_reaches_half_a_day_a_character_and_four_more_and_kinds_name_unlabelled_marks():
    """By default a label of n characters reaches (n + 4) / 2 days past its mark's end: the next
    mark of the pair fits on the same sub-row the day after, not on that day. Without a ``label``
    column the kind's label is measured."""
    from helpers.charts import cadence

    def second_lane(start: str, **columns: str) -> int:
        frame = pd.DataFrame(
            {
                "event_id": ["a", "b"],
                "pair": ["P", "P"],
                "kind": ["meeting", "meeting"],
                "date_start": pd.to_datetime(["2017-09-01", start]),
                "date_end": pd.to_datetime(["2017-09-01", start]),
                **{k: [v, v] for k, v in columns.items()},
            }
        )
        return int(cadence.lanes(frame).iloc[1])

    # "abcde" and four more: 4.5 days past 1 Sep; "meeting" (7) and four: 5.5 days.
    assert [second_lane(d, label="abcde") for d in ("2017-09-05", "2017-09-06")] == [1, 0]
    assert [second_lane(d) for d in ("2017-09-06", "2017-09-07")] == [1, 0]
    assert cadence.KIND_LABELS["meeting"] == "meeting"


def test_the_context_source_line_counts_distinct_sources_one_singular():
    one = pd.DataFrame({"source_url": ["https://a.example", "https://a.example"]})
    two = pd.DataFrame({"source_url": ["https://b.example"]})
    tail = "each cited on its own row in data/context/."
    assert words.context_source_line(one) == f"Context: 1 public source, {tail}"
    assert words.context_source_line(one, two) == f"Context: 2 public sources, {tail}"
    assert (
        words.with_context("Source: x.", one.iloc[0:0], two) == f"Source: x. Context: 1 public source, {tail}"
    )


FIRST_ARTICLE = DAY("2017-09-01")


@pytest.mark.parametrize(
    ("as_of", "first", "filtered", "said"),
    [
        (None, FIRST_ARTICLE, False, "No contacts between 1 Aug 2017 and 30 Sep 2017"),
        (None, FIRST_ARTICLE, True, "No contacts match these filters between 1 Aug 2017 and 30 Sep 2017"),
        (
            "2017-08-31",
            FIRST_ARTICLE,
            False,
            "Nothing was reported by 31 Aug 2017: the first article is dated 1 Sep 2017",
        ),
        (
            "2017-09-01",
            FIRST_ARTICLE,
            False,
            "No contacts between 1 Aug 2017 and 30 Sep 2017",
        ),  # known that day
        (
            "2017-09-02",
            FIRST_ARTICLE,
            True,
            "No contacts match these filters between 1 Aug 2017 and 30 Sep 2017",
        ),
        ("2017-09-02", None, False, "Nothing was reported by 2 Sep 2017: no article"),
    ],
    ids=["window", "filtered", "before-the-first-article", "its-day", "after-it", "no-article"],
)
def test_an_empty_chart_says_why_word_for_word(as_of, first, filtered, said):
    """Before the first article, nothing was reported; from its day on, the window or the filters
    chose nothing."""
    as_of = None if as_of is None else DAY(as_of)
    assert (
        words.nothing_shown("contacts", DAY("2017-08-01"), DAY("2017-09-30"), as_of, first, filtered) == said
    )
    if not filtered:
        assert words.nothing_shown("contacts", DAY("2017-08-01"), DAY("2017-09-30"), as_of, first) == said
    one_day = words.nothing_shown("contacts", FIRST_ARTICLE, FIRST_ARTICLE, None, first)
    assert one_day == "No contacts on 1 Sep 2017"
