"""`curate add` at its edges: ids with gaps, an article already there under another guise, values
the schema would refuse, a sources.csv as an editor may leave it. Each refusal is one line that
names the file and the reason, and leaves sources.csv and seeds/ as they were; each accepted
article leaves the data valid."""

from __future__ import annotations

import csv
import hashlib
import re
from datetime import date
from pathlib import Path

import pytest

from helpers.curate.__main__ import main
from helpers.curate.add import CurateError, add_article
from helpers.data.load import load_tables

ARTICLE = "Kono and Lavrov met in Moscow on Friday.\n\nThey agreed to meet again soon.\n"
DAY = date(2017, 11, 25)


def sources(data: Path) -> list[dict[str, str]]:
    with (data / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def snapshot(data: Path) -> tuple[bytes, dict[str, bytes]]:
    """sources.csv and every seed, byte for byte."""
    seeds = data.parent / "seeds"
    return (data / "sources.csv").read_bytes(), {p.name: p.read_bytes() for p in sorted(seeds.iterdir())}


def ids(data: Path) -> list[str]:
    return [row["source_id"] for row in sources(data)]


def after_largest(data: Path, step: int = 1) -> str:
    """The id ``step`` places after the data's largest (the data grows: no id is written in)."""
    return f"a{max(int(id_[1:]) for id_ in ids(data)) + step:03d}"


def renumber(data: Path, old: str, new: str) -> None:
    """Rename an id everywhere in the data (a copy), as if it had always been ``new``."""
    for table in data.rglob("*.csv"):
        text = table.read_text(encoding="utf-8")
        table.write_text(re.sub(rf"\b{old}\b", new, text), encoding="utf-8")


def article(folder: Path, text: str = ARTICLE, name: str = "kono-moscow.txt") -> Path:
    path = folder / name
    path.write_bytes(text.encode("utf-8"))
    return path


def refused(data: Path, path: Path, message: str, **kw) -> str:
    """Adding ``path`` is refused with ``message``, in one line naming a file; nothing changes."""
    before = snapshot(data)
    with pytest.raises(CurateError, match=message) as caught:
        add_article(path, DAY, data=data, **kw)
    said = str(caught.value)
    assert "\n" not in said and (str(path) in said or str(data / "sources.csv") in said), said
    assert snapshot(data) == before
    return said


# Ids with gaps: the next id is the one after the largest; a gap is never filled.


def test_a_gap_in_the_source_ids_is_not_filled(data_copy, tmp_path):
    *kept, last = ids(data_copy)
    skipped = after_largest(data_copy)
    renumber(data_copy, last, skipped)  # the last id moved up one: a gap where it was
    new = after_largest(data_copy)
    row = add_article(article(tmp_path), DAY, data=data_copy)
    assert row["source_id"] == new and row["file"].startswith(f"seeds/{new[1:]}_")
    assert ids(data_copy) == [*kept, skipped, new]
    assert list(load_tables(data_copy)["sources"]["source_id"]) == [*kept, skipped, new]


def test_the_ids_follow_the_largest_not_the_last_row_nor_the_count(data_copy, tmp_path):
    count, last = len(ids(data_copy)), ids(data_copy)[-1]
    largest = after_largest(data_copy, 9)
    renumber(data_copy, last, largest)
    lines = (data_copy / "sources.csv").read_text(encoding="utf-8").splitlines(keepends=True)
    # The largest id first: neither the last row nor the number of rows says what comes next.
    (data_copy / "sources.csv").write_text("".join([lines[0], lines[-1], *lines[1:-1]]), encoding="utf-8")
    first = add_article(article(tmp_path), DAY, data=data_copy)
    second = add_article(article(tmp_path, ARTICLE + "More.\n", "other.txt"), DAY, data=data_copy)
    number = int(largest[1:])
    assert (first["source_id"], second["source_id"]) == (f"a{number + 1:03d}", f"a{number + 2:03d}")
    assert len(load_tables(data_copy)["sources"]) == count + 2


def test_no_id_is_given_past_the_schemas_last(data_copy, tmp_path):
    renumber(data_copy, "a001", "a999")
    said = refused(data_copy, article(tmp_path), r"a999 is the last source id the schema allows")
    assert "a[0-9]{3}" in said


def test_an_id_that_is_not_a_and_digits_is_named(data_copy, tmp_path):
    renumber(data_copy, "a001", "a0x1")
    refused(data_copy, article(tmp_path), r"sources\.csv: source_id 'a0x1' is not 'a' and three digits")


# An article already there: the same bytes, the same text, the same file name.


def test_the_same_bytes_under_another_name_are_refused(data_copy, tmp_path):
    seed = data_copy.parent / "seeds" / "000_11f20d2174864b71.txt"
    copy = tmp_path / "mainichi-sept-1.txt"
    copy.write_bytes(seed.read_bytes())
    said = refused(data_copy, copy, r"already in the data as a000 \(seeds/000_11f20d2174864b71\.txt\)")
    assert said.startswith(f"{copy}: ")


@pytest.mark.parametrize(
    "disguise",
    [
        pytest.param(lambda b: b.replace(b"\n", b"\r\n"), id="crlf"),
        pytest.param(lambda b: b.replace(b"\n", b"\r"), id="cr-alone"),
        pytest.param(lambda b: b"\xef\xbb\xbf" + b, id="byte-order-mark"),
        pytest.param(lambda b: b + b"\n\n", id="blank-lines-at-the-end"),
        pytest.param(lambda b: b[:-1] if b.endswith(b"\n") else b + b"\n", id="final-newline-toggled"),
        pytest.param(lambda b: b.replace(b"\n", b"  \n"), id="trailing-spaces"),
    ],
)
def test_the_same_text_but_for_line_endings_or_blanks_is_refused(data_copy, tmp_path, disguise):
    seed = data_copy.parent / "seeds" / "001_43d3fd295df8e4e4.txt"
    copy = tmp_path / "article.txt"
    copy.write_bytes(disguise(seed.read_bytes()))
    assert copy.read_bytes() != seed.read_bytes()
    said = refused(
        data_copy, copy, r"already in the data as a001 \(seeds/001_43d3fd295df8e4e4\.txt\): the same text"
    )
    assert said.endswith("the same text, but for line ends, a byte-order mark or blanks at line ends")


def test_a_changed_word_is_another_article(data_copy, tmp_path):
    seed = data_copy.parent / "seeds" / "001_43d3fd295df8e4e4.txt"
    copy = tmp_path / "article.txt"
    copy.write_bytes(seed.read_bytes().replace(b"Lavrov", b"Lavrov's", 1))
    new = after_largest(data_copy)
    assert add_article(copy, DAY, data=data_copy)["source_id"] == new


def test_the_same_words_wrapped_otherwise_are_another_article(data_copy, tmp_path):
    """Only line ends, a byte-order mark and blanks at line ends are set aside: a line broken
    where there was a space is another text."""
    seed = data_copy.parent / "seeds" / "001_43d3fd295df8e4e4.txt"
    copy = tmp_path / "article.txt"
    copy.write_bytes(seed.read_bytes().replace(b" ", b"\n", 1))
    before = len(sources(data_copy))
    add_article(copy, DAY, data=data_copy)
    assert len(sources(data_copy)) == before + 1


def test_the_first_article_of_an_empty_table_is_a000(data_copy, tmp_path):
    table = data_copy / "sources.csv"
    table.write_bytes(table.read_bytes().split(b"\n", 1)[0] + b"\n")
    assert add_article(article(tmp_path), DAY, data=data_copy)["source_id"] == "a000"


def test_two_articles_with_one_file_name_are_two_articles(data_copy, tmp_path):
    """The name a file arrives with is not its identity: its bytes are. Each gets its own seed."""
    count = len(ids(data_copy))
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first = add_article(article(tmp_path / "one"), DAY, data=data_copy)
    second = add_article(article(tmp_path / "two", ARTICLE.replace("Friday", "Monday")), DAY, data=data_copy)
    assert first["file"] != second["file"]
    for row in (first, second):
        seed = data_copy.parent / row["file"]
        assert hashlib.sha256(seed.read_bytes()).hexdigest() == row["sha256"]
    assert len(load_tables(data_copy)["sources"]) == count + 2


def test_a_seed_of_that_name_with_other_bytes_is_never_overwritten(data_copy, tmp_path):
    """A file in seeds/ without a row (left by hand) where the new seed would go: refused."""
    path = article(tmp_path)
    digest = hashlib.sha256(ARTICLE.encode()).hexdigest()
    squatter = data_copy.parent / "seeds" / f"{after_largest(data_copy)[1:]}_{digest[:16]}.txt"
    squatter.write_bytes(b"Someone else's words.\n")
    refused(
        data_copy,
        path,
        rf"seeds/{squatter.name}".replace(".", r"\.") + " is in seeds/ already, with other bytes",
    )
    assert squatter.read_bytes() == b"Someone else's words.\n"


def test_a_seed_left_by_an_interrupted_add_is_taken_up(data_copy, tmp_path):
    """The same bytes already at the seed's place (a run stopped before its row): the row is added."""
    path = article(tmp_path)
    digest = hashlib.sha256(ARTICLE.encode()).hexdigest()
    count, name = len(ids(data_copy)), f"{after_largest(data_copy)[1:]}_{digest[:16]}.txt"
    (data_copy.parent / "seeds" / name).write_bytes(ARTICLE.encode())
    assert add_article(path, DAY, data=data_copy)["file"] == f"seeds/{name}"
    assert len(load_tables(data_copy)["sources"]) == count + 1


def test_adding_a_seed_in_place_keeps_it(data_copy):
    """A file put in seeds/ by hand, under the very name add would give it, and then added."""
    digest = hashlib.sha256(ARTICLE.encode()).hexdigest()
    count, name = len(ids(data_copy)), f"{after_largest(data_copy)[1:]}_{digest[:16]}.txt"
    path = article(data_copy.parent / "seeds", name=name)
    assert add_article(path, DAY, data=data_copy)["file"] == f"seeds/{name}"
    assert path.read_bytes() == ARTICLE.encode()
    assert len(load_tables(data_copy)["sources"]) == count + 1


# Fields and files: a row the data check would refuse is never written.


def test_an_empty_outlet_is_refused(data_copy, tmp_path):
    for blank in ("", "  "):
        refused(data_copy, article(tmp_path), r"the outlet is empty; say 'unknown'", outlet=blank)


def test_commas_quotes_and_newlines_in_the_headline_survive(data_copy, tmp_path):
    headline = 'Kono, Lavrov "agree" on talks\nsecond line; café'
    count = len(ids(data_copy))
    row = add_article(article(tmp_path), DAY, outlet="Kyodo, Tokyo", headline=headline, data=data_copy)
    last = sources(data_copy)[-1]
    assert (last["outlet"], last["headline"]) == ("Kyodo, Tokyo", headline) and last["source_id"] == row[
        "source_id"
    ]
    assert len(load_tables(data_copy)["sources"]) == count + 1


def test_a_sources_csv_without_a_final_newline_gets_a_whole_row(data_copy, tmp_path):
    path = data_copy / "sources.csv"
    path.write_bytes(path.read_bytes().rstrip(b"\n"))  # as some editors save it
    before, new = ids(data_copy), after_largest(data_copy)
    add_article(article(tmp_path), DAY, data=data_copy)
    assert ids(data_copy) == [*before, new]
    assert len(load_tables(data_copy)["sources"]) == len(before) + 1


def test_a_sources_csv_with_crlf_line_ends_stays_valid(data_copy, tmp_path):
    path = data_copy / "sources.csv"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    before, new = ids(data_copy), after_largest(data_copy)
    add_article(article(tmp_path), DAY, data=data_copy)
    assert list(load_tables(data_copy)["sources"]["source_id"]) == [*before, new]


def test_the_columns_keep_the_headers_order(data_copy, tmp_path):
    """A sources.csv with its columns in another order, or with only its header: the row
    follows the header, whatever order add builds it in."""
    path = data_copy / "sources.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    order = [7, 6, 5, 4, 3, 2, 1, 0]
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows([[line[i] for i in order] for line in table[:1]])
    row = add_article(article(tmp_path), DAY, data=data_copy)
    (written,) = sources(data_copy)
    assert written == row


def test_a_sources_csv_missing_a_column_is_refused_before_any_copy(data_copy, tmp_path):
    path = data_copy / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",basis_note\n", "\n", 1), encoding="utf-8")
    refused(data_copy, article(tmp_path), r"sources\.csv: no column basis_note")


def test_the_command_refuses_a_repeat_in_one_line(data_copy, use_data, tmp_path, capsys):
    use_data(data_copy)
    copy = tmp_path / "again.txt"
    copy.write_bytes((data_copy.parent / "seeds" / "001_43d3fd295df8e4e4.txt").read_bytes())
    before = snapshot(data_copy)
    assert main(["add", str(copy), "--published", "2017-09-19"]) == 1
    err = capsys.readouterr().err
    assert err == f"curate: {copy}: already in the data as a001 (seeds/001_43d3fd295df8e4e4.txt)\n"
    assert snapshot(data_copy) == before


def test_the_row_written_by_default_byte_for_byte(data_copy, tmp_path):
    """No outlet or headline given: 'unknown' and empty; the row is one line ending in '\\n',
    appended right after the last, with the basis of the date said."""
    table = data_copy / "sources.csv"
    before = table.read_bytes()
    row = add_article(article(tmp_path), DAY, data=data_copy)
    added = table.read_bytes().removeprefix(before)
    assert before.endswith(b"\n") and added.count(b"\n") == 1 and added.endswith(b"\n")
    assert b"\r" not in added
    assert (row["outlet"], row["headline"], row["published"]) == ("unknown", "", "2017-11-25")
    assert row["basis_note"] == "The date was given when the article was added (curate add --published)."
    assert sources(data_copy)[-1] == row
