"""Generate a large synthetic dataset in the data contract's format, for benchmarks.

    python benchmarks/synthetic.py OUT_DIR --events 1000000

writes ``OUT_DIR/data/`` (the same ``datapackage.json``, every table) and
``OUT_DIR/seeds/`` (synthetic articles). It passes the loader's every check:
quotes are verbatim sentences of their article, each mention's date words
resolve to its event's interval, statuses are as last reported. Vectorized
numpy and pandas throughout, so a million events take seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import paths
from helpers.data.dates import resolve
from helpers.data.schema import read_package

EXPRESSIONS = ["Friday", "Monday", "last week", "next week", "early next week", "last month", "November"]
KINDS = ["phone_call", "meeting", "summit", "talks", "visit", "resolution", "missile_launch"]
ITEMS = {
    "coal": "minerals_metals",
    "iron": "minerals_metals",
    "seafood": "seafood",
    "oil": "energy",
    "textiles": "textiles",
    "laborers": "labour",
}


def _sentence(expression: str) -> str:
    return f"The officials said the event took place {expression} as planned."


def _measure_sentence(item: str) -> str:
    return f"The resolution bans trade in {item} with the country."


def generate(
    out: Path,
    events: int,
    sources: int = 50,
    actors: int = 1000,
    seed: int = 0,
    mentions_per_event: int = 1,
    years: int = 1,
) -> Path:
    """Write the synthetic data package under ``out``; return its data folder. The ``sources``
    articles (at most 1,000: the schema's ids are a000 to a999) are spread over the ``years``
    years that end with 2017; each event is mentioned ``mentions_per_event`` times by its
    article, in the same words."""
    rng = np.random.default_rng(seed)
    data, seeds = out / "data", out / "seeds"
    shutil.rmtree(out, ignore_errors=True)
    data.mkdir(parents=True)
    seeds.mkdir()
    shutil.copy2(paths.ROOT / "data" / "datapackage.json", data / "datapackage.json")

    text = " ".join([*map(_sentence, EXPRESSIONS), *map(_measure_sentence, ITEMS)]) + "\n"
    first_day = date(2017 - years + 1, 1, 2)
    anchors = [
        first_day + pd.Timedelta(days=int(d)).to_pytimedelta()
        for d in rng.integers(0, 365 * years - 35, sources)
    ]
    source_rows = []
    for i, anchor in enumerate(anchors):
        name = f"{i:05d}_synthetic.txt"
        (seeds / name).write_text(text, encoding="utf-8")
        digest = hashlib.sha256((seeds / name).read_bytes()).hexdigest()
        source_rows.append(
            (
                f"a{i:03d}",
                f"seeds/{name}",
                digest,
                "synthetic",
                f"Synthetic article {i}",
                anchor.isoformat(),
                "stated",
                "generated",
            )
        )
    src = pd.DataFrame(
        source_rows,
        columns=[
            "source_id",
            "file",
            "sha256",
            "outlet",
            "headline",
            "published",
            "published_basis",
            "basis_note",
        ],
    )
    src.to_csv(data / "sources.csv", index=False)

    actor_ids = np.array([f"actor{i:05d}" for i in range(actors)])
    pd.DataFrame(
        {
            "actor_id": actor_ids,
            "name": [f"Person {i}" for i in range(actors)],
            "kind": "person",
            "country": np.where(np.arange(actors) % 2, "JPN", "RUS"),
            "role": "Official",
            "aliases": "",
            "source_id": "a000",
            "quote": _sentence(EXPRESSIONS[0]),
        }
    ).to_csv(data / "actors.csv", index=False)

    # Events: each rests on one mention whose date words fix its interval.
    source_of = rng.integers(0, sources, events)
    expression_of = rng.integers(0, len(EXPRESSIONS), events)
    table = {
        (s, e): resolve(EXPRESSIONS[e], anchors[s]) for s in range(sources) for e in range(len(EXPRESSIONS))
    }
    starts = np.array(
        [[table[(s, e)].start for e in range(len(EXPRESSIONS))] for s in range(sources)],
        dtype="datetime64[D]",
    )
    ends = np.array(
        [[table[(s, e)].end for e in range(len(EXPRESSIONS))] for s in range(sources)], dtype="datetime64[D]"
    )
    start, end = starts[source_of, expression_of], ends[source_of, expression_of]
    status = np.where(end <= np.array(anchors, dtype="datetime64[D]")[source_of], "occurred", "planned")
    event_ids = np.char.add("e", np.char.zfill(np.arange(events).astype(str), 7))
    start_s, end_s = pd.Series(start.astype("datetime64[ns]")), pd.Series(end.astype("datetime64[ns]"))
    from helpers.data.dates import precision_series

    pd.DataFrame(
        {
            "event_id": event_ids,
            "title": np.char.add("Synthetic event ", event_ids),
            "kind": np.array(KINDS)[rng.integers(0, len(KINDS), events)],
            "status": status,
            "date_start": start_s.dt.strftime("%Y-%m-%d"),
            "date_end": end_s.dt.strftime("%Y-%m-%d"),
            "precision": precision_series(start_s, end_s),
            "location": "",
            "duration_min": "",
            "cameo": "",
            "date_note": "",
            "attested": "",
            "ends_by": "",
        }
    ).to_csv(data / "events.csv", index=False)

    # Each event's mentions, one after another: the first carries the participants.
    mention_ids = np.char.add("m", np.arange(events * mentions_per_event).astype(str))
    of = np.repeat(np.arange(events), mentions_per_event)
    pd.DataFrame(
        {
            "mention_id": mention_ids,
            "event_id": event_ids[of],
            "source_id": src["source_id"].to_numpy()[source_of[of]],
            "quote": np.array([_sentence(e) for e in EXPRESSIONS])[expression_of[of]],
            "date_text": np.array(EXPRESSIONS)[expression_of[of]],
            "reported_status": status[of],
        }
    ).to_csv(data / "mentions.csv", index=False)
    mention_ids = mention_ids[::mentions_per_event]

    first = rng.integers(0, actors // 2, events) * 2
    pd.DataFrame(
        {
            "event_id": np.repeat(event_ids, 2),
            "actor_id": actor_ids[np.column_stack([first, first + 1]).ravel()],
            "role": "participant",
            "mention_id": np.repeat(mention_ids, 2),
        }
    ).to_csv(data / "participants.csv", index=False)

    resolutions = np.flatnonzero(np.array(KINDS)[rng.integers(0, len(KINDS), events)] == "resolution")
    items = np.array(list(ITEMS))[rng.integers(0, len(ITEMS), len(resolutions))]
    pd.DataFrame(
        {
            "measure_id": np.char.add("s", np.arange(len(resolutions)).astype(str)),
            "event_id": event_ids[resolutions],
            "measure_type": "export_ban",
            "item": items,
            "category": pd.Series(items).map(ITEMS),
            "status": "adopted",
            "novelty": "",
            "source_id": src["source_id"].to_numpy()[source_of[resolutions]],
            "quote": np.array([_measure_sentence(i) for i in ITEMS])[
                pd.Series(items).map({k: n for n, k in enumerate(ITEMS)}).to_numpy()
            ],
        }
    ).to_csv(data / "sanctions.csv", index=False)

    # Tables the synthetic articles say nothing about (the context layer among them): header only.
    for resource in read_package(data / "datapackage.json").values():
        target = data / resource.path
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(",".join(resource.field_names) + "\n", encoding="utf-8")
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--mentions-per-event", type=int, default=4)
    parser.add_argument("--sources", type=int, default=1000)
    parser.add_argument("--years", type=int, default=100)
    args = parser.parse_args(argv)
    print(
        generate(
            args.out, args.events, args.sources, mentions_per_event=args.mentions_per_event, years=args.years
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
