"""What each check says, word for word: the file, the line, the column, the value and what was
expected. A curator fixes the data from these lines alone, so a wrong line number or a lost value
is a bug even where the data is still refused."""

from __future__ import annotations

import pytest
from support import edit, problems

from helpers import paths
from helpers.data.csvfile import MalformedCSV
from helpers.data.problems import Problem


def lines(data, name: str) -> list[str]:
    return (data / name).read_text(encoding="utf-8").splitlines()


def rewrite(data, name: str, line: int, text: str) -> None:
    """Replace line ``line`` (1 = the header) of a CSV."""
    all_lines = lines(data, name)
    all_lines[line - 1] = text
    (data / name).write_text("\n".join(all_lines) + "\n", encoding="utf-8")


def cut_first_row(data) -> None:
    rewrite(data, "actors.csv", 2, ",".join(lines(data, "actors.csv")[1].split(",")[:3]))


def unclosed_first_row(data) -> None:
    rewrite(data, "former_roles.csv", 2, 'fr01,"patrushev,Unclosed')


def latin1_row(data) -> None:
    with (data / "actors.csv").open("ab") as handle:
        handle.write("zz,Caf\xe9,person,,,,a000,q\n".encode("latin-1"))


LAST_WEEK = (
    "The North has continued to develop nuclear weapons and ballistic missiles, firing a ballistic "
    "missile across Japan into the Pacific Ocean last week."
)


def contradicting_mention(data) -> None:
    """A second dated mention of the 18 September meeting, from the same article, saying 'last week'."""
    with (data / "mentions.csv").open("a", encoding="utf-8") as handle:
        handle.write(f'm900,kono-lavrov-new-york,a001,"{LAST_WEEK}",last week,occurred\n')


CASES = {
    "dated mentions that contradict each other": (
        contradicting_mention,
        "events.csv, line 14, column 'event_id': value 'kono-lavrov-new-york': expected mentions whose date "
        "intervals overlap (they contradict)",
    ),
    "an undated event without a note": (
        lambda d: edit(d, "events", 3, "date_note", ""),
        "events.csv, line 5, column 'date_note': value '': expected a note on how the interval was "
        "derived (no mention of this event has a date_text)",
    ),
    "a date where 'soon' leaves the end open": (
        lambda d: edit(d, "events", 10, "date_end", "2017-12-31"),
        "events.csv, line 12, column 'date_end': value '2017-12-31': expected empty (an open bound), "
        "what the date_text of the mentions of 'joint-economic-activities' resolves to (the "
        "intersection of their intervals)",
    ),
    "the first row cut off": (
        cut_first_row,
        "actors.csv, line 2: value 'kono,Taro Kono,person': expected 8 fields, as in the header (found 3)",
    ),
    "a quote never closed on the first row": (
        unclosed_first_row,
        "former_roles.csv, line 2: value '': expected a well-formed CSV record "
        "(',' expected after '\"'; a quote never closed?)",
    ),
    "bytes in another encoding": (
        latin1_row,
        f"actors.csv, line {len(lines(paths.DATA, 'actors.csv')) + 1}: value '\\\\xe9,pe': "
        "expected UTF-8 text (these bytes are in another encoding)",
    ),
    "an end before the start": (
        lambda d: edit(d, "events", 0, "date_end", "2017-08-31"),
        "events.csv, line 2, column 'date_end': value '2017-08-31': expected a date on or after date_start",
    ),
    "a precision the interval does not have": (
        lambda d: edit(d, "events", 0, "precision", "week"),
        "events.csv, line 2, column 'precision': value 'week': expected the precision of the interval: day "
        "(start = end), week (Monday-Sunday), month (a whole month), year (a whole year), open (a bound left "
        "empty), else interval",
    ),
    "date words not in the quote": (
        lambda d: edit(d, "mentions", 17, "date_text", "Tuesday"),
        "mentions.csv, line 19, column 'date_text': value 'Tuesday': expected an expression that appears in "
        "the quote",
    ),
    "a seed that is not there": (
        lambda d: edit(d, "sources", 0, "file", "seeds/missing.txt"),
        "sources.csv, line 2, column 'file': value 'seeds/missing.txt': "
        "expected an existing file under seeds/",
    ),
    "a quote not in its article": (
        lambda d: edit(d, "mentions", 0, "quote", "Kono and Lavrov talked."),
        "mentions.csv, line 2, column 'quote': value 'Kono and Lavrov talked.': expected an exact passage of "
        "the article named in source_id",
    ),
    "an edited seed": (
        lambda d: edit(d, "sources", 1, "sha256", "0" * 64),
        f"sources.csv, line 3, column 'sha256': value '{'0' * 64}': expected the sha256 of the seed file "
        "(was it edited?)",
    ),
}


@pytest.mark.parametrize("case", CASES)
def test_each_problem_is_said_in_full(data_copy, case):
    breakit, said = CASES[case]
    breakit(data_copy)
    assert said in [str(problem) for problem in problems(data_copy)]


def test_a_malformed_file_says_its_first_problem():
    first = Problem("actors.csv", 4, None, "a,b", "8 fields, as in the header (found 2)")
    error = MalformedCSV([first, Problem("actors.csv", 9, None, "", "anything")])
    assert str(error) == "actors.csv, line 4: value 'a,b': expected 8 fields, as in the header (found 2)"
    assert error.problems[0] is first


def test_a_long_list_of_problems_is_cut_at_200_and_says_how_many_more():
    from helpers.data.problems import MAX_SHOWN, DataError

    many = [Problem("events.csv", n, "title", "x", "a title") for n in range(2, MAX_SHOWN + 7)]
    lines = str(DataError(many)).splitlines()
    assert lines[0] == f"{MAX_SHOWN + 5} problem(s) in the data:"
    assert lines[1] == "  events.csv, line 2, column 'title': value 'x': expected a title"
    assert len(lines) == MAX_SHOWN + 2 and lines[-1] == "  ... and 5 more"


def test_a_problem_in_a_column_the_file_lacks_names_the_line_and_column():
    import pandas as pd

    from helpers.data.problems import problems_at

    frame = pd.DataFrame({"_line": [2, 3, 4], "title": ["a", "b", "c"]})
    found = problems_at(frame, pd.Series([False, True, True]), "events.csv", "kind", "a kind")
    assert [str(p) for p in found] == [
        "events.csv, line 3, column 'kind': value '': expected a kind",
        "events.csv, line 4, column 'kind': value '': expected a kind",
    ]


def test_a_seed_in_another_encoding_is_a_data_problem_not_a_crash(data_copy):
    seed = data_copy.parent / "seeds" / "001_43d3fd295df8e4e4.txt"
    seed.write_bytes(seed.read_bytes().replace(b"Kono", b"K\xf4no", 1))
    said = [str(p) for p in problems(data_copy)]
    assert any(s.startswith("sources.csv, line 3, column 'sha256'") for s in said)


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda path: None, "x.csv: value '': expected the file to exist"),
        (lambda path: path.mkdir(), "x.csv: value '': expected a file, not a folder"),
        (
            lambda path: path.write_bytes(b""),
            "x.csv, line 1: value '': expected a header line naming the columns (the file is empty)",
        ),
    ],
    ids=["missing", "folder", "empty"],
)
def test_a_file_that_is_missing_a_folder_or_empty_is_said_in_one_exact_line(tmp_path, make, said):
    from helpers.data.csvshape import container_problems

    make(tmp_path / "x.csv")
    assert [str(p) for p in container_problems(tmp_path / "x.csv", "x.csv")] == [said]


def test_a_record_of_the_wrong_width_is_shown_up_to_60_characters():
    from helpers.data.csvshape import record_problems

    (found,) = record_problems("a,b\n" + "x" * 59 + "yz\n", "x.csv")
    assert str(found) == f"x.csv, line 2: value '{'x' * 59}y': expected 2 fields, as in the header (found 1)"


def test_exactly_200_problems_are_all_shown_with_no_more_line():
    from helpers.data.problems import MAX_SHOWN, DataError

    lines = str(
        DataError([Problem("events.csv", n, "title", "x", "a title") for n in range(MAX_SHOWN)])
    ).splitlines()
    assert len(lines) == MAX_SHOWN + 1 and "more" not in lines[-1]
