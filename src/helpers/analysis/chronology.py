"""The chronology of 2017: every cited fact, grouped into the strands a reader follows.

A fact belongs to one *strand*: a Japan–Russia contact, a North Korean launch or test, or an
action of the UN Security Council. Each contact sits on the row of its pair of officials, as on
the cadence page; the launches and tests share one row, and the Council's actions another.
"""

from __future__ import annotations

import pandas as pd

from helpers.analysis.cadence import CONTACT_KINDS, fact_pairs
from helpers.data.problems import Tables

STRANDS = {
    "contact": "Japan–Russia contacts",
    "launch": "North Korea's launches and tests",
    "council": "The Security Council's actions",
}
TEST_KINDS = ("missile_launch", "nuclear_test")
COUNCIL_KINDS = ("resolution", "presidential_statement", "press_statement")


def strand_of(kinds: pd.Series) -> pd.Series:
    """Each kind's strand: ``contact``, ``launch`` or ``council`` (NA for a kind of none)."""
    strand = pd.Series(pd.NA, index=kinds.index, dtype="str")
    strand = strand.mask(kinds.isin(CONTACT_KINDS), "contact").mask(kinds.isin(TEST_KINDS), "launch")
    return strand.mask(kinds.isin(COUNCIL_KINDS), "council")


def facts(tables: Tables, actors: tuple[str, ...] = (), kinds: tuple[str, ...] = ()) -> pd.DataFrame:
    """One row per fact of the chronology, in date order, with its strand and the row a chart puts
    it on; ``actors`` keeps the facts in which one of them takes part, ``kinds`` those kinds
    (empty: no filter)."""
    frame = tables["chronology"]
    if kinds:
        frame = frame.loc[frame["kind"].isin(kinds)]
    if actors:
        frame = frame.loc[frame["actor_a"].isin(actors) | frame["actor_b"].isin(actors)]
    strand = strand_of(frame["kind"].astype("str"))
    pair = fact_pairs(frame, tables)
    out = frame.assign(strand=strand, row=pair.where(strand == "contact", strand.map(STRANDS)))
    columns = ["fact_id", "strand", "row", "kind", "title", "date_start", "date_end", "time_zone", "location"]
    columns += ["event_id", "source_title", "source_url", "note"]
    return out[columns].sort_values(["date_start", "date_end", "fact_id"]).reset_index(drop=True)


def by_strand(frame: pd.DataFrame) -> pd.DataFrame:
    """Per strand, in the order of ``STRANDS``: how many facts, and the first and last day."""
    grouped = frame.groupby("strand", observed=True)
    out = pd.DataFrame(
        {"facts": grouped.size(), "first": grouped["date_start"].min(), "last": grouped["date_end"].max()}
    )
    out = out.reindex([s for s in STRANDS if s in out.index])
    return out.rename(index=STRANDS).rename_axis("strand").reset_index()
