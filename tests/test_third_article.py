"""The record grows: a third article, curated completely, keeps every test green.

A copy of the project gains the article written for this test (``support.third_article``) as a
curator adds one: ``curate add``, the rows, ``make check STRICT=1``, ``make readme``. Then the data, views,
analysis, charts, curation, pages and report tests run in that copy, against its three articles,
and must pass. A test that hard-codes the two seed articles' counts, ids or shared events fails
there. The copy runs Hypothesis's "growth" profile (few examples): this is about what the tests
assume of the data, which the full run in this repository already draws many examples for.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from support import third_article
from support.elsewhere import environment

from helpers import paths

pytestmark = [pytest.mark.slow, pytest.mark.long]

# The tests that read the data, run in the copy. The other report tests are about the machinery
# (the lock, the kernel, staging, sweeps and Dask, hostile data of their own): they were run on a
# grown copy once, and the one that took the seeds' people for granted (test_dask) now reads them
# from the data, but they cost minutes each and say nothing more about what the data assumes. Of
# the papermill runs, the widest parameter set (the whole year) runs every notebook on the grown
# data; the other sets differ from it in parameters, not in data. The edge values, which move with
# the data, run in-process there (tests/pages/test_edge_values.py).
NOTEBOOKS = sorted(path.stem for path in (paths.ROOT / "notebooks").glob("*.ipynb"))
SUITES = [
    "tests/data", "tests/views", "tests/analysis", "tests/charts", "tests/curate", "tests/params",
    "tests/pages", "tests/test_docs.py", "tests/test_notebook.py", "tests/report/test_report.py",
    *(f"tests/report/test_notebooks.py::test_notebook_runs_with_parameter_set[{name}-whole-year]"
      for name in NOTEBOOKS),
]  # fmt: skip
IGNORED = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")


def tracked_files(root: Path) -> list[str]:
    """The repository's files as a clone has them (git's list; else everything but outputs)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=root, capture_output=True, check=False)
    if listed.returncode == 0 and listed.stdout:
        return [name for name in listed.stdout.decode().split("\0") if name and (root / name).is_file()]
    skipped = {".git", ".venv", ".tools", "build", "reports", "mutants"}
    return [
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file()
        and not skipped & set(path.relative_to(root).parts)
        and "__pycache__" not in path.parts
    ]


def clone(target: Path) -> Path:
    for name in tracked_files(paths.ROOT):
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(paths.ROOT / name, target / name)
    (target.parent / f".{target.name}-clock").mkdir()  # support.elsewhere.environment's folder
    return target


def run(root: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=root,
        env=environment(root) | env,
        capture_output=True,
        text=True,
        timeout=3600,
    )


@pytest.fixture(scope="module")
def grown(tmp_path_factory) -> Path:
    """A copy of the project with the third article added and curated."""
    root = clone(tmp_path_factory.mktemp("grown") / "project")
    article = root.parent / "da-nang.txt"
    article.write_text(third_article.ARTICLE, encoding="utf-8")
    added = run(root, "helpers.curate", "add", str(article), "--published", third_article.PUBLISHED,
        "--outlet", third_article.OUTLET, "--headline", third_article.HEADLINE)  # fmt: skip
    assert added.returncode == 0, added.stderr
    source_id = added.stdout.split()[1].rstrip(":")
    third_article.curate(root / "data", source_id)
    readme = run(root, "helpers.pages.findings")  # `make readme`: the counts the README states
    assert readme.returncode == 0, readme.stderr
    return root


def test_the_third_article_is_curated_completely(grown):
    checked = run(grown, "helpers.curate", "check", "--strict")
    assert checked.returncode == 0, checked.stderr
    assert checked.stderr == ""  # not a sentence left unquoted
    sources = (grown / "data" / "sources.csv").read_text(encoding="utf-8")
    assert sources.count("\n") == (paths.DATA / "sources.csv").read_text(encoding="utf-8").count("\n") + 1


def test_the_tests_pass_with_three_articles(grown):
    env = {"HYPOTHESIS_PROFILE": "growth", "PYTHONDONTWRITEBYTECODE": "1"}
    if "CI" in os.environ:
        env["CI"] = os.environ["CI"]
    tested = run(grown, "pytest", "-q", "-p", "no:cacheprovider", *SUITES, **env)
    summary = tested.stdout.strip().splitlines()[-1:] or [tested.stderr]
    assert tested.returncode == 0, "\n".join(tested.stdout.splitlines()[-60:]) + tested.stderr[-2000:]
    assert "passed" in summary[0] and "failed" not in summary[0]
