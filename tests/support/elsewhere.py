"""Build in another process, from another copy of the project, on another day.

``project_copy`` copies what a build reads (code, notebooks, parameter sets, data, articles) to a
new place, as a second clone would be. ``driver`` runs ``python -m helpers.report`` there, in its
own process, with the package imported from that copy (``PYTHONPATH``; the kernels inherit it),
a hash seed of its own, and, through a ``sitecustomize`` that starts time-machine, a clock set to
another day in the driver and in every kernel it starts.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from helpers import paths

COPIED = ("src", "notebooks", "params", "data", "seeds", "pyproject.toml", "requirements.lock")
UNCOPIED = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")
CLOCK = """\
import datetime, os
if os.environ.get("FAKE_TODAY"):
    import time_machine
    _day = datetime.datetime.fromisoformat(os.environ["FAKE_TODAY"] + "T09:30:00+00:00")
    _travel = time_machine.travel(_day, tick=True)
    _travel.start()
"""


def project_copy(root: Path, origin: Path = paths.ROOT) -> Path:
    """What a build reads (and, from another copy, what it built), copied to ``root``."""
    root.mkdir(parents=True)
    for name in COPIED if origin == paths.ROOT else (*COPIED, "reports", "build"):
        source = origin / name
        if source.is_dir():
            shutil.copytree(source, root / name, ignore=UNCOPIED)
        elif source.is_file():
            shutil.copy2(source, root / name)
    clock = root.parent / f".{root.name}-clock"
    clock.mkdir()
    (clock / "sitecustomize.py").write_text(CLOCK, encoding="utf-8")
    return root


def environment(root: Path, today: str | None = None, hash_seed: int = 0) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("JP_RU_DPRK_DATA", "PYTHONPATH")}
    clock = root.parent / f".{root.name}-clock"
    env["PYTHONPATH"] = os.pathsep.join([str(root / "src"), str(clock)])
    env["PYTHONHASHSEED"] = str(hash_seed)
    if today:
        env["FAKE_TODAY"] = today
    return env


def python(root: Path, code: str, **kw) -> str:
    """Run a line of Python as the copy's build would; its output."""
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        env=environment(root, **kw),
        text=True,
        capture_output=True,
        check=True,
        timeout=60,
    ).stdout.strip()


def driver(root: Path, *args: str, today: str | None = None, hash_seed: int = 0) -> subprocess.Popen:
    """Start the copy's report driver in its own process; the caller waits for it."""
    return subprocess.Popen(
        [sys.executable, "-m", "helpers.report", *args],
        cwd=root,
        env=environment(root, today, hash_seed),
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def build(root: Path, *args: str, timeout: float = 600, **kw) -> subprocess.CompletedProcess:
    process = driver(root, *args, **kw)
    out, err = process.communicate(timeout=timeout)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def _processes() -> dict[int, tuple[int, bytes]]:
    """Every live process: its pid -> its parent's pid and its command line."""
    found = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            stat = (proc / "stat").read_text()
            cmdline = (proc / "cmdline").read_bytes()
        except OSError:
            continue
        found[int(proc.name)] = (int(stat.rsplit(")", 1)[1].split()[1]), cmdline)
    return found


def descendants(pid: int) -> list[int]:
    """Every live process a process started, and they started, and so on."""
    processes, family = _processes(), {pid}
    while more := {p for p, (parent, _) in processes.items() if parent in family} - family:
        family |= more
    return sorted(family - {pid})


# The command line of a warm template (``helpers.report.warm``), which its forked kernels share.
TEMPLATE = b"helpers.report.warm"


def templates_of(pid: int, deep: bool = False) -> list[int]:
    """The live warm templates a process started (with ``deep``, its descendants' too)."""
    processes = _processes()
    family = {pid, *descendants(pid)} if deep else {pid}
    return sorted(p for p, (parent, cmd) in processes.items() if parent in family and TEMPLATE in cmd)


def kernels_of(pid: int, deep: bool = False) -> list[int]:
    """The live kernels a process started: its children that run ipykernel, and the children of
    its warm templates (with ``deep``, its descendants' too, as a Dask worker's under its nanny)."""
    processes = _processes()
    family = {pid, *descendants(pid)} if deep else {pid}
    templates = set(templates_of(pid, deep))
    return sorted(
        p
        for p, (parent, cmd) in processes.items()
        if (parent in family and b"ipykernel" in cmd) or parent in templates
    )


def alive(pid: int) -> bool:
    """Whether a process still runs (a zombie waiting to be reaped does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def wait_until(condition, timeout: float, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(step)
    return None
