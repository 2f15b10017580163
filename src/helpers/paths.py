"""Every path the project uses, found from this package's own location.

Because the package is installed in editable mode from ``src/``, the repository
root is two levels above this file; notebooks therefore find the data from any
working directory (repository root, ``notebooks/``, or a papermill temp dir).
"""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Another copy of the curated data, with its seeds/ beside it, can stand in for data/:
# JP_RU_DPRK_DATA=/path/to/data make report FORCE=1. The tests use it for hostile and invalid data.
DATA = Path(os.environ.get("JP_RU_DPRK_DATA", ROOT / "data")).resolve()
SEEDS = DATA.parent / "seeds"
NOTEBOOKS = ROOT / "notebooks"
PARAMS = ROOT / "params"
BUILD = ROOT / "build"
REPORTS = ROOT / "reports"
LOCKFILE = ROOT / "requirements.lock"


def relative(path: Path | str) -> str:
    """``path`` relative to the repository root when it lies inside it (so that records do
    not depend on where the repository was cloned), else as given."""
    resolved = Path(path).resolve()
    return resolved.relative_to(ROOT).as_posix() if resolved.is_relative_to(ROOT) else str(path)
