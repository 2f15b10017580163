"""Valid parameter values at the edges of the record, with the words each chart then says: run
through a kernel (``tests/report/test_notebooks.py``) and in-process
(``tests/pages/test_edge_values.py``, which the grown copy of ``test_third_article`` runs)."""

from __future__ import annotations

from datetime import date, timedelta

from helpers import paths
from support import read_rows

NOTEBOOKS = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb"))
# A day no dated event of the data reaches: 1 March 2018, or the day after the latest end if an
# article has since brought a later one (the data grows; an open end reaches no calendar).
LATEST_END = max(
    date.fromisoformat(r["date_end"]) for r in read_rows(paths.DATA / "events.csv") if r["date_end"]
)
EMPTY_DAY = max(date(2018, 3, 1), LATEST_END + timedelta(days=1))

# Valid values at the edges of the record, as a user runs them: nothing known yet, a window with
# no plan, filters that match nothing, a window of one day. Each renders; its charts say why empty.
EDGES = [
    (
        notebook,
        {"as_of": "2017-08-15"},
        "Nothing was reported by 15 Aug 2017: the first article is dated 1 Sep 2017",
    )
    for notebook in NOTEBOOKS
    if notebook not in ("00_data_audit", "01_meeting_cadence", "05_chronology")
] + [
    ("00_data_audit", {"as_of": "2017-08-15"}, "sentences of substance"),
    # Before any article, the cadence still has the record, and says the articles report none.
    ("01_meeting_cadence", {"as_of": "2017-08-15"}, "contacts on record; the articles report 0"),
    (
        "01_meeting_cadence",
        {"as_of": "2017-08-15", "include_context": False},
        "Nothing was reported by 15 Aug 2017: the first article is dated 1 Sep 2017",
    ),
    # The chronology knows on 15 August only what had happened by then.
    (
        "05_chronology",
        {"as_of": "2017-08-15", "start_date": "2017-08-16"},
        "No fact on record between 16 Aug 2017 and 31 Dec 2017",
    ),
    (
        "04_plans_vs_outcomes",
        {"start_date": "2017-09-02", "end_date": "2017-09-03"},  # between the plans, open ones included
        "No announced plans between",
    ),
    ("01_meeting_cadence", {"actors": "GBR"}, "No Japan–Russia contacts match these filters"),
    (
        "03_summit_schedule",
        {"start_date": EMPTY_DAY.isoformat(), "end_date": EMPTY_DAY.isoformat()},
        f"No calendar events on {EMPTY_DAY.day} {EMPTY_DAY:%b %Y}",
    ),
    (
        "02_sanction_escalation",
        {"end_date": "2017-08-20", "include_context": False},
        "No UN measures between",
    ),
]
# Each edge's test id: its notebook and the parameters it sets, in ASCII (a title's en dash in an
# id is escaped by pytest, and a tool that runs tests by id, such as mutmut, cannot find it).
EDGE_IDS = [f"{notebook}-{'-'.join(parameters)}" for notebook, parameters, _ in EDGES]
