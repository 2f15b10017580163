"""The command line of the report driver: ``python -m helpers.build --params FILE``."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from helpers import paths
from helpers.build.driver import build
from helpers.build.errors import ReportError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.build", description="Build the HTML report for one parameter set."
    )
    parser.add_argument(
        "--params",
        type=Path,
        default=paths.PARAMS / "default.yaml",
        help="parameter set (default: params/default.yaml)",
    )
    parser.add_argument("--force", action="store_true", help="rebuild every notebook, changed or not")
    parser.add_argument("--jobs", type=int, default=None, help="notebooks run at once (default: cores)")
    args = parser.parse_args(argv)
    # SIGTERM (a CI runner's cancel, `kill`) stops the build as Ctrl-C does: kernels killed,
    # the staging folder removed, the previous report kept.
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        build(args.params, force=args.force, jobs=args.jobs)
    except ReportError as error:
        print(f"make report: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("make report: interrupted; the previous report is unchanged", file=sys.stderr)
        return 1
    return 0


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
