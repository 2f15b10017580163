"""The world as known on a date.

``as_of_view`` keeps only the articles published on or before ``as_of`` and
re-derives each event from what those articles said: its status is what the
latest of them reported, and its dates are what their date expressions allow.
An event whose date only a later article gives is left undated (NaT) rather
than dated with knowledge from the future. The context layer keeps only the facts dated by
``as_of`` (``helpers.views.context``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers.data.dates import precision_series
from helpers.data.derive import event_intervals, latest_statuses
from helpers.data.problems import Tables
from helpers.fast import categorical, isin, positions_all, side_by_side
from helpers.views.context import context_as_of


def as_of_view(tables: Tables, as_of: pd.Timestamp | None) -> Tables:
    """The tables as an analyst could have known them on ``as_of`` (all of them if None)."""
    if as_of is None:
        return dict(tables)
    sources = tables["sources"].loc[tables["sources"]["published"] <= as_of]
    all_events, all_mentions = tables["events"], tables["mentions"]
    count = len(all_events)
    event, participant_event = positions_all(
        [
            (all_mentions["event_id"], all_events["event_id"]),
            (tables["participants"]["event_id"], all_events["event_id"]),
        ]
    )
    visible = isin(all_mentions["source_id"], sources["source_id"]).to_numpy() & (event >= 0)
    seen, partial = np.zeros(count, dtype=bool), np.zeros(count, dtype=bool)
    seen[event[visible]] = True
    partial[event[~visible & (event >= 0)]] = True
    mentions = all_mentions.loc[visible]
    (status, _), (known_start, known_end, _) = side_by_side(
        [
            lambda: latest_statuses(mentions, sources, event[visible], count),
            lambda: event_intervals(mentions, sources, event[visible], count),
        ],
        len(mentions),
    )
    start = all_events["date_start"].where(~partial, known_start)
    end = all_events["date_end"].where(~partial, known_end)
    events = all_events.assign(
        status=categorical(status, list(all_events["status"].cat.categories)),
        date_start=start,
        date_end=end,
        precision=categorical(
            precision_series(start, end).where(start.notna() | end.notna()),
            list(all_events["precision"].cat.categories),
        ),
    ).loc[seen]
    out = dict(tables)
    out.update(sources=sources, mentions=mentions, events=events)
    kept = {"participants": np.append(seen, False)[participant_event]}
    # Every other statement an article makes (measures, figures, relations, former roles...)
    # is known from its article's date; actors stay, as the names the rows refer to.
    said = [n for n, f in tables.items() if "source_id" in f and n not in ("sources", "mentions", "actors")]
    for name in said:
        kept[name] = isin(tables[name]["source_id"], sources["source_id"]).to_numpy()
    # The large row selections copy a million rows each: side by side.
    filtered = side_by_side(
        [lambda n=name, r=rows: tables[n].loc[r] for name, rows in kept.items()],
        max(len(rows) for rows in kept.values()),
    )
    out.update(zip(kept, filtered, strict=True))
    out.update(context_as_of(tables, as_of))
    return {name: frame.reset_index(drop=True) for name, frame in out.items()}
