"""Kernels forked warm: each notebook's kernel is a fresh child of a template that has imported the
helpers, so nothing one notebook sets is seen by the next; where no template can be had, kernels
start cold, and the build says so in one line.

The byte-identity of a warm build with a cold one is in ``test_sharing``'s slow test; interrupts,
SIGTERM and a failing notebook, with no kernel or template left behind, in ``test_atomic``.
"""

from __future__ import annotations

import json
import os
import re
import signal
import sys
import time
from pathlib import Path

import nbformat
import pytest
from support.elsewhere import alive, environment, kernels_of, project_copy, templates_of, wait_until

from helpers.report import execute, warm

# What a kernel reports of itself and of what earlier notebooks might have left in its process.
LOOK = """\
import json, os, random, sys
print(json.dumps({
    "pid": os.getpid(),
    "parent": os.getppid(),
    "group": os.getpgid(0),
    "warm": "helpers.notebook" in sys.modules,  # imported before any cell: forked from the template
    "global": "leaked" in globals(),
    "attribute": hasattr(sys.modules.get("helpers.paths"), "LEAKED"),
    "linewidth": __import__("matplotlib").rcParams["lines.linewidth"],
    "backend": __import__("matplotlib").get_backend(),
    "random": [random.random(), __import__("numpy").random.random()],  # a fresh process's own
}))
"""
LEAK = """\
import matplotlib, helpers.paths
leaked = 1
matplotlib.rcParams["lines.linewidth"] = 9.5
helpers.paths.LEAKED = "set by the first notebook"
"""


def notebook(path: Path, *cells: str) -> Path:
    code = [nbformat.v4.new_code_cell(source, id=f"c{i}") for i, source in enumerate(cells)]
    book = nbformat.v4.new_notebook(cells=code)
    book.metadata["kernelspec"] = {"name": "jp-ru-dprk-2017", "display_name": "Python", "language": "python"}
    nbformat.write(book, path)
    return path


def what_it_saw(output: Path) -> dict:
    """The JSON line the notebook's first cell printed."""
    book = nbformat.read(output, as_version=4)
    return json.loads(book.cells[0].outputs[0]["text"])


def run(path: Path, tmp_path: Path) -> dict:
    output = tmp_path / f"{path.stem}-out.ipynb"
    execute.execute(path, output, {})
    return what_it_saw(output)


@pytest.fixture
def fresh(monkeypatch):
    """Kernels warm (whatever the environment says), no template from an earlier test, and the
    reasons told so far forgotten; the template closed after the test."""
    monkeypatch.delenv("WARM", raising=False)
    monkeypatch.setattr(warm, "_told", set())
    execute.resume()
    warm.close_all()
    yield
    warm.close_all()


@pytest.mark.slow
def test_each_notebook_starts_from_the_templates_pristine_state(tmp_path, fresh):
    first = run(notebook(tmp_path / "first.ipynb", LOOK, LEAK), tmp_path)
    second = run(notebook(tmp_path / "second.ipynb", LOOK), tmp_path)
    assert first["warm"] and second["warm"], "the kernels were not forked from a warm template"
    assert first["parent"] == second["parent"] != os.getpid()  # both children of one template
    assert first["pid"] != second["pid"]
    # A process group of its own, as jupyter_client starts a kernel: the driver's interrupt and
    # kill reach the kernel and whatever it started.
    assert (first["group"], second["group"]) == (first["pid"], second["pid"])
    assert [a != b for a, b in zip(first["random"], second["random"], strict=True)] == [True, True]
    assert (second["global"], second["attribute"]) == (False, False)
    assert second["linewidth"] == first["linewidth"] != 9.5
    assert second["backend"] == first["backend"] == "module://matplotlib_inline.backend_inline"
    # An ended kernel is reaped by its template at once: no zombie, and its CPU time accounted.
    assert wait_until(lambda: not Path(f"/proc/{first['pid']}").exists(), timeout=10)
    template = first["parent"]
    assert templates_of(os.getpid()) == [template]
    warm.close_all()
    assert wait_until(lambda: not alive(template) and not kernels_of(os.getpid()), timeout=10)


@pytest.mark.slow
def test_without_a_template_kernels_start_cold_and_say_so_once(tmp_path, fresh, monkeypatch, capsys):
    def unavailable(*args):
        raise warm.Unavailable("no template in this test")

    monkeypatch.setattr(warm, "fork_kernel", unavailable)
    seen = [run(notebook(tmp_path / f"{n}.ipynb", LOOK), tmp_path) for n in ("one", "two")]
    assert [s["warm"] for s in seen] == [False, False]
    assert [s["parent"] for s in seen] == [os.getpid()] * 2
    said = capsys.readouterr().out.splitlines()
    assert said == ["[note ] kernels start cold: no template in this test"]


@pytest.mark.slow
def test_a_forked_kernel_ends_when_its_template_does(tmp_path, fresh):
    """The driver killed outright (no clean-up) closes its template's stdin, and the template
    ends; its kernels must end with it, as a cold kernel ends with its driver."""
    from jupyter_client.connect import write_connection_file

    connection, _ = write_connection_file(str(tmp_path / "k.json"), transport="ipc", ip=str(tmp_path / "k"))
    kernel = [sys.executable, "-Xfrozen_modules=off", "-m", "ipykernel_launcher", "-f", connection]
    pid = warm.fork_kernel(kernel, str(tmp_path), dict(os.environ))
    (template,) = templates_of(os.getpid())
    assert kernels_of(os.getpid()) == [pid]
    time.sleep(2)  # the kernel has started and watches its parent
    os.kill(template, signal.SIGKILL)
    assert wait_until(lambda: not alive(pid), timeout=15), "a kernel outlived its template"


def test_warm_0_starts_kernels_cold(monkeypatch):
    monkeypatch.setenv("WARM", "0")
    assert not warm.wanted()
    monkeypatch.setenv("WARM", "1")
    assert warm.wanted()
    monkeypatch.delenv("WARM")
    assert warm.wanted()


def test_a_template_that_ends_at_once_is_unavailable():
    with pytest.raises(warm.Unavailable, match=r"the warm template failed \(it ended\)"):
        warm.Template([sys.executable, "-c", "raise SystemExit(3)"], dict(os.environ))


def test_a_template_that_cannot_import_the_helpers_says_why(tmp_path):
    broken = tmp_path / "IPython"
    broken.mkdir()
    (broken / "__init__.py").write_text('raise ImportError("no IPython here")\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")])}
    with pytest.raises(warm.Unavailable, match=r"failed: ImportError: no IPython here"):
        warm.Template([sys.executable], env)


@pytest.mark.parametrize(
    ("line", "said"),
    [
        ("print('[printed at import]')", "'[printed at import]'"),
        ("import os; os.write(2, b'[written by C]\\n')", "'[written by C]'"),
        ("import warnings; warnings.warn('[warned at import]')", "'UserWarning: [warned at import]'"),
    ],
)
def test_a_template_whose_imports_say_something_refuses(tmp_path, line, said):
    """What importing the helpers prints or warns, a cold kernel shows in the notebook's importing
    cell; a forked one could not, so the template refuses and the kernels start cold."""
    root = project_copy(tmp_path / "project")
    with (root / "src" / "helpers" / "notebook.py").open("a", encoding="utf-8") as handle:
        handle.write(f"\n{line}\n")
    with pytest.raises(warm.Unavailable, match=re.escape(f"said {said}, which a notebook shows")):
        warm.Template([sys.executable], environment(root))


def test_elsewhere_than_linux_and_for_other_kernels_there_is_no_template(monkeypatch):
    kernel = [sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"]
    with pytest.raises(warm.Unavailable, match="ipykernel_launcher"):
        warm.fork_kernel([sys.executable, "-m", "other_kernel", "-f", "k.json"], ".", {})
    monkeypatch.setattr(sys, "platform", "darwin")
    with pytest.raises(warm.Unavailable, match="for Linux"):
        warm.fork_kernel(kernel, ".", {})
