"""Print the score of the last ``mutmut run`` (``make mutation``), per module and in all.

Killed mutants count for the tests; survivors and timeouts against them; mutants that were
not run, or whose names match none of the patterns given (those of ``mutmut run``), are left
out. Exits 1 below ``--floor``.
"""

from __future__ import annotations

import argparse
import fnmatch
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

COUNTED = ("killed", "survived", "no tests", "timeout", "suspicious", "segfault")


def results(mutmut: str) -> list[tuple[str, str]]:
    """(mutant name, status) for every mutant mutmut knows of."""
    out = subprocess.run(
        [mutmut, "results", "--all", "true"], capture_output=True, text=True, check=True
    ).stdout
    rows = [line.strip().rsplit(": ", 1) for line in out.splitlines() if ": " in line]
    return [(name, status) for name, status in rows if "__mutmut_" in name]


def module_of(name: str) -> str:
    return name.split(".x", 1)[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--floor", type=float, default=85.0, help="lowest acceptable score, in percent")
    parser.add_argument("patterns", nargs="*", default=["*"], help="mutant names, as given to mutmut run")
    args = parser.parse_args()
    mutmut = str(Path(sys.executable).with_name("mutmut"))
    by_module: dict[str, Counter] = defaultdict(Counter)
    for name, status in results(mutmut):
        if not any(fnmatch.fnmatch(name, pattern) for pattern in args.patterns):
            continue
        by_module[module_of(name)][status] += 1
    total = Counter()
    print(f"{'module':32} {'killed':>7} {'survived':>9} {'other':>6} {'score':>7}")
    for module, counts in sorted(by_module.items()):
        run = sum(counts[s] for s in COUNTED)
        if not run:
            continue
        total.update(counts)
        other = run - counts["killed"] - counts["survived"]
        print(
            f"{module:32} {counts['killed']:7} {counts['survived']:9} {other:6} {counts['killed'] / run:7.1%}"
        )
    run = sum(total[s] for s in COUNTED)
    if not run:
        print("no mutant was run: run `make mutation` first")
        return 1
    score = 100 * total["killed"] / run
    other = run - total["killed"] - total["survived"]
    print(f"{'all':32} {total['killed']:7} {total['survived']:9} {other:6} {score / 100:7.1%}")
    print("survivors: `.venv/bin/mutmut results`; one of them: `.venv/bin/mutmut show <name>`")
    return 0 if score >= args.floor else 1


if __name__ == "__main__":
    sys.exit(main())
