"""Declare and validate the notebooks' papermill parameters.

Papermill injects parameters as plain variables and only *warns* about names
the notebook does not declare; ``validate`` turns that, an unknown actor id, an
unparseable date or an inverted window into one clear error that names the
parameter, the value and the valid choices.

What a notebook declares, and the defaults, are its own ``parameters`` cell
(``helpers.params.declared``): the one place they are written.
"""

from __future__ import annotations

import types
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from helpers import paths
from helpers.data.problems import Tables
from helpers.params.declared import declared_parameters

# Names IPython itself puts in a notebook's namespace.
_IPYTHON_NAMES = {"In", "Out", "get_ipython", "exit", "quit", "open"}


class ParameterError(ValueError):
    """A notebook parameter is unknown or has an invalid value."""


@dataclass(frozen=True)
class Params:
    notebook: str
    start_date: pd.Timestamp
    end_date: pd.Timestamp
    include_planned: bool
    as_of: pd.Timestamp | None
    figures_dir: Path | None
    actors: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    include_context: bool = True


def _date(name: str, value: Any, allow_empty: bool = False) -> pd.Timestamp | None:
    if allow_empty and value in ("", None):
        return None
    try:
        return pd.Timestamp(pd.to_datetime(str(value), format="%Y-%m-%d"))
    except (ValueError, TypeError):
        hint = " or empty" if allow_empty else ""
        raise ParameterError(
            f"parameter '{name}' = {value!r} is not a date: expected YYYY-MM-DD{hint}"
        ) from None


def _bool(name: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no"):
        return False
    raise ParameterError(f"parameter '{name}' = {value!r} is not a boolean: expected true or false")


def _choices(name: str, value: Any, valid: list[str]) -> tuple[str, ...]:
    """A list of ids, also accepted as one comma-separated string (``papermill -p`` passes strings)."""
    if value in (None, ""):
        items: list[str] = []
    elif isinstance(value, str):
        items = [item.strip() for item in value.split(",") if item.strip()]
    elif isinstance(value, list | tuple):
        items = [str(item).strip() for item in value]
    else:
        raise ParameterError(f"parameter '{name}' = {value!r}: expected a list or a comma-separated string")
    unknown = [item for item in items if item not in valid]
    if unknown:
        raise ParameterError(
            f"parameter '{name}' = {value!r}: unknown value(s) {', '.join(map(repr, unknown))}; "
            f"valid choices: {', '.join(valid)}"
        )
    return tuple(items)


def _user_names(namespace: dict[str, Any]) -> set[str]:
    return {
        name
        for name, value in namespace.items()
        if not name.startswith("_")
        and name not in _IPYTHON_NAMES
        and not isinstance(value, types.ModuleType)
        and not callable(value)
    }


def _declared(notebook: str) -> list[str]:
    path = paths.NOTEBOOKS / f"{notebook}.ipynb"
    if not path.is_file():
        known = ", ".join(p.stem for p in sorted(paths.NOTEBOOKS.glob("*.ipynb")))
        raise ParameterError(f"unknown notebook {notebook!r}; known: {known}")
    return list(declared_parameters(path))


def _check_names(namespace: dict[str, Any], notebook: str, declared: list[str]) -> None:
    undeclared = sorted(_user_names(namespace) - set(declared))
    if undeclared:
        raise ParameterError(
            f"notebook '{notebook}' does not declare parameter(s) {', '.join(map(repr, undeclared))}; "
            f"it declares: {', '.join(declared)}"
        )
    missing = [name for name in declared if name not in namespace]
    if missing:
        raise ParameterError(f"notebook '{notebook}' is missing parameter(s): {', '.join(missing)}")


def _window(namespace: dict[str, Any]) -> tuple[pd.Timestamp, pd.Timestamp]:
    start = _date("start_date", namespace["start_date"])
    end = _date("end_date", namespace["end_date"])
    if end < start:
        raise ParameterError(
            f"parameter 'end_date' = {namespace['end_date']!r} is before "
            f"'start_date' = {namespace['start_date']!r}: expected end_date >= start_date"
        )
    return start, end


def _per_notebook(namespace: dict[str, Any], declared: list[str], tables: Tables) -> dict[str, Any]:
    """The parameters only some notebooks declare, each checked against the data's vocabulary."""
    extra: dict[str, Any] = {}
    if "include_context" in declared:
        extra["include_context"] = _bool("include_context", namespace["include_context"])
    if "actors" in declared:
        # The articles' actors, and the people only the cited chronology names.
        people = tables["people"]["actor_id"].tolist() if "people" in tables else []
        valid = tables["actors"]["actor_id"].tolist() + people
        extra["actors"] = _choices("actors", namespace["actors"], valid)
    if "kinds" in declared:
        valid = list(tables["events"]["kind"].cat.categories)
        extra["kinds"] = _choices("kinds", namespace["kinds"], valid)
    if "categories" in declared:
        valid = list(tables["sanctions"]["category"].cat.categories)
        extra["categories"] = _choices("categories", namespace["categories"], valid)
    return extra


def validate(namespace: dict[str, Any], notebook: str, tables: Tables) -> Params:
    """Check the parameters found in ``namespace`` (a notebook's ``globals()``).

    Raises ``ParameterError`` naming the parameter, the value and the choices.
    """
    declared = _declared(notebook)
    _check_names(namespace, notebook, declared)
    start, end = _window(namespace)
    figures_dir = namespace["figures_dir"]
    return Params(
        notebook=notebook,
        start_date=start,
        end_date=end,
        include_planned=_bool("include_planned", namespace["include_planned"]),
        as_of=_date("as_of", namespace["as_of"], allow_empty=True),
        # Relative to the working folder: the build runs each kernel in its set's folder.
        figures_dir=Path(figures_dir).absolute() if figures_dir else None,
        **_per_notebook(namespace, declared, tables),
    )
