"""Which data a result was made from: one sha256 over the data package and the articles.

A report's manifest records it, and the front page shows the generated findings only when they
were written from the data it was built from, so that neither can silently describe other data.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from helpers import paths


def data_files() -> list[Path]:
    """The data package (its data card too: each report carries it) and the articles it rests on."""
    found = [
        *paths.DATA.rglob("*.csv"),
        paths.DATA / "datapackage.json",
        paths.DATA / "README.md",
        *paths.SEEDS.glob("*.txt"),
    ]
    # Only files: a missing one, or a folder in a file's place, changes the hash by its absence,
    # and the data's validation says what is wrong with it.
    return sorted(path for path in found if path.is_file())


def digest_files(files: list[Path], root: Path) -> str:
    """sha256 over each file's path (relative to ``root``) and bytes, in path order."""
    digest = hashlib.sha256()
    for path in sorted(files):
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def data_fingerprint() -> str:
    """sha256 over the data package and its seeds: the report says which data it shows."""
    return digest_files(data_files(), paths.DATA.parent)
