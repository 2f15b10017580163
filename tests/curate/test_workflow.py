"""The worked example of data/README.md, end to end, in a copy of the project: add an article,
draft it, curate its rows, `make check`, `make report`; each step the command a curator runs."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from support.elsewhere import environment, project_copy

pytestmark = pytest.mark.slow

ARTICLE = (
    "MOSCOW - Foreign Minister Taro Kono met Russian Foreign Minister Sergey Lavrov in Moscow on Friday.\n"
    "The two ministers agreed to meet again early next year.\n"
)


def run(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=root,
        env=environment(root),
        capture_output=True,
        text=True,
        timeout=600,
    )


def append(path: Path, row: dict[str, str]) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        fields = next(csv.reader(handle))
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=fields, lineterminator="\n").writerow(row)


def test_add_draft_curate_check_report(tmp_path):
    root = project_copy(tmp_path / "project")
    article = tmp_path / "kono-moscow.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    added = run(
        root, "helpers.curate", "add", str(article), "--published", "2017-11-25", "--outlet", "Example"
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith("added a002: seeds/002_")
    assert run(root, "helpers.data").returncode == 0  # an article without rows yet is valid

    drafted = run(root, "helpers.curate", "draft", "a002")
    rows = list(csv.DictReader(drafted.stdout.splitlines()))
    friday = next(r for r in rows if r["date_text"] == "Friday")
    assert (friday["date_start"], friday["actor_ids"], friday["kind"], friday["covered"]) == (
        "2017-11-24", "kono;lavrov;RUS", "meeting", "no",
    )  # fmt: skip

    data, quote = root / "data", friday["text"]
    append(data / "events.csv", {"event_id": "kono-lavrov-moscow", "title": "Kono and Lavrov meet in Moscow",
        "kind": "meeting", "status": "occurred", "date_start": friday["date_start"],
        "date_end": friday["date_end"], "precision": friday["precision"], "location": "Moscow"})  # fmt: skip
    mention = {"mention_id": "m900", "event_id": "kono-lavrov-moscow", "source_id": "a002", "quote": quote}
    append(data / "mentions.csv", {**mention, "date_text": "Friday", "reported_status": "occurred"})
    for actor in ("kono", "lavrov"):
        append(data / "participants.csv", {"event_id": "kono-lavrov-moscow", "actor_id": actor,
            "role": "participant", "mention_id": "m900"})  # fmt: skip
    checked = run(root, "helpers.data")
    assert checked.returncode == 0, checked.stderr
    assert "is valid" in checked.stdout

    built = run(root, "helpers.report", "--params", "params/default.yaml")
    assert built.returncode == 0, built.stderr
    page = (root / "reports" / "default" / "01_meeting_cadence.html").read_text(encoding="utf-8")
    assert "Kono – Lavrov, meeting occurred on 24 Nov 2017" in page  # the chart's alt text
    index = (root / "reports" / "index.html").read_text(encoding="utf-8")
    assert "The data: 3 articles and 22 events" in index


def test_check_names_a_mistake_in_the_curated_rows(tmp_path):
    root = project_copy(tmp_path / "project")
    append(root / "data" / "mentions.csv", {"mention_id": "m900", "event_id": "kono-lavrov-new-york",
        "source_id": "a001", "quote": "affirmed Monday in New York", "date_text": "Mondya",
        "reported_status": "occurred"})  # fmt: skip
    checked = run(root, "helpers.data")
    assert checked.returncode == 1
    assert "make check: mentions.csv, line 44, column 'date_text': value 'Mondya'" in checked.stderr
