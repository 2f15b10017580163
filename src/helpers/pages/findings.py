"""The findings a reader meets before any chart: generated from the data, never typed by hand.

The README and the data card carry them between markers (``<!-- findings -->`` …
``<!-- /findings -->``, ``<!-- summary -->`` … ``<!-- /summary -->``). ``python -m
helpers.pages.findings`` (``make readme``) writes them; a test fails when the text there
differs from what the data gives, so a count in prose cannot drift from the data.

``python -m helpers.pages.findings --report`` (``make report``, before the build) writes the same
bullets to ``build/findings.json`` with the hash of the data they come from; the report's front
page leads with them when that is the data it shows.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pandas as pd

from helpers import paths
from helpers.data.fingerprint import data_fingerprint
from helpers.data.load import load_tables
from helpers.data.problems import DataError, Tables
from helpers.pages.in_process import run_notebook


def findings(tables: Tables) -> list[str]:
    """One bullet per finding, each the title of a chart at the notebook's default parameters
    (its own code, run in-process), or over the whole of 2017, with the layer its numbers come
    from."""
    cadence = run_notebook("01_meeting_cadence", tables=tables)
    year = run_notebook("01_meeting_cadence", {"start_date": YEAR_START}, tables)
    escalation = run_notebook("02_sanction_escalation", tables=tables)
    plans = run_notebook("04_plans_vs_outcomes", tables=tables)
    audit = run_notebook("00_data_audit", tables=tables)
    unreported = int(cadence.realised["realises"].isna().sum())
    ranged = int((cadence.contacts["date_start"] != cadence.contacts["date_end"]).sum())
    bullets = [
        f"**August to December: {cadence.timeline.headline}** (the busiest channel on the cited "
        f"chronology, {unreported} of whose contacts no article reports; the articles' own contacts, "
        f"{ranged} of them dated only to a range of days, are drawn as that range and never as a "
        "guessed day).",
        f"**All of 2017: {year.timeline.headline}** (the cited chronology).",
        _launches(tables),
        f"**{escalation.steps.headline}** (the articles' measures, on the adoption days the context "
        "layer cites).",
        f"**{plans.verification.headline}** (plans from the articles, outcomes from the context "
        "layer; 'not found' is not proof that a plan was dropped).",
    ]
    if "history" in escalation:
        bullets.append(f"**{escalation.history.headline}** (the context layer).")
    bullets.append(f"**{audit.coverage_bars.headline}** (the articles).")
    return [f"- {bullet}" for bullet in bullets]


YEAR_START = "2017-01-01"


def _launches(tables: Tables) -> str:
    """The launches and tests of 2017 on record, and how many of them the articles report."""
    page = run_notebook("02_sanction_escalation", {"start_date": YEAR_START}, tables)
    shown = pd.concat([page.triggers[["kind"]], page.recorded[["kind"]]])
    launches, tests = (
        int((shown["kind"] == "missile_launch").sum()),
        int((shown["kind"] == "nuclear_test").sum()),
    )
    return (
        f"**North Korea launched missiles on {count(launches, 'day')} of 2017 and conducted "
        f"{count(tests, 'nuclear test')}** (the cited chronology, one row per launch day; the articles "
        f"report {len(page.triggers)} of them)."
    )


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
        f"{count(n['resolution_measures'], 'measure')}, {count(n['outcomes'], 'outcome')}, "
        f"{count(n['titles'], 'official title')}, a chronology of 2017 with "
        f"{count(n['chronology'], 'fact')} and {count(n['people'], 'minister')} it names beyond the "
        "articles, every row citing a public source."
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


def write_for_report(target: Path) -> None:
    """Write the findings and the hash of the data they come from to ``target`` (JSON). With
    data that does not load, remove it instead: the build that follows says what is wrong."""
    try:
        bullets = findings(load_tables())
    except DataError:
        target.unlink(missing_ok=True)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps({"data_sha256": data_fingerprint(), "findings": bullets}, indent=1, ensure_ascii=False)
    target.write_text(text + "\n", encoding="utf-8")


def main(documents: tuple[Path, ...] = DOCUMENTS) -> int:
    """Rewrite the generated blocks of the README and the data card from the data; with
    ``--report``, write the findings for the report's front page instead."""
    if sys.argv[1:] == ["--report"]:
        write_for_report(paths.BUILD / "findings.json")
        return 0
    generated = blocks(load_tables())
    for document in documents:
        text = document.read_text(encoding="utf-8")
        document.write_text(fill(text, generated), encoding="utf-8")
        print(f"{document.relative_to(paths.ROOT)}: generated blocks written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
