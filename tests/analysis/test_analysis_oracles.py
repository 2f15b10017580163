"""Oracles for the numbers the analysis gives, worked out row by row in plain Python on generated
data (ties, single days, touching and open intervals), and metamorphic checks: shifting every date
by the same number of days changes no count."""

from __future__ import annotations

import itertools

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from support import oracles

from helpers.analysis import cadence, plans
from helpers.charts import cadence as cadence_chart

DAY = pd.Timedelta(days=1)
ORIGIN = pd.Timestamp("2017-08-01")


@st.composite
def contacts(draw):
    """Contacts of up to three pairs, on single days or ranges, often touching or on one day."""
    rows = []
    for i in range(draw(st.integers(0, 9))):
        first = draw(st.integers(0, 40))
        rows.append(
            {"event_id": f"e{i}", "pair": draw(st.sampled_from(["A – B", "C – D", "A – C"])),
             "status": draw(st.sampled_from(["occurred", "planned"])),
             "date_start": ORIGIN + first * DAY, "date_end": ORIGIN + (first + draw(st.integers(0, 6))) * DAY}
        )  # fmt: skip
    frame = pd.DataFrame(rows, columns=["event_id", "pair", "status", "date_start", "date_end"])
    return frame.astype({"date_start": "datetime64[us]", "date_end": "datetime64[us]"})


def gaps_by_hand(frame: pd.DataFrame) -> list[tuple]:
    """Per pair, in date order, each contact after the first: the shortest possible gap (never
    below zero), the longest, and whether the order is known (no overlap)."""
    out = []
    for pair in sorted(set(frame["pair"])):
        rows = sorted(
            ((r.date_start, r.date_end) for r in frame.itertuples() if r.pair == pair),
            key=lambda r: (r[0], r[1]),
        )
        for (prev_start, prev_end), (start, end) in itertools.pairwise(rows):
            out.append((pair, max(0, (start - prev_end).days), (end - prev_start).days, start > prev_end))
    return sorted(out)


def gaps_found(frame: pd.DataFrame) -> list[tuple]:
    found = cadence.gaps(frame)
    return sorted(
        zip(
            found["pair"],
            found["min_days"].astype(int),
            found["max_days"].astype(int),
            found["order_known"],
            strict=True,
        )
    )


@given(contacts())
def test_gaps_are_the_hand_worked_ranges(frame):
    assert gaps_found(frame) == gaps_by_hand(frame)


@given(contacts(), st.integers(-500, 500))
def test_shifting_every_date_changes_no_gap(frame, days):
    moved = frame.assign(date_start=frame["date_start"] + days * DAY, date_end=frame["date_end"] + days * DAY)
    assert gaps_found(moved) == gaps_found(frame)


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        (("2017-09-10", "2017-09-12"), (0, 2, False)),  # starts on the day the first ends: order unknown
        (("2017-09-11", "2017-09-11"), (1, 1, True)),  # the day after: known, one day
        (("2017-09-09", "2017-09-09"), (0, 0, False)),  # both on one day
    ],
)
def test_gap_boundaries(second, expected):
    day = pd.Timestamp
    frame = pd.DataFrame(
        {"event_id": ["a", "b"], "pair": ["A – B"] * 2, "status": ["occurred"] * 2,
         "date_start": [day("2017-09-10"), day(second[0])], "date_end": [day("2017-09-10"), day(second[1])]}
    )  # fmt: skip
    if second[0] == "2017-09-09":
        frame.loc[0, "date_start"] = frame.loc[0, "date_end"] = day("2017-09-09")
    assert gaps_found(frame) == [("A – B", *expected)]


def plan_tables(window, outcome, realised, announced) -> dict[str, pd.DataFrame]:
    """One plan, announced on ``announced`` for ``window`` (None: an open side), and its outcome."""
    day = lambda n: ORIGIN + n * DAY if n is not None else pd.NaT  # noqa: E731
    held = bool(outcome)
    return {
        "events": pd.DataFrame(
            {"event_id": ["e"], "title": ["A plan"], "kind": ["visit"], "status": ["planned"],
             "date_start": [day(window[0])], "date_end": [day(window[1])], "location": [""]}
        ).astype({"date_start": "datetime64[us]", "date_end": "datetime64[us]"}),
        "mentions": pd.DataFrame(
            {"mention_id": ["m1"], "event_id": ["e"], "source_id": ["a"], "date_text": [""],
             "reported_status": ["planned"]}
        ),
        "sources": pd.DataFrame({"source_id": ["a"], "published": [day(announced)]}),
        "outcomes": pd.DataFrame(
            {"outcome_id": ["o1"][:held], "event_id": ["e"][:held], "kind": ["visit"][:held],
             "outcome": [outcome][:held], "date_start": [day(realised[0])][:held],
             "date_end": [day(realised[1])][:held], "title": ["x"][:held], "location": ["x"][:held]}
        ).astype({"date_start": "datetime64[us]", "date_end": "datetime64[us]"}),
    }  # fmt: skip


def verdict_by_hand(window, outcome, realised) -> tuple[str, int | None]:
    if outcome in (None, "not_found"):
        return "not found", None
    if outcome == "partly":
        return "partly", None
    if window[0] is None and window[1] is None:
        return "no window", None
    if window[1] is not None and realised[0] > window[1]:
        return "late", realised[0] - window[1]
    if window[0] is not None and realised[1] < window[0]:
        return "early", realised[1] - window[0]
    return "in window", 0


@st.composite
def plan_cases(draw):
    bound = st.one_of(st.none(), st.integers(10, 60))
    first, last = draw(bound), draw(bound)
    if first is not None and last is not None and last < first:
        first, last = last, first
    start = draw(st.integers(0, 80))
    realised = (start, start + draw(st.integers(0, 5)))
    outcome = draw(st.sampled_from([None, "held", "held", "held", "partly", "not_found"]))
    if outcome == "not_found":
        realised = (None, None)
    return (first, last), outcome, realised, draw(st.integers(0, 9))


@given(plan_cases())
def test_plan_verdicts_are_the_hand_worked_ones(case):
    window, outcome, realised, announced = case
    row = plans.plans(plan_tables(window, outcome, realised, announced)).iloc[0]
    verdict, slip = verdict_by_hand(window, outcome, realised)
    assert row["verdict"] == verdict
    assert (pd.isna(row["slip_days"]) and slip is None) or row["slip_days"] == slip
    if outcome in ("held", "partly"):
        assert row["lead_days"] == realised[0] - announced


@given(plan_cases(), st.integers(-300, 300))
def test_shifting_every_date_changes_no_verdict(case, days):
    window, outcome, realised, announced = case
    move = lambda n: n + days if n is not None else None  # noqa: E731
    before = plans.plans(plan_tables(window, outcome, realised, announced)).iloc[0]
    after = plans.plans(
        plan_tables(tuple(map(move, window)), outcome, tuple(map(move, realised)), announced + days)
    ).iloc[0]
    for column in ("verdict", "slip_days", "lead_days"):
        assert (pd.isna(before[column]) and pd.isna(after[column])) or before[column] == after[column]


@pytest.mark.parametrize(
    ("realised", "verdict", "slip"),
    [((30, 30), "in window", 0), ((31, 31), "late", 1), ((20, 20), "in window", 0), ((19, 19), "early", -1)],
)
def test_plan_window_boundaries(realised, verdict, slip):
    row = plans.plans(plan_tables((20, 30), "held", realised, 0)).iloc[0]
    assert (row["verdict"], row["slip_days"]) == (verdict, slip)


def test_a_plan_takes_the_outcome_of_its_own_kind_before_an_earlier_numbered_other():
    """A visit that the context layer records both as a visit and as talks on one of its days is
    judged, dated and timed by the visit, even when the talks come first by id."""
    tables = plan_tables((20, 30), "held", (24, 26), 0)
    talks = tables["outcomes"].assign(
        outcome_id="o0", kind="talks", date_start=ORIGIN + 25 * DAY, date_end=ORIGIN + 25 * DAY
    )
    tables["outcomes"] = pd.concat([talks, tables["outcomes"]], ignore_index=True)
    row = plans.plans(tables).iloc[0]
    assert (row["outcome_id"], row["realised_start"], row["realised_end"], row["lead_days"]) == (
        "o1",
        ORIGIN + 24 * DAY,
        ORIGIN + 26 * DAY,
        24,
    )
    tables["outcomes"] = talks  # with no outcome of its own kind, the other one counts
    assert plans.plans(tables).iloc[0]["outcome_id"] == "o0"


def test_of_two_outcomes_of_its_kind_a_plan_takes_the_first_by_id_and_says_it_is_cited():
    """Two cited visits for one planned visit: the first by id counts, whichever way the table is
    ordered, and the page's ``outcome_source`` says the context layer, not the articles."""
    tables = plan_tables((20, 30), "held", (24, 26), 0)
    second = tables["outcomes"].assign(
        outcome_id="o2", date_start=ORIGIN + 40 * DAY, date_end=ORIGIN + 41 * DAY
    )
    for order in ([second, tables["outcomes"]], [tables["outcomes"], second]):
        row = plans.plans({**tables, "outcomes": pd.concat(order, ignore_index=True)}).iloc[0]
        assert (row["outcome_id"], row["outcome_source"], row["realised_start"], row["verdict"]) == (
            "o1", "context", ORIGIN + 24 * DAY, "in window",
        )  # fmt: skip


def test_a_plan_is_announced_by_its_first_report_as_a_plan_not_its_first_report():
    """An article that first reports an event as held, and a later one that reports it planned: the
    plan's lead time runs from the later article, the first that announced it."""
    tables = plan_tables((20, 30), "held", (24, 24), 5)
    tables["sources"] = pd.concat(
        [tables["sources"], pd.DataFrame({"source_id": ["b"], "published": [ORIGIN + 2 * DAY]})],
        ignore_index=True,
    )
    held = tables["mentions"].assign(mention_id="m0", source_id="b", reported_status="occurred")
    tables["mentions"] = pd.concat([held, tables["mentions"]], ignore_index=True)
    row = plans.plans(tables).iloc[0]
    assert (row["announced"], row["lead_days"]) == (ORIGIN + 5 * DAY, 19)


@given(contacts())
def test_the_busiest_channel_headline_on_generated_contacts(frame):
    if not frame.empty:
        oracles.check_busiest(frame, cadence_chart.headline(frame))
