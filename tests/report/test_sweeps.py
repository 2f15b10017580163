"""Sweep files: the two shipped sweeps make the sets they promise, values come from the data or a
list, and every mistake in a sweep file is one clear line that names the file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from helpers import paths
from helpers.report import ReportError
from helpers.report.paramsets import read_param_set, read_sweep


def rows(table: str) -> list[dict[str, str]]:
    with (paths.DATA / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_as_of_each_article_is_a_set_per_publication_date():
    sweep = read_sweep(paths.PARAMS / "sweeps" / "as-of-each-article.yaml")
    assert (sweep.name, sweep.vary, sweep.base) == (
        "as-of-each-article",
        "as_of",
        paths.PARAMS / "default.yaml",
    )
    dates = sorted({row["published"] for row in rows("sources")})
    assert sweep.values == tuple(dates) and len(dates) >= 2
    assert [s.name for s in sweep.sets] == [f"as-of-each-article/{d}" for d in dates]
    assert [s.shared["as_of"] for s in sweep.sets] == dates
    # Everything else is the base set's: the notebooks' defaults.
    assert all(s.per_notebook == {} and s.shared["include_planned"] is True for s in sweep.sets)


def test_each_person_is_a_set_per_person_in_actors():
    sweep = read_sweep(paths.PARAMS / "sweeps" / "each-person.yaml")
    people = sorted(row["actor_id"] for row in rows("actors") if row["kind"] == "person")
    assert sweep.values == tuple(people) and "kono" in people and "JPN" not in people
    # actors is a list parameter: each value becomes a list of one.
    assert [s.per_notebook["01_meeting_cadence"]["actors"] for s in sweep.sets] == [[p] for p in people]
    assert all(
        s.for_notebook("00_data_audit", "") == sweep.sets[0].for_notebook("00_data_audit", "")
        for s in sweep.sets
    )


def test_the_base_set_keeps_its_own_per_notebook_parameters(tmp_path):
    """A base with a notebooks: section keeps it, whether the sweep varies a shared parameter or
    another parameter of the same notebook."""
    base = paths.PARAMS / "foreign-ministers.yaml"
    kept = read_param_set(base).per_notebook
    assert kept["01_meeting_cadence"] == {"actors": ["kono", "lavrov"]}
    for vary, value, changed in (
        ("as_of", "2017-09-19", {}),
        ("notebooks.01_meeting_cadence.kinds", "meeting", {"01_meeting_cadence": {"kinds": ["meeting"]}}),
    ):
        path = write(tmp_path, f"base: {base}\nvary: {vary}\nvalues: [{value}]\n")
        (one,) = read_sweep(path).sets
        assert one.per_notebook == {nb: {**values, **changed.get(nb, {})} for nb, values in kept.items()}


def write(folder: Path, text: str, name: str = "probe") -> Path:
    path = folder / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_values_listed_keep_their_order_and_base_settings(tmp_path):
    base = write(tmp_path, "include_planned: false\n", "base")
    sweep = read_sweep(write(tmp_path, f"base: {base}\nvary: as_of\nvalues: [2017-09-19, 2017-09-01]\n"))
    assert sweep.values == ("2017-09-19", "2017-09-01")
    assert [(s.shared["as_of"], s.shared["include_planned"]) for s in sweep.sets] == [
        ("2017-09-19", False),
        ("2017-09-01", False),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("base: params/default.yaml\nvary: as_of\n", "a sweep names base, vary and values; missing: values"),
        (
            "base: params/default.yaml\nvary: as_of\nvalues: [a]\ncolour: red\n",
            "a sweep names base, vary and values; unknown: colour",
        ),
        ("base: params/default.yaml\n", "a sweep names base, vary and values; missing: vary, values"),
        (
            "base: params/default.yaml\nvary: as_of\ncolour: red\nsize: 3\n",
            "a sweep names base, vary and values; unknown: colour, size; missing: values",
        ),
        (
            "base: params/default.yaml\nvary: as_of\nvalues: {from: actors}\n",
            "values: from: 'actors' is not <table>.<column> of data/",
        ),
        ("base: params/default.yaml\nvary: colour\nvalues: [a]\n", "unknown parameter(s) colour"),
        (
            "base: params/default.yaml\nvary: a.b\nvalues: [a]\n",
            "vary: 'a.b' is not <parameter> or notebooks.<notebook>.<parameter>",
        ),
        ("base: params/default.yaml\nvary: as_of\nvalues: [a b]\n", "values: 'a b' cannot name a folder"),
        ("base: params/default.yaml\nvary: as_of\nvalues: [../up]\n", "values: '../up' cannot name a folder"),
        ("base: params/default.yaml\nvary: as_of\nvalues: [a, a]\n", "each value must be given once"),
        ("base: params/default.yaml\nvary: as_of\nvalues: []\n", "values: there are none"),
        ("base: params/default.yaml\nvary: as_of\nvalues: 3\n", "values: expected a list"),
        (
            "base: params/default.yaml\nvary: as_of\nvalues: {from: sources.colour}\n",
            "values: data/sources.csv has no column 'colour'",
        ),
        (
            "base: params/default.yaml\nvary: as_of\nvalues: {from: actors.actor_id, where: {colour: red}}\n",
            "values: data/actors.csv has no column 'colour'",
        ),
        (
            "base: params/default.yaml\nvary: as_of\nvalues: {from: nowhere.published}\n",
            "values: from: 'nowhere.published' is not <table>.<column> of data/",
        ),
        (
            "base: params/default.yaml\nvary: as_of\n"
            "values: {from: actors.actor_id, where: {kind: nobody}}\n",
            "values: there are none",
        ),
        (
            "base: params/nothing.yaml\nvary: as_of\nvalues: [a]\n",
            "base: 'params/nothing.yaml' is no parameter file",
        ),
    ],
)
def test_a_wrong_sweep_file_is_one_line_that_names_it(tmp_path, text, message):
    path = write(tmp_path, text)
    with pytest.raises(ReportError) as caught:
        read_sweep(path)
    said = str(caught.value)
    assert message in said and "\n" not in said
    assert said.startswith(f"{path}: ")


def test_a_sweep_may_not_share_a_parameter_set_name(tmp_path):
    path = write(tmp_path, "base: params/default.yaml\nvary: as_of\nvalues: [a]\n", "default")
    with pytest.raises(
        ReportError, match=r"params/default\.yaml has the same name; both would be reports/default/"
    ):
        read_sweep(path)


@pytest.mark.parametrize(
    ("flag", "file", "said"),
    [
        (
            "--sweep",
            "params/default.yaml",
            "is a parameter set, not a sweep file (it names no vary): make report",
        ),
        ("--params", "params/sweeps/each-person.yaml", "is a sweep file (it names vary): make sweep"),
    ],
)
def test_a_set_given_as_a_sweep_or_a_sweep_as_a_set_is_refused(flag, file, said, capsys, monkeypatch):
    from helpers.report import __main__ as cli
    from helpers.report import driver

    monkeypatch.setattr(driver, "build", lambda *a, **k: pytest.fail("nothing may be built"))
    monkeypatch.setattr(cli, "build", driver.build)
    assert cli.main([flag, str(paths.ROOT / file)]) == 1
    assert said in capsys.readouterr().err


def test_the_runner_imports_no_pandas_when_it_starts():
    """A build with nothing to do stays instant: the command line, the driver, the planning, the
    parameter files and the warm template's driver side import neither pandas nor papermill (nor
    the notebook side, which only the template imports, in its own process)."""
    import subprocess
    import sys

    code = (
        "import sys, helpers.report.__main__, helpers.report.planning, helpers.report.paramsets, "
        "helpers.report.warm; print(sorted({'pandas', 'numpy', 'papermill', 'dask', 'jupyter_client', "
        "'helpers.notebook'} & set(sys.modules)))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert found.stdout.strip() == "[]"
