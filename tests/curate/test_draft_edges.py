"""`curate draft` at its edges: numbers that name something are not dates, actors with several
aliases, mention ids with gaps, an article the data holds already, and a draft that must not land
on the data."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from support import read_rows

from helpers.curate.__main__ import main
from helpers.curate.draft import actor_names, actors_in, dates_in, draft_rows

ANCHOR = date(2017, 9, 19)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def snapshot(data: Path) -> dict[str, bytes]:
    return {
        p.relative_to(data.parent).as_posix(): p.read_bytes()
        for folder in (data, data.parent / "seeds")
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


# Numbers that are not dates.


@pytest.mark.parametrize(
    ("sentence", "expressions"),
    [
        ("The council adopted resolution 2375 on Sept. 11.", ["Sept. 11"]),
        ("Resolution 2375 caps oil supply.", []),
        ("UN Security Council Resolution 2397, adopted in December 2017.", ["December 2017"]),
        ("It builds on resolutions 2371 and 2375.", []),
        ("It builds on Resolutions 2270, 2321, 2371 and 2375, and on 2017's.", ["2017"]),  # the list ends
        ("It may adopt resolution 2371 or 2375 soon.", ["soon"]),
        ("UNSCR 2375 was adopted.", []),
        ("Resolution No. 2375 was adopted.", []),
        ("There was no 2017 summit, nor a No. 2018.", ["2017"]),  # "no" is no "No."
        ("Malaysia Airlines flight 17 was shot down in 2014.", ["2014"]),
        ("Flight 2017 landed in 2018.", ["2018"]),
        ("Article 9 of the constitution dates from 1947.", ["1947"]),
        ("Article 2017 does not exist.", []),
        ("Paragraph 2018 and page 2019.", []),
        ("It is worth $3 billion, not $2017, in five fields.", []),
        ("Their 25-minute phone talks on Friday.", ["Friday"]),
        ("About 2,375 workers left.", []),
        ("The 1956 Joint Declaration still stands.", ["1956"]),  # a year that names: still a year
        ("It expires in 2019, after resolution 2375.", ["2019"]),
        ("In 2375 resolution 2375 was adopted.", ["2375"]),  # the same number twice: the year stays
    ],
)
def test_a_number_that_names_something_is_not_a_date(sentence, expressions):
    found = dates_in(sentence)
    assert found == expressions
    assert all(expression in sentence for expression in found)


def test_the_draft_gives_such_a_number_no_dates(tables):
    text = (
        "Resolution 2375 bans textiles.\n"
        "Kono spoke for 25 minutes about flight 17 and Article 9.\n"
        "It cuts $3 billion in five fields on Friday.\n"
    )
    drafted = draft_rows(text, ANCHOR, tables, {})
    assert [(r[0], r[3], r[4], r[5], r[6]) for r in drafted] == [
        ("1", "", "", "", ""),
        ("2", "", "", "", ""),
        ("3", "Friday", "2017-09-15", "2017-09-15", "day"),
    ]


# Actors with several aliases.


def with_aliases(tables, actor: str, aliases: str):
    actors = tables["actors"].copy()
    actors.loc[actors["actor_id"] == actor, "aliases"] = aliases
    return {**tables, "actors": actors}


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("The U.S. and Japan spoke.", "JPN;USA"),  # in the order of actors.csv
        ("American officials said so.", "USA"),
        ("Washington said so.", "USA"),
        ("The United States, the U.S. and Washington are one.", "USA"),  # one id, however often
        ("Americans said so.", ""),  # whole words only
        ("The US said so.", ""),  # no dots, no alias
        ("The U.S.S.R. is gone.", ""),
        ("UxSx said so.", ""),  # the dots are dots, not any character
        ("washington said so.", ""),  # names are capitalised
        ("The U.S.-Japan alliance.", "JPN;USA"),
        ("Putin (Washington's rival) spoke.", "putin;USA"),
    ],
)
def test_every_alias_finds_its_actor_and_nothing_else(tables, sentence, found):
    names = actor_names(with_aliases(tables, "USA", "U.S.; American; Washington")["actors"])
    assert actors_in(sentence, names) == found


def test_aliases_with_stray_spaces_and_empty_entries_are_tidied(tables):
    names = actor_names(with_aliases(tables, "USA", " U.S. ;American;;  Washington ; ")["actors"])
    assert [name for name, actor in names if actor == "USA"] == [
        "United States",
        "U.S.",
        "American",
        "Washington",
    ]
    assert actors_in("Washington and American officials", names) == "USA"


def test_a_person_has_a_surname_and_aliases_too(tables):
    names = actor_names(with_aliases(tables, "putin", "the Kremlin; Vladimir Vladimirovich")["actors"])
    for sentence in (
        "Vladimir Putin spoke.",
        "Putin spoke.",
        "The Kremlin spoke.",
        "Vladimir Vladimirovich spoke.",
    ):
        assert actors_in(sentence, names) == ("putin" if "Kremlin" not in sentence else ""), sentence
    assert actors_in("Then the Kremlin spoke.", names) == "putin"


def test_an_alias_two_actors_share_names_both(tables):
    changed = with_aliases(with_aliases(tables, "USA", "Allies"), "GBR", "British; Allies")
    assert actors_in("The Allies met.", actor_names(changed["actors"])) == "GBR;USA"


def test_the_shipped_aliases_are_found_in_a_draft(tables):
    text = "Beijing and Pyongyang spoke; the North and the U.S. did not.\n"
    (row,) = draft_rows(text, ANCHOR, with_aliases(tables, "USA", "U.S.; American; Washington"), {})
    assert row[2] == "CHN;USA;PRK"


# Mention ids with gaps: the draft names no ids, and gaps change nothing it says.


def test_gaps_in_the_mention_ids_change_nothing(data_copy, use_data, capsys):
    assert main(["draft", "a001"]) == 0
    before = capsys.readouterr().out
    largest = max(int(row["mention_id"][1:]) for row in read_rows(data_copy / "mentions.csv"))
    # m02, m17 and m40 moved past the largest id: gaps where they were, and a larger largest.
    for old, new in (("m02", f"m{largest + 10}"), ("m17", f"m{largest + 20}"), ("m40", f"m{largest + 30}")):
        for table in data_copy.rglob("*.csv"):
            text = table.read_text(encoding="utf-8")
            table.write_text(re.sub(rf"\b{old}\b", new, text), encoding="utf-8")
    use_data(data_copy)
    assert main(["draft", "a001"]) == 0
    assert capsys.readouterr().out == before


# An article the data holds already.


def test_a_copy_of_an_article_in_the_data_is_drafted_as_that_article(data_copy, use_data, tmp_path, capsys):
    use_data(data_copy)
    assert main(["draft", "a001"]) == 0
    as_source = capsys.readouterr().out
    copy = tmp_path / "downloaded-again.txt"
    copy.write_bytes((data_copy.parent / "seeds" / "001_43d3fd295df8e4e4.txt").read_bytes())
    assert main(["draft", str(copy), "--published", "2017-09-19"]) == 0
    assert capsys.readouterr().out == as_source
    assert {r["covered"] for r in rows(as_source)} >= {"yes"}
    # Its seed, named by its path, is that article too.
    assert main(["draft", str(data_copy.parent / "seeds" / "001_43d3fd295df8e4e4.txt")]) == 0
    assert capsys.readouterr().out == as_source


# What the draft writes, and where it may not.


@pytest.mark.parametrize("where", ["data/sources.csv", "data/draft.csv", "seeds/001_43d3fd295df8e4e4.txt"])
def test_the_draft_never_lands_in_the_data_or_the_seeds(data_copy, use_data, capsys, where):
    use_data(data_copy)
    before = snapshot(data_copy)
    out = data_copy.parent / where
    assert main(["draft", "a001", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"curate: {out}: ") and err.count("\n") == 1
    assert "the draft goes elsewhere" in err
    assert snapshot(data_copy) == before


def test_a_file_that_is_not_utf8_is_named(tmp_path, capsys):
    article = tmp_path / "windows.txt"
    article.write_bytes("Lavrov's café.".encode("cp1252"))
    assert main(["draft", str(article), "--published", "2017-09-19"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"curate: {article}: not UTF-8 text") and err.count("\n") == 1
