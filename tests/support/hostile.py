"""A copy of the data with a payload in every text field that reaches a page.

Every free-text column of every table (no enum, no pattern, not a key) gets one, in every row:
titles, names, roles, locations, outlets, headlines, notes, the context layer's titles and notes.
The quotes get one too, and stay verbatim: each article gains a paragraph that repeats each of
its quotes after a payload. Names end in the attribute-breakout payload, with no space, so that
it is part of the surname that headlines and alt text are written from.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from support import read_rows, write_rows

SCRIPT = "<script>document.title='pwned'</script>"
IMG = "<img src=x onerror=\"document.title='pwned'\">"
# Closes a single- or double-quoted attribute and its tag, then runs on load.
BREAKOUT = "'\"><svg/onload=document.title='pwned'>"
PAYLOADS = (SCRIPT, IMG, BREAKOUT)
# Free text that must keep its meaning for the data to load: an expression the resolver reads,
# and figures' words, which must be words of their quote.
KEPT = {("mentions", "date_text"), ("figures", "value_text")}


def free_text(resource: dict) -> list[str]:
    schema = resource["schema"]
    keys = set(schema.get("primaryKey", [])) | {f for k in schema.get("foreignKeys", []) for f in k["fields"]}
    return [
        f["name"]
        for f in schema["fields"]
        if f["type"] == "string"
        and not {"enum", "pattern"} & set(f.get("constraints", {}))
        and f["name"] not in keys
        and (resource["name"], f["name"]) not in KEPT
    ]


def _poison(value: str, column: str, n: int) -> str:
    if column == "name":
        return value + BREAKOUT
    return f"{PAYLOADS[n % len(PAYLOADS)]} {value}".strip()


def hostile_copy(data: Path) -> Path:
    """Poison the data in ``data`` (a copy, with seeds/ beside it) in place; return it."""
    package = json.loads((data / "datapackage.json").read_text(encoding="utf-8"))
    extra: dict[str, list[str]] = {}
    for resource in package["resources"]:
        path, rows = data / resource["path"], read_rows(data / resource["path"])
        evidence = resource.get("evidence")
        for n, row in enumerate(rows):
            for column in free_text(resource):
                if row[column] and (not evidence or column != evidence["text"]):
                    row[column] = _poison(row[column], column, n)
            if evidence:
                quoted = f"{PAYLOADS[n % len(PAYLOADS)]} {row[evidence['text']]}"
                row[evidence["text"]] = quoted
                extra.setdefault(row[evidence["source"]], []).append(quoted)
        write_rows(path, rows)
    _extend_articles(data, extra)
    return data


def _extend_articles(data: Path, extra: dict[str, list[str]]) -> None:
    """Each article gains its poisoned quotes as a last paragraph; sources.csv its new hash."""
    sources = read_rows(data / "sources.csv")
    for row in sources:
        seed = data.parent / row["file"]
        text = (
            seed.read_text(encoding="utf-8")
            + "\n\n"
            + "\n".join(dict.fromkeys(extra.get(row["source_id"], [])))
        )
        seed.write_text(text + "\n", encoding="utf-8")
        row["sha256"] = hashlib.sha256(seed.read_bytes()).hexdigest()
    write_rows(data / "sources.csv", sources)
