"""The data audit's tables against what they stand for, on small tables written here: counts per
table in the package's order, every statement beside its event, what the loader checked in
each table as ``datapackage.json`` itself declares it, and sentences per article and status."""

from __future__ import annotations

import json

import pandas as pd

from helpers import paths
from helpers.analysis.audit import coverage_summary, evidence, table_counts, validation_summary
from helpers.data.load import data_package


def test_table_counts_are_each_tables_rows_and_columns_in_order():
    tables = {
        "sources": pd.DataFrame({"a": [1, 2, 3]}),
        "actors": pd.DataFrame({"a": [], "b": [], "c": []}),
        "events": pd.DataFrame({"a": [1], "b": [2]}),
    }
    found = table_counts(tables)
    assert found.index.name == "table"
    assert found.to_dict("index") == {
        "sources": {"rows": 3, "columns": 1},
        "actors": {"rows": 0, "columns": 3},
        "events": {"rows": 1, "columns": 2},
    }
    assert list(found.index) == ["sources", "actors", "events"]


def test_evidence_is_every_statement_beside_its_event_by_day_event_and_article():
    events = pd.DataFrame(
        {
            "event_id": ["e2", "e1", "e3"],
            "title": ["Talks", "Summit", "Unsaid"],
            "status": ["occurred", "planned", "occurred"],
            "date_start": pd.to_datetime(["2017-09-07", "2017-09-07", "2017-09-01"]),
            "date_end": pd.to_datetime(["2017-09-07", "2017-09-08", "2017-09-01"]),
            "kind": ["talks", "summit", "visit"],
        }
    )
    mentions = pd.DataFrame(
        {
            "event_id": ["e1", "e2", "e1"],
            "source_id": ["a2", "a1", "a1"],
            "reported_status": ["occurred", "occurred", "planned"],
            "date_text": ["", "Thursday", "next week"],
            "quote": ["q3", "q1", "q2"],
            "mention_id": ["m1", "m2", "m3"],
        }
    )
    found = evidence({"events": events, "mentions": mentions})
    assert found.index.names == ["event_id", "title"]
    assert found.index.tolist() == [("e1", "Summit"), ("e1", "Summit"), ("e2", "Talks")]  # e3 has none
    assert found["source_id"].tolist() == ["a1", "a2", "a1"]
    assert found["quote"].tolist() == ["q2", "q3", "q1"]
    assert list(found.columns) == [
        "status",
        "date_start",
        "date_end",
        "source_id",
        "reported_status",
        "date_text",
        "quote",
    ]


def test_validation_summary_counts_what_the_package_declares():
    resources = data_package()
    tables = {name: pd.DataFrame(index=range(i)) for i, name in enumerate(resources)}
    found = validation_summary(tables, resources)
    declared = json.loads((paths.DATA / "datapackage.json").read_text(encoding="utf-8"))["resources"]
    assert list(found.index) == [spec["name"] for spec in declared]
    for i, spec in enumerate(declared):
        fields = spec["schema"]["fields"]
        rules = [field.get("constraints", {}) for field in fields]
        key = spec["schema"].get("primaryKey", [])
        names = [field["name"] for field in fields]
        expected = {
            "layer": spec.get("layer", "articles"),
            "rows": i,
            "required": sum(bool(rule.get("required")) for rule in rules),
            "typed (date, number)": sum(field.get("type", "string") != "string" for field in fields),
            "enums": sum("enum" in rule for rule in rules),
            "patterns": sum("pattern" in rule for rule in rules),
            "keys (primary, foreign)": f"{len([key] if isinstance(key, str) else key)}, "
            f"{len(spec['schema'].get('foreignKeys', []))}",
            "evidence": spec.get("evidence", {}).get("text")
            or ("source_url" if "source_url" in names else ""),
            "result": "passed",
        }
        assert found.loc[spec["name"]].to_dict() == expected, spec["name"]


def test_coverage_summary_counts_each_articles_sentences_by_status_with_every_status():
    coverage = pd.DataFrame(
        {
            "source_id": ["a2", "a1", "a1", "a2", "a1"],
            "status": ["covered", "uncovered", "covered", "covered", "covered"],
        }
    )
    found = coverage_summary(coverage)
    assert list(found.columns) == ["covered", "uncurated", "uncovered"]
    assert found.to_dict("index") == {
        "a1": {"covered": 2, "uncurated": 0, "uncovered": 1},
        "a2": {"covered": 2, "uncurated": 0, "uncovered": 0},
    }
