"""The chronology's checks beyond the schema (``context/chronology.csv`` and ``people.csv``).

Each fact of the chronology is an honest interval in a stated time zone, between parties the
data knows, and agrees with the rest of the data where the two meet: a resolution with its
adoption day in ``resolutions.csv``, an event the articles report as held with its interval.
"""

from __future__ import annotations

from zoneinfo import available_timezones

import pandas as pd

from helpers.data.frames import among, by_id, raw_days
from helpers.data.problems import Problem, problems_at


def _looked_up_day(keys: pd.Series, table: pd.DataFrame, key: str, column: str) -> pd.Series:
    """For each of ``keys``, the date in ``column`` of its row of ``table`` (NaT if none)."""
    return raw_days(keys.map(by_id(table, key)[column]).to_frame(column), column)


def _party_problems(facts: pd.DataFrame, actors: pd.Series, people: pd.DataFrame, file: str) -> list[Problem]:
    """Each party is an id of actors.csv or people.csv, and people.csv repeats no actors.csv id."""
    known = pd.concat([actors, people["actor_id"]])
    problems = problems_at(
        people, among(people["actor_id"], actors), "context/people.csv", "actor_id", "an id not in actors.csv"
    )
    for column in ("actor_a", "actor_b"):
        unknown = (facts[column] != "") & ~among(facts[column], known)
        problems += problems_at(
            facts, unknown, file, column, "an actor_id of actors.csv or context/people.csv"
        )
    return problems


def _resolution_day_problems(facts: pd.DataFrame, resolutions: pd.DataFrame, file: str) -> list[Problem]:
    """A resolution names its row in resolutions.csv and falls on its adoption day; no other
    kind names one."""
    is_resolution = facts["kind"] == "resolution"
    named = facts["resolution_id"] != ""
    problems = problems_at(
        facts, is_resolution & ~named, file, "resolution_id", "the resolution's resolution_id"
    )
    problems += problems_at(
        facts, ~is_resolution & named, file, "resolution_id", "empty (the fact is no resolution)"
    )
    adopted = _looked_up_day(facts["resolution_id"], resolutions, "resolution_id", "adopted")
    off = named & ((raw_days(facts, "date_start") != adopted) | (raw_days(facts, "date_end") != adopted))
    return problems + problems_at(facts, off, file, "date_start", "the adoption day in resolutions.csv")


def _event_problems(facts: pd.DataFrame, events: pd.DataFrame, file: str) -> list[Problem]:
    """A fact that realises an event the articles report as held overlaps that event's interval
    (a plan may be held outside the window it was announced for: outcomes say how)."""
    held = facts["event_id"].map(by_id(events, "event_id")["status"]) == "occurred"
    lo, hi = (_looked_up_day(facts["event_id"], events, "event_id", c) for c in ("date_start", "date_end"))
    apart = held & ((raw_days(facts, "date_end") < lo) | (raw_days(facts, "date_start") > hi))
    return problems_at(facts, apart, file, "event_id", "an event whose interval overlaps the fact's")


def chronology_problems(raw: dict[str, pd.DataFrame], file: str) -> list[Problem]:
    """Every check of the chronology beyond its schema."""
    facts = raw["chronology"]
    problems = problems_at(
        facts,
        raw_days(facts, "date_end") < raw_days(facts, "date_start"),
        file,
        "date_end",
        "a date on or after date_start",
    )
    unknown_zone = ~facts["time_zone"].isin(sorted(available_timezones()))
    problems += problems_at(facts, unknown_zone, file, "time_zone", "an IANA time zone, such as Asia/Tokyo")
    problems += _party_problems(facts, raw["actors"]["actor_id"], raw["people"], file)
    problems += _resolution_day_problems(facts, raw["resolutions"], file)
    return problems + _event_problems(facts, raw["events"], file)
