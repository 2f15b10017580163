"""Every file, test, make target, module and command the documents name exists: a renamed or
deleted thing cannot live on in the prose."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import re
from pathlib import Path

import pytest

from helpers import paths

ROOT = paths.ROOT
DOCUMENTS = [ROOT / "README.md", ROOT / "data" / "README.md", ROOT / "benchmarks" / "README.md"]
DOCUMENTS += sorted((ROOT / "docs").glob("*.md"))
TOP = ("src/", "tests/", "docs/", "data/", "params/", "notebooks/", "benchmarks/", "seeds/", ".ci/")
ROOT_FILES = {"Makefile", "README.md", "pyproject.toml", "requirements.lock", "environment.yml"}
GENERATED = ("reports/", "build/", ".venv/", ".tools/", "mutants/")


def named(document: Path) -> list[str]:
    """The names in backticks, and the `make` commands of fenced code blocks."""
    text = document.read_text(encoding="utf-8")
    blocks = "\n".join(re.findall(r"^```[a-z]*\n(.*?)^```", text, re.MULTILINE | re.DOTALL))
    return re.findall(r"`([^`\n]+)`", text) + re.findall(r"^(make [a-z-]+)", blocks, re.MULTILINE)


def problem(name: str) -> str | None:
    """What is wrong with one name, or None if it exists (or is not a thing this test knows)."""
    name = name.strip()
    if "<" in name or name.startswith(GENERATED) or "*" in name.split("::")[0].rsplit("/", 1)[0]:
        return None
    if make := re.fullmatch(r"make ([a-z-]+)(?: .*)?", name):
        targets = re.findall(r"^([a-z-]+):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.MULTILINE)
        return None if make.group(1) in targets else f"no make target {make.group(1)}"
    if module := re.fullmatch(r"(?:\.venv/bin/)?python -m (helpers(?:\.\w+)*)(?: .*)?", name):
        return None if importlib.util.find_spec(module.group(1)) else f"no module {module.group(1)}"
    if re.fullmatch(r"helpers(\.[A-Za-z_]\w*)+", name):
        return _dotted(name)
    path, _, test = name.partition("::")
    if path.startswith(TOP) or path in ROOT_FILES:
        return _path(path.split()[0], test)
    return None


def _dotted(name: str) -> str | None:
    """A module, or a name defined in one (``helpers.views.as_of_view``)."""
    parts = name.split(".")
    found = importlib.import_module(parts[0])
    for depth, part in enumerate(parts[1:], start=1):
        if hasattr(found, part):
            found = getattr(found, part)
        elif hasattr(found, "__path__") and importlib.util.find_spec(".".join(parts[: depth + 1])):
            found = importlib.import_module(".".join(parts[: depth + 1]))
        else:
            return f"{'.'.join(parts[:depth])} has no {part}"
    return None


def _path(path: str, test: str) -> str | None:
    found = sorted(ROOT.glob(path)) if "*" in path else [ROOT / path]
    if not found or not all(p.exists() for p in found):
        return f"no file {path}"
    if test:
        tree = ast.parse(found[0].read_text(encoding="utf-8"))
        functions = {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}
        if test.split("[")[0] not in functions:
            return f"{path} has no {test}"
    return None


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_name_the_document_gives_exists(document):
    wrong = sorted({f"`{name}`: {said}" for name in named(document) if (said := problem(name))})
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("name", "wrong"),
    [
        ("tests/report/test_places_and_days.py", "no file"),
        ("tests/report/test_trust.py::test_no_such_test", "has no test_no_such_test"),
        ("make no-such-target", "no make target"),
        ("python -m helpers.report.planning_cli", "no module"),
        ("helpers.views.no_such_view", "has no no_such_view"),
        ("helpers.charts.style.MAX_MARKS", "has no MAX_MARKS"),
        ("docs/no-such-page.md", "no file"),
    ],
)
def test_a_stale_name_is_caught(name, wrong):
    assert wrong in (problem(name) or "")
