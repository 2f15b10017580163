"""The parameters each notebook declares, read from its ``parameters`` cell: the one source
of their names and defaults.

Papermill's ``inspect_notebook`` reads the same cell (a test keeps the two readings equal),
but importing papermill takes two seconds, which neither a build with nothing to do nor a
notebook's kernel should pay. This reader needs only the standard library: the cell is
Python, and each line ``name = literal  # comment`` declares one parameter.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path
from typing import Any

# Not a parameter a set may choose: the driver sets it to the report's figures folder.
FIGURES_DIR = "figures_dir"


def declared_parameters(notebook: Path) -> dict[str, Any]:
    """The names and default values assigned in the notebook's cell tagged ``parameters``,
    in the order the cell assigns them."""
    book = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in book["cells"]:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            tree = ast.parse("".join(cell["source"]))
            return {
                node.targets[0].id: ast.literal_eval(node.value)
                for node in tree.body
                if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name)
            }
    return {}


def shared_defaults(declared: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The parameters every notebook declares (``figures_dir`` aside), with their default.
    A shared parameter whose default differs between notebooks has none: ``ValueError``."""
    books = list(declared.values())
    names = [name for name in books[0] if name != FIGURES_DIR and all(name in book for book in books)]
    for name in names:
        values = {json.dumps(book[name]) for book in books}
        if len(values) > 1:
            raise ValueError(f"the notebooks give the shared parameter {name!r} different defaults: {values}")
    return {name: books[0][name] for name in names}


def notebook_parameters(notebooks_dir: Path) -> dict[str, dict[str, Any]]:
    """Every notebook's declared parameters, by notebook name, in file order."""
    return {path.stem: declared_parameters(path) for path in sorted(notebooks_dir.glob("*.ipynb"))}
