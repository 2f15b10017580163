"""`as_of` is the world as known that day, the context layer included: on pages 00-03 and 05 no context
fact dated after it appears in a table, a title, a chart's text or its alt text (page 04 alone
judges the plans with hindsight, and says so)."""

from __future__ import annotations

import io
import itertools

import pandas as pd
import pytest

from helpers.charts.output import Chart
from helpers.pages import run_notebook

NOTEBOOKS = [
    "00_data_audit",
    "01_meeting_cadence",
    "02_sanction_escalation",
    "03_summit_schedule",
    "05_chronology",
]


def as_of_days(tables) -> list[pd.Timestamp]:
    """Every article's date, the day before it, and a day halfway to the next article."""
    published = sorted(tables["sources"]["published"].unique())
    days = {d - pd.Timedelta(days=1) for d in published} | set(published)
    days |= {a + (b - a) / 2 for a, b in itertools.pairwise(published)}
    return sorted(pd.Timestamp(d).normalize() for d in days)


def future_facts(tables, as_of: pd.Timestamp) -> list[str]:
    """Oracle: the words by which a context fact not yet known on ``as_of`` would show: its id,
    its title and its source, and for a resolution its symbol."""
    words = []
    for name, key in (("outcomes", "outcome_id"), ("chronology", None)):
        facts = tables[name]
        last_day = facts["date_end"].fillna(facts["date_start"])
        later = facts.loc[last_day.isna() | (last_day > as_of)]
        unknown_urls = set(later["source_url"]) - set(facts.loc[~facts.index.isin(later.index), "source_url"])
        # The chronology's ids (f001...) could pass for hex in an SVG's own ids: its titles say enough.
        words += [*(later[key] if key else []), *later["title"], *unknown_urls]
    resolutions = tables["resolutions"].loc[tables["resolutions"]["adopted"] > as_of]
    return [*words, *resolutions["resolution_id"], *resolutions["symbol"]]


def page_text(page) -> str:
    """Everything a reader of the page can read: the notebook's tables, titles, alt texts and
    chart text."""
    parts = []
    for value in page.values():
        if isinstance(value, pd.DataFrame):
            parts.append(value.to_csv())
        elif isinstance(value, Chart):
            svg = io.StringIO()
            value.figure.savefig(svg, format="svg")
            parts += [value.alt, value.headline, svg.getvalue()]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def days(tables):
    return as_of_days(tables)


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_no_context_fact_dated_after_as_of(tables, notebook):
    for as_of in as_of_days(tables):
        text = page_text(run_notebook(notebook, {"as_of": f"{as_of:%Y-%m-%d}"}, tables))
        leaked = [word for word in future_facts(tables, as_of) if word in text]
        assert not leaked, (notebook, f"{as_of:%Y-%m-%d}", leaked)


def test_the_oracle_sees_a_leak(tables):
    """The check above can fail: without as_of every later fact is on the page."""
    as_of = min(tables["sources"]["published"])
    text = page_text(run_notebook("01_meeting_cadence", tables=tables))
    assert [word for word in future_facts(tables, as_of) if word in text]


@pytest.mark.parametrize("as_of", ["2017-09-01", "2017-09-10", "2017-09-19"])
def test_the_regime_highlights_only_resolutions_adopted_and_reported_by_as_of(tables, as_of):
    page = run_notebook("02_sanction_escalation", {"as_of": as_of}, tables)
    day = pd.Timestamp(as_of)
    assert (page.resolutions["adopted"] <= day).all()
    known_events = set(page_events := tables["events"]["event_id"]) & set(
        tables["mentions"].loc[
            tables["mentions"]["source_id"].isin(
                tables["sources"].loc[tables["sources"]["published"] <= day, "source_id"]
            ),
            "event_id",
        ]
    )
    assert len(page_events) > 0
    expected = tables["resolutions"].loc[
        (tables["resolutions"]["adopted"] <= day) & tables["resolutions"]["event_id"].isin(known_events),
        "resolution_id",
    ]
    assert set(page.resolutions.loc[page.resolutions["in_articles"], "resolution_id"]) == set(expected)


@pytest.mark.parametrize("include_context", [True, False])
def test_only_hindsight_asked_for_shows_the_context_layer_as_known_today(tables, include_context):
    """``with_hindsight`` (page 04's outcomes) is the whole context layer beside the articles as
    known on ``as_of``; with the context layer off it stays empty, as ``tables`` has it."""
    from helpers.pages.run import Run
    from helpers.views import as_of_view

    as_of = pd.Timestamp("2017-09-10")
    params = _params("04_plans_vs_outcomes", "2017-09-10", include_context)
    known = as_of_view(tables, as_of)
    if not include_context:
        known = {**known, "outcomes": known["outcomes"].iloc[0:0]}
    run = Run(params, known, tables)
    later = run.with_hindsight()
    assert later["events"].equals(known["events"]) and later["sources"].equals(known["sources"])
    if include_context:
        assert later["outcomes"].equals(tables["outcomes"])
        assert len(later["outcomes"]) > len(known["outcomes"])
    else:
        assert later["outcomes"].empty
    # The source line counts the context sources of the outcomes shown: known then, or today.
    counted = {
        False: known["outcomes"]["source_url"].nunique(),
        True: later["outcomes"]["source_url"].nunique(),
    }
    for hindsight, n in counted.items():
        context = (
            f" Context: {n} public source{'' if n == 1 else 's'}, each cited on its own row in data/context/."
        )
        line = run.source_with_context("outcomes", hindsight=hindsight)
        assert line == run.source + (context if n else "")
    assert run.source_with_context("outcomes") == run.source_with_context("outcomes", hindsight=False)
    assert run.source_with_context() == run.source


def test_with_the_context_layer_off_every_context_table_is_empty_and_the_articles_stay(tables):
    from helpers.pages.run import context_tables, view

    run = view(_params("02_sanction_escalation", None, include_context=False), tables)
    assert context_tables() and all(run.tables[name].empty for name in context_tables())
    assert all(run.tables[name].equals(tables[name]) for name in tables if name not in context_tables())
    assert run.all_tables is tables


def test_a_run_with_no_article_at_all_says_so_when_its_chart_is_empty(tables):
    from helpers.pages.run import Run

    params = _params("03_summit_schedule", "2017-09-02")
    none = {**tables, "sources": tables["sources"].iloc[0:0]}
    assert Run(params, none, none).nothing("summits") == "Nothing was reported by 2 Sep 2017: no article"
    run = Run(params, tables, tables)
    assert run.nothing("summits") == "No summits between 1 Aug 2017 and 31 Dec 2017"
    assert (
        run.nothing("summits", filtered=True)
        == "No summits match these filters between 1 Aug 2017 and 31 Dec 2017"
    )


def _params(notebook: str, as_of: str | None, include_context: bool = True):
    """A notebook's parameters over August to December 2017, as known on ``as_of``."""
    from helpers.params.checks import Params

    return Params(
        notebook=notebook,
        start_date=pd.Timestamp("2017-08-01"),
        end_date=pd.Timestamp("2017-12-31"),
        include_planned=True,
        as_of=None if as_of is None else pd.Timestamp(as_of),
        figures_dir=None,
        include_context=include_context,
    )


def test_before_the_first_article_the_source_line_says_so_word_for_word(tables):
    """On the eve of the first article no article is known: the line names that day and the first
    article's, as a reader reads dates. From its day on, it is the articles' own line."""
    from helpers.pages.run import view

    first = tables["sources"]["published"].min()
    eve = first - pd.Timedelta(days=1)
    run = view(_params("01_meeting_cadence", f"{eve:%Y-%m-%d}"), tables)
    assert run.source == (
        f"Source: no article published by {eve.day} {eve:%b} {eve.year}; the first is dated "
        f"{first.day} {first:%b} {first.year}. Curated data in data/, every row with its verbatim quote."
    )
    on_the_day = view(_params("01_meeting_cadence", f"{first:%Y-%m-%d}"), tables)
    assert on_the_day.source.startswith("Source: ") and "no article published" not in on_the_day.source
