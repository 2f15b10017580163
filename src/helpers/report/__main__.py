"""The command line of the report driver.

python -m helpers.report --params params/<set>.yaml            # make report
python -m helpers.report --sweep params/sweeps/<sweep>.yaml    # make sweep
... --executor dask [--scheduler tcp://host:8786]             # on a Dask cluster
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from pathlib import Path

from helpers import paths
from helpers.report import ReportError
from helpers.report.driver import Options, build, is_sweep


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m helpers.report", description="Build the HTML report for a parameter set or a sweep."
    )
    parser.add_argument(
        "--params",
        type=Path,
        default=paths.PARAMS / "default.yaml",
        help="parameter set (default: params/default.yaml)",
    )
    parser.add_argument(
        "--sweep", type=Path, help="a sweep file, params/sweeps/<name>.yaml, instead of --params"
    )
    parser.add_argument("--force", action="store_true", help="rebuild every notebook, changed or not")
    parser.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="notebooks run at once, or LocalCluster workers (default: cores)",
    )
    parser.add_argument(
        "--executor",
        default=os.environ.get("EXECUTOR") or "local",
        help="local (default) or dask; the environment's EXECUTOR sets the default",
    )
    parser.add_argument(
        "--scheduler",
        default=os.environ.get("DASK_SCHEDULER") or None,
        help="the Dask scheduler's address, tcp://host:port (default: DASK_SCHEDULER, else a LocalCluster)",
    )
    parser.add_argument(
        "--no-share",
        dest="share",
        action="store_false",
        default=os.environ.get("SHARE", "1") != "0",
        help="run every notebook, even one with the same inputs as another (the environment's SHARE=0)",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    command = "make sweep" if args.sweep else "make report"
    # SIGTERM (a CI runner's cancel, `kill`) stops the build as Ctrl-C does: kernels killed,
    # the staging folder removed, the previous report kept.
    signal.signal(signal.SIGTERM, _interrupt)
    options = Options(args.force, args.jobs, args.executor, args.scheduler, args.share)
    try:
        path = args.sweep or args.params
        _check_kind(path, sweep=bool(args.sweep))
        build(path, options)
    except ReportError as error:
        print(f"{command}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{command}: interrupted; the previous report is unchanged", file=sys.stderr)
        return 1
    return 0


def _check_kind(path: Path, sweep: bool) -> None:
    """--sweep names a sweep file and --params a parameter set: a mix-up is refused, not guessed."""
    if is_sweep(path) and not sweep:
        raise ReportError(f"{path} is a sweep file (it names vary): make sweep SWEEP={path}")
    if sweep and not is_sweep(path):
        raise ReportError(
            f"{path} is a parameter set, not a sweep file (it names no vary): make report PARAMS={path}"
        )


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


if __name__ == "__main__":
    sys.exit(main())
