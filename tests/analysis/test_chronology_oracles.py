"""The chronology's facts and strands against plain Python worked out from the context table.

The page tests reach these functions only through drawn parameters, and few draws fall where
facts are; these checks are deterministic: every fact, every filter the page offers, each strand.
"""

from __future__ import annotations

import pandas as pd
import pytest

from helpers.analysis import chronology
from helpers.analysis.cadence import CONTACT_KINDS

STRAND = {k: "contact" for k in CONTACT_KINDS}
STRAND |= {"missile_launch": "launch", "nuclear_test": "launch"}
STRAND |= {k: "council" for k in ("resolution", "presidential_statement", "press_statement")}


def expected_ids(tables, actors=(), kinds=()) -> list[str]:
    """The fact ids the page keeps, in date order (start, end, id), by hand."""
    rows = []
    for r in tables["chronology"].itertuples():
        parties = {a for a in (r.actor_a, r.actor_b) if isinstance(a, str)}
        if (kinds and r.kind not in kinds) or (actors and not parties & set(actors)):
            continue
        rows.append((r.date_start, r.date_end, r.fact_id))
    return [fact_id for *_, fact_id in sorted(rows)]


def test_every_kind_has_its_strand_and_others_have_none():
    kinds = pd.Series([*STRAND, "ceremony", "earthquake"], dtype="str")
    got = chronology.strand_of(kinds)
    assert got.tolist()[: len(STRAND)] == list(STRAND.values())
    assert got.iloc[len(STRAND) :].isna().all()
    assert got.index.equals(kinds.index) and got.dtype == "str"


def test_every_fact_in_date_order_with_its_strand_and_row(tables):
    got = chronology.facts(tables)
    assert got["fact_id"].tolist() == expected_ids(tables)
    source = tables["chronology"].set_index("fact_id")
    people = pd.concat([tables["actors"], tables["people"]])
    surname = dict(zip(people["actor_id"], people["name"].str.split().str[-1], strict=True))
    assert got["strand"].tolist() == [STRAND[source.loc[f, "kind"]] for f in got["fact_id"]]
    for r in got.itertuples():
        cited = tuple(source.loc[r.fact_id, ["title", "kind", "source_url"]])
        assert (r.title, r.kind, r.source_url) == cited
        if r.strand == "contact":  # the pair's surnames, in alphabetical order
            names = [surname[source.loc[r.fact_id, c]] for c in ("actor_a", "actor_b")]
            assert r.row == " – ".join(sorted(names))
        else:
            assert r.row == chronology.STRANDS[r.strand]
    assert got.index.tolist() == list(range(len(got)))
    assert got.columns.tolist() == [
        *("fact_id", "strand", "row", "kind", "title", "date_start", "date_end", "time_zone", "location"),
        *("event_id", "source_title", "source_url", "note"),
    ]


KIND_CHOICES = [("missile_launch",), ("resolution", "nuclear_test"), ("summit",), ("ceremony",)]


@pytest.mark.parametrize("kinds", KIND_CHOICES)
def test_kinds_keep_only_those_kinds(tables, kinds):
    assert chronology.facts(tables, kinds=kinds)["fact_id"].tolist() == expected_ids(tables, kinds=kinds)


def test_actors_keep_facts_with_either_party(tables):
    """An actor on either side keeps the fact: one that is only ever second, and one only first."""
    frame = tables["chronology"]
    second_only = sorted(set(frame["actor_b"].dropna()) - set(frame["actor_a"].dropna()))
    first_only = sorted(set(frame["actor_a"].dropna()) - set(frame["actor_b"].dropna()))
    for actors in [tuple(second_only[:1]), tuple(first_only[:1]), ("PRK", "UNSC")]:
        assert actors, "the data has an actor on one side only"
        got = chronology.facts(tables, actors=actors)["fact_id"].tolist()
        assert got == expected_ids(tables, actors=actors), actors
        assert got


def test_both_filters_together(tables):
    actors, kinds = ("PRK",), ("missile_launch", "press_statement")
    got = chronology.facts(tables, actors=actors, kinds=kinds)["fact_id"].tolist()
    assert got == expected_ids(tables, actors, kinds)


def test_by_strand_counts_and_spans_each_strand_in_order(tables):
    facts = chronology.facts(tables)
    got = chronology.by_strand(facts)
    order = [s for s in chronology.STRANDS if s in set(facts["strand"])]
    assert got["strand"].tolist() == [chronology.STRANDS[s] for s in order]
    for row, strand in zip(got.itertuples(), order, strict=True):
        mine = facts.loc[facts["strand"] == strand]
        assert row.facts == len(mine)
        assert row.first == min(mine["date_start"])
        assert row.last == max(mine["date_end"])
    assert got.columns.tolist() == ["strand", "facts", "first", "last"]


def test_by_strand_keeps_the_fixed_order_when_a_strand_is_missing(tables):
    facts = chronology.facts(tables)
    some = facts.loc[facts["strand"] != "launch"].iloc[::-1]  # reversed: the order is not the data's
    got = chronology.by_strand(some)
    assert got["strand"].tolist() == [chronology.STRANDS["contact"], chronology.STRANDS["council"]]
    assert got["facts"].sum() == len(some)


def test_a_tie_on_the_first_day_is_broken_by_the_last_day_then_the_id(tables):
    """Two facts starting on one day: the shorter first, whatever their ids; same days: by id."""
    chron = tables["chronology"].copy()
    first, second = chron.index[:2]
    day = chron.loc[first, "date_start"]
    chron.loc[[first, second], "date_start"] = day
    chron.loc[first, "date_end"] = day + pd.Timedelta(days=3)
    chron.loc[second, "date_end"] = day
    got = chronology.facts({**tables, "chronology": chron})["fact_id"].tolist()
    assert got == expected_ids({**tables, "chronology": chron})
    assert got.index(chron.loc[second, "fact_id"]) < got.index(chron.loc[first, "fact_id"])
