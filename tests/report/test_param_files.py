"""Parameter files as people write them: unquoted dates, and names that cannot be a folder."""

from __future__ import annotations

import pytest

from helpers.report import ReportError
from helpers.report.paramsets import read_param_set


def test_an_unquoted_date_is_read_as_the_iso_string_a_notebook_takes(tmp_path):
    path = tmp_path / "as-of.yaml"
    path.write_text(
        "as_of: 2017-09-01\nnotebooks:\n  01_meeting_cadence:\n    actors: [kono]\n", encoding="utf-8"
    )
    found = read_param_set(path)
    assert found.shared["as_of"] == "2017-09-01"
    assert found.for_notebook("01_meeting_cadence", "x")["as_of"] == "2017-09-01"


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("..", "would be reports/ itself or the folder above it"),
        (".hidden", "would be a hidden folder"),
        ("index.html", "is the name of a file beside the folders"),
    ],
)
def test_a_set_whose_name_is_no_folder_of_reports_is_refused(tmp_path, name, why):
    path = tmp_path / f"{name}.yaml"
    path.write_text("{}\n", encoding="utf-8")
    with pytest.raises(ReportError, match=f"the set's name '{name}' {why}"):
        read_param_set(path)
