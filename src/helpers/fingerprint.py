"""Content hashes of what each report page is made from, so that a build redoes only what changed.

A notebook's page depends on the notebook itself, its parameters, the data (every
notebook reads every table), the ``helpers`` code and templates, and the locked
environment. Hashing them takes milliseconds and imports nothing heavy.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from helpers import paths


def _digest_files(files: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def data_fingerprint() -> str:
    """sha256 over the data package and its seeds: the report says which data it shows."""
    root = paths.DATA.parent
    files = [*paths.DATA.rglob("*.csv"), paths.DATA / "datapackage.json", *(root / "seeds").glob("*.txt")]
    return _digest_files(files, root)


def code_fingerprint() -> str:
    """sha256 over the helpers package (code and templates) and the lock file."""
    package = Path(__file__).parent
    files = [p for p in package.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return _digest_files([*files, paths.LOCKFILE], paths.ROOT)


def notebook_fingerprint(notebook: Path, parameters: dict[str, Any], shared: str) -> str:
    """sha256 of one page's inputs: the notebook, its parameters and the shared data and code hashes."""
    digest = hashlib.sha256(notebook.read_bytes())
    digest.update(json.dumps(parameters, sort_keys=True).encode())
    digest.update(shared.encode())
    return digest.hexdigest()
