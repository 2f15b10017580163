"""The house rules, read from the code: layers import one way, no cycles, short functions.

paths  ->  data  ->  views  ->  analysis  ->  charts  ->  pages  ->  notebook
               \\->  params (the notebooks' parameters: read by the notebook side and the runner)
                    \\->  report (the runner, beside them: it reads the data layer and params only)
                    \\->  curate (beside them: the curator's tools read data, views and analysis)
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

from helpers import paths

PACKAGE = paths.ROOT / "src" / "helpers"
# Each layer, and the layers it may import (besides itself).
ALLOWED = {
    "paths": set(),
    "data": {"paths"},
    "params": {"paths", "data"},
    "views": {"paths", "data"},
    "analysis": {"paths", "data", "views"},
    "charts": {"paths", "data", "views", "analysis"},
    "report": {"paths", "data", "params"},
    "curate": {"paths", "data", "views", "analysis"},
    "pages": {"paths", "data", "params", "views", "analysis", "charts"},
    "notebook": {"paths", "data", "params", "views", "analysis", "charts", "pages"},
}
# One module may import past its layer: the warm template (``helpers.report.warm``) is the
# kernels' own process before it forks them, and imports what every notebook imports, inside the
# function that only the template runs; the driver's process never imports the notebook side.
ALSO_ALLOWED = {"helpers.report.warm": {"notebook"}}
MAX_FUNCTION_LINES = 40


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def helpers_imports(path: Path) -> set[str]:
    """The helpers modules a file imports, at any depth (imports inside functions count too)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in found if name.split(".")[0] == "helpers"}


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def resolve(name: str) -> str | None:
    """The module an imported name lives in (``helpers.data.load.load_tables`` -> ``helpers.data``)."""
    while name and name not in MODULES:
        name = name.rpartition(".")[0]
    return name or None


@cache
def graph() -> dict[str, set[str]]:
    """Each module's imports of other helpers modules (parsed once for every test)."""
    edges = {}
    for module, path in MODULES.items():
        targets = {resolve(name) for name in helpers_imports(path)} - {None, module}
        # A package's own __init__ re-exporting its modules is not an edge out of the layer.
        edges[module] = {t for t in targets if not module.startswith(t + ".")}
    return edges


def layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "helpers"


def test_every_module_is_in_a_layer():
    assert {layer(m) for m in MODULES} - {"helpers"} <= set(ALLOWED)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_layers_import_one_way(module):
    allowed = ALLOWED.get(layer(module), set()) | ALSO_ALLOWED.get(module, set())
    wrong = {t for t in graph()[module] if layer(t) != layer(module) and layer(t) not in allowed}
    assert not wrong, f"{module} imports {sorted(wrong)}: against the layer order"


def test_no_import_cycles():
    edges = graph()
    state: dict[str, int] = {}

    def visit(module: str, trail: list[str]) -> None:
        state[module] = 1
        for target in sorted(edges[module]):
            if state.get(target) == 1:
                raise AssertionError("import cycle: " + " -> ".join([*trail, module, target]))
            if target not in state:
                visit(target, [*trail, module])
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [])


def test_analysis_reads_no_files():
    """Analysis takes tables and returns tables: the data layer reads the files."""
    reading = {"open", "read_text", "read_bytes", "read_csv", "read_package", "source_texts", "load_tables"}
    found = []
    for module, path in MODULES.items():
        if layer(module) != "analysis":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports = imported_packages(path) | helpers_imports(path)
        found += [f"{module} imports {name}" for name in sorted(imports & {"pathlib", "helpers.paths", "os"})]
        found += [
            f"{module}:{node.lineno} calls {name}"
            for node in ast.walk(tree)
            if isinstance(node, ast.Call)
            and (name := getattr(node.func, "id", getattr(node.func, "attr", ""))) in reading
        ]
    assert not found, "\n".join(found)


def imported_packages(path: Path) -> set[str]:
    """The top-level packages a file imports (``matplotlib``, ``pandas``, ...)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module.split(".")[0])
    return found


def test_only_charts_draw():
    drawing = {
        module: imported_packages(path) & {"matplotlib", "IPython"}
        for module, path in MODULES.items()
        if layer(module) not in ("charts", "notebook")
    }
    assert not {m: found for m, found in drawing.items() if found}


def test_the_domain_is_plain_pandas():
    """Views, analysis and pages read like the pandas an analyst writes: no NumPy index
    arithmetic, compiled kernel, pool or cache (``functools``). ``benchmarks/README.md`` shows
    that none is needed at a hundred years of this diplomacy."""
    numeric = {
        module: imported_packages(path) & {"numpy", "numba", "concurrent", "multiprocessing", "functools"}
        for module, path in MODULES.items()
        if layer(module) in ("views", "analysis", "pages")
    }
    assert not {m: found for m, found in numeric.items() if found}


def lines(node: ast.AST) -> int:
    return node.end_lineno - node.lineno + 1


def test_no_function_is_longer_than_forty_lines():
    long = [
        f"{path.relative_to(paths.ROOT)}:{node.lineno} {node.name} ({lines(node)} lines)"
        for module, path in MODULES.items()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and lines(node) > MAX_FUNCTION_LINES
    ]
    assert not long, "\n".join(long)


def test_notebooks_import_only_the_facade():
    import nbformat

    for path in sorted(paths.NOTEBOOKS.glob("*.ipynb")):
        book = nbformat.read(path, as_version=4)
        code = "\n".join(cell.source for cell in book.cells if cell.cell_type == "code")
        imported = {name.split(".")[0:2][-1] for name in helpers_imports_of(code)}
        assert imported <= {"notebook"}, f"{path.name} imports {sorted(imported)}"


def helpers_imports_of(code: str) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("helpers"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("helpers")}
    return found
