"""Make and the driver share one list of inputs: a file added anywhere among them, even in a new
folder, or a file removed, makes the report out of date; nothing changed, it is up to date."""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from helpers import paths
from helpers.report.planning import input_files, write_make_inputs


@pytest.fixture
def make_q(data_copy, tmp_path, monkeypatch):
    """``make -q`` on a report whose prerequisites are the fragment's INPUTS, over a copy of the data."""
    monkeypatch.setattr(paths, "DATA", data_copy)
    monkeypatch.setattr(paths, "SEEDS", data_copy.parent / "seeds")
    fragment, report = tmp_path / "inputs.mk", tmp_path / "report"
    write_make_inputs(fragment)
    (tmp_path / "Makefile").write_text(
        f"include {fragment}\n{report}: $(INPUTS)\n\ttouch $@\n", encoding="utf-8"
    )
    subprocess.run(["make", "-s", "-f", str(tmp_path / "Makefile"), str(report)], cwd=paths.ROOT, check=True)
    future = time.time() + 5  # the report is newer than everything now
    os.utime(report, (future, future))

    def question() -> int:
        command = ["make", "-q", "-f", str(tmp_path / "Makefile"), str(report)]
        return subprocess.run(command, cwd=paths.ROOT).returncode

    return question


def test_the_fragment_lists_what_the_driver_hashes(tmp_path):
    write_make_inputs(tmp_path / "inputs.mk")
    text = (tmp_path / "inputs.mk").read_text(encoding="utf-8")
    for path in input_files(paths.PARAMS / "default.yaml")[:-1]:
        if path != paths.PARAMS / "default.yaml":
            assert f"  {paths.relative(path)} \\" in text
    listed = [line.strip(" \\") for line in text.splitlines() if line.startswith("  ")]
    assert "data/context" in listed and not [name for name in listed if "__pycache__" in name]


def test_nothing_changed_is_up_to_date(make_q):
    assert make_q() == 0


def test_a_csv_in_a_new_data_folder_is_a_change(make_q, data_copy):
    (data_copy / "extra").mkdir()
    (data_copy / "extra" / "new.csv").write_text("a\n1\n", encoding="utf-8")
    future = time.time() + 10
    os.utime(data_copy, (future, future))  # as if written after the report
    assert make_q() == 1


def test_a_removed_file_is_a_change_not_an_error(make_q, data_copy):
    (data_copy / "figures.csv").unlink()
    assert make_q() == 1


def test_a_removed_folder_is_a_change_not_an_error(make_q, data_copy):
    for path in (data_copy / "context").iterdir():
        path.unlink()
    (data_copy / "context").rmdir()
    assert make_q() == 1


def test_every_folder_of_the_data_and_the_package_is_listed_and_no_cache(data_copy, tmp_path, monkeypatch):
    """Folders with no file of their own too (a file added there later is a change), and never a
    __pycache__ folder (Python writes those at will); the fragment's own folder is made."""
    monkeypatch.setattr(paths, "DATA", data_copy)
    monkeypatch.setattr(paths, "SEEDS", data_copy.parent / "seeds")
    (data_copy / "only" / "nested").mkdir(parents=True)
    (data_copy / "__pycache__").mkdir()
    fragment = tmp_path / "deep" / "er" / "inputs.mk"
    write_make_inputs(fragment)
    listed = {
        line.strip(" \\")
        for line in fragment.read_text(encoding="utf-8").splitlines()
        if line.startswith("  ")
    }
    package = paths.ROOT / "src" / "helpers"
    folders = [p for root in (data_copy, package) for p in [root, *root.rglob("*")] if p.is_dir()]
    wanted = {paths.relative(p) for p in folders if "__pycache__" not in p.parts and p != package}
    assert wanted <= listed, sorted(wanted - listed)
    assert not [name for name in listed if "__pycache__" in name]
    assert paths.relative(data_copy / "only") in listed
