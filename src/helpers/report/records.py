"""What a build writes down: each report's manifest (inside the report) and each set's run log
(outside it, in ``build/``).

The manifest says what the report shows and is made from; it holds nothing about where or when
it was built, so that the same inputs give the same bytes. The run log says how the last run
went: which executor and worker ran each notebook, and for how long. It changes from run to
run, and is kept out of the report for that reason.
"""

from __future__ import annotations

import json
from pathlib import Path

from helpers import paths
from helpers.report.planning import Plan
from helpers.report.tasks import Outcome


def _write_json(path: Path, content: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def write_manifest(plan: Plan, staging: Path, data: dict[str, object]) -> None:
    """What the report shows: its parameters, the data's hash, each page and each figure."""
    from helpers.report.render import page_title

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
