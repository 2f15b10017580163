"""The escalation chart's title and alt text, word for word on small tables: each resolution with
how its adoption is known and its items, proposals with the day they were reported, triggers as a
day or a range, the chronology's other launches with open bounds, and nothing at all."""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.charts import escalation as escalation_chart

NO_PROPOSAL = pd.DataFrame({"item": pd.Series([], dtype="str"), "reported": pd.to_datetime([])})
NO_EVENT = pd.DataFrame(
    {"title": pd.Series([], dtype="str"), "date_start": pd.to_datetime([]), "date_end": pd.to_datetime([])}
)


def _adopted(resolutions: list[str | None], basis: list[str], in_force_by: list[str]) -> pd.DataFrame:
    """Adopted measures, one row per item; ``earliest`` is the day before ``in_force_by`` for a
    measure only reported adopted, the same day for one seen adopted."""
    by = pd.to_datetime(in_force_by)
    return pd.DataFrame(
        {
            "resolution": resolutions,
            "item": [f"item {i}" for i in range(1, len(resolutions) + 1)],
            "basis": basis,
            "earliest": [d - pd.Timedelta(days=int(b != "adopted")) for d, b in zip(by, basis, strict=True)],
            "in_force_by": by,
        }
    )


def test_the_alt_text_says_each_resolution_proposal_trigger_and_record_word_for_word():
    adopted = _adopted(
        ["2371", "2371", "2375", None],
        ["adopted", "adopted", "reported", "adopted"],
        ["2017-08-05", "2017-08-05", "2017-09-11", "2017-09-11"],
    )
    proposed = pd.DataFrame(
        {"item": ["oil ban", "asset freeze"], "reported": pd.to_datetime(["2017-09-04", "2017-10-01"])}
    )
    triggers = pd.DataFrame(
        {
            "title": ["Launch A", "Test B"],
            "date_start": pd.to_datetime(["2017-08-29", "2017-09-03"]),
            "date_end": pd.to_datetime(["2017-08-29", "2017-09-05"]),
        }
    )
    recorded = pd.DataFrame(
        {
            "title": ["Launch C", "Launch D"],
            "date_start": pd.to_datetime(["2017-07-04", "2017-11-28"]),
            "date_end": pd.to_datetime(["2017-07-04", None]),
        }
    )
    assert escalation_chart.alt_text(adopted, proposed, triggers, recorded=recorded) == (
        "Stacked step chart of UN sanctions measures in force by category: 4 adopted; "
        "2371, adopted on 5 Aug 2017: item 1, item 2; "
        "2375, reported adopted between 10 Sep and 11 Sep 2017: item 3; "
        "proposed, shown apart as hollow markers: oil ban (reported 04 Sep 2017), asset freeze "
        "(reported 01 Oct 2017); "
        "triggers marked on the time axis: Launch A (29 Aug), Test B (03 Sep to 05 Sep); "
        "2 more launches and tests on record (cited chronology), in black in the lower lane: "
        "Launch C (on 4 Jul 2017), Launch D (from 28 Nov 2017, with no end given)."
    )


@pytest.mark.parametrize(
    ("part", "said"),
    [
        ("adopted", "0 adopted; 2371, adopted"),
        ("proposed", "0 adopted; proposed, shown apart as hollow markers: oil ban (reported 04 Sep 2017)."),
        ("triggers", "0 adopted; triggers marked on the time axis: Launch A (29 Aug)."),
        ("recorded", "0 adopted; 1 more launches and tests on record"),
    ],
    ids=["adopted", "proposed", "triggers", "recorded"],
)
def test_the_alt_text_describes_a_chart_with_any_one_part(part, said):
    """Any one part alone makes the chart not empty; the others are left out, not listed empty."""
    frames = {
        "adopted": _adopted([], [], []),
        "proposed": NO_PROPOSAL,
        "triggers": NO_EVENT,
        "recorded": NO_EVENT,
    }
    one = {
        "adopted": _adopted(["2371"], ["adopted"], ["2017-08-05"]),
        "proposed": pd.DataFrame({"item": ["oil ban"], "reported": pd.to_datetime(["2017-09-04"])}),
        "triggers": pd.DataFrame(
            {
                "title": ["Launch A"],
                "date_start": pd.to_datetime(["2017-08-29"]),
                "date_end": pd.to_datetime(["2017-08-29"]),
            }
        ),
        "recorded": pd.DataFrame(
            {
                "title": ["Launch C"],
                "date_start": pd.to_datetime(["2017-07-04"]),
                "date_end": pd.to_datetime(["2017-07-04"]),
            }
        ),
    }
    frames[part] = one[part]
    alt = escalation_chart.alt_text(
        frames["adopted"], frames["proposed"], frames["triggers"], recorded=frames["recorded"]
    )
    if part == "adopted":
        said = said.replace("0 adopted", "1 adopted")
    assert alt.startswith("Stacked step chart of UN sanctions measures in force by category: ")
    assert said in alt
    assert alt.count("; ") == 1 and alt.endswith(".")


def test_the_alt_text_of_nothing_says_why():
    empty = _adopted([], [], [])
    assert escalation_chart.alt_text(empty, NO_PROPOSAL, NO_EVENT, empty="Nothing here") == (
        "Empty chart of UN sanctions measures: Nothing here."
    )
    assert escalation_chart.alt_text(empty, NO_PROPOSAL, NO_EVENT) == (
        f"Empty chart of UN sanctions measures: {escalation_chart.EMPTY}."
    )


@pytest.mark.parametrize(
    ("resolutions", "basis", "proposals", "said"),
    [
        (["2371"], ["adopted"], 0, "UN sanctions grew in 1 step (1 item): 1 in force by 11 Sep 2017"),
        (
            ["2371", "2371", "2375"],
            ["adopted", "adopted", "reported"],
            0,
            "UN sanctions grew in 2 steps (2, then 1 items): 3 in force as reported by 11 Sep 2017",
        ),
        (
            ["2270", "2321", "2371", "2375", "2375"],
            ["adopted", "adopted", "adopted", "adopted", "reported"],
            0,
            "UN sanctions grew in 4 steps (1, then 1, then 1, then 2 items): 5 in force as reported by "
            "11 Sep 2017",
        ),
        (
            ["2270", "2321", "2371", "2375", "2397"],
            ["adopted"] * 5,
            0,
            "UN sanctions grew in 5 steps: 5 in force by 11 Sep 2017",
        ),
        ([], [], 2, "No adopted measures in this view; 2 proposed"),
        ([], [], 0, escalation_chart.EMPTY),
    ],
    ids=[
        "one-step",
        "two-steps-reported",
        "four-steps-one-reported",
        "five-steps",
        "proposed-only",
        "nothing",
    ],
)
def test_the_title_counts_the_steps_and_items_in_force(resolutions, basis, proposals, said):
    """The items per step up to four steps; 'as reported by' only when the last day's measures are
    not all seen adopted; the count of proposals when nothing is adopted."""
    days = ["2017-09-11" if r == resolutions[-1] else "2017-08-05" for r in resolutions]
    adopted = _adopted(resolutions, basis, days)
    proposed = pd.DataFrame(
        {"item": ["a"] * proposals, "reported": pd.to_datetime(["2017-09-04"] * proposals)}
    )
    assert escalation_chart.headline(adopted, proposed) == said


def test_resolutions_are_told_in_the_order_given_and_an_unknown_start_is_said():
    """The adopted measures come in order of adoption; the words keep that order, not the
    numbers' order as text ('999' before '1000'), and a measure reported adopted with no earliest
    day says so rather than dropping its resolution."""
    adopted = _adopted(
        ["999", "1000", "1000"],
        ["adopted", "reported", "reported"],
        ["2017-08-05", "2017-09-11", "2017-09-11"],
    )
    adopted.loc[1:, "earliest"] = pd.NaT
    assert escalation_chart.headline(adopted, NO_PROPOSAL) == (
        "UN sanctions grew in 2 steps (1, then 2 items): 3 in force as reported by 11 Sep 2017"
    )
    assert escalation_chart.alt_text(adopted, NO_PROPOSAL, NO_EVENT) == (
        "Stacked step chart of UN sanctions measures in force by category: 3 adopted; "
        "999, adopted on 5 Aug 2017: item 1; "
        "1000, reported adopted until 11 Sep 2017, with no start given: item 2, item 3."
    )
