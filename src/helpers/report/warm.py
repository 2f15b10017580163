"""Kernels forked warm: a template process imports once what every notebook imports (pandas,
matplotlib, IPython's display, every layer of ``helpers``), and each notebook's kernel is a child
forked from it. Every notebook still runs in a process of its own, from the template's pristine
state; it only skips Python's start and those imports.

The template is started by the driver (``Template``) with the kernel's Python, options and
environment. It answers ``ready`` (or ``failed: why``) on the pipe FD once warm, then
reads one request per line on stdin (a kernel's arguments, working folder and environment, as
JSON) and answers each with the pid of a child that becomes that kernel. The child leads a session
of its own, so that the driver can signal and kill its process group as it does a kernel it
started itself. The template reaps each child as it ends, so that none is left a zombie and their
CPU time counts in the template's, as a process's children's does (``make benchmark`` reads it).

Before it forks, the template must hold nothing a child could not share: no thread, no socket,
no event loop. So it imports no zmq, tornado or ipykernel (each child imports those itself) and
says ``failed`` if a thread started while it warmed up, or if the imports printed or warned (a
cold kernel would show that in the notebook). This module imports only the standard
library: the driver's side (``Template``) runs where the build runs.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import IO

# What ipykernel sets before a notebook's first cell runs, set before matplotlib is imported here,
# so that a forked kernel draws with the backend (and its settings) a kernel started cold would.
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"


def wanted() -> bool:
    """Whether kernels are forked warm: by default; the environment's WARM=0 starts them cold."""
    return os.environ.get("WARM", "1") != "0"


class Unavailable(Exception):
    """No warm template here: the kernel starts cold, and the build says why once."""


def warm_up() -> None:
    """Import what every notebook imports, as a kernel started cold would before its cells ran.
    Anything the imports print or warn, a cold kernel's notebook would show in the cell that
    imports them, and a forked one could not: such a template refuses, and kernels start cold."""
    os.environ.setdefault("MPLBACKEND", INLINE_BACKEND)
    with tempfile.TemporaryFile() as output:
        with _written_to(output), warnings.catch_warnings(record=True) as warned:
            import helpers.notebook  # noqa: F401 (pandas, matplotlib.pyplot, IPython.display, every layer)
        output.seek(0)
        said = output.read().decode(errors="replace").strip().splitlines()
    if said or warned:
        first = said[0] if said else f"{warned[0].category.__name__}: {warned[0].message}"
        raise RuntimeError(f"importing the helpers said {first!r}, which a notebook shows")
    if threading.active_count() != 1:
        raise RuntimeError("a thread started while the template imported the helpers")


@contextlib.contextmanager
def _written_to(file: IO[bytes]) -> Iterator[None]:
    """Standard output and error, Python's and the C libraries', written to ``file`` meanwhile."""
    sys.stdout.flush()
    sys.stderr.flush()
    kept = os.dup(1), os.dup(2)
    os.dup2(file.fileno(), 1)
    os.dup2(file.fileno(), 2)
    try:
        yield
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        for fd, original in zip((1, 2), kept, strict=True):
            os.dup2(original, fd)
            os.close(original)


def become_kernel(request: dict) -> None:
    """In the forked child: take the kernel's session, folder, environment and arguments, and
    run ipykernel as ``python -m ipykernel_launcher`` would."""
    os.setsid()
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the kernel waits for its own children
    os.chdir(request["cwd"])
    os.environ.clear()
    # ipykernel ends when the parent it is given does: its template, which ends with the driver.
    os.environ.update(request["env"], JPY_PARENT_PID=str(os.getppid()))
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.close(null)
    signal.signal(signal.SIGINT, signal.default_int_handler)  # as Python starts every process
    # Each kernel its own random state, as a fresh process has: Python's random reseeds itself
    # after a fork, NumPy's global generator (seeded when the template imported it) does not.
    import numpy.random

    numpy.random.seed()
    from ipykernel import kernelapp

    sys.argv = [importlib.util.find_spec("ipykernel_launcher").origin, *request["args"]]
    kernelapp.launch_new_instance()


def _child(request: dict, answers: int) -> None:
    """The forked child's whole life: the kernel, then the exit a process ending normally makes."""
    os.close(answers)
    code = 0
    try:
        become_kernel(request)
    except SystemExit as ended:
        code = ended.code if isinstance(ended.code, int) else int(ended.code is not None)
    except BaseException:
        traceback.print_exc()
        code = 1
    finally:
        with contextlib.suppress(BaseException):
            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def _reap(signum: int, frame: object) -> None:
    with contextlib.suppress(ChildProcessError):  # none left
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def serve(answers: int) -> None:
    """The template's loop: warm up, say so, then fork a kernel per request until stdin ends."""
    signal.signal(signal.SIGCHLD, _reap)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the driver stops it (stdin's end, or a kill)
    del sys.path[0]  # the folder it started in, as ipykernel_launcher removes it
    try:
        warm_up()
    except BaseException as error:
        os.write(answers, f"failed: {type(error).__name__}: {error}\n".encode())
        return
    os.write(answers, b"ready\n")
    for line in sys.stdin:
        pid = os.fork()
        if pid == 0:
            _child(json.loads(line), answers)
        os.write(answers, f"{pid}\n".encode())


class Template:
    """The driver's side of one template process: started with a kernel's Python and options and
    its environment, asked for kernels one at a time, stopped with ``close``."""

    def __init__(self, python: list[str], env: dict[str, str]) -> None:
        answers, theirs = os.pipe()
        try:
            self.process = subprocess.Popen(
                [*python, "-c", f"from helpers.report.warm import serve; serve({theirs})"],
                stdin=subprocess.PIPE,
                env=env,
                pass_fds=(theirs,),
                start_new_session=True,  # out of reach of the terminal's Ctrl-C: the driver stops it
                text=True,
            )
        finally:
            os.close(theirs)
        self.answers = os.fdopen(answers, "r")
        said = self.answers.readline().strip()
        if said != "ready":
            self.close()
            raise Unavailable(f"the warm template failed ({said or 'it ended'})")

    def fork(self, args: list[str], cwd: str, env: dict[str, str]) -> int:
        """The pid of a new kernel, forked from the template: ipykernel_launcher's ``args``."""
        request = json.dumps({"args": args, "cwd": cwd, "env": env})
        try:
            self.process.stdin.write(request + "\n")
            self.process.stdin.flush()
            answer = self.answers.readline().strip()
        except (OSError, ValueError) as error:
            raise Unavailable(f"the warm template is gone ({error})") from None
        if not answer.isdigit():
            raise Unavailable("the warm template is gone")
        return int(answer)

    def close(self) -> None:
        """Stop the template (its kernels are the driver's to stop, and go on)."""
        with contextlib.suppress(OSError, ValueError):
            self.process.stdin.close()
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        self.process.wait()
        self.answers.close()


# The template of this process, for the key it was started for; one at a time, under the lock.
_lock = threading.Lock()
_current: dict[tuple, Template | Unavailable] = {}
_told: set[str] = set()


def _key(python: list[str], env: dict[str, str]) -> tuple:
    """What a kernel forked from a template shares with it: the Python and its options, the
    environment the helpers were imported with, and the helpers' own files (a Dask worker outlives
    a build, and a template must not serve code that has changed since)."""
    package = Path(__file__).parents[1]
    code = sorted((str(path), path.stat().st_mtime_ns) for path in package.rglob("*.py"))
    return (tuple(python), tuple(sorted(env.items())), tuple(code))


def fork_kernel(cmd: list[str], cwd: str, env: dict[str, str]) -> int:
    """The pid of a kernel for ``cmd`` (``python [options] -m ipykernel_launcher args``), forked
    from this process's template for its Python, environment and code; Unavailable where none
    can be had (the caller starts the kernel cold)."""
    if sys.platform != "linux" or not hasattr(os, "fork"):
        raise Unavailable("forking a warm template is for Linux")
    if "-m" not in cmd or cmd[cmd.index("-m") + 1 : cmd.index("-m") + 2] != ["ipykernel_launcher"]:
        raise Unavailable(f"the kernel is not ipykernel_launcher ({' '.join(cmd[:4])} ...)")
    at = cmd.index("-m")
    shared = {name: value for name, value in env.items() if not name.startswith("JPY_")}
    key = _key(cmd[:at], shared)
    with _lock:
        if key not in _current:
            _close()
            try:
                _current[key] = Template(cmd[:at], shared)
            except (OSError, Unavailable) as error:
                _current[key] = error if isinstance(error, Unavailable) else Unavailable(str(error))
        template = _current[key]
        if isinstance(template, Unavailable):
            raise template
        try:
            return template.fork(cmd[at + 2 :], cwd, env)
        except Unavailable as gone:  # the rest of this build starts its kernels cold
            template.close()
            _current[key] = gone
            raise


def tell_once(reason: Unavailable) -> None:
    """One line, once per reason in this process: kernels start cold, and why."""
    with _lock:
        if str(reason) in _told:
            return
        _told.add(str(reason))
    print(f"[note ] kernels start cold: {reason}", flush=True)


def close_all() -> None:
    """Stop this process's template: at a build's end, or when it is interrupted."""
    with _lock:
        _close()


def _close() -> None:
    for template in _current.values():
        if isinstance(template, Template):
            template.close()
    _current.clear()
