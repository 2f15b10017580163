"""Tables as a page shows them: text a person reads, drawn as HTML the page's CSS lays out.

No index column (pandas' 0…N row numbers mean nothing to a reader); days as YYYY-MM-DD in cells
that never break mid-date; numbers right-aligned; a missing bound of an interval reads "open" and
an interval with neither bound "unknown", so that neither looks like a gap in the data; source
addresses are links. Every text from the data is escaped, so none of it becomes markup.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

import pandas as pd

OPEN, UNKNOWN = "open", "unknown"
# The columns a table names an interval's bounds with: date_start/date_end, window_start/window_end.
BOUNDS = (("date_start", "date_end"), ("window_start", "window_end"))


def readable(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy for reading: days as YYYY-MM-DD, missing values blank (or "open" / "unknown" for
    an interval's bounds), with the frame's own rows. Display only: computations keep the typed
    frame."""
    columns = {}
    for name, column in frame.items():
        if pd.api.types.is_datetime64_any_dtype(column):
            columns[name] = column.dt.strftime("%Y-%m-%d").fillna("")
        elif isinstance(column.dtype, pd.StringDtype):  # text stays text: only its gaps change
            columns[name] = column.fillna("")
        elif pd.api.types.is_float_dtype(column):
            columns[name] = column.map(number, na_action="ignore").astype(object).where(column.notna(), "")
        else:
            columns[name] = column.astype(object).where(column.notna(), "")
    shown = pd.DataFrame(columns, index=frame.index)
    for start, end in BOUNDS:
        if start in frame and end in frame:
            neither = frame[start].isna() & frame[end].isna()
            for bound, other in ((start, end), (end, start)):
                shown.loc[frame[bound].isna() & frame[other].notna(), bound] = OPEN
                shown.loc[neither, bound] = UNKNOWN
    return shown


def number(value: float) -> str:
    """A number as a person writes it: whole numbers without ".0" and with thousands separated
    (3,000,000,000), others to six significant digits (0.333333)."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def cell_kind(column: pd.Series) -> str:
    """How a column's cells are laid out: "date" never breaks, "number" aligns right, "text" wraps."""
    if pd.api.types.is_datetime64_any_dtype(column):
        return "date"
    if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column):
        return "number"
    return "text"


def cell_html(value: object) -> str:
    """A cell's text, escaped; a web address (http or https only) is a link to itself."""
    text = str(value)
    if text.startswith(("https://", "http://")) and not any(c.isspace() for c in text):
        return f'<a href="{html.escape(text, quote=True)}">{html.escape(text)}</a>'
    return html.escape(text)


def table_html(
    frame: pd.DataFrame, shown: pd.DataFrame | None = None, anchors: list[str] | None = None
) -> str:
    """``frame`` as an HTML table without its index, inside a box that scrolls sideways on its
    own when the table is wider than the page; ``shown`` is its ``readable`` copy, when the
    caller has made it already. ``anchors`` names each row (``<tr id>``), for links to it."""
    kinds = [cell_kind(column) for _, column in frame.items()]
    shown = readable(frame) if shown is None else shown
    ids = [f' id="{html.escape(a, quote=True)}"' for a in anchors] if anchors else [""] * len(shown)
    head = "".join(
        f'<th scope="col" class="{kind}">{html.escape(str(name))}</th>'
        for name, kind in zip(shown.columns, kinds, strict=True)
    )
    rows = "".join(
        f"<tr{id_}>"
        + "".join(f'<td class="{k}">{cell_html(v)}</td>' for v, k in zip(row, kinds, strict=True))
        + "</tr>"
        for id_, row in zip(ids, shown.itertuples(index=False, name=None), strict=True)
    )
    return (
        f'<div class="table-box"><table class="dataframe reading">'
        f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
    )


@dataclass(frozen=True)
class Table:
    """A table as a notebook displays it: the HTML for the page, the text for a terminal."""

    shown: pd.DataFrame  # ``readable(frame)``: what the cells say
    html: str

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.shown.to_string(index=False)


def reading_table(frame: pd.DataFrame, anchors: list[str] | None = None) -> Table:
    """``frame`` for reading, its rows named by ``anchors`` if given. A named index is data (a
    table's name, a category) and becomes the first columns; an unnamed one is row numbers, and
    is dropped."""
    if any(name is not None for name in frame.index.names):
        frame = frame.reset_index()
    frame = frame.reset_index(drop=True)
    shown = readable(frame)
    return Table(shown, table_html(frame, shown, anchors))
