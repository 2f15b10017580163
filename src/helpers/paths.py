"""Every path the project uses, found from this package's own location.

Because the package is installed in editable mode from ``src/``, the repository
root is two levels above this file; notebooks therefore find the data from any
working directory (repository root, ``notebooks/``, or a papermill temp dir).
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
DATAPACKAGE = DATA / "datapackage.json"
SEEDS = ROOT / "seeds"
NOTEBOOKS = ROOT / "notebooks"
PARAMS = ROOT / "params"
BUILD = ROOT / "build"
REPORTS = ROOT / "reports"
LOCKFILE = ROOT / "requirements.lock"
