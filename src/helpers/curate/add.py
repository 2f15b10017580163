"""Add an article: copied unedited into seeds/, its hash and date recorded in sources.csv."""

from __future__ import annotations

import csv
import hashlib
import shutil
from datetime import date
from pathlib import Path

from helpers import paths


class CurateError(Exception):
    """A refusal, said for the curator as it is: which file, and why."""


def _sources(data: Path) -> list[dict[str, str]]:
    with (data / "sources.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _readable(article: Path) -> bytes:
    """The article's bytes, refused if missing, empty or not UTF-8 text."""
    if not article.is_file():
        raise CurateError(f"{article}: no such file")
    content = article.read_bytes()
    if not content.strip():
        raise CurateError(f"{article}: the file is empty")
    try:
        content.decode("utf-8")
    except UnicodeDecodeError as error:
        raise CurateError(
            f"{article}: not UTF-8 text (byte {error.start}: {content[error.start : error.start + 1]!r}); "
            "convert it first, e.g. iconv -f latin1 -t utf-8"
        ) from None
    return content


def add_article(
    article: Path, published: date, outlet: str = "unknown", headline: str = "", data: Path | None = None
) -> dict[str, str]:
    """Copy ``article`` into seeds/ under the next source id and append its row to sources.csv.

    Refuses an article already there (the same bytes), an empty file and text that is not UTF-8.
    Returns the new row."""
    data = data or paths.DATA
    content = _readable(article)
    digest = hashlib.sha256(content).hexdigest()
    rows = _sources(data)
    for row in rows:
        if row["sha256"] == digest:
            raise CurateError(f"{article}: already in the data as {row['source_id']} ({row['file']})")
    number = 1 + max((int(row["source_id"][1:]) for row in rows), default=-1)
    seed = f"seeds/{number:03d}_{digest[:16]}.txt"
    shutil.copyfile(article, data.parent / seed)
    row = {
        "source_id": f"a{number:03d}",
        "file": seed,
        "sha256": digest,
        "outlet": outlet,
        "headline": headline,
        "published": published.isoformat(),
        "published_basis": "stated",
        "basis_note": "The date was given when the article was added (curate add --published).",
    }
    with (data / "sources.csv").open("a", encoding="utf-8", newline="") as handle:
        csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else list(row), lineterminator="\n").writerow(
            row
        )
    return row
