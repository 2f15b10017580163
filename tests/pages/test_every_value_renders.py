"""Every valid parameter value renders: each notebook's own code, run in-process
(``run_notebook``) for values drawn from the declared parameters, including the edges of the
record.

For each draw: nothing raises, every chart has a headline and alt text, and the headline's
counts are those of the tables drawn (or, with nothing to draw, the headline says why).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support import oracles

from helpers import paths
from helpers.analysis.plans import VERDICTS
from helpers.charts import regime as regime_chart
from helpers.charts import words as charts_words
from helpers.charts.style import setup_style
from helpers.pages import Page, run_notebook
from helpers.params.declared import declared_parameters

# Days that matter: before the record, the two publication days, inside the autumn, after it,
# and other years.
LANDMARKS = [
    date(2017, 1, 1),
    date(2017, 3, 20),  # three contacts of the chronology on one day
    date(2017, 8, 15),
    date(2017, 8, 29),  # a launch the sources date a day apart
    date(2017, 9, 1),
    date(2017, 9, 19),
    date(2017, 10, 10),
    date(2018, 2, 1),
]
# The record's autumn is drawn as often as the years around it, so that most windows hold
# something to count and the oracles below have rows to compare.
DAYS = st.one_of(
    st.sampled_from(LANDMARKS),
    st.dates(date(2017, 8, 1), date(2017, 12, 31)),
    st.dates(date(2015, 1, 1), date(2019, 12, 31)),
)
# Each example runs a whole notebook (0.1-0.3 s), so a page test draws half the profile's
# examples: 100 in CI, where they are derandomized, the same fixed set on every run.
PAGE_EXAMPLES = max(4, settings.default.max_examples // 2)


def subsets(values: list[str]) -> st.SearchStrategy[list[str]]:
    """No filter half the time (most filters of random values match nothing), else up to three."""
    return st.one_of(st.just([]), st.lists(st.sampled_from(values), unique=True, min_size=1, max_size=3))


@st.composite
def parameters(draw, notebook: str, tables) -> dict:
    """A value for every parameter the notebook declares, valid by construction."""
    declared = declared_parameters(paths.NOTEBOOKS / f"{notebook}.ipynb")
    start = draw(DAYS)
    # One day, a few weeks, or a season to two years (most of the record's windows hold events).
    length = draw(st.one_of(st.just(0), st.integers(0, 40), st.integers(90, 800)))
    drawn = {
        "start_date": start.isoformat(),
        "end_date": (start + timedelta(days=length)).isoformat(),
        "as_of": draw(st.one_of(st.just(""), DAYS.map(date.isoformat))),
        "include_planned": draw(st.booleans()),
        "figures_dir": "",
        "include_context": draw(st.booleans()),
        # Actors who take part in the articles' events, or any actor of the record.
        "actors": draw(
            st.one_of(
                subsets(sorted(set(tables["participants"]["actor_id"]))),
                subsets(tables["actors"]["actor_id"].tolist() + tables["people"]["actor_id"].tolist()),
            )
        ),
        "kinds": draw(subsets(list(tables["events"]["kind"].cat.categories))),
        "categories": draw(subsets(list(tables["sanctions"]["category"].cat.categories))),
    }
    return {name: drawn[name] for name in declared}


def run_for(notebook: str, values: dict, tables) -> Page:
    plt.close("all")  # figures a failing draw left open
    return run_notebook(notebook, values, tables)


def number(pattern: str, text: str) -> int:
    found = re.search(pattern, text)
    assert found, f"{pattern!r} not in {text!r}"
    return int(found.group(1).replace(",", ""))


def check_chart(chart, empty: bool, reason: str) -> None:
    assert chart.headline.strip() and chart.alt.strip()
    if empty:
        assert chart.headline == reason or chart.headline.startswith(reason)
        assert reason in chart.alt
    plt.close(chart.figure)


@pytest.fixture(scope="module", autouse=True)
def house_style():
    setup_style()


# Of its parameters the data audit reads only ``as_of`` (it checks the others, and shows every
# article's coverage whatever the window): a quarter of a page's examples draws each landmark.
@settings(max_examples=max(4, PAGE_EXAMPLES // 4))
@given(data=st.data())
def test_data_audit(tables, data):
    page = run_for("00_data_audit", data.draw(parameters("00_data_audit", tables)), tables)
    run = page.run
    check_chart(page.coverage_bars, False, "")
    substantive = int((page.sentences["status"] != "uncurated").sum())
    assert number(r"([\d,]+) sentences of substance", page.coverage_bars.headline) == substantive
    assert page.counts.loc["events", "rows"] == len(run.tables["events"])


@settings(max_examples=PAGE_EXAMPLES)
@given(data=st.data())
def test_meeting_cadence(tables, data):
    page = run_for("01_meeting_cadence", data.draw(parameters("01_meeting_cadence", tables)), tables)
    run = page.run
    p = run.params
    reason = run.nothing("Japan–Russia contacts", filtered=bool(p.actors or p.kinds or not p.include_planned))
    check_chart(page.timeline, page.contacts.empty and page.realised.empty, reason)
    expected = oracles.contacts(run.tables, p)
    assert sorted(page.contacts["event_id"]) == sorted(expected["event_id"])
    assert sorted(page.contacts["pair"]) == sorted(expected["pair"])
    record = oracles.recorded_contacts(run.tables, p)
    pairs = sorted(map(tuple, page.realised[["fact_id", "pair"]].to_numpy().tolist()))
    assert pairs == sorted(map(tuple, record.to_numpy().tolist()))
    headline = page.timeline.headline
    if not page.realised.empty:
        assert number(r"of ([\d,]+) contacts on record", headline) == len(page.realised)
        oracles.check_busiest(page.realised, headline, articles=len(page.contacts))
    elif not page.contacts.empty:
        assert number(r"of ([\d,]+) contacts", headline) == len(page.contacts)
        oracles.check_busiest(page.contacts, headline)
    if not page.contacts.empty:
        assert number(r"Timeline of ([\d,]+) ", page.timeline.alt) == len(page.contacts)


@settings(max_examples=PAGE_EXAMPLES)
@given(data=st.data())
def test_sanction_escalation(tables, data):
    page = run_for("02_sanction_escalation", data.draw(parameters("02_sanction_escalation", tables)), tables)
    run = page.run
    nothing = page.adopted.empty and page.proposed.empty and page.triggers.empty and page.recorded.empty
    reason = run.nothing("UN measures", filtered=bool(run.params.categories))
    headline = page.steps.headline
    check_chart(page.steps, nothing, reason)
    expected = oracles.adopted_measures(run.tables, run.params)
    assert set(page.recorded["fact_id"]) == oracles.recorded_triggers(run.tables, run.params, page.triggers)
    if not page.recorded.empty:
        assert f"; {len(page.recorded)} more launches and tests on record" in page.steps.alt
    assert dict(zip(page.adopted["measure_id"], page.adopted["in_force_by"], strict=True)) == expected
    if not page.adopted.empty:
        last = page.adopted["in_force_by"].max()
        by = (
            "by"
            if (page.adopted.loc[page.adopted["in_force_by"] == last, "basis"] == "adopted").all()
            else "as reported by"
        )
        assert headline.endswith(f"{len(page.adopted):,} in force {by} {last:%-d %b %Y}")
        assert number(r"measures in force by category: ([\d,]+) adopted", page.steps.alt) == len(page.adopted)
    elif not page.proposed.empty:
        assert number(r"; ([\d,]+) proposed", headline) == len(page.proposed)
    assert ("history" in page) is run.params.include_context
    if "history" in page:
        check_chart(page.history, False, "")
        assert number(r"of ([\d,]+) resolutions", page.history.headline) == len(page.resolutions)
        year, in_year, total, articles, opened = oracles.regime_headline_numbers(run.tables)
        assert page.history.headline.startswith(
            f"{year} brought {in_year} of {total} resolutions; the articles"
        )
        if not articles:
            assert page.history.headline.endswith("; the articles describe none of them")
            return
        words = {1: "one", 2: "two", 3: "three"}.get(articles, str(articles))
        assert f"the articles' {words} first hit" in page.history.headline
        names = {c: regime_chart.SHORT_NAMES[c] for c in opened}
        assert all(name in page.history.headline for name in names.values()), (opened, page.history.headline)
        if not opened:
            assert page.history.headline.endswith("first hit nothing")


@settings(max_examples=PAGE_EXAMPLES)
@given(data=st.data())
def test_summit_schedule(tables, data):
    page = run_for("03_summit_schedule", data.draw(parameters("03_summit_schedule", tables)), tables)
    run = page.run
    p = run.params
    reason = run.nothing("calendar events", filtered=bool(p.kinds or not p.include_planned))
    check_chart(page.gantt, page.calendar.empty, reason)
    shown, held, ahead = oracles.schedule_counts(run.tables, p)
    assert len(page.calendar) == shown
    if not page.calendar.empty:
        headline = page.gantt.headline
        assert headline.startswith(f"{shown:,} summits, visits, talks and meetings: {held:,} ")
        assert headline.endswith(f"{ahead:,} announced in advance")
        assert number(r"^([\d,]+) summits", headline) == len(page.calendar)
        assert (
            number(r": ([\d,]+) (?:known to have been )?held", headline)
            == (page.calendar["status"] == "occurred").sum()
        )
        assert number(r"([\d,]+) announced in advance", headline) == page.calendar["announced"].notna().sum()


@settings(max_examples=PAGE_EXAMPLES)
@given(data=st.data())
def test_plans_vs_outcomes(tables, data):
    page = run_for("04_plans_vs_outcomes", data.draw(parameters("04_plans_vs_outcomes", tables)), tables)
    run = page.run
    reason = run.nothing("announced plans", filtered=not run.params.include_planned)
    check_chart(page.verification, page.table.empty, reason)
    headline = page.verification.headline
    assert set(page.every_plan["event_id"]) == oracles.announced(run.tables)
    assert set(page.table["event_id"]) == oracles.plans_shown(page.every_plan, run.params)
    # The scorecard: every verdict, its count and its median lead time, worked out by hand.
    card = page.scorecard.set_index("verdict")
    assert list(card.index) == list(VERDICTS)
    for verdict in VERDICTS:
        leads = sorted(int(d) for v, d in zip(page.table["verdict"], page.table["lead_days"], strict=True)
                       if v == verdict and pd.notna(d))  # fmt: skip
        assert card.loc[verdict, "plans"] == (page.table["verdict"] == verdict).sum()
        median = (leads[(len(leads) - 1) // 2] + leads[len(leads) // 2]) / 2 if leads else None
        assert (median is None and pd.isna(card.loc[verdict, "median_lead_days"])) or (
            card.loc[verdict, "median_lead_days"] == median
        )
    if not page.table.empty:
        assert number(r"Of ([\d,]+) plans", headline) == len(page.every_plan)
        shown = (
            number(r"announced(?: by [^,]+)?, ([\d,]+) shown", headline)
            if "shown" in headline
            else len(page.every_plan)
        )
        # Page 04 judges the plans known on as_of with hindsight, on purpose, and says so.
        as_of = run.params.as_of
        assert ("judged with hindsight" in headline) is (as_of is not None)
        if as_of is not None:
            assert f"announced by {as_of:%-d %b %Y}" in headline
        assert shown == len(page.table)
        counted = sum(
            int(n) for n in re.findall(r"(\d+) (?:in window|early|late|no window|partly|not found)", headline)
        )
        assert counted == len(page.table)
    assert page.scorecard["plans"].sum() == len(page.table)


def test_nothing_known_before_the_first_article(tables):
    """The example of the issue, spelled out: the title says what is empty and why."""
    values = {**declared_parameters(paths.NOTEBOOKS / "03_summit_schedule.ipynb"), "as_of": "2017-08-15"}
    page = run_for("03_summit_schedule", values, tables)
    assert page.gantt.headline == "Nothing was reported by 15 Aug 2017: the first article is dated 1 Sep 2017"
    assert pd.Timestamp("2017-09-01") == tables["sources"]["published"].min()


@settings(max_examples=PAGE_EXAMPLES)
@given(data=st.data())
def test_chronology(tables, data):
    page = run_for("05_chronology", data.draw(parameters("05_chronology", tables)), tables)
    p = page.run.params
    expected = oracles.chronology_facts(page.run.tables, p)
    assert sorted(page.facts["fact_id"]) == sorted(expected["fact_id"])
    reason = charts_words.nothing_shown(
        "fact on record", p.start_date, p.end_date, None, None, bool(p.actors or p.kinds)
    )
    check_chart(page.year, page.facts.empty, reason)
    if not page.facts.empty:
        headline = page.year.headline
        assert number(r"^([\d,]+) facts? on record", headline) == len(page.facts)
        for strand, count in expected["strand"].value_counts().items():
            assert re.search(rf"\b{count:,} {oracles.STRAND_WORDS[strand]}", headline), (strand, headline)
        assert number(r"Timeline of ([\d,]+) facts", page.year.alt) == len(page.facts)
        assert page.strands["facts"].sum() == len(page.facts)
