"""The context layer (data/context/): cited row by row, kept apart from the article-derived
tables, linked to them by keys that hold, and drawn as the issue asks."""

from __future__ import annotations

import csv
import re

import pandas as pd
import pytest
from support import edit, find, problems

from helpers import paths
from helpers.analysis import plans, regime
from helpers.charts import plans as plans_chart
from helpers.charts import regime as regime_chart
from helpers.data.schema import read_package

PACKAGE = read_package(paths.DATA / "datapackage.json")
CONTEXT = {name: r for name, r in PACKAGE.items() if r.layer == "context"}
ARTICLES = {name: r for name, r in PACKAGE.items() if r.layer == "articles"}
CITATION = ("source_title", "source_url", "source_published", "accessed")


def raw_rows(resource) -> list[dict[str, str]]:
    with (paths.DATA / resource.path).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_resource_is_in_one_layer():
    assert set(CONTEXT) and set(ARTICLES)
    assert set(CONTEXT) | set(ARTICLES) == set(PACKAGE)
    assert all(r.path.startswith("context/") for r in CONTEXT.values())
    assert not any(r.path.startswith("context/") for r in ARTICLES.values())


@pytest.mark.parametrize("name", sorted(CONTEXT))
def test_every_context_row_cites_a_source(name):
    resource = CONTEXT[name]
    assert set(CITATION) <= set(resource.field_names)
    rows = raw_rows(resource)
    assert rows
    for line, row in enumerate(rows, 2):
        where = f"{resource.path} line {line}"
        assert row["source_title"].strip(), where
        assert re.fullmatch(r"https?://\S+", row["source_url"]), where
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["accessed"]), where


def test_context_and_articles_rest_on_different_evidence():
    """Article tables rest on quotes and never on an outside citation; context tables the reverse.
    No article table points into the context layer, so no context fact can change them."""
    for resource in ARTICLES.values():
        assert not set(CITATION) & set(resource.field_names), resource.path
        assert all(fk.resource in ARTICLES for fk in resource.foreign_keys), resource.path
    for resource in CONTEXT.values():
        assert not resource.evidence and "quote" not in resource.field_names, resource.path


def test_no_context_fact_appears_in_the_article_tables():
    """Resolution numbers, places and source sites from the context layer may appear in an article
    table only where the articles themselves say them."""
    seeds = " ".join(p.read_text(encoding="utf-8") for p in paths.SEEDS.glob("*.txt"))
    tokens = {str(row["number"]) for row in raw_rows(CONTEXT["resolutions"])}
    tokens |= {row["symbol"] for row in raw_rows(CONTEXT["resolutions"])}
    places = {row["location"].split(" (")[0].split(",")[0] for row in raw_rows(CONTEXT["outcomes"])}
    tokens |= {place for place in places if place[:1].isupper()}  # city names, not descriptions
    tokens |= {
        re.sub(r"^https?://(www\.)?", "", row["source_url"]).split("/")[0]
        for resource in CONTEXT.values()
        for row in raw_rows(resource)
    }
    tokens.discard("")
    assert {"2375", "Da Nang", "tass.com"} <= tokens
    for resource in ARTICLES.values():
        text = (paths.DATA / resource.path).read_text(encoding="utf-8")
        leaked = sorted(t for t in tokens if t in text and t not in seeds)
        assert not leaked, f"{resource.path} holds context facts: {leaked}"


def test_every_plan_has_one_outcome(tables):
    """Every event an article reported as planned or proposed, even if a later article reports it
    held: with ``as_of`` before that later article, it is a plan again and needs its outcome."""
    mentions = tables["mentions"]
    announced = mentions.loc[mentions["reported_status"].isin(("planned", "proposed")), "event_id"]
    outcomes = tables["outcomes"].dropna(subset=["event_id"])
    assert set(announced) <= set(outcomes["event_id"])
    # Several outcomes may realise one event (a visit and the talks during it), one of each kind.
    assert not outcomes.duplicated(["event_id", "kind"]).any()


def test_contacts_the_articles_do_not_report_are_chronology_facts_not_outcomes(tables):
    """An outcome is what became of an article's plan; a contact the articles could not know is a
    fact of the chronology, told once."""
    assert tables["outcomes"]["event_id"].notna().all()
    chronology = tables["chronology"]
    unreported = chronology.loc[
        chronology["event_id"].isna() & chronology["kind"].isin(("phone_call", "meeting"))
    ]
    assert not unreported.empty
    assert unreported[["date_start", "date_end", "actor_a", "actor_b"]].notna().all().all()


def test_an_outcome_without_its_event_is_refused(data_copy):
    line = edit(data_copy, "context/outcomes", 0, "event_id", "")
    find(problems(data_copy), "context/outcomes.csv", line, "event_id", "")


def test_the_articles_resolutions_are_linked(tables):
    links = regime.article_links(tables)
    linked = tables["resolutions"].dropna(subset=["event_id"]).sort_values("adopted")
    assert list(links["symbol"]) == list(linked["symbol"]) and len(links) > 0
    assert links["agrees"].all()


def test_resolutions_in_adoption_order(tables):
    res = regime.resolutions(tables)
    assert sorted(res["number"]) == sorted(tables["resolutions"]["number"])
    assert res["adopted"].is_monotonic_increasing
    assert (res["measures"] > 0).all()
    assert (res["lag_days"].dropna() >= 0).all()


def test_regime_chart_shows_every_resolution_in_order(tables):
    res, table = regime.resolutions(tables), regime.matrix(tables)
    fig = regime_chart.chart(res, table, "Source: test.")
    labels = [t.get_text().split("\n")[0] for t in fig.axes[1].get_xticklabels()]
    assert labels == [str(n) for n in res["number"]]
    assert list(table.columns) == list(res["resolution_id"])


def test_plans_chart_has_a_row_per_plan(tables):
    table = plans.plans(tables)
    fig = plans_chart.chart(table, pd.Timestamp("2017-08-01"), pd.Timestamp("2017-12-31"), "Source: test.")
    rows = [t.get_text().replace("\n", " ") for t in fig.axes[0].get_yticklabels()]
    assert rows == list(table["title"])
    assert table["verdict"].notna().all()


def _plan(window: tuple[str, str], outcome: str, realised: tuple[str, str] | None) -> dict[str, pd.DataFrame]:
    day = pd.Timestamp
    start, end = (day(realised[0]), day(realised[1])) if realised else (pd.NaT, pd.NaT)
    return {
        "events": pd.DataFrame(
            {
                "event_id": ["e"],
                "title": ["A plan"],
                "location": [""],
                "kind": ["visit"],
                "status": ["planned"],
                "date_start": [day(window[0])],
                "date_end": [day(window[1])],
            }
        ),
        "mentions": pd.DataFrame(
            {
                "mention_id": ["m1"],
                "event_id": ["e"],
                "source_id": ["a"],
                "date_text": [""],
                "reported_status": ["planned"],
            }
        ),
        "sources": pd.DataFrame({"source_id": ["a"], "published": [day("2017-09-01")]}),
        "outcomes": pd.DataFrame(
            {
                "outcome_id": ["o1"],
                "event_id": ["e"],
                "kind": ["visit"],
                "outcome": [outcome],
                "date_start": [start],
                "date_end": [end],
                "title": ["What happened"],
                "location": ["x"],
            }
        ),
    }


@pytest.mark.parametrize(
    ("outcome", "realised", "verdict", "slip"),
    [
        ("held", ("2017-11-10", "2017-11-10"), "in window", 0),
        ("held", ("2017-12-03", "2017-12-04"), "late", 3),
        ("held", ("2017-10-20", "2017-10-30"), "early", -2),
        ("partly", ("2017-11-10", "2017-11-10"), "partly", None),
        ("not_found", None, "not found", None),
    ],
)
def test_plan_verdicts(outcome, realised, verdict, slip):
    row = plans.plans(_plan(("2017-11-01", "2017-11-30"), outcome, realised)).iloc[0]
    assert row["verdict"] == verdict
    assert (pd.isna(row["slip_days"]) and slip is None) or row["slip_days"] == slip
    if realised:
        assert row["lead_days"] == (pd.Timestamp(realised[0]) - pd.Timestamp("2017-09-01")).days


def test_bad_context_foreign_key_is_named(data_copy):
    line = edit(data_copy, "context/outcomes", 0, "actor_b", "nobody")
    find(problems(data_copy), "context/outcomes.csv", line, "actor_b", "nobody")


def test_context_row_without_source_is_refused(data_copy):
    line = edit(data_copy, "context/resolution_measures", 3, "source_url", "")
    find(problems(data_copy), "context/resolution_measures.csv", line, "source_url", "")


def test_adoption_outside_the_articles_window_is_refused(data_copy):
    """2371 is the articles' 'last month' (August 2017): a July adoption contradicts them."""
    rows = raw_rows(CONTEXT["resolutions"])
    index = next(i for i, r in enumerate(rows) if r["number"] == "2371")
    edit(data_copy, "context/resolutions", index, "adopted", "2017-07-31")
    line = edit(data_copy, "context/resolutions", index, "trigger_last", "2017-07-28")
    find(problems(data_copy), "context/resolutions.csv", line, "event_id", "unsc-resolution-aug")


def test_not_found_outcome_with_a_date_is_refused(data_copy):
    rows = raw_rows(CONTEXT["outcomes"])
    index = next(i for i, r in enumerate(rows) if r["outcome"] == "not_found")
    line = edit(data_copy, "context/outcomes", index, "date_start", "2017-11-10")
    find(problems(data_copy), "context/outcomes.csv", line, "date_start", "2017-11-10")


def test_plan_without_an_announced_date_has_no_window():
    """With ``as_of``, a plan whose date only a later article gives is undated: it cannot be early,
    late or in its window, only held without a window."""
    tables = _plan(("2017-11-01", "2017-11-30"), "held", ("2017-11-10", "2017-11-10"))
    tables["events"] = tables["events"].assign(date_start=pd.NaT, date_end=pd.NaT)
    row = plans.plans(tables).iloc[0]
    assert row["verdict"] == "no window" and pd.isna(row["slip_days"])
