"""Add an article: copied unedited into seeds/, its hash and date recorded in sources.csv."""

from __future__ import annotations

import codecs
import csv
import hashlib
import re
from datetime import date
from pathlib import Path

from helpers import paths

COLUMNS = ["source_id", "file", "sha256", "outlet", "headline", "published", "published_basis", "basis_note"]
SOURCE_ID = re.compile(r"a(\d{3})")  # datapackage.json: sources.source_id, pattern a[0-9]{3}


class CurateError(Exception):
    """A refusal, said for the curator as it is: which file, and why."""


def _sources(table: Path) -> tuple[list[str], list[dict[str, str]]]:
    """sources.csv's header and rows; refused if it lacks a column a new row needs."""
    with table.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        rows = list(reader)
    header = list(reader.fieldnames or [])
    missing = [column for column in COLUMNS if column not in header]
    if missing:
        raise CurateError(f"{table}: no column {', '.join(missing)}; nothing was added")
    return header, rows


def read_article(article: Path) -> bytes:
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


def _text(content: bytes) -> bytes:
    """The text as a reader sees it: no byte-order mark, '\\n' line ends, no blanks at line ends."""
    lines = content.removeprefix(codecs.BOM_UTF8).replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    return b"\n".join(line.rstrip() for line in lines.split(b"\n")).strip(b"\n")


def _repeated(article: Path, content: bytes, rows: list[dict[str, str]], root: Path) -> None:
    """Refuse an article the data holds already: the same bytes, or the same text."""
    digest = hashlib.sha256(content).hexdigest()
    for row in rows:
        if row["sha256"] == digest:
            raise CurateError(f"{article}: already in the data as {row['source_id']} ({row['file']})")
    text = _text(content)
    for row in rows:
        seed = root / row["file"]
        if seed.is_file() and _text(seed.read_bytes()) == text:
            raise CurateError(
                f"{article}: already in the data as {row['source_id']} ({row['file']}): the same text, "
                "but for line ends, a byte-order mark or blanks at line ends"
            )


def _next_number(table: Path, article: Path, rows: list[dict[str, str]]) -> int:
    """The number after the largest source id's: a gap is never filled (an id, once given, may
    be cited), and none past a999 (the schema's last)."""
    numbers = []
    for row in rows:
        if not (match := SOURCE_ID.fullmatch(row["source_id"])):
            raise CurateError(f"{table}: source_id {row['source_id']!r} is not 'a' and three digits")
        numbers.append(int(match.group(1)))
    number = 1 + max(numbers, default=-1)
    if number > 999:
        raise CurateError(f"{article}: not added: a999 is the last source id the schema allows (a[0-9]{{3}})")
    return number


def add_article(
    article: Path, published: date, outlet: str = "unknown", headline: str = "", data: Path | None = None
) -> dict[str, str]:
    """Copy ``article`` into seeds/ under the next source id and append its row to sources.csv.

    The next id follows the largest (a000, a002: a003); a gap is never filled. Refuses, before
    writing anything: an article already there (the same bytes, or the same text but for line
    ends, a byte-order mark or blanks at line ends), an empty file, text that is not UTF-8, an
    empty outlet, an id past a999, and a file of the seed's name in seeds/ with other bytes.
    Returns the new row."""
    data = data or paths.DATA
    table = data / "sources.csv"
    content = read_article(article)
    if not outlet.strip():
        raise CurateError(f"{article}: the outlet is empty; say 'unknown' if the article names none")
    header, rows = _sources(table)
    _repeated(article, content, rows, data.parent)
    number = _next_number(table, article, rows)
    digest = hashlib.sha256(content).hexdigest()
    seed = f"seeds/{number:03d}_{digest[:16]}.txt"
    target = data.parent / seed
    if target.exists() and target.read_bytes() != content:
        raise CurateError(f"{article}: not added: {seed} is in seeds/ already, with other bytes")
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
    _write(table, header, row, target, content)
    return row


def _write(table: Path, header: list[str], row: dict[str, str], target: Path, content: bytes) -> None:
    """The seed file, then the row of sources.csv; the seed is taken back if the row fails."""
    copied = not target.exists()
    if copied:
        with target.open("xb") as handle:  # the bytes hashed, never over another file
            handle.write(content)
    try:
        ended = table.read_bytes().endswith(b"\n")
        with table.open("a", encoding="utf-8", newline="") as handle:
            if not ended:  # an editor may save the last row without its newline
                handle.write("\n")
            csv.DictWriter(handle, fieldnames=header, lineterminator="\n").writerow(row)
    except BaseException:
        if copied:
            target.unlink()
        raise
