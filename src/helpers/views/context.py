"""The context layer as known on a date: cited facts that had happened by then.

The context layer is hindsight from outside the articles. A reader who asks for the world as
known on ``as_of`` must not see a contact, an outcome or a resolution dated after it, nor a
verdict ("no record found") that only later searching could give.
"""

from __future__ import annotations

import pandas as pd

from helpers.data.frames import among
from helpers.data.problems import Tables


def happened_by(outcomes: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    """Which outcomes had fully happened by ``as_of``: an undated one (``not_found``) never has."""
    last_day = outcomes["date_end"].fillna(outcomes["date_start"])
    return last_day.notna() & (last_day <= as_of)


def context_as_of(tables: Tables, as_of: pd.Timestamp | None) -> Tables:
    """The context tables with only the facts dated on or before ``as_of`` (all if None).

    Outcomes and the chronology's facts count from their last day (a launch dated 28-29 August,
    by the time zone of its sources, is known on the 29th); resolutions from their adoption, and
    their measures with them. Official titles and people are not dated events and stay."""
    if as_of is None:
        return {}
    outcomes = tables["outcomes"]
    resolutions = tables["resolutions"].loc[tables["resolutions"]["adopted"] <= as_of]
    measures = tables["resolution_measures"]
    chronology = tables["chronology"]
    known = {
        "outcomes": outcomes.loc[happened_by(outcomes, as_of)],
        "chronology": chronology.loc[happened_by(chronology, as_of)],
        "resolutions": resolutions,
        "resolution_measures": measures.loc[among(measures["resolution_id"], resolutions["resolution_id"])],
    }
    return {name: frame.reset_index(drop=True) for name, frame in known.items()}
