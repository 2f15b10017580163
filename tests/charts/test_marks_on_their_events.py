"""A mark stands on its own event: a cited context contact sits on the bar of the article event it
realises, or on a row of its own when no article reports it, and its shape says its kind."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.collections import PathCollection
from matplotlib.markers import MarkerStyle
from matplotlib.patches import Rectangle

from helpers.analysis import cadence
from helpers.analysis.cadence import CONTACT_KINDS
from helpers.charts import cadence as cadence_chart
from helpers.charts.style import KIND_MARKERS
from helpers.views import in_window

START, END = pd.Timestamp("2017-08-01"), pd.Timestamp("2017-12-31")
HALF_BAR = 0.15  # the cadence bars are 0.3 high


def marks_of(fig) -> dict[str, tuple[float, object]]:
    """Each named mark's row (y) and its artist, by gid."""
    found = {}
    for artist in fig.axes[0].get_children():
        gid = artist.get_gid()
        if not gid or "." in gid:  # a part of a mark (a line over its days, an arrow)
            continue
        if isinstance(artist, PathCollection):
            found[gid] = (float(artist.get_offsets()[0][1]), artist)
        elif isinstance(artist, Rectangle):
            found[gid] = (artist.get_y() + artist.get_height() / 2, artist)
    return found


def check_marks(contacts: pd.DataFrame, realised: pd.DataFrame) -> None:
    fig = cadence_chart.timeline(contacts, START, END, "Source: test.", realised)
    marks = marks_of(fig)
    plt.close(fig)
    rows = {e: marks[f"event-{e}"][0] for e in contacts["event_id"]}
    spans = contacts.set_index("event_id")[["date_start", "date_end"]]
    for fact in realised.itertuples():
        y, artist = marks[f"fact-{fact.fact_id}"]
        # Its shape is its kind's.
        expected = MarkerStyle(KIND_MARKERS[fact.kind])
        path = expected.get_path().transformed(expected.get_transform())
        assert np.allclose(artist.get_paths()[0].vertices, path.vertices), fact.fact_id
        # Article events whose days include the fact's first day, and are near it in height.
        under = [
            e
            for e, (first, last) in spans.iterrows()
            if first <= fact.date_start <= last and abs(rows[e] - y) <= HALF_BAR
        ]
        if fact.realises in rows:
            assert abs(rows[fact.realises] - y) <= HALF_BAR, fact.fact_id
            assert under == [fact.realises], (fact.fact_id, under)
        else:
            assert under == [], (fact.fact_id, under)


def test_real_marks_stand_on_their_own_events(tables):
    contacts = in_window(cadence.contacts(tables), START, END, True)
    realised = in_window(cadence.realised_contacts(tables), START, END, True)
    assert realised["realises"].notna().any() and realised["realises"].isna().any()
    check_marks(contacts, realised)


def test_kinds_have_shapes_of_their_own():
    shapes = [KIND_MARKERS[k] for k in CONTACT_KINDS]
    assert len(set(shapes)) == len(shapes)


DAYS = st.integers(min_value=0, max_value=120)


@st.composite
def contacts_and_facts(draw):
    """One pair's contacts on overlapping days, and cited facts: some on those contacts, some
    of other kinds on the same days, some that no article reports."""
    n = draw(st.integers(1, 5))
    rows = []
    for i in range(n):
        first = START + pd.Timedelta(days=draw(DAYS))
        rows.append(
            {"event_id": f"e{i}", "title": f"E{i}", "kind": draw(st.sampled_from(CONTACT_KINDS)),
             "mode": "in_person", "status": draw(st.sampled_from(["occurred", "planned", "proposed"])),
             "pair": "A – B", "date_start": first,
             "date_end": first + pd.Timedelta(days=draw(st.integers(0, 20))),
             "precision": "interval", "duration_min": pd.NA, "location": ""}
        )  # fmt: skip
    contacts = pd.DataFrame(rows)
    facts = []
    for j in range(draw(st.integers(1, 5))):
        on = draw(st.sampled_from([*contacts["event_id"], None]))
        if on is None:
            day = START + pd.Timedelta(days=draw(DAYS))
        else:
            first, last = contacts.set_index("event_id").loc[on, ["date_start", "date_end"]]
            day = first + pd.Timedelta(days=draw(st.integers(0, (last - first).days)))
        facts.append(
            {"fact_id": f"f{j}", "title": f"F{j}", "kind": draw(st.sampled_from(CONTACT_KINDS)),
             "status": "occurred", "pair": "A – B", "date_start": day, "date_end": day, "location": "",
             "realises": on, "realises_title": on, "source_url": "https://example.org"}
        )  # fmt: skip
    return contacts, pd.DataFrame(facts)


@settings(deadline=None, max_examples=min(60, settings.default.max_examples))
@given(contacts_and_facts())
def test_generated_marks_stand_on_their_own_events(case):
    check_marks(*case)


@pytest.mark.parametrize("wrong", ["first", "pair"])
def test_a_mark_off_its_event_is_caught(tables, wrong, monkeypatch):
    """The check can fail: marks drawn on the pair's first row, or all on one lane, are refused."""
    contacts = in_window(cadence.contacts(tables), START, END, True)
    realised = in_window(cadence.realised_contacts(tables), START, END, True)
    original = cadence_chart.lanes
    if wrong == "first":
        monkeypatch.setattr(
            cadence_chart, "lanes", lambda frame, **kw: original(frame.assign(on=pd.NA), **kw)
        )
    else:
        monkeypatch.setattr(cadence_chart, "lanes", lambda frame, **kw: pd.Series(0, index=frame.index))
    with pytest.raises(AssertionError):
        check_marks(contacts, realised)


@pytest.mark.parametrize(("as_of", "planned"), [(None, True), ("2017-09-01", True), (None, False)])
def test_the_legend_names_the_shape_of_every_kind_drawn(tables, as_of, planned):
    """Context marks have shapes too: a kind that only the chronology's facts show (before the
    articles reported it, or with planned events left out) still has its legend entry."""
    from helpers.charts.style import KIND_NAMES
    from helpers.views import as_of_view

    view = as_of_view(tables, None if as_of is None else pd.Timestamp(as_of))
    contacts = in_window(cadence.contacts(view), START, END, planned)
    realised = in_window(cadence.realised_contacts(view), START, END, True)
    fig = cadence_chart.timeline(contacts, START, END, "Source: test.", realised=realised)
    labels = {t.get_text() for legend in fig.legends for t in legend.get_texts()}
    plt.close(fig)
    drawn = set(contacts["kind"]) | set(realised["kind"])
    assert {KIND_NAMES.get(k, k.replace("_", " ").capitalize()) for k in drawn} <= labels
    if as_of is not None or not planned:
        assert set(realised["kind"]) - set(contacts["kind"])  # the case is in the record


@pytest.mark.parametrize("as_of", [None, "2017-09-01"], ids=["all", "as-of-2017-09-01"])
def test_each_mark_is_labelled_with_its_kind_and_a_fact_alone_as_not_in_the_articles(tables, as_of):
    """The words beside the marks: an article's contact says its kind; a cited fact on a row of its
    own says its kind and that the articles do not report it; a fact on its event's bar says
    nothing (the bar's label stands for both)."""
    from matplotlib.text import Annotation

    from helpers.views import as_of_view

    view = as_of_view(tables, None if as_of is None else pd.Timestamp(as_of))
    contacts = in_window(cadence.contacts(view), START, END, True)
    realised = in_window(cadence.realised_contacts(view), START, END, True)
    fig = cadence_chart.timeline(contacts, START, END, "Source: test.", realised=realised)
    said = sorted(t.get_text() for t in fig.axes[0].texts if isinstance(t, Annotation))
    plt.close(fig)
    alone = realised.loc[~realised["realises"].isin(contacts["event_id"])]
    expected = [cadence_chart.KIND_LABELS[k] for k in contacts["kind"]]
    expected += [f"{cadence_chart.KIND_LABELS[k]} (not in the articles)" for k in alone["kind"]]
    assert said == sorted(expected) and len(alone) and len(alone) < len(realised)
