"""`curate resolve`: one tab-separated line per expression, '..' for an open bound, exit 1 on any error."""

from __future__ import annotations

from helpers.curate.__main__ import main


def test_each_expression_on_its_own_line(capsys):
    assert main(["resolve", "--anchor", "2017-09-19", "Monday", "soon", "recently", "early next month"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "Monday\t2017-09-18\t2017-09-18\tday",
        "soon\t2017-09-19\t..\topen",
        "recently\t..\t2017-09-19\topen",
        "early next month\t2017-10-01\t2017-10-10\tinterval",
    ]


def test_an_unknown_expression_lists_the_known_forms_and_fails(capsys):
    assert main(["resolve", "--anchor", "2017-09-19", "Friday", "in the fullness of time"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Friday\t2017-09-15\t2017-09-15\tday"
    expression, error = lines[1].split("\t")
    assert expression == "in the fullness of time"
    assert error.startswith(
        "error: cannot resolve date expression 'in the fullness of time': known forms are"
    )
    assert "'Oct. 3-4'" in error and "soon" in error


def test_a_bad_anchor_is_refused(capsys):
    try:
        main(["resolve", "--anchor", "19/09/2017", "Monday"])
    except SystemExit as stop:
        assert stop.code == 2
    assert "not a date in the form YYYY-MM-DD: '19/09/2017'" in capsys.readouterr().err
