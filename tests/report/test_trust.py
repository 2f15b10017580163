"""A report you can trust: byte-identical rebuilds, offline pages, inert hostile data, bad data stopped.

The browser checks open the pages in real headless Chromium with every other
host unreachable; they skip, saying why, where Chromium is not installed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.browser import open_page

from helpers import paths
from helpers.report import __main__ as cli
from helpers.report import driver

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted(p.stem for p in paths.NOTEBOOKS.glob("*.ipynb"))


def snapshot(*folders: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder.parent)): p.read_bytes()
        for folder in folders
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path, monkeypatch):
    """From a clean state, twice: once one notebook at a time, once all in parallel. Every file
    but the run log, which records the seconds each notebook took."""
    monkeypatch.setattr(paths, "REPORTS", tmp_path / "reports")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "build")
    driver.build(paths.PARAMS / "default.yaml", driver.Options(jobs=1))
    first = snapshot(tmp_path / "reports", tmp_path / "build")
    shutil.rmtree(tmp_path / "reports")
    shutil.rmtree(tmp_path / "build")
    driver.build(paths.PARAMS / "default.yaml", driver.Options(jobs=4))
    second = snapshot(tmp_path / "reports", tmp_path / "build")
    assert sorted(first) == sorted(second)
    changed = [name for name in first if first[name] != second[name]]
    assert changed == ["build/default/run-log.json"]
    assert any(name.endswith(".svg") for name in first) and any(name.endswith(".ipynb") for name in first)


@pytest.mark.parametrize("page", ["index", *(f"default/{n}" for n in NOTEBOOKS)])
def test_page_works_offline_in_a_real_browser(built, page):
    result = open_page(built / "reports" / f"{page}.html")
    assert result.external_requests == []
    assert result.failed_requests == []
    assert result.console_errors == []
    assert all(image["complete"] and image["naturalWidth"] > 0 for image in result.images)
    if page != "index":
        assert result.charts and all(len(chart["alt"]) > 40 for chart in result.charts)


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
    assert "events.csv, line 14, column 'date_start': value '2017-09-31'" in err
    assert "Traceback" not in err
    assert not (tmp_path / "build").exists() and not (tmp_path / "reports").exists()
