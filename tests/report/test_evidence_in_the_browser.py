"""Evidence at the mark, as a reader meets it: in real headless Chromium, offline, every mark of
every chart of every page has a tooltip carrying its own quote (an article's fact) or its cited
source (a context fact), held, planned and context marks alike, and links to its row of the
page's evidence table, which is there."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from support.browser import open_page

from helpers import paths

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb"))
MARK = re.compile(r"^(event|measure|article|fact|outcome|resolution)-")


def csv(path: str) -> pd.DataFrame:
    return pd.read_csv(paths.DATA / path, dtype=str, keep_default_na=False)


@pytest.fixture(scope="module")
def oracle() -> dict[str, tuple[str, list[str]]]:
    """Each mark key's class (held, planned, context, article) and what its tooltip must carry,
    from the CSV files alone."""
    events, mentions = csv("events.csv"), csv("mentions.csv")
    sanctions, sources = csv("sanctions.csv"), csv("sources.csv")
    said = mentions.groupby("event_id")["quote"].agg(list)
    found = {
        f"event-{e.event_id}": ("held" if e.status == "occurred" else "planned", said.get(e.event_id, []))
        for e in events.itertuples()
    }
    found |= {f"measure-{m.measure_id}": ("held" if m.status == "adopted" else "planned", [m.quote])
              for m in sanctions.itertuples()}  # fmt: skip
    found |= {f"article-{s.source_id}": ("article", [s.headline]) for s in sources.itertuples()}
    for prefix, name, key in (("fact", "chronology", "fact_id"), ("outcome", "outcomes", "outcome_id"),
                              ("resolution", "resolutions", "resolution_id")):  # fmt: skip
        found |= {f"{prefix}-{row[key]}": ("context", [row["source_url"]])
                  for _, row in csv(f"context/{name}.csv").iterrows()}  # fmt: skip
    return found


@pytest.fixture(scope="module")
def shown(built) -> dict[str, object]:
    return {notebook: open_page(built / "reports" / "default" / f"{notebook}.html") for notebook in NOTEBOOKS}


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_mark_has_its_evidence_as_a_tooltip_and_a_link_to_its_row(shown, oracle, notebook):
    page = shown[notebook]
    assert page.charts, "no inline chart on the page"
    for chart in page.charts:
        named = {name for name in chart["named"] if MARK.match(name)}
        titled = {mark["id"]: mark for mark in chart["marks"]}
        assert named and named == set(titled), named ^ set(titled)
        for gid, mark in titled.items():
            key = gid.split(".")[0].split("_")[0]  # the first row it stands for
            _, proof = oracle[key]
            assert proof and all(p in mark["title"] for p in proof), (gid, mark["title"])
            assert mark["href"] == f"#evidence-{key}" and mark["href"][1:] in page.anchors, gid
            assert mark["target"] is None, gid  # the row is on this page: no new window


def test_held_planned_and_context_marks_all_carry_their_evidence(shown, oracle):
    """The test above checks every mark; this one makes sure it met every class of mark."""
    seen = {
        notebook: {oracle[m["id"].split(".")[0].split("_")[0]][0] for c in page.charts for m in c["marks"]}
        for notebook, page in shown.items()
    }
    assert seen["01_meeting_cadence"] >= {"held", "planned", "context"}, seen
    assert set().union(*seen.values()) == {"held", "planned", "context", "article"}


def test_the_evidence_table_anchors_are_unique_and_every_link_finds_one(shown):
    for notebook, page in shown.items():
        rows = [a for a in page.anchors if a.startswith("evidence-")]
        linked = {m["href"][1:] for c in page.charts for m in c["marks"]}
        assert len(rows) == len(set(rows)) and linked <= set(rows), notebook
