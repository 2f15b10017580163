"""The regime chart: a dot matrix of every UN sanctions resolution on North Korea by category."""

from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from helpers.analysis.regime import first_hits
from helpers.charts.style import CONTEXT_COLOUR, STATUS_COLOUR, finish, legend_below, margins

CATEGORY_NAMES = {
    "wmd_missile": "Nuclear and missile items",
    "arms": "Arms",
    "luxury_goods": "Luxury goods",
    "minerals_metals": "Minerals and metals",
    "seafood": "Seafood",
    "textiles": "Textiles",
    "food_agriculture": "Food and farm products",
    "machinery_vehicles": "Machinery and vehicles",
    "other_goods": "Other goods (statues)",
    "energy": "Energy (fuel, oil)",
    "labour": "Workers abroad",
    "finance": "Finance and joint ventures",
    "maritime_aviation": "Cargo and ship inspection",
    "diplomatic": "Diplomats",
    "designations": "Named persons and entities",
}
SHORT_NAMES = {c: n.split(" (")[0].lower() for c, n in CATEGORY_NAMES.items()}
# Every resolution here was adopted (held): all dots are filled. The articles' own resolutions are
# in the status colour, the others (context only) in a dark grey of the context layer's family;
# "first in its category" is a black ring, not a fill, which would say "status".
ARTICLE_COLOUR = STATUS_COLOUR
OTHER_COLOUR = "#6e6e6e"
FIRST_RING = CONTEXT_COLOUR


def _label(row: pd.Series) -> str:
    return f"{row['number']}\n{row['adopted']:%b %Y}"


NO_RESOLUTION = "No UN Security Council resolution on North Korea in the context layer"


def headline(res: pd.DataFrame, table: pd.DataFrame) -> str:
    if res.empty:
        return NO_RESOLUTION
    articles = set(res.loc[res["in_articles"], "resolution_id"])
    firsts = first_hits(table)
    opened = [SHORT_NAMES[c] for c in firsts.index if firsts[c] in articles]
    year = int(res["adopted"].dt.year.max())
    in_year = int((res["adopted"].dt.year == year).sum())
    listed = (
        ", ".join(opened[:-1]) + (" and " if len(opened) > 1 else "") + opened[-1] if opened else "nothing"
    )
    count = {1: "one", 2: "two", 3: "three"}.get(len(articles), str(len(articles)))
    said = f"the articles' {count} first hit {listed}" if articles else "the articles describe none of them"
    return f"{year} brought {in_year} of {len(res)} resolutions; {said}"


def alt_text(res: pd.DataFrame, table: pd.DataFrame) -> str:
    if res.empty:
        return f"Empty matrix: {NO_RESOLUTION}."
    parts = [
        f"Matrix of the {len(res)} UN Security Council resolutions on North Korea from "
        f"{res['adopted'].min():%B %Y} to {res['adopted'].max():%B %Y} (columns, in order of adoption) "
        f"against {len(table)} categories of measures (rows); a dot marks a category a resolution acted on, "
        "larger for more measures"
    ]
    for row in res.itertuples():
        cats = [CATEGORY_NAMES[c].lower() for c in table.index if table.loc[c, row.resolution_id] > 0]
        flag = ", described in the articles" if row.in_articles else ""
        parts.append(
            f"{row.number} ({row.adopted:%d %b %Y}{flag}): {row.measures} "
            f"measure{'s' if row.measures != 1 else ''}: {', '.join(cats)}"
        )
    return "; ".join(parts) + "."


def chart(res: pd.DataFrame, table: pd.DataFrame, source: str) -> Figure:
    """A dot matrix, categories by resolution in order of adoption, the articles' resolutions
    shaded; a strip on top counts each resolution's measures."""
    fig, (top, grid) = plt.subplots(
        2, 1, figsize=(10, 8.6), sharex=True, gridspec_kw={"height_ratios": [1, 4.2], "hspace": 0.05}
    )
    margins(fig, left=0.24, bottom_in=1.5)
    colours = [ARTICLE_COLOUR if a else OTHER_COLOUR for a in res["in_articles"]]
    _measure_counts(top, res, colours)
    _dots(grid, res, table, colours)
    for axis in (top, grid):
        for x, in_articles in enumerate(res["in_articles"]):
            if in_articles:
                axis.axvspan(x - 0.45, x + 0.45, color=ARTICLE_COLOUR, alpha=0.08, linewidth=0)
    xs = range(len(res))
    grid.set_yticks(range(len(table)), [CATEGORY_NAMES[c] for c in table.index])
    grid.set_ylim(len(table) - 0.4, -0.6)
    grid.set_xticks(list(xs), [_label(row) for _, row in res.iterrows()], fontsize=8.5)
    grid.set_xlim(-0.6, len(res) - 0.4)
    grid.grid(axis="y", color="#eeeeee")
    grid.set_axisbelow(True)
    grid.set_xlabel("Resolution, month of adoption (New York)")
    legend_below(fig, _handles(), ncol=2)
    finish(
        fig,
        headline(res, table),
        "Main measures of each UN Security Council resolution on North Korea, 2006-2017, by category "
        "(dot size: number of measures).",
        source,
    )
    return fig


def _measure_counts(top: Axes, res: pd.DataFrame, colours: list[str]) -> None:
    """The strip on top: each resolution's number of measures, as a labelled bar."""
    xs = range(len(res))
    bars = top.bar(xs, res["measures"], color=colours, width=0.6)
    for bar, resolution in zip(bars.patches, res["resolution_id"], strict=True):
        bar.set_gid(f"resolution-{resolution}")
    for x, n in zip(xs, res["measures"], strict=True):
        top.annotate(str(n), (x, n), xytext=(0, 2), textcoords="offset points", ha="center", fontsize=8)
    top.set_ylabel("Measures", rotation=0, ha="right", va="center")
    top.set_ylim(0, max(res["measures"].max() if len(res) else 0, 1) * 1.35)  # room for the labels
    top.set_yticks([])
    top.spines["left"].set_visible(False)


def _dots(grid: Axes, res: pd.DataFrame, table: pd.DataFrame, colours: list[str]) -> None:
    """A filled dot per category and resolution that acted on it, sized by its measures; ringed
    in black where the resolution was the first in that category."""
    firsts = first_hits(table)
    for y, category in enumerate(table.index):
        for x, resolution in enumerate(res["resolution_id"]):
            n = int(table.loc[category, resolution])
            if not n:
                continue
            size = 6 + 3 * n
            grid.plot(
                x, y, marker="o", markersize=size, linestyle="none", color=colours[x],
                markeredgecolor="white", markeredgewidth=1.5, zorder=3,
                gid=f"resolution-{resolution}.{category}",
            )  # fmt: skip
            if firsts[category] == resolution:
                grid.plot(
                    x, y, marker="o", markersize=size + 6, linestyle="none", markerfacecolor="none",
                    markeredgecolor=FIRST_RING, markeredgewidth=1.8, zorder=2,
                    gid=f"resolution-{resolution}.{category}-first",
                )  # fmt: skip


def _handles() -> list:
    return [
        Patch(facecolor=ARTICLE_COLOUR, label="Resolution the articles describe (shaded)"),
        Patch(facecolor=OTHER_COLOUR, label="Earlier or later resolution (context only)"),
        Line2D(
            [],
            [],
            marker="o",
            color="#aaaaaa",
            markeredgecolor="white",
            linestyle="none",
            markersize=9,
            label="Measures in a category (adopted: filled)",
        ),
        Line2D(
            [],
            [],
            marker="o",
            markersize=13,
            linestyle="none",
            markerfacecolor="none",
            markeredgecolor=FIRST_RING,
            markeredgewidth=1.8,
            label="First in its category (black ring)",
        ),
    ]
