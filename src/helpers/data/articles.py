"""The articles themselves: the text of each seed file named in ``sources.csv``."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def source_texts(sources: pd.DataFrame, root: Path) -> dict[str, str]:
    """The article text of each source id (files that cannot be read are left out)."""
    texts = {}
    for source_id, file in sources.set_index("source_id")["file"].items():
        path = root / file
        if path.is_file():
            # Bytes, not read_text: the offsets of quotes count every "\r" (decode is UTF-8 always).
            texts[source_id] = path.read_bytes().decode(errors="replace")
    return texts
