"""The findings a reader meets before any chart: generated from the data, never typed by hand.

The README and the data card carry them between markers (``<!-- findings -->`` …
``<!-- /findings -->``, ``<!-- summary -->`` … ``<!-- /summary -->``). ``python -m
helpers.pages.findings`` (``make readme``) writes them; a test fails when the text there
differs from what the data gives, so a count in prose cannot drift from the data.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from helpers import paths
from helpers.data.load import load_tables
from helpers.data.problems import Tables
from helpers.pages.in_process import run_notebook


def findings(tables: Tables) -> list[str]:
    """One bullet per finding, each the title of a chart at the notebook's default parameters
    (its own code, run in-process), with the layer its numbers come from."""
    cadence = run_notebook("01_meeting_cadence", tables=tables)
    escalation = run_notebook("02_sanction_escalation", tables=tables)
    plans = run_notebook("04_plans_vs_outcomes", tables=tables)
    audit = run_notebook("00_data_audit", tables=tables)
    unreported = int(cadence.realised["realises"].isna().sum())
    ranged = int((cadence.contacts["date_start"] != cadence.contacts["date_end"]).sum())
    bullets = [
        f"**{cadence.timeline.headline}** (the articles' contacts, {ranged} of them dated only to a "
        "range of days, drawn as that range and never as a guessed day; the cited context layer "
        f"dates {len(cadence.realised)} contacts that took place, {unreported} of them not in the "
        "articles).",
        f"**{escalation.steps.headline}** (the articles' measures, on the adoption days the context "
        "layer cites).",
        f"**{plans.verification.headline}** (plans from the articles, outcomes from the context "
        "layer; 'not found' is not proof that a plan was dropped).",
    ]
    if "history" in escalation:
        bullets.append(f"**{escalation.history.headline}** (the context layer).")
    bullets.append(f"**{audit.coverage_bars.headline}** (the articles).")
    return [f"- {bullet}" for bullet in bullets]


def count(n: int, noun: str) -> str:
    """``n`` and its noun, singular for one: "1 article", "2 articles"."""
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def summary(tables: Tables) -> str:
    """The size of the data in one sentence, from the tables' row counts."""
    n = {name: len(frame) for name, frame in tables.items()}
    return (
        f"{count(n['sources'], 'article')}, {count(n['actors'], 'actor')}, {count(n['events'], 'event')}, "
        f"{count(n['mentions'], 'mention')} (the evidence), {count(n['sanctions'], 'sanction measure')}; "
        f"beside them, in `data/context/`, {count(n['resolutions'], 'UN resolution')} with "
        f"{count(n['resolution_measures'], 'measure')}, {count(n['outcomes'], 'outcome')} and "
        f"{count(n['titles'], 'official title')}, every row citing a public source."
    )


def blocks(tables: Tables) -> dict[str, str]:
    """The text of each generated block, by marker name."""
    return {"findings": "\n".join(findings(tables)), "summary": summary(tables)}


def fill(text: str, generated: dict[str, str]) -> str:
    """``text`` with each marked block replaced by its generated text."""
    for name, body in generated.items():
        pattern = re.compile(rf"(<!-- {name} -->\n).*?(<!-- /{name} -->)", re.DOTALL)
        text = pattern.sub(lambda m, body=body: m.group(1) + body + "\n" + m.group(2), text)
    return text


DOCUMENTS = (paths.ROOT / "README.md", paths.DATA / "README.md")


def main(documents: tuple[Path, ...] = DOCUMENTS) -> int:
    """Rewrite the generated blocks of the README and the data card from the data."""
    generated = blocks(load_tables())
    for document in documents:
        text = document.read_text(encoding="utf-8")
        document.write_text(fill(text, generated), encoding="utf-8")
        print(f"{document.relative_to(paths.ROOT)}: generated blocks written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
