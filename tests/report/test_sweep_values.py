"""Sweep values (and sweep names) that could escape their folder or clash with another: each is
refused in one line that names the file and the value, before anything is written, or is one
safe folder by construction, and a build writes nothing outside reports/<sweep>/ and
build/<sweep>/ (with notebooks that run in a blink, as in test_sweep_build.py)."""

from __future__ import annotations

import csv
import json
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import example, given
from hypothesis import strategies as st
from support.blink import notebooks_in_a_blink

from helpers import paths
from helpers.report import ReportError, driver
from helpers.report.paramsets import LONGEST, read_sweep


def sweep_file(folder: Path, values, name: str = "probe", vary: str = "as_of") -> Path:
    """A sweep file; ``values`` a list (written as YAML, any string safely quoted) or a mapping."""
    path = folder / f"{name}.yaml"
    text = yaml.safe_dump({"base": "params/default.yaml", "vary": vary, "values": values}, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def refusal(path: Path) -> str:
    with pytest.raises(ReportError) as caught:
        read_sweep(path)
    said = str(caught.value)
    assert said.startswith(f"{path}: ") and "\n" not in said and "\x00" not in said, said
    return said


def safe(value: str, folder: Path) -> bool:
    """Whether ``value`` is one plain folder of ``folder`` on every disk."""
    return (
        value not in ("", ".", "..")
        and Path(value).name == value
        and (folder / value).resolve().parent == folder.resolve()
        and value.isascii()
        and value.isprintable()
        and value == value.strip()
        and not value.endswith((".", " "))
        and "\\" not in value
        and ":" not in value
        and len(value) <= LONGEST
    )


ESCAPES = [
    "../x",
    "/abs",
    "a/b",
    "..",
    ".",
    "",
    " spaced ",
    "spaced ",
    "a b",
    "kono/",
    "kono.",  # Windows drops a last '.': 'kono.' would be 'kono'
    "kono..",
    ".hidden",  # beside reports/.<sweep>.partial and the like
    "-rf",  # read as an option by a shell command
    "a\\b",
    "c:x",
    "~",
    "$HOME",
    "*",
    "a\x00b",
    "a\nb",
    "a\rb",
    "a\tb",
    "x" * (LONGEST + 1),
    "x" * 300,
    "index.html",  # the sweep's page
    "INDEX.HTML",
    "sweep.json",  # its record
    "manifest.json",  # what the front page reads in every folder of reports/
    "CON",  # Windows devices
    "nul",
    "com1.txt",
    "LPT9",
]
LOOKALIKES = [
    "k\u043eno",  # Cyrillic o
    "\uff4b\uff4f\uff4e\uff4f",  # fullwidth kono
    "kono\u200b",  # zero-width space
    "caf\u00e9",  # é, composed
    "cafe\u0301",  # é, decomposed
    "\u212aono",  # Kelvin sign, which folds to k
    "kono\u2024",  # one-dot leader, not a full stop
    "\u2215abs",  # division slash
    "\u0660",  # Arabic-Indic zero
]


@pytest.mark.parametrize("value", ESCAPES + LOOKALIKES)
def test_a_value_that_is_no_plain_folder_is_refused(tmp_path, value):
    said = refusal(sweep_file(tmp_path, ["2017-09-01", value]))
    shown = repr(value) if len(value) <= 60 else repr(value[:40])
    assert f"values: {shown}" in said


@pytest.mark.parametrize("value", ["x" * 300, "y" * 61 + "/"])
def test_a_long_value_is_named_short(tmp_path, value):
    said = refusal(sweep_file(tmp_path, [value]))
    assert f"values: {value[:40]!r}... ({len(value)} characters)" in said and len(said) < 300


@pytest.mark.parametrize(("length", "whole"), [(60, True), (61, False)])
def test_a_value_is_named_whole_up_to_sixty_characters(tmp_path, length, whole):
    value = "z" * (length - 1) + "/"
    said = refusal(sweep_file(tmp_path, [value]))
    assert (f"values: {value!r} " in said) is whole
    assert (f"... ({length} characters)" in said) is not whole


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (["Kono", "kono"], "values: 'Kono' and 'kono' differ only in case"),
        (["kono", "x", "KONO"], "values: 'kono' and 'KONO' differ only in case"),
        (["2017-09-01", "2017-09-01"], "each value must be given once"),
        (["kono", "kono."], "values: 'kono.' cannot name a folder"),
        (["kono", "kono/"], "values: 'kono/' cannot name a folder"),
        (["kono", "./kono"], "values: './kono' cannot name a folder"),
        (["kono", None], "values: an empty value (null, ~ or a bare '-')"),
    ],
)
def test_values_that_would_be_one_folder_are_refused(tmp_path, values, message):
    assert message in refusal(sweep_file(tmp_path, values))


def test_case_insensitive_disk_message_says_why(tmp_path):
    said = refusal(sweep_file(tmp_path, ["Kono", "kono"]))
    assert said.endswith("on a case-insensitive disk (macOS, Windows) they would be one folder")


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        (".", "would be reports/ itself or the folder above it"),  # the file ..yaml
        ("..", "would be reports/ itself or the folder above it"),  # the file ...yaml
        (".hidden", "would be a hidden folder"),
        (".dates.partial", "would be a hidden folder"),  # the staging folder of the sweep 'dates'
        ("index.html", "is the name of a file beside the folders"),  # the front page
        ("INDEX.HTML", "is the name of a file beside the folders"),
    ],
)
def test_a_sweep_file_whose_name_is_no_folder_of_reports_is_refused(tmp_path, name, problem):
    """The sweep's name is its file's, less .yaml: '..yaml' would be the sweep '.', reports/ itself."""
    path = sweep_file(tmp_path, ["2017-09-01"], name=name)
    assert f"the sweep's name, {name!r} (the file's, less .yaml), {problem}" in refusal(path)


@pytest.mark.parametrize("name", ["a b", "'\"><img src=x>", "k\u043eno", "dates.", "nul"])
def test_any_other_sweep_name_is_one_folder_of_reports(tmp_path, name):
    """A file's name holds no '/' nor NUL: any other is one folder, as a parameter set's name is
    (its pages escape it: tests/report/test_hostile.py)."""
    sweep = read_sweep(sweep_file(tmp_path, ["2017-09-01"], name=name))
    assert sweep.name == name and safe_enough(name, tmp_path / "reports")


def safe_enough(name: str, folder: Path) -> bool:
    return (folder / name).resolve().parent == folder.resolve() and not name.startswith(".")


def test_a_sweep_may_not_share_a_sets_name_but_for_case(tmp_path):
    said = refusal(sweep_file(tmp_path, ["2017-09-01"], name="Default"))
    assert "params/default.yaml has the same name but for case" in said
    assert said.endswith("both would be reports/Default/")
    said = refusal(sweep_file(tmp_path, ["2017-09-01"], name="EACH-person"))
    assert "params/sweeps/each-person.yaml has the same name but for case" in said


def test_a_value_that_names_another_set_or_sweep_stays_in_its_sweep(tmp_path):
    names = ["default", "each-person", "as-of-each-article", "probe", "figures", "build"]
    sweep = read_sweep(sweep_file(tmp_path, names))
    assert [s.name for s in sweep.sets] == [f"probe/{name}" for name in names]


# Values from the data: a copy of it, with such strings in a column.


def add_person(data: Path, actor_id: str) -> None:
    table = data / "actors.csv"
    with table.open(encoding="utf-8", newline="") as handle:
        fields = next(csv.reader(handle))
    with table.open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=fields, lineterminator="\n").writerow(
            {"actor_id": actor_id, "name": "Nobody", "kind": "person", "source_id": "a000"}
        )


@pytest.mark.parametrize(
    ("actor_id", "message"),
    [
        ("../x", "values: '../x' (from {table}) cannot name a folder"),
        ("a/b", "values: 'a/b' (from {table}) cannot name a folder"),
        (" kono", "values: ' kono' (from {table}) cannot name a folder"),
        ("kono.", "values: 'kono.' (from {table}) cannot name a folder"),
        ("..", "values: '..' (from {table}) cannot name a folder"),
        ("k\u043eno", "values: 'k\u043eno' (from {table}) cannot name a folder"),
        ("a\nb", "values: 'a\\nb' (from {table}) cannot name a folder"),
        ("index.html", "values: 'index.html' (from {table}) is the name of a file beside"),
        ("x" * 200, "values: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'... (200 characters) (from {table})"),
        ("Kono", "values: 'Kono' and 'kono' (from {table}) differ only in case"),
    ],
)
def test_values_from_the_data_are_checked_and_their_table_named(
    data_copy, use_data, tmp_path, actor_id, message
):
    use_data(data_copy)
    add_person(data_copy, actor_id)
    path = sweep_file(
        tmp_path,
        {"from": "actors.actor_id", "where": {"kind": "person"}},
        vary="notebooks.01_meeting_cadence.actors",
    )
    assert message.format(table=data_copy / "actors.csv") in refusal(path)


@pytest.mark.parametrize("table", ["{outside}", "{data}/../outside", "/etc/hostname", "../data/sources"])
def test_a_table_outside_the_data_is_refused(data_copy, use_data, tmp_path, table):
    """A CSV file beside the data, named absolutely or through '..', is not the data's."""
    use_data(data_copy)
    (tmp_path / "outside.csv").write_text("name\nkono\n", encoding="utf-8")
    given = table.format(outside=tmp_path / "outside", data=data_copy)
    said = refusal(sweep_file(tmp_path, {"from": f"{given}.name"}))
    assert f"values: from: '{given}.name' is not <table>.<column> of data/" in said


def test_a_table_of_the_context_layer_is_inside_the_data(tmp_path):
    sweep = read_sweep(sweep_file(tmp_path, {"from": "context/resolutions.resolution_id"}))
    assert sweep.values and all(safe(value, tmp_path) for value in sweep.values)


# Any string at all: refused, or one plain folder. Any two: refused, or two folders on any disk.

SOME_TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=120)
ASCII = st.text(st.characters(min_codepoint=0, max_codepoint=127), max_size=12)


@given(value=SOME_TEXT | ASCII)
@example(value="..")
@example(value="a" * LONGEST)
@example(value="0.1.")
def test_any_value_is_refused_in_one_line_or_is_one_safe_folder(value):
    with tempfile.TemporaryDirectory() as folder:
        path = sweep_file(Path(folder), [value])
        try:
            sweep = read_sweep(path)
        except ReportError as error:
            said = str(error)
            assert said.startswith(f"{path}: values: ") and "\n" not in said, said
            return
        assert sweep.values == (value,) and safe(value, Path(folder) / "reports" / "probe")
        assert [s.name for s in sweep.sets] == [f"probe/{value}"]


@given(first=ASCII, second=ASCII)
@example(first="Kono", second="kono")
def test_any_two_values_are_refused_or_two_folders_on_any_disk(first, second):
    with tempfile.TemporaryDirectory() as folder:
        try:
            sweep = read_sweep(sweep_file(Path(folder), [first, second]))
        except ReportError:
            return
        assert len({value.lower().rstrip(". ") for value in sweep.values}) == 2


# A build: nothing is written outside reports/<sweep>/ and build/<sweep>/ (and the front page).


@pytest.fixture
def outputs(tmp_path, monkeypatch) -> Path:
    """reports/ and build/ in a temporary folder, and notebooks that 'run' in a blink."""
    monkeypatch.setattr(paths, "REPORTS", tmp_path / "out" / "reports")
    monkeypatch.setattr(paths, "BUILD", tmp_path / "out" / "build")

    notebooks_in_a_blink(monkeypatch, lambda task, stem: task.set_name)
    return tmp_path


def written(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def test_a_build_of_odd_but_plain_values_writes_only_in_its_folders(outputs):
    values = ["default", "each-person", "probe", "a..b", "x_y-z.1", "0", "z" * LONGEST, "figures"]
    driver.build(sweep_file(outputs, values, vary="notebooks.01_meeting_cadence.actors"))
    files = written(outputs / "out")
    assert files and all(
        f in ("reports/index.html", "build/inputs.mk") or f.startswith(("reports/probe/", "build/probe/"))
        for f in files
    ), files
    assert sorted(p.name for p in (outputs / "out" / "reports" / "probe").iterdir()) == sorted(
        [*values, "index.html", "sweep.json"]
    )
    assert json.loads((outputs / "out" / "reports" / "probe" / "sweep.json").read_text())["values"] == values
    assert not (outputs / "out" / "reports" / "default").exists()


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("probe", ["../escaped"]),
        ("probe", ["index.html"]),
        ("probe", ["manifest.json"]),
        ("probe", ["sweep.json"]),
        ("probe", ["Kono", "kono"]),
        ("probe", ["kono."]),
        (".", ["2017-09-01"]),  # the file ..yaml, the sweep '.': reports/ itself
        ("..", ["2017-09-01"]),  # the file ...yaml, the sweep '..': the folder above reports/
        ("index.html", ["2017-09-01"]),  # the front page
    ],
)
def test_a_refused_sweep_writes_nothing_anywhere(outputs, name, values):
    (outputs / "out").mkdir()
    path = sweep_file(outputs, values, name=name)
    before = sorted(p.relative_to(outputs).as_posix() for p in outputs.rglob("*"))
    with pytest.raises(ReportError):
        driver.build(path)
    after = sorted(p.relative_to(outputs).as_posix() for p in outputs.rglob("*"))
    assert after == before and not (outputs / "escaped").exists()
