"""Read ``data/datapackage.json``, the schema of record, into plain Python objects.

The loader derives every check it makes from here, so the Table Schema is the
one place where a column, a type, an enum or a key is declared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool = False
    unique: bool = False
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    minimum: float | None = None
    description: str = ""


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    resource: str
    reference: tuple[str, ...]


@dataclass(frozen=True)
class Resource:
    name: str
    path: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...] = ()
    # Which column holds verbatim article text, and which column names its article.
    evidence: dict[str, str] = field(default_factory=dict)
    # "articles": rests on the seeds, quote by quote; "context": rests on cited public sources.
    layer: str = "articles"
    # A table without which nothing can be said (the articles, actors, events, mentions).
    rows_required: bool = False

    @property
    def field_names(self) -> list[str]:
        return [f.name for f in self.fields]


def _field(spec: dict[str, Any]) -> Field:
    constraints = spec.get("constraints", {})
    enum = constraints.get("enum")
    return Field(
        name=spec["name"],
        type=spec.get("type", "string"),
        required=bool(constraints.get("required", False)),
        unique=bool(constraints.get("unique", False)),
        enum=tuple(enum) if enum else None,
        pattern=constraints.get("pattern"),
        minimum=constraints.get("minimum"),
        description=spec.get("description", ""),
    )


def read_package(path: Path) -> dict[str, Resource]:
    """Return the package's resources by name, in the order the package lists them."""
    package = json.loads(Path(path).read_text(encoding="utf-8"))
    resources = {}
    for spec in package["resources"]:
        schema = spec["schema"]
        key = schema.get("primaryKey", [])
        resources[spec["name"]] = Resource(
            name=spec["name"],
            path=spec["path"],
            fields=tuple(_field(f) for f in schema["fields"]),
            primary_key=tuple([key] if isinstance(key, str) else key),
            foreign_keys=tuple(
                ForeignKey(
                    fields=tuple(fk["fields"]),
                    resource=fk["reference"]["resource"],
                    reference=tuple(fk["reference"]["fields"]),
                )
                for fk in schema.get("foreignKeys", [])
            ),
            evidence=spec.get("evidence", {}),
            layer=spec.get("layer", "articles"),
            rows_required=bool(spec.get("rowsRequired", False)),
        )
    return resources
