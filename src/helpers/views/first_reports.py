"""Which article first reported each event (the announcement of a plan, say)."""

from __future__ import annotations

import pandas as pd

from helpers.data.derive import with_published
from helpers.data.problems import Tables


def first_reports(tables: Tables, statuses: tuple[str, ...] = ()) -> pd.DataFrame:
    """Per event that an article mentions (reporting it with one of ``statuses``, if given), the
    first such article: ``source_id`` and ``published``. The earliest published comes first,
    and among one day's articles the one whose mention comes first in the file."""
    mentions = tables["mentions"]
    if statuses:
        mentions = mentions.loc[mentions["reported_status"].isin(statuses)]
    said = with_published(mentions, tables["sources"]).sort_values("published", kind="stable")
    return said.drop_duplicates("event_id").set_index("event_id")[["source_id", "published"]]
