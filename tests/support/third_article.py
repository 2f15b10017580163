"""A third article, written for the tests, and its complete curation, as a curator would do it.

The article is invented (no outlet published it), in the style of the seeds: a wire report from
the APEC summit in Da Nang, dated Saturday 11 November 2017. It exercises what growth brings:

- it updates events already in the data: the Abe-Putin talks at APEC, planned in a001, are now
  held on "Friday" (10 November), and Kono's visit to Russia, "November or December" in a001, is
  now "later this month" (12-30 November);
- it narrows nothing it should not: its "Sept. 3" for the nuclear test agrees with a001, and its
  wider "in September" for the Vladivostok summit leaves that event's "early this month" (1-10
  September, in a001) as it was: an event's interval is the intersection of its mentions';
- it adds an actor (Yury Ushakov).

``curate`` writes the rows into a copy of the data with the next free ids, after ``curate add``
has recorded the article; nothing here names an id the data already uses.
"""

from __future__ import annotations

from pathlib import Path

from support import append_row, read_rows, write_rows

PUBLISHED = "2017-11-11"
OUTLET = "Example wire (written for the tests)"
HEADLINE = "Abe, Putin agree to speed up joint projects on disputed islands"
SENTENCES = [
    "DA NANG, Vietnam - Prime Minister Shinzo Abe and Russian President Vladimir Putin agreed Friday "
    "to speed up work on joint economic activities on the disputed islands, a Japanese government "
    "official said.",
    "The two leaders met for about 50 minutes on the sidelines of the Asia-Pacific Economic Cooperation "
    "leaders' summit in the central Vietnamese city.",
    "Abe told Putin that Japan and Russia must work together to press North Korea to abandon its nuclear "
    "and missile programs, the official said.",
    "The talks came after North Korea conducted its sixth nuclear test on Sept. 3.",
    "Foreign Minister Taro Kono plans to visit Russia later this month for talks with his counterpart "
    "Sergey Lavrov.",
    "Yury Ushakov, a foreign policy aide to Putin, told reporters the meeting had been constructive.",
    "The two leaders last met in Vladivostok in September.",
]
ARTICLE = "\n".join(SENTENCES) + "\n"
# Columns of events already in the data that the article changes: what a curator edits in place.
UPDATES = {
    "abe-putin-apec": {
        "status": "occurred",
        "date_start": "2017-11-10",
        "date_end": "2017-11-10",
        "precision": "day",
        "duration_min": "50",
    },
    "kono-visit-russia": {"date_start": "2017-11-12", "date_end": "2017-11-30", "precision": "interval"},
}
# (event, sentence number, date words, reported status)
MENTIONS = [
    ("abe-putin-apec", 1, "Friday", "occurred"),
    ("joint-economic-activities", 1, "", "planned"),
    ("abe-putin-apec", 2, "", "occurred"),
    ("abe-putin-apec", 3, "", "occurred"),
    ("nuclear-test-0903", 4, "Sept. 3", "occurred"),
    ("kono-visit-russia", 5, "later this month", "planned"),
    ("abe-putin-apec", 6, "", "occurred"),
    ("abe-putin-vladivostok", 7, "in September", "occurred"),
]


def next_ids(table: list[dict[str, str]], column: str, prefix: str, count: int) -> list[str]:
    """The next ``count`` free ids after the largest, as the curator picks them."""
    largest = max((int(row[column][len(prefix) :]) for row in table), default=0)
    return [f"{prefix}{largest + n}" for n in range(1, count + 1)]


def curate(data: Path, source_id: str) -> None:
    """Write the article's rows into the data folder ``data`` (the article already added)."""
    events = read_rows(data / "events.csv")
    write_rows(data / "events.csv", [event | UPDATES.get(event["event_id"], {}) for event in events])
    ids = next_ids(read_rows(data / "mentions.csv"), "mention_id", "m", len(MENTIONS))
    for id_, (event, n, words, status) in zip(ids, MENTIONS, strict=True):
        append_row(data / "mentions.csv", {"mention_id": id_, "event_id": event, "source_id": source_id,
            "quote": SENTENCES[n - 1], "date_text": words, "reported_status": status})  # fmt: skip
    append_row(data / "actors.csv", {"actor_id": "ushakov", "name": "Yury Ushakov", "kind": "person",
        "country": "RUS", "role": "Foreign policy aide to President Putin", "source_id": source_id,
        "quote": "Yury Ushakov, a foreign policy aide to Putin"})  # fmt: skip
