"""How long `make check` takes on the real data: `python -m helpers.data` in a fresh process,
as the curator runs it, best and median of five runs. Prints figures; asserts nothing."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(runs: int = 5) -> None:
    seconds = []
    for _ in range(runs):
        tick = time.perf_counter()
        subprocess.run([sys.executable, "-m", "helpers.data"], cwd=ROOT, check=True, capture_output=True)
        seconds.append(time.perf_counter() - tick)
    print(f"make check (python -m helpers.data), {runs} runs: best {min(seconds):.2f} s, "
          f"median {statistics.median(seconds):.2f} s")  # fmt: skip


if __name__ == "__main__":
    main()
