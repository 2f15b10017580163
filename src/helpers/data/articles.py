"""The articles themselves: the text of each seed file named in ``sources.csv``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def source_texts(sources: pd.DataFrame, root: Path) -> dict[str, str]:
    """The article text of each source id (files that cannot be read are left out)."""
    texts = {}
    for source in sources.itertuples(index=False):
        path = root / source.file
        if path.is_file():
            texts[source.source_id] = path.read_bytes().decode("utf-8", errors="replace")
    return texts
