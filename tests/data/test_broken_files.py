"""Every kind of broken file fails the same clear way: a DataError naming the file and, where
there is one, the line; through `make report`'s driver, one message and no traceback, and the
previous report untouched. Each test breaks a copy of the data (``data_copy``)."""

from __future__ import annotations

import shutil

import pytest

from helpers import paths
from helpers.data.load import DataError, load_tables
from helpers.report import __main__ as cli


def lines_of(data, name: str) -> list[str]:
    return (data / name).read_text(encoding="utf-8").splitlines()


def write_lines(data, name: str, lines: list[str]) -> None:
    (data / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def cut_row(data) -> None:
    lines = lines_of(data, "actors.csv")
    lines[3] = ",".join(lines[3].split(",")[:3])
    write_lines(data, "actors.csv", lines)


def unclosed_quote(data) -> None:
    write_lines(data, "actors.csv", [*lines_of(data, "actors.csv"), 'zz,"Unclosed name,person'])


def not_utf8(data) -> None:
    with (data / "actors.csv").open("ab") as handle:
        handle.write("zz,Caf\xe9,person,,,a000,q\n".encode("latin-1"))


def folder(data) -> None:
    (data / "figures.csv").unlink()
    (data / "figures.csv").mkdir()


def unknown_column(data) -> None:
    write_lines(data, "former_roles.csv", [line + ",extra" for line in lines_of(data, "former_roles.csv")])


# A row appended to actors.csv is on the line after its last: taken from the data, which grows.
APPENDED = f"actors.csv, line {len(lines_of(paths.DATA, 'actors.csv')) + 1}"
BROKEN = {
    "empty file": (
        lambda d: (d / "sanctions.csv").write_bytes(b""),
        "sanctions.csv, line 1",
        "the file is empty",
    ),
    "header only": (
        lambda d: write_lines(d, "events.csv", lines_of(d, "events.csv")[:1]),
        "events.csv, line 2",
        "only its header",
    ),
    "row cut off": (cut_row, "actors.csv, line 4", "8 fields, as in the header (found 3)"),
    "unclosed quote": (unclosed_quote, APPENDED, "a quote never closed"),
    "schema missing": (lambda d: (d / "datapackage.json").unlink(), "datapackage.json", "not found"),
    "folder for a file": (folder, "figures.csv", "a file, not a folder"),
    "not UTF-8": (not_utf8, APPENDED, "UTF-8 text"),
    "resource absent": (
        lambda d: (d / "context" / "outcomes.csv").unlink(),
        "context/outcomes.csv",
        "to exist",
    ),
    "unknown column": (unknown_column, "former_roles.csv, line 1, column 'extra'", "not in datapackage.json"),
}


@pytest.mark.parametrize("kind", BROKEN)
def test_each_kind_of_broken_file_is_named(data_copy, kind):
    breakit, where, expected = BROKEN[kind]
    breakit(data_copy)
    with pytest.raises(DataError) as caught:
        load_tables(data_copy)
    message = str(caught.value)
    assert where in message and expected in message, message


@pytest.mark.parametrize("kind", BROKEN)
def test_the_driver_says_it_in_one_message_and_keeps_the_report(
    kind, data_copy, use_data, private_outputs, capsys
):
    report = private_outputs / "reports" / "default"
    before = {p.relative_to(report): p.read_bytes() for p in report.rglob("*") if p.is_file()}
    BROKEN[kind][0](data_copy)
    use_data(data_copy)
    assert cli.main(["--params", str(paths.PARAMS / "default.yaml"), "--force"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("make report: the data is invalid, no notebook was run: ")
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err and BROKEN[kind][1] in err
    after = {p.relative_to(report): p.read_bytes() for p in report.rglob("*") if p.is_file()}
    assert after == before
    assert not list((private_outputs / "reports").glob(".*partial"))


def test_a_copy_of_the_seeds_is_needed_too(data_copy):
    shutil.rmtree(data_copy.parent / "seeds")
    with pytest.raises(DataError, match=r"sources\.csv, line 2, column 'file'"):
        load_tables(data_copy)
