"""The front page's words and links, without a build: each set's description and data line, the
manifest's links and parameters, the findings only when they come from the data shown, and the
default set first. (The slow tests build real reports; these say what each line must read.)"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from helpers import paths
from helpers.report import index
from helpers.report.paramsets import ParamSet, read_param_set
from helpers.report.planning import Plan
from helpers.report.records import write_manifest
from helpers.report.render import page_title

BASE = {"include_planned": True, "start_date": "2017-08-01", "end_date": "2017-12-31", "as_of": None}
SAY = "Everything the articles say"


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({}, f"{SAY}, 1 Aug to 31 Dec 2017."),
        ({"include_planned": False}, "Only what happened, 1 Aug to 31 Dec 2017."),
        ({"start_date": "2016-12-01", "end_date": "2017-01-31"}, f"{SAY}, 1 Dec 2016 to 31 Jan 2017."),
        ({"as_of": "2017-09-01"}, f"{SAY}, 1 Aug to 31 Dec 2017, as known on 1 Sep 2017."),
        (
            {
                "notebooks": {
                    "03_summit_schedule": {"kinds": []},
                    "01_meeting_cadence": {"actors": ["kono", "lavrov"]},
                }
            },
            f"{SAY}, 1 Aug to 31 Dec 2017; in 01, actors kono, lavrov; in 03, kinds all.",
        ),
        (
            {"notebooks": {"02_sanction_escalation": {"include_context": False, "top": 3}}},
            f"{SAY}, 1 Aug to 31 Dec 2017; in 02, without the context layer, top 3.",
        ),
        (
            {"notebooks": {"02_sanction_escalation": {"include_context": True}}},
            f"{SAY}, 1 Aug to 31 Dec 2017; in 02, with the context layer.",
        ),
    ],
)
def test_a_set_is_described_word_for_word(changes, words):
    assert index.describe({**BASE, **changes}) == words


@pytest.mark.parametrize("name", ["as-of-2017-09-01", "foreign-ministers"])
def test_the_shipped_sets_say_their_own_day_and_filters(name):
    param_set = read_param_set(paths.ROOT / "params" / f"{name}.yaml")
    text = index.describe({**param_set.shared, "notebooks": param_set.per_notebook})
    if param_set.shared["as_of"]:
        assert f"as known on {date.fromisoformat(param_set.shared['as_of']):%-d %b %Y}" in text
    for notebook, values in param_set.per_notebook.items():
        for parameter, value in values.items():
            assert f"in {notebook[:2]}, " in text and f"{parameter} {', '.join(value)}" in text


def manifest(name: str, **changes) -> dict:
    return {
        "parameter_set": name,
        "parameter_file": f"params/{name}.yaml",
        "parameters": BASE,
        "data_sha256": "d" * 64,
        "data": {"articles": 2, "events": 21, "first_day": "2017-09-01", "last_day": "2017-09-19"},
        "notebooks": [],
        "figures": [],
        **changes,
    }


def test_a_sets_data_line_counts_its_articles_and_events(tmp_path):
    section = index._section(manifest("default"), tmp_path / "default")
    assert '<p class="meta">The data: 2 articles and 21 events, 1 Sep to 19 Sep 2017. </p>' in section
    assert f'<p class="what">{SAY}, 1 Aug to 31 Dec 2017.</p>' in section
    assert index._section(manifest("default", data={}), tmp_path / "default").count("The data:") == 0


def test_the_manifest_links_each_page_inside_its_set_and_keeps_each_notebooks_parameters(tmp_path):
    notebooks = [paths.NOTEBOOKS / "00_data_audit.ipynb", paths.NOTEBOOKS / "01_meeting_cadence.ipynb"]
    param_set = ParamSet(
        name="foreign-ministers",
        path=paths.ROOT / "params" / "foreign-ministers.yaml",
        shared=BASE,
        per_notebook={"01_meeting_cadence": {"actors": ["kono", "lavrov"]}},
    )
    inputs = {"00_data_audit": "h0", "01_meeting_cadence": "h1"}
    plan = Plan(param_set, notebooks, todo=[], inputs=inputs, data_sha256="d1")
    (tmp_path / "figures").mkdir()
    (tmp_path / "figures" / "01_meeting_cadence-cadence.png").write_bytes(b"")
    write_manifest(plan, tmp_path, {"articles": 2})
    written = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert written["parameter_set"] == "foreign-ministers"
    assert written["parameter_file"] == "params/foreign-ministers.yaml"
    assert written["parameters"] == {
        **BASE,
        "notebooks": {"01_meeting_cadence": {"actors": ["kono", "lavrov"]}},
    }
    assert (written["data_sha256"], written["data"], written["figures"]) == (
        "d1", {"articles": 2}, ["01_meeting_cadence-cadence.png"],
    )  # fmt: skip
    assert [n["title"] for n in written["notebooks"]] == [page_title(nb.stem) for nb in notebooks]
    # Links relative to reports/, where the front page is.
    links = [
        (n["notebook"], n["html"], n["executed"], n["code"], n["inputs_sha256"]) for n in written["notebooks"]
    ]
    assert links == [
        (stem, f"foreign-ministers/{stem}.html", f"foreign-ministers/notebooks/{stem}.ipynb",
         f"foreign-ministers/notebooks/{stem}.html", inputs[stem])
        for stem in ("00_data_audit", "01_meeting_cadence")
    ]  # fmt: skip
    assert "; in 01, actors kono, lavrov." in index.describe(written["parameters"])


@pytest.fixture
def build(tmp_path, monkeypatch) -> Path:
    """An empty ``build/`` whose data has the fingerprint ``d1``."""
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    monkeypatch.setattr(index, "data_fingerprint", lambda: "d1")
    (tmp_path / "build").mkdir()
    return tmp_path / "build"


def test_the_findings_lead_only_when_they_come_from_the_data_shown(build):
    assert index._findings() == ""
    for fingerprint, shown in (("d1", True), ("d0", False)):
        written = {"data_sha256": fingerprint, "findings": ["- Two articles, 21 events."]}
        (build / "findings.json").write_text(json.dumps(written), encoding="utf-8")
        found = index._findings()
        assert (
            found.startswith('<section id="findings"><h2>Findings</h2>') and "21 events" in found
        ) == shown
        assert (found == "") == (not shown)


def test_the_default_set_comes_first_then_the_others_by_name(build, tmp_path):
    reports = tmp_path / "reports"
    for name in ("whole-year", "default", "articles-only"):
        (reports / name / "figures").mkdir(parents=True)
        (reports / name / "manifest.json").write_text(json.dumps(manifest(name)), encoding="utf-8")
    index.write_index(reports)
    page = (reports / "index.html").read_text(encoding="utf-8")
    places = [page.index(f'<section id="{name}">') for name in ("default", "articles-only", "whole-year")]
    assert places == sorted(places)
    # A page in standards mode that fits a phone, its sections one after another with nothing between.
    assert page.startswith('<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">')
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in page
    assert page.count("</section><section") == 2 and not list(reports.glob(".*"))
