"""A report you can trust: byte-identical rebuilds, offline pages, inert hostile data, bad data stopped.

The browser checks open the pages in real headless Chromium with every other
host unreachable; they skip, saying why, where Chromium is not installed.
"""

from __future__ import annotations

import csv
import hashlib
import shutil
from pathlib import Path

import pytest
from browser import open_page

from helpers import paths
from helpers.build import __main__ as cli
from helpers.build import driver
from helpers.build.render import page_title
from helpers.data.load import load_tables

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb"))
SCRIPT = "<script>document.title='pwned'</script>"
IMG = "<img src=x onerror=\"document.title='pwned'\">"
SVG = '"><svg onload="document.title=\'pwned\'">'


def snapshot(*folders: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder.parent)): p.read_bytes()
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    """From a clean state, twice: once one notebook at a time, once all in parallel."""
    monkeypatch.setattr(paths, "REPORTS", tmp_path / "reports")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    driver.build(paths.PARAMS / "default.yaml", jobs=1)
    first = snapshot(tmp_path / "reports", tmp_path / "build")
    shutil.rmtree(tmp_path / "reports")
    shutil.rmtree(tmp_path / "build")
    driver.build(paths.PARAMS / "default.yaml", jobs=4)
    second = snapshot(tmp_path / "reports", tmp_path / "build")
    assert sorted(first) == sorted(second)
    changed = [name for name in first if first[name] != second[name]]
    assert changed == []
    assert any(name.endswith(".svg") for name in first) and any(name.endswith(".ipynb") for name in first)


@pytest.mark.parametrize("page", ["index", *(f"default/{n}" for n in NOTEBOOKS)])
def test_page_works_offline_in_a_real_browser(built, page):
    result = open_page(built / "reports" / f"{page}.html")
    assert result.external_requests == []
    assert result.failed_requests == []
    assert result.console_errors == []
    assert all(image["complete"] and image["naturalWidth"] > 0 for image in result.images)
    if page != "index":
        assert result.images and all(len(image["alt"]) > 40 for image in result.images)


def _rewrite(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows = [rows[0], *(change(dict(zip(rows[0], row, strict=True))) for row in rows[1:])]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(rows[0])
        writer.writerows([list(r.values()) if isinstance(r, dict) else r for r in rows[1:]])


def hostile_copy(data: Path) -> Path:
    """Payloads in titles, names, locations, a headline and a quote (the seed edited to match)."""
    seed = data.parent / "seeds" / "000_11f20d2174864b71.txt"
    seed.write_text(
        seed.read_text(encoding="utf-8").replace("Japan's top diplomat said", IMG), encoding="utf-8"
    )

    def sources(row):
        if row["source_id"] == "a000":
            row["sha256"] = hashlib.sha256(seed.read_bytes()).hexdigest()
        return row

    def quotes(row):
        row["quote"] = row["quote"].replace("Japan's top diplomat said", IMG)
        return row

    def events(row):
        if row["event_id"] == "call-kono-lavrov-0901":
            row["title"] = SCRIPT
        if row["event_id"] == "kono-lavrov-new-york":
            row["location"] = IMG
        return row

    def actors(row):
        if row["actor_id"] == "kono":
            row["name"] = SVG
        return row

    _rewrite(data / "sources.csv", sources)
    for table in ("mentions", "actors"):
        _rewrite(data / f"{table}.csv", quotes)
    _rewrite(data / "events.csv", events)
    _rewrite(data / "actors.csv", actors)
    return data


def test_hostile_data_shows_as_text_and_never_runs(data_copy, use_data, tmp_path, monkeypatch):
    use_data(hostile_copy(data_copy))
    tables = load_tables()
    assert SCRIPT in set(tables["events"]["title"]) and IMG in tables["mentions"]["quote"].iloc[0]
    monkeypatch.setattr(paths, "REPORTS", tmp_path / "reports")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    driver.build(paths.PARAMS / "default.yaml")
    texts = {}
    for notebook in NOTEBOOKS:
        result = open_page(tmp_path / "reports" / "default" / f"{notebook}.html")
        assert result.title == page_title(notebook), "a payload changed document.title"
        assert result.console_errors == [] and result.failed_requests == []
        texts[notebook] = result.text
    assert SCRIPT in texts["00_data_audit"] and IMG in texts["00_data_audit"]
    assert SCRIPT in texts["01_meeting_cadence"] and IMG in texts["01_meeting_cadence"]
    assert "onload=\"document.title='pwned'\">" in texts["01_meeting_cadence"]


def test_invalid_data_stops_before_any_notebook(data_copy, use_data, tmp_path, monkeypatch, capsys):
    events = data_copy / "events.csv"
    events.write_text(
        events.read_text(encoding="utf-8").replace("2017-09-18", "2017-09-31", 1), encoding="utf-8"
    )
    use_data(data_copy)
    monkeypatch.setattr(paths, "REPORTS", tmp_path / "reports")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    assert cli.main(["--params", str(paths.PARAMS / "default.yaml")]) == 1
    err = capsys.readouterr().err
    assert "the data is invalid, no notebook was run: " in err and len(err.strip().splitlines()) == 1
    assert "events.csv, line 13, column 'date_start': value '2017-09-31'" in err
    assert "Traceback" not in err
    assert not (tmp_path / "build").exists() and not (tmp_path / "reports").exists()
