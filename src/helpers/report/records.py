"""What a build writes down beside the pages: each report's manifest and its data (inside the
report) and each set's run log (outside it, in ``build/``).

The manifest says what the report shows and is made from; it holds nothing about where or when
it was built, so that the same inputs give the same bytes. The run log says how the last run
went: which executor and worker ran each notebook, and for how long. It changes from run to
run, and is kept out of the report for that reason.

The data inside each report, ``reports/<set>/data/``, is the data package the set was built from
(every CSV and ``datapackage.json``, the articles beside it in ``seeds/``, and a zip of both)
and the data card as a page, so that the folder can be zipped and sent, and a reader downloads
what the charts are made of. It is written into the set's staging folder, which is swapped into
place whole; the zip's entries carry a fixed date, so that the same data gives the same bytes.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import zipfile
from pathlib import Path

from helpers import paths
from helpers.report.planning import Plan, data_files
from helpers.report.render import TITLE, markdown, page_title
from helpers.report.tasks import Outcome


def _write_json(path: Path, content: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def write_manifest(plan: Plan, staging: Path, data: dict[str, object]) -> None:
    """What the report shows: its parameters, the data's hash, each page and each figure."""
    name = plan.param_set.name
    manifest = {
        "parameter_set": name,
        "parameter_file": paths.relative(plan.param_set.path),
        "parameters": {**plan.param_set.shared, "notebooks": plan.param_set.per_notebook},
        "data_sha256": plan.data_sha256,
        "data": data,
        "notebooks": [
            {
                "notebook": nb.stem,
                "title": page_title(nb.stem),
                "html": f"{name}/{nb.stem}.html",
                "executed": f"{name}/notebooks/{nb.name}",
                "code": f"{name}/notebooks/{nb.stem}.html",
                "inputs_sha256": plan.inputs[nb.stem],
            }
            for nb in plan.notebooks
        ],
        "figures": sorted(p.name for p in (staging / "figures").iterdir()),
    }
    _write_json(staging / "manifest.json", manifest)


def run_log(plan: Plan) -> Path:
    return paths.BUILD / plan.param_set.name / "run-log.json"


def write_run_log(plan: Plan, executor: str, outcomes: list[Outcome]) -> None:
    """For each notebook of the set: the executor and worker that ran it (``outcomes``, the set's
    own), and the seconds it took. A notebook skipped this time keeps the entry of the run that
    made its page."""
    ran = {Path(o.task.notebook).stem: o for o in outcomes}
    try:
        earlier = json.loads(run_log(plan).read_text(encoding="utf-8"))["notebooks"]
    except (FileNotFoundError, json.JSONDecodeError, KeyError, TypeError):
        earlier = []
    before = {entry.get("notebook"): entry for entry in earlier if isinstance(entry, dict)}
    entries = []
    for notebook in plan.notebooks:
        if notebook.stem in ran:
            outcome = ran[notebook.stem]
            entry = {"executor": executor, "worker": outcome.worker, "seconds": round(outcome.seconds, 2)}
            entries.append({"notebook": notebook.stem, "run": "this run", **entry})
        else:
            entries.append(
                {**before.get(notebook.stem, {}), "notebook": notebook.stem, "run": "an earlier run"}
            )
    _write_json(run_log(plan), {"parameter_set": plan.param_set.name, "notebooks": entries})


ZIP = "jp-ru-dprk-2017-data.zip"
CARD_STYLE = """
body { font-family: system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
table { border-collapse: collapse; display: block; overflow-x: auto; } th, td { border: 1px solid #ddd;
padding: .3rem .5rem; vertical-align: top; text-align: left; } code { overflow-wrap: anywhere; }
pre { overflow-x: auto; }
"""


def write_data_package(folder: Path, front: str) -> None:
    """Copy ``data/`` and the articles (``seeds/``) into ``folder``, as in the repository, with
    a zip of both and the data card's page, which links to the front page at ``front``
    (relative to ``folder``)."""
    # Exactly the files the data's hash covers (helpers.report.planning.data_files), where the
    # repository has them: a file that changes is then one that makes the report again.
    copies = {
        f"seeds/{path.name}"
        if path.parent == paths.SEEDS
        else f"data/{path.relative_to(paths.DATA).as_posix()}": path
        for path in data_files()
    }
    files = sorted(copies)
    for name in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(copies[name], folder / name)
    with zipfile.ZipFile(folder / "data" / ZIP, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name in files:
            entry = zipfile.ZipInfo(name, date_time=(2017, 1, 1, 0, 0, 0))
            entry.external_attr = 0o644 << 16
            bundle.writestr(entry, (folder / name).read_bytes(), zipfile.ZIP_DEFLATED)
    card = folder / "data" / "README.md"
    text = card.read_text(encoding="utf-8") if card.is_file() else ""
    links = [name.removeprefix("data/") if name.startswith("data/") else f"../{name}" for name in files]
    (folder / "data" / "README.html").write_text(card_page(text, links, "../" + front), encoding="utf-8")


def card_page(card: str, files: list[str], front: str) -> str:
    """The data card (Markdown, any HTML in it shown as text) below a list of the downloads."""
    # The card's HTML comments mark where `make readme` writes; they are not for readers.
    readable = re.sub(r"<!--.*?-->", "", card, flags=re.S)
    body = markdown(readable)
    links = "".join(f'<li><a href="{html.escape(name)}">{html.escape(name)}</a></li>' for name in files)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{TITLE}: the data</title><style>{CARD_STYLE}</style></head><body>"
        f'<p><a href="{html.escape(front)}">{TITLE}: all reports</a></p>'
        f'<h2>Download</h2><p><a href="{ZIP}">{ZIP}</a>: every file below (the data, and the articles '
        f"it quotes), in one zip.</p><ul>{links}</ul>"
        f"{body}</body></html>\n"
    )
