"""Evidence at the mark: every row a notebook's chart draws is a named mark, and that mark's
tooltip in the SVG carries the row's own verbatim quote (an article's fact) or its cited source
(a context fact), checked against the CSV files read here with plain pandas."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pandas as pd
import pytest
from matplotlib.collections import Collection

from helpers import paths
from helpers.charts.evidence import keys, link, named, table, tooltip
from helpers.charts.output import Chart, svg_text
from helpers.pages.in_process import run_notebook

SVG = "{http://www.w3.org/2000/svg}"
QUOTED = ("event-", "measure-")  # the rows an article's quotes stand behind


def csv(name: str) -> pd.DataFrame:
    folder = paths.DATA / "context" if (paths.DATA / "context" / f"{name}.csv").exists() else paths.DATA
    return pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False)


def proof(key: str) -> list[str]:
    """What a tooltip of ``key`` must carry, straight from the CSV files: each quote of an
    article's row, or the source address of a context row."""
    prefix, _, row_id = key.partition("-")
    quoted = {"event": ("mentions", "event_id"), "measure": ("sanctions", "measure_id")}
    if prefix in quoted:
        name, column = quoted[prefix]
        frame = csv(name)
        return list(frame.loc[frame[column] == row_id, "quote"])
    if prefix == "article":
        sources = csv("sources").set_index("source_id")
        return [sources.loc[row_id, "headline"]]
    name, column = {"fact": ("chronology", "fact_id"), "outcome": ("outcomes", "outcome_id"),
                    "resolution": ("resolutions", "resolution_id")}[prefix]  # fmt: skip
    frame = csv(name)
    return list(frame.loc[frame[column] == row_id, "source_url"])


def drawn_rows(notebook: str, page) -> dict[str, set[str]]:
    """Each chart's rows, from the tables the notebook computed (not from the chart)."""
    ids = lambda prefix, values: {f"{prefix}-{v}" for v in values}  # noqa: E731
    if notebook == "00_data_audit":
        return {"00_data_audit-coverage": ids("article", page.summary.index)}
    if notebook == "01_meeting_cadence":
        return {"01_meeting_cadence-timeline": ids("event", page.contacts["event_id"])
                | ids("fact", page.realised["fact_id"])}  # fmt: skip
    if notebook == "02_sanction_escalation":
        measures = ids("measure", page.adopted["measure_id"]) | ids("measure", page.proposed["measure_id"])
        steps = measures | ids("event", page.triggers["event_id"]) | ids("fact", page.recorded["fact_id"])
        regime = ids("resolution", page.resolutions["resolution_id"])
        return {"02_sanction_escalation-steps": steps, "02_sanction_escalation-regime": regime}
    if notebook == "03_summit_schedule":
        return {"03_summit_schedule-gantt": ids("event", page.calendar["event_id"])}
    if notebook == "04_plans_vs_outcomes":
        table = page.table
        # An outcome is drawn where it has days ("not found" has none, and no mark).
        outcomes = ids("outcome", table.loc[table["realised_start"].notna(), "outcome_id"].dropna())
        return {"04_plans_vs_outcomes-verification": ids("event", table["event_id"]) | outcomes}
    return {"05_chronology-timeline": ids("fact", page.facts["fact_id"])}


NOTEBOOKS = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb"))


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_every_row_drawn_is_a_mark_with_its_own_evidence_in_its_tooltip(notebook):
    page = run_notebook(notebook)  # in each test, so that mutation testing sees each reach the charts
    expected = drawn_rows(notebook, page)
    assert {chart.name for chart in page.shown} == set(expected)
    for chart in page.shown:
        gids = named(chart.figure)
        assert {k for gid in gids for k in keys(gid)} == expected[chart.name], chart.name
        svg = ET.fromstring(svg_text(chart))  # escaped: still well-formed XML
        titles = {g.get("id"): g.find(f"{SVG}title") for g in svg.iter(f"{SVG}g") if g.get("id") in gids}
        assert set(titles) == set(gids) and all(t is not None for t in titles.values()), chart.name
        for gid, title in titles.items():
            blocks = title.text.split("\n\n")  # one per row the mark stands for, in order
            assert len(blocks) == len(keys(gid)), gid
            for key, block in zip(keys(gid), blocks, strict=True):
                assert proof(key) and all(p in block for p in proof(key)), (gid, key)
                quotes = re.findall(r"^“(.*)” \(a\d{3}\)$", block, flags=re.M)
                assert sorted(set(quotes)) == (sorted(set(proof(key))) if key.startswith(QUOTED) else []), (
                    gid,
                    key,
                )
        links = {a.get("{http://www.w3.org/1999/xlink}href") for a in svg.iter(f"{SVG}a")}
        assert links == {f"#evidence-{keys(gid)[0]}" for gid in gids}


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_the_named_marks_are_every_named_artist_in_drawing_order(notebook):
    """``named`` walks the figure without the axes' ticks: it lists what matplotlib's own
    ``findobj`` lists, the plain way, in the same order, and ``link`` links exactly those."""
    for chart in run_notebook(notebook).shown:
        plain = [a.get_gid() for a in chart.figure.findobj() if a.get_gid()]
        assert named(chart.figure) == list(dict.fromkeys(plain)), chart.name
        link(chart.figure)
        for artist in (a for a in chart.figure.findobj() if a.get_gid()):
            got = artist.get_urls() if isinstance(artist, Collection) else [artist.get_url()]
            assert got == [f"#evidence-{keys(artist.get_gid())[0]}"], artist.get_gid()


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_the_evidence_table_has_a_row_for_every_link_of_the_page(notebook):
    page = run_notebook(notebook)
    html = page.evidence_table(*page.shown).html
    anchors = re.findall(r'<tr id="([^"]+)"', html)
    assert len(anchors) == len(set(anchors))
    for chart in page.shown:
        assert {f"evidence-{keys(gid)[0]}" for gid in named(chart.figure)} <= set(anchors)


@pytest.mark.parametrize(
    ("gid", "expected"),
    [
        ("event-call-kono-lavrov-0901", ["event-call-kono-lavrov-0901"]),
        ("fact-f012.days", ["fact-f012"]),
        ("event-x.open-end", ["event-x"]),
        ("measure-s01_s02_s10.minerals_metals-pale", ["measure-s01", "measure-s02", "measure-s10"]),
    ],
)
def test_a_mark_name_says_the_rows_it_stands_for(gid, expected):
    assert keys(gid) == expected


def evidence_row(**values) -> pd.DataFrame:
    row = {"layer": "articles", "what": "A meeting", "status": "planned",
           "date_start": pd.Timestamp("2017-09-04"), "date_end": pd.Timestamp("2017-09-06"),
           "date_words": "early next week", "quote": "“q” (a000)", "source": "a000: outlet", "link": pd.NA,
           **values}  # fmt: skip
    return pd.DataFrame([row], index=pd.Index(["event-x"], name="mark"))


def one_mark_chart(evidence: pd.DataFrame | None) -> Chart:
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots()
    ax.scatter([1], [1], gid="event-x")
    ax.plot([0, 1], [0, 1], gid="event-x.days")
    return Chart("c", fig, "alt", evidence)


def test_a_tooltip_says_what_status_days_words_quote_and_article():
    text = tooltip(evidence_row().iloc[0])
    assert text.splitlines() == [
        "A meeting",
        "Planned between 4 Sep and 6 Sep 2017 (“early next week”)",
        "“q” (a000)",
        "Article: a000: outlet",
    ]
    unsaid = tooltip(evidence_row(date_words=pd.NA, status="occurred").iloc[0]).splitlines()
    assert unsaid[1] == "Held between 4 Sep and 6 Sep 2017"  # no empty quotation marks
    missing = tooltip(
        evidence_row(status="not_found", date_start=pd.NaT, date_end=pd.NaT, date_words=pd.NA).iloc[0]
    )
    assert missing.splitlines()[1] == "No record found with no date given"
    until = tooltip(evidence_row(date_start=pd.NaT, date_words=pd.NA).iloc[0])
    assert until.splitlines()[1] == "Planned until 6 Sep 2017, with no start given"
    context = tooltip(
        evidence_row(layer="context", status="on record", quote=pd.NA, link="https://x.org/a").iloc[0]
    )
    assert context.splitlines()[-2:] == ["Cited source: a000: outlet", "https://x.org/a"]


def test_markup_in_the_data_stays_text_in_the_svg():
    payload = "<script>alert(1)</script> & \"'"
    chart = one_mark_chart(evidence_row(what=payload))
    svg = svg_text(chart)
    assert payload not in svg and "&lt;script&gt;" in svg
    title = ET.fromstring(svg).find(f".//{SVG}g[@id='event-x']/{SVG}title")
    assert title.text.startswith(payload)
    assert table(chart.marks).html.count("<script>") == 0


def test_a_mark_with_no_evidence_row_is_an_error_naming_it():
    chart = one_mark_chart(evidence_row().rename(index={"event-x": "event-y"}))
    with pytest.raises(KeyError, match="marks with no evidence row: event-x"):
        svg_text(chart)


def test_the_evidence_table_reads_as_the_tooltips_do():
    rows = pd.concat(
        [evidence_row(status="occurred"), evidence_row(status="not_found").rename(index=lambda k: "fact-f1")]
    )
    shown = table(rows)
    columns = ["mark", "what", "layer", "status", "date_start", "date_end", "date words", "quote"]
    assert list(shown.shown.columns) == [*columns, "article or source", "link"]
    assert list(shown.shown["status"]) == ["held", "no record found"]
    assert re.findall(r'<tr id="([^"]+)"', shown.html) == ["evidence-event-x", "evidence-fact-f1"]


def test_every_part_of_a_mark_gets_the_tooltip_once_and_nothing_else_does():
    chart = one_mark_chart(evidence_row())
    svg = svg_text(chart)
    assert svg.count("<title>") == 2  # the marker and its line over the days
    assert svg_text(one_mark_chart(None)).count("<title>") == 0  # no evidence given, none written
