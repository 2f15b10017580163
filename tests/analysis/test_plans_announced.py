"""A plan is a plan from the day it is announced: page 04 counts it whatever later articles say,
and judges it against the window its announcements gave."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd
import pytest
from support import append_row, read_rows, write_rows

from helpers import paths
from helpers.analysis import plans
from helpers.charts import plans as plans_chart
from helpers.data.load import load_tables
from helpers.views import as_of_view

HELD_LATER = (
    "DA NANG (Test) -- Prime Minister Shinzo Abe and Russian President Vladimir Putin held talks "
    "on Friday on the margins of the APEC summit.\n"
)
QUOTE = HELD_LATER.split(" -- ")[1].strip()


def data_with_a_later_article(root: Path) -> Path:
    """A copy of the data to which an article of 11 Nov 2017 adds that the APEC summit that a001
    planned for November was held 'on Friday' (10 Nov): the event is now held."""
    shutil.copytree(paths.DATA, root / "data")
    shutil.copytree(paths.ROOT / "seeds", root / "seeds")
    seed = root / "seeds" / "900_later.txt"
    seed.write_text(HELD_LATER, encoding="utf-8")
    data = root / "data"
    append_row(
        data / "sources.csv",
        {"source_id": "a900", "file": "seeds/900_later.txt", "outlet": "Test",
         "sha256": hashlib.sha256(seed.read_bytes()).hexdigest(), "published": "2017-11-11",
         "published_basis": "stated", "basis_note": "Written for the test."},
    )  # fmt: skip
    number = max(int(r["mention_id"][1:]) for r in read_rows(data / "mentions.csv")) + 1
    append_row(
        data / "mentions.csv",
        {"mention_id": f"m{number}", "event_id": "abe-putin-apec", "source_id": "a900", "quote": QUOTE,
         "date_text": "Friday", "reported_status": "occurred"},
    )  # fmt: skip
    events = read_rows(data / "events.csv")
    for row in events:
        if row["event_id"] == "abe-putin-apec":
            row.update(status="occurred", date_start="2017-11-10", date_end="2017-11-10", precision="day")
    write_rows(data / "events.csv", events)
    return data


@pytest.fixture(scope="module")
def later(tmp_path_factory) -> dict[str, pd.DataFrame]:
    return load_tables(data_with_a_later_article(tmp_path_factory.mktemp("later")))


def _announced(tables) -> set[str]:
    """Oracle: every event any article reports as planned or proposed."""
    mentions = tables["mentions"]
    return set(mentions.loc[mentions["reported_status"].isin(["planned", "proposed"]), "event_id"])


def test_every_announced_plan_is_counted(tables, later):
    for data in (tables, later, as_of_view(tables, pd.Timestamp("2017-09-01"))):
        assert set(plans.plans(data)["event_id"]) == _announced(data)


def test_a_plan_held_later_is_still_a_plan_judged_on_its_announced_window(tables, later):
    before = plans.plans(tables).set_index("event_id")
    after = plans.plans(later).set_index("event_id")
    assert len(after) == len(before)
    row = after.loc["abe-putin-apec"]
    # The window is what a001 announced ("in November"), not the day a900 reports.
    assert (row["status"], row["window_start"], row["window_end"]) == (
        "planned", pd.Timestamp("2017-11-01"), pd.Timestamp("2017-11-30"),
    )  # fmt: skip
    assert row["announced"] == pd.Timestamp("2017-09-19")
    assert row["verdict"] == "in window"
    title = plans_chart.headline(plans.plans(later))
    assert title.startswith(f"Of {len(before)} plans the articles announced")


def test_without_a_cited_outcome_the_articles_own_report_of_it_held_counts(later):
    no_context = {
        **later,
        "outcomes": later["outcomes"].loc[later["outcomes"]["event_id"] != "abe-putin-apec"],
    }
    row = plans.plans(no_context).set_index("event_id").loc["abe-putin-apec"]
    assert (row["outcome"], row["outcome_source"], row["realised_start"], row["verdict"]) == (
        "held", "articles", pd.Timestamp("2017-11-10"), "in window",
    )  # fmt: skip


def test_a_plan_known_by_as_of_is_one_even_if_a_later_article_held_it(tables):
    known = as_of_view(tables, pd.Timestamp("2017-09-01"))
    row = plans.plans(known).set_index("event_id").loc["abe-putin-vladivostok"]
    assert row["window_start"] == pd.Timestamp("2017-09-04")
    assert row["window_end"] == pd.Timestamp("2017-09-10")
