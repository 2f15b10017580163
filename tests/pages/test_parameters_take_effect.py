"""Each parameter changes what a page shows, in the expected direction: a notebook that ignored
``as_of``, the window or a filter would fail here."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pytest

from helpers.pages import run_notebook


def page(notebook: str, tables, **values):
    """The notebook's own code, run in-process with ``values`` for its parameters."""
    plt.close("all")
    return run_notebook(notebook, values, tables)


def test_as_of_shows_what_was_known_then(tables):
    everything, then = (
        page("01_meeting_cadence", tables),
        page("01_meeting_cadence", tables, as_of="2017-09-01"),
    )
    assert 0 < len(then.contacts) < len(everything.contacts)
    assert 0 < len(then.realised) < len(everything.realised)
    for shown in (then, everything):
        assert shown.timeline.headline.endswith(f"the articles report {len(shown.contacts)}")
        assert f"of {len(shown.realised)} contacts on record" in shown.timeline.headline
    audit_then = page("00_data_audit", tables, as_of="2017-09-01")
    known = (tables["sources"]["published"] <= "2017-09-01").sum()
    assert audit_then.counts.loc["sources", "rows"] == known < len(tables["sources"])
    adopted_then = page("02_sanction_escalation", tables, as_of="2017-09-01").adopted
    assert 0 < len(adopted_then) < len(page("02_sanction_escalation", tables).adopted)
    plans_then = page("04_plans_vs_outcomes", tables, as_of="2017-09-01")
    assert len(plans_then.every_plan) < len(page("04_plans_vs_outcomes", tables).every_plan)


def test_the_whole_year_shows_the_whole_record(tables):
    """From the start of 2017 the record gives a cadence and the launches the articles' window
    leaves out: every contact and every launch or test of the chronology, none twice."""
    year = {"start_date": "2017-01-01"}
    cadence, escalation = (
        page("01_meeting_cadence", tables, **year),
        page("02_sanction_escalation", tables, **year),
    )
    facts = tables["chronology"]
    contacts = facts["kind"].isin(["phone_call", "meeting", "summit", "talks", "visit"])
    assert set(cadence.realised["fact_id"]) == set(facts.loc[contacts, "fact_id"])
    assert len(cadence.record_gaps) == len(cadence.realised) - cadence.realised["pair"].nunique()
    triggers = facts["kind"].isin(["missile_launch", "nuclear_test"])
    shown = set(escalation.recorded["fact_id"]) | set(
        facts.loc[facts["event_id"].isin(escalation.triggers["event_id"]), "fact_id"]
    )
    assert shown == set(facts.loc[triggers, "fact_id"])
    assert len(escalation.recorded) > len(page("02_sanction_escalation", tables).recorded)


def test_the_window_narrows_what_is_shown(tables):
    autumn = page("03_summit_schedule", tables)
    september = page("03_summit_schedule", tables, start_date="2017-09-01", end_date="2017-09-30")
    assert 0 < len(september.calendar) < len(autumn.calendar)
    assert (september.calendar["date_start"] <= "2017-09-30").all()
    assert (september.calendar["date_end"] >= "2017-09-01").all()


@pytest.mark.parametrize(
    ("notebook", "values", "rows", "kept"),
    [
        (
            "01_meeting_cadence",
            {"actors": "putin"},
            "contacts",
            lambda f: f["pair"].str.contains("Putin").all(),
        ),
        (
            "01_meeting_cadence",
            {"kinds": "phone_call"},
            "contacts",
            lambda f: (f["kind"] == "phone_call").all(),
        ),
        (
            "01_meeting_cadence",
            {"include_planned": False},
            "contacts",
            lambda f: (f["status"] == "occurred").all(),
        ),
        (
            "01_meeting_cadence",
            {"actors": "putin"},
            "realised",
            lambda f: f["pair"].str.contains("Putin").all(),
        ),
        (
            "01_meeting_cadence",
            {"kinds": "phone_call"},
            "realised",
            lambda f: (f["kind"] == "phone_call").all(),
        ),
        ("03_summit_schedule", {"kinds": "summit"}, "calendar", lambda f: (f["kind"] == "summit").all()),
        (
            "02_sanction_escalation",
            {"categories": "energy"},
            "adopted",
            lambda f: (f["category"] == "energy").all(),
        ),
        (
            "04_plans_vs_outcomes",
            {"include_planned": False},
            "table",
            lambda f: f["outcome"].isin(["held", "partly"]).all(),
        ),
    ],
)
def test_each_filter_keeps_only_what_it_names(tables, notebook, values, rows, kept):
    filtered, everything = (
        getattr(page(notebook, tables, **values), rows),
        getattr(page(notebook, tables), rows),
    )
    assert 0 < len(filtered) < len(everything)
    assert kept(filtered)


def test_the_context_layer_switch(tables):
    assert "history" in page("02_sanction_escalation", tables)
    assert "history" not in page("02_sanction_escalation", tables, include_context=False)
    on = page("01_meeting_cadence", tables).realised
    off = page("01_meeting_cadence", tables, include_context=False).realised
    assert len(on) > 0 and off.empty
