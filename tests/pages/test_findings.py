"""Every number a reader reads in prose comes from the data: the README's findings and summary
and the data card's summary are generated (``make readme``) and checked here against the data;
the notebooks' prose carries no count at all."""

from __future__ import annotations

import csv
import json
import re

import pandas as pd
import pytest

from helpers import paths
from helpers.pages import findings, run_notebook
from helpers.views import as_of_view

COUNT_WORDS = r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|dozen|both|several"
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"


@pytest.fixture(scope="module")
def generated(tables) -> dict[str, str]:
    return findings.blocks(tables)


@pytest.mark.parametrize("document", findings.DOCUMENTS, ids=lambda p: p.relative_to(paths.ROOT).as_posix())
def test_generated_blocks_match_the_data(document, generated):
    text = document.read_text(encoding="utf-8")
    assert findings.fill(text, generated) == text, f"{document.name} is stale: run `make readme`"


def test_every_document_carries_the_summary():
    for document in findings.DOCUMENTS:
        assert "<!-- summary -->" in document.read_text(encoding="utf-8"), document


def test_a_changed_count_is_caught(generated):
    """The check can fail: a block whose number differs from the data is rewritten."""
    text = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    edited = re.sub(r"(<!-- summary -->\n)(\d+)", lambda m: m.group(1) + str(int(m.group(2)) + 1), text)
    assert edited != text and findings.fill(edited, generated) != edited


def test_the_summary_counts_every_row_of_every_table(generated):
    """Oracle: the summary's numbers are the CSV files' row counts, read with the csv module."""
    counts = {}
    for resource in json.loads((paths.DATA / "datapackage.json").read_text())["resources"]:
        with (paths.DATA / resource["path"]).open(encoding="utf-8", newline="") as handle:
            counts[resource["name"]] = sum(1 for _ in csv.DictReader(handle))
    said = generated["summary"]
    for name, label in [("sources", "articles"), ("actors", "actors"), ("events", "events"),
                        ("mentions", "mentions"), ("sanctions", "sanction measures"),
                        ("resolutions", "UN resolutions"), ("outcomes", "outcomes"),
                        ("chronology", "facts"), ("people", "ministers")]:  # fmt: skip
        assert f"{counts[name]} {label}" in said, (name, said)


def test_findings_are_the_charts_titles(tables, generated):
    """Every chart a notebook shows at its defaults is a finding, by its title."""
    _check_titles(tables, generated["findings"])


def test_findings_come_from_the_tables_given(tables, generated):
    """On a smaller record (the one known on 12 Sep 2017), every finding is that record's: none
    is read from data/ behind the caller's back."""
    early = as_of_view(tables, pd.Timestamp("2017-09-12"))
    said = findings.findings(early)
    assert not set(said) & set(generated["findings"].splitlines())  # every bullet changed
    _check_titles(early, "\n".join(said))
    chronology = early["chronology"]
    launches = (chronology["kind"] == "missile_launch") & (chronology["date_start"].dt.year == 2017)
    assert f"launched missiles on {launches.sum()} days of 2017" in said[2]


def _check_titles(tables, said: str) -> None:
    for notebook in ("00_data_audit", "01_meeting_cadence", "02_sanction_escalation", "04_plans_vs_outcomes"):
        for chart in run_notebook(notebook, tables=tables).shown:
            # Bold, after the period it covers where the bullet names one ("August to December: ").
            period = r"(?:August to December|All of 2017): "
            found = re.search(rf"\*\*(?:{period})?{re.escape(chart.headline)}\*\*", said)
            assert found, (notebook, chart.name)


def prose_counts(markdown: str) -> list[str]:
    """Counts written in prose: digits and number words, once code, quotations, years and days
    of the month (which name things, not counts) are set aside."""
    text = re.sub(r"`[^`]*`", " ", markdown)
    text = re.sub(r"\"[^\"]*\"|“[^”]*”|'[^'\n]*'", " ", text)
    text = re.sub(rf"\b\d{{1,2}} (?:{MONTHS})\b|\b(?:{MONTHS}) \d{{1,2}}\b", " ", text)
    text = re.sub(r"\b(?:19|20)\d\d\b|\b\d{4}-\d\d-\d\d\b|^#+ .*$", " ", text, flags=re.M)
    return re.findall(rf"\b(?:\d+|{COUNT_WORDS})\b", text, flags=re.I)


@pytest.mark.parametrize("notebook", sorted(paths.NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.stem)
def test_notebook_prose_carries_no_count(notebook):
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    prose = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert prose_counts(prose) == []


def test_a_count_in_prose_is_caught():
    assert prose_counts("Eight plans are too few; the 11 resolutions; both steps.") == ["Eight", "11", "both"]
    assert prose_counts('The article says "early next week" on 19 September 2017 (`as_of 2017-09-01`).') == []


def test_one_is_singular_and_the_blocks_are_the_documents_markers(tables):
    assert [findings.count(n, "article") for n in (0, 1, 2, 1000)] == [
        "0 articles",
        "1 article",
        "2 articles",
        "1,000 articles",
    ]
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    for name in findings.blocks(tables):
        assert f"<!-- {name} -->" in readme
    assert set(findings.blocks(tables)) == {"findings", "summary"}


def test_the_findings_for_the_report_carry_the_hash_of_their_data(tmp_path, tables):
    """`make report` writes the findings with the fingerprint of the data they come from, in
    folders it makes, as readable JSON (the front page shows them only for that data)."""
    from helpers.data.fingerprint import data_fingerprint

    target = tmp_path / "build" / "deeper" / "findings.json"
    findings.write_for_report(target)
    text = target.read_text(encoding="utf-8")
    assert json.loads(text) == {"data_sha256": data_fingerprint(), "findings": findings.findings(tables)}
    assert text.endswith("}\n") and '\n "findings": [' in text
    assert "\\u" not in text  # written as read: dashes and names are not escaped


def test_data_that_does_not_load_removes_the_reports_findings(tmp_path, data_copy, use_data):
    target = tmp_path / "findings.json"
    findings.write_for_report(target)
    use_data(data_copy)
    events = data_copy / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8").replace("2017-09-18", "2017-09-31", 1), encoding="utf-8"
    )
    findings.write_for_report(target)
    assert not target.exists()
    findings.write_for_report(target)  # nothing left to remove is no error
    assert not target.exists()


def test_make_readme_fills_each_documents_blocks_and_report_writes_the_findings(
    tmp_path, monkeypatch, capsys, generated
):
    """`python -m helpers.pages.findings` rewrites every document's generated blocks and names
    each; with ``--report`` it writes build/findings.json and leaves the documents alone."""
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    stale = (
        findings.DOCUMENTS[0]
        .read_text(encoding="utf-8")
        .replace("<!-- findings -->\n", "<!-- findings -->\n- old\n", 1)
    )
    documents = (tmp_path / "README.md", tmp_path / "data" / "README.md")
    documents[1].parent.mkdir()
    for document in documents:
        document.write_text(stale, encoding="utf-8")
    monkeypatch.setattr("sys.argv", ["findings", "--report"])
    assert findings.main(documents) == 0
    assert json.loads((tmp_path / "build" / "findings.json").read_text(encoding="utf-8"))["findings"]
    assert all(d.read_text(encoding="utf-8") == stale for d in documents) and capsys.readouterr().out == ""
    monkeypatch.setattr("sys.argv", ["findings"])
    assert findings.main(documents) == 0
    assert all(d.read_text(encoding="utf-8") == findings.fill(stale, generated) != stale for d in documents)
    said = capsys.readouterr().out.splitlines()
    assert said == ["README.md: generated blocks written", "data/README.md: generated blocks written"]


def with_a_march_meeting(tables) -> dict:
    """The record plus an articles' Kono-Lavrov meeting dated to 10-12 March 2017: a contact of
    the whole year, dated to a range, outside August to December."""
    events, mentions, participants = tables["events"], tables["mentions"], tables["participants"]
    event = events.loc[events["event_id"] == "kono-lavrov-new-york"].assign(
        event_id="kono-lavrov-march",
        date_start=pd.Timestamp("2017-03-10"),
        date_end=pd.Timestamp("2017-03-12"),
    )
    said = mentions.loc[mentions["event_id"] == "kono-lavrov-new-york"].head(1)
    said = said.assign(event_id="kono-lavrov-march", mention_id="m-march")
    who = participants.loc[participants["event_id"] == "kono-lavrov-new-york"]
    who = who.assign(event_id="kono-lavrov-march", mention_id="m-march")
    return {
        **tables,
        "events": pd.concat([events, event], ignore_index=True),
        "mentions": pd.concat([mentions, said], ignore_index=True),
        "participants": pd.concat([participants, who], ignore_index=True),
    }


def test_a_contact_outside_august_to_december_changes_only_the_years_finding(tables, generated):
    """The August-to-December bullet counts that window's contacts only (its ranged ones too); the
    whole year's bullet sees the March meeting."""
    before = generated["findings"].splitlines()
    after = findings.findings(with_a_march_meeting(tables))
    assert after[0] == before[0]
    assert after[1] != before[1]
