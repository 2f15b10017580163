"""A report is never stale, seen in real builds: in a clone of the project, built as the session's
build was, each kind of input changed runs again the pages that read it, and each of them shows
the change; a change to anything else runs nothing. And every file a build reads, in the driver
and in every notebook's kernel, in Python or not (pyarrow reads the tables), is one the driver
hashes, or one it wrote: no input escapes the content hashes. ``test_never_stale.py`` changes each
input of each kind alone, without kernels.
"""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pytest
from support import edit
from support.elsewhere import environment, project_copy, python

pytestmark = pytest.mark.slow

DONE = re.compile(r"^\[done \] (\S+) in ", re.MULTILINE)
# Where a page shows each change: every page, or at least one of them.
MARKS = {
    "module": "[a module changed]",
    "template": "[the template changed]",
    "table": "[a table changed]",
    "context table": "[the context layer changed]",
    "notebook": "[a notebook changed]",
    "data card": "[the data card changed]",
}


@pytest.fixture
def clone(built, tmp_path) -> Path:
    """The project copied, with the session's build beside it (built again where the working
    tree moved on since the session's build)."""
    root = project_copy(tmp_path / "jp-ru-dprk")
    shutil.copytree(built / "reports", root / "reports")
    shutil.copytree(built / "build", root / "build")
    run(root)
    return root


def run(root: Path) -> list[str]:
    """Build the clone's default report in its own process; the pages it executed."""
    done = subprocess.run(
        [sys.executable, "-m", "helpers.report", "--params", "params/default.yaml"],
        cwd=root,
        env=environment(root),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    return sorted(DONE.findall(done.stdout))


def pages(root: Path) -> dict[str, str]:
    return {
        page.stem: page.read_text(encoding="utf-8")
        for page in sorted((root / "reports" / "default").glob("*.html"))
    }


def inputs(root: Path) -> dict[str, list[str]]:
    """What the clone's driver hashes for the default set: every input, and the data's."""
    code = (
        "import json; from helpers import paths; from helpers.report import planning as f; "
        "names = lambda files: [paths.relative(p) for p in files]; "
        "print(json.dumps({'all': names(f.input_files(paths.PARAMS / 'default.yaml')), "
        "'data': names(f.data_files())}))"
    )
    return json.loads(python(root, code))


def unread_for_days(root: Path) -> float:
    """Every file of the clone last read two days ago, so that the file system (relatime) notes
    the next read, whoever makes it; returns the time before which no file was read since."""
    days_ago = time.time() - 2 * 24 * 3600
    for folder, _, files in os.walk(root):
        for name in files:
            path = Path(folder) / name
            os.utime(path, ns=(int(days_ago * 1e9), path.stat().st_mtime_ns))
    return time.time() - 3600


def read_since(root: Path, moment: float) -> set[str]:
    """The files of the clone read since ``moment``, relative to it."""
    return {
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and path.stat().st_atime > moment
    }


def change_every_pages_inputs(root: Path) -> None:
    """A table, a table of the context layer, the data card, a module the notebooks import, the
    template and the lock, each changed where a page can show it (the lock: nowhere)."""
    data = root / "data"
    with (data / "sources.csv").open(encoding="utf-8") as handle:
        outlet = next(csv.DictReader(handle))["outlet"]
    edit(data, "sources", 0, "outlet", f"{outlet} {MARKS['table']}")
    with (data / "context" / "outcomes.csv").open(encoding="utf-8") as handle:
        note = next(csv.DictReader(handle))["note"]
    edit(data / "context", "outcomes", 0, "note", f"{note} {MARKS['context table']}")
    with (data / "README.md").open("a", encoding="utf-8") as handle:  # every report carries it
        handle.write(f"\n{MARKS['data card']}\n")
    with (root / "src" / "helpers" / "notebook.py").open("a", encoding="utf-8") as handle:
        handle.write(f"\nprint({MARKS['module']!r})\n")
    with (root / "src" / "helpers" / "report" / "templates" / "report" / "index.html.j2").open(
        "a", encoding="utf-8"
    ) as handle:
        block = f"<p>{MARKS['template']}</p>{{{{ super() }}}}"
        handle.write(f"\n{{% block body_footer %}}{block}{{% endblock body_footer %}}\n")
    with (root / "requirements.lock").open("a", encoding="utf-8") as handle:
        handle.write("# the lock changed\n")


def test_each_kind_of_input_runs_again_the_pages_that_read_it_and_they_show_it(clone):
    notebooks = sorted(path.stem for path in (clone / "notebooks").glob("*.ipynb"))
    first = pages(clone)

    # A notebook, and one notebook's parameter: those two pages, and no other.
    book = nbformat.read(clone / "notebooks" / "02_sanction_escalation.ipynb", as_version=4)
    book.cells.append(nbformat.v4.new_markdown_cell(MARKS["notebook"], id="never-stale"))
    nbformat.write(book, clone / "notebooks" / "02_sanction_escalation.ipynb")
    (clone / "params" / "default.yaml").write_text(
        "notebooks:\n  03_summit_schedule:\n    kinds: [summit]\n", encoding="utf-8"
    )
    assert run(clone) == ["02_sanction_escalation", "03_summit_schedule"]
    second = pages(clone)
    assert MARKS["notebook"] in second["02_sanction_escalation"]
    assert second["03_summit_schedule"] != first["03_summit_schedule"]
    others = [name for name in notebooks if name not in ("02_sanction_escalation", "03_summit_schedule")]
    assert {name: second[name] for name in others} == {name: first[name] for name in others}

    # What no page reads: a note in docs/, a comment in the set, another set's value, a
    # notebook's checkpoint.
    (clone / "docs").mkdir(exist_ok=True)
    (clone / "docs" / "note.md").write_text("A note.\n", encoding="utf-8")
    with (clone / "params" / "default.yaml").open("a", encoding="utf-8") as handle:
        handle.write("# a comment\n")
    (clone / "params" / "held-only.yaml").write_text("include_planned: true\n", encoding="utf-8")
    (clone / "notebooks" / ".ipynb_checkpoints").mkdir()
    shutil.copy2(clone / "notebooks" / "01_meeting_cadence.ipynb", clone / "notebooks" / ".ipynb_checkpoints")
    assert run(clone) == []
    assert pages(clone) == second

    # A table, the context layer, a module, the template, the lock: every page, each showing the
    # change it can show. Meanwhile, every file read is one the driver hashes, or its own output.
    change_every_pages_inputs(clone)
    moment = unread_for_days(clone)
    assert run(clone) == notebooks
    third = pages(clone)
    for name in notebooks:
        assert third[name] != second[name]
        assert MARKS["module"] in third[name] and MARKS["template"] in third[name], name
    for kind in ("table", "context table"):
        assert any(MARKS[kind] in page for page in third.values()), f"no page shows the {kind} changed"
    card = (clone / "reports" / "default" / "data" / "README.html").read_text(encoding="utf-8")
    assert MARKS["data card"] in card
    read = {name for name in read_since(clone, moment) if not name.startswith(("reports/", "build/"))}
    hashed = inputs(clone)
    if not set(hashed["data"]) <= read:
        pytest.skip("this file system does not note reads (noatime): which files a build reads is unknown")
    # Compiled code stands for its source: 'src/helpers/x/__pycache__/y.cpython-311.pyc' for y.py.
    read = {re.sub(r"__pycache__/([^./]+)\.[^/]*\.pyc$", r"\1.py", name) for name in read}
    assert read <= set(hashed["all"]), f"read, hashed by none: {sorted(read - set(hashed['all']))}"
