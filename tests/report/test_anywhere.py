"""The same inputs give the same bytes in another process, from another clone, on another day,
and nothing in the outputs says where, when or by whom they were built."""

from __future__ import annotations

import getpass
import re
import socket
import tempfile
from datetime import date
from pathlib import Path

import pytest
from conftest import DAYS
from support.elsewhere import python

from helpers import paths

pytestmark = pytest.mark.slow

TEXT = (".html", ".ipynb", ".json", ".svg", ".txt", ".mk")
# Embedded images (base64) are binary in all but name; a short name could turn up in them by chance.
BLOB = re.compile(r"[A-Za-z0-9+/=\n]{100,}")


def outputs(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for folder in ("reports", "build")
        for p in sorted((root / folder).rglob("*"))
        if p.is_file()
    }


def test_each_copy_runs_its_own_code_on_its_own_day(places):
    """The premise of the comparison: each process imports the copy's package and sees its day."""
    for root, day in zip(places, DAYS, strict=True):
        seen = python(
            root, "import helpers.paths as p, datetime; print(p.ROOT, datetime.date.today())", today=day
        )
        assert seen == f"{root} {day}"


def test_two_clones_on_two_days_build_the_same_bytes(places):
    """Every output but the run logs, which say how long each notebook took: a log, not a result."""
    a, b = (outputs(root) for root in places)
    assert sorted(a) == sorted(b)
    logs = [name for name in a if name.endswith("/run-log.json")]
    assert logs == ["build/default/run-log.json"]
    assert [name for name in a if a[name] != b[name] and name not in logs] == []
    kinds = {Path(name).suffix for name in a}
    assert {".html", ".ipynb", ".json", ".png", ".svg", ".txt", ".mk"} <= kinds


def _forbidden(places) -> dict[str, re.Pattern]:
    """What must not be in any output: where, when and by whom it was built."""
    # The clocks of the two builds, and the real one unless the data itself holds that day or
    # year (the context layer records the day each source was accessed).
    data = " ".join(p.read_text(encoding="utf-8") for p in sorted(paths.DATA.rglob("*.csv")))
    today = date.today().isoformat()
    days = [*DAYS, *([today] if today not in data else [])]
    years = {day[:4] for day in DAYS} | ({today[:4]} - set(re.findall(r"\b\d{4}\b", data)))
    where = [*map(str, places), str(paths.ROOT), str(Path.home()), tempfile.gettempdir() + "/"]
    found = {f"path {p}": re.compile(re.escape(p)) for p in where}
    found |= {f"day {d}": re.compile(re.escape(d)) for d in days}
    found |= {f"year {y}": re.compile(rf"\b{y}\b") for y in years}
    # The host and user names as a build would record them: in a path, an address or a login.
    for label, name in (("host", socket.gethostname()), ("user", getpass.getuser())):
        found[f"{label} {name}"] = re.compile(rf"(/{name}\b|\b{name}@|@{name}\b|\b{name}:\d|\"{name}\")")
    return found


def test_no_output_says_where_when_or_by_whom(places):
    forbidden = _forbidden(places)
    hits = []
    for name, content in outputs(places[0]).items():
        if not name.endswith(TEXT):
            assert b"tIME" not in content[:4096], f"{name} carries a PNG time stamp"
            continue
        text = BLOB.sub("", content.decode("utf-8"))
        hits += [f"{name}: {label}" for label, pattern in forbidden.items() if pattern.search(text)]
    assert hits == []
