"""The worked example of data/README.md, end to end, in a copy of the project: add an article,
draft it, curate its rows, `make check`, `make report`; each step the command a curator runs."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import pytest
from support import read_rows
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
    sources, events = (read_rows(root / "data" / f"{name}.csv") for name in ("sources", "events"))
    new = f"{max(int(row['source_id'][1:]) for row in sources) + 1:03d}"  # the next id: the data grows
    article = tmp_path / "kono-moscow.txt"
    article.write_text(ARTICLE, encoding="utf-8")

    added = run(
        root, "helpers.curate", "add", str(article), "--published", "2017-11-25", "--outlet", "Example"
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.startswith(f"added a{new}: seeds/{new}_")
    assert run(root, "helpers.data").returncode == 0  # an article without rows yet is valid

    unquoted = run(root, "helpers.curate", "check")  # make check: a warning per sentence, no error
    assert unquoted.returncode == 0, unquoted.stderr
    assert f"warning: seeds/{new}_" in unquoted.stderr
    assert f"(a{new}), sentence 1: quoted by no row" in unquoted.stderr
    assert run(root, "helpers.curate", "check", "--strict").returncode == 1

    drafted = run(root, "helpers.curate", "draft", f"a{new}")
    rows = list(csv.DictReader(drafted.stdout.splitlines()))
    friday = next(r for r in rows if r["date_text"] == "Friday")
    assert (friday["date_start"], friday["actor_ids"], friday["kind"], friday["covered"]) == (
        "2017-11-24", "kono;lavrov;RUS", "meeting", "no",
    )  # fmt: skip
    assert "kono-visit-russia" in friday["updates"]  # the visit a001 planned: the curator decides

    data, quote = root / "data", friday["text"]
    append(data / "events.csv", {"event_id": "kono-lavrov-moscow", "title": "Kono and Lavrov meet in Moscow",
        "kind": "meeting", "status": "occurred", "date_start": friday["date_start"],
        "date_end": friday["date_end"], "precision": friday["precision"], "location": "Moscow"})  # fmt: skip
    mention = {"mention_id": friday["mention_id"], "event_id": "kono-lavrov-moscow", "source_id": f"a{new}",
        "quote": quote}  # fmt: skip
    append(data / "mentions.csv", {**mention, "date_text": "Friday", "reported_status": "occurred"})
    for actor in ("kono", "lavrov"):
        append(data / "participants.csv", {"event_id": "kono-lavrov-moscow", "actor_id": actor,
            "role": "participant", "mention_id": friday["mention_id"]})  # fmt: skip
    checked = run(root, "helpers.data")
    assert checked.returncode == 0, checked.stderr
    assert "is valid" in checked.stdout

    built = run(root, "helpers.report", "--params", "params/default.yaml")
    assert built.returncode == 0, built.stderr
    page = (root / "reports" / "default" / "01_meeting_cadence.html").read_text(encoding="utf-8")
    assert "Kono – Lavrov, meeting occurred on 24 Nov 2017" in page  # the chart's alt text
    index = (root / "reports" / "index.html").read_text(encoding="utf-8")
    assert f"The data: {len(sources) + 1} articles and {len(events) + 1} events" in index


def test_check_names_a_mistake_in_the_curated_rows(tmp_path):
    root = project_copy(tmp_path / "project")
    line = len(read_rows(root / "data" / "mentions.csv")) + 2  # the header, the rows, then this one
    append(root / "data" / "mentions.csv", {"mention_id": "m900", "event_id": "kono-lavrov-new-york",
        "source_id": "a001", "quote": "affirmed Monday in New York", "date_text": "Mondya",
        "reported_status": "occurred"})  # fmt: skip
    checked = run(root, "helpers.data")
    assert checked.returncode == 1
    assert f"make check: mentions.csv, line {line}, column 'date_text': value 'Mondya'" in checked.stderr
