"""Above MAX_MARKS rows the charts draw weekly counts, not one mark per row (a synthetic dataset
in the data contract's format, from benchmarks/synthetic.py). Untimed: speed is measured by
benchmarks/report_speed.py."""

from __future__ import annotations

import sys

import pandas as pd
import pytest
from matplotlib.collections import QuadMesh

from helpers import paths, views
from helpers.analysis import cadence, escalation, schedule
from helpers.charts import cadence as cadence_chart
from helpers.charts import escalation as escalation_chart
from helpers.charts import schedule as schedule_chart
from helpers.charts.style import MAX_MARKS
from helpers.charts.weekly import weekly_counts
from helpers.data.load import load_tables

sys.path.insert(0, str(paths.ROOT / "benchmarks"))
from synthetic import generate

START, END = pd.Timestamp("2017-01-01"), pd.Timestamp("2017-12-31")


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    data = generate(tmp_path_factory.mktemp("synthetic"), events=3000, actors=200)
    return load_tables(data)


def marks(fig) -> int:
    return sum(len(ax.lines) + len(ax.patches) for ax in fig.axes)


def test_synthetic_data_passes_every_check(big):
    assert len(big["events"]) == 3000 and not big["participants"].empty


def test_contact_timeline_counts_per_week(big):
    contacts = views.in_window(cadence.contacts(big), START, END, True)
    assert len(contacts) > MAX_MARKS
    fig = cadence_chart.timeline(contacts, START, END, "Source: synthetic.")
    meshes = [c for c in fig.axes[0].collections if isinstance(c, QuadMesh)]
    assert len(meshes) == 1 and marks(fig) < MAX_MARKS
    counts = weekly_counts(contacts, "pair", START, END)
    assert int(counts.to_numpy().sum()) == int(contacts["date_start"].between(counts.columns[0], END).sum())
    alt = cadence_chart.alt_text(contacts)
    assert alt.startswith("Heat map of") and len(alt) < 1000


def test_schedule_counts_per_week(big):
    frame = views.in_window(schedule.schedule(big), START, END, True)
    assert len(frame) > MAX_MARKS
    fig = schedule_chart.gantt(frame, START, END, "Source: synthetic.")
    assert any(isinstance(c, QuadMesh) for ax in fig.axes for c in ax.collections)
    assert len(schedule_chart.alt_text(frame)) < 1000


def test_escalation_lane_counts_per_week(big):
    adopted = escalation.adopted_measures(big)
    triggers = escalation.triggers(big)
    assert len(triggers) > MAX_MARKS
    proposed = escalation.proposed_measures(big)
    fig = escalation_chart.chart(
        adopted, proposed, triggers, big["figures"], START, END, "Source: synthetic."
    )
    assert marks(fig) < MAX_MARKS
    assert len(fig.get_suptitle()) < 120
    assert len(escalation_chart.alt_text(adopted, proposed, triggers)) < 1000


def test_small_data_still_draws_every_mark(tables):
    contacts = views.in_window(cadence.contacts(tables), START, END, True)
    fig = cadence_chart.timeline(contacts, START, END, "Source: test.")
    assert not any(isinstance(c, QuadMesh) for ax in fig.axes for c in ax.collections)
