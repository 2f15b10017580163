"""The pages layer: what each notebook shows, computed and drawn in one call per notebook.

A page takes the ``Run`` (parameters checked, data as known on ``as_of``) and returns its
tables and its finished charts. Every valid parameter value gives a page: an empty selection
is a result, drawn as a labelled empty frame whose title says why (``Run.nothing``). The
notebooks call these and display what they return; the tests call them in-process for every
kind of parameter value (``tests/pages/``).
"""

from helpers.pages.audit import data_audit
from helpers.pages.cadence import meeting_cadence
from helpers.pages.escalation import sanction_escalation
from helpers.pages.plans import plans_vs_outcomes
from helpers.pages.run import Run, view
from helpers.pages.schedule import summit_schedule

__all__ = [
    "Run",
    "data_audit",
    "meeting_cadence",
    "plans_vs_outcomes",
    "sanction_escalation",
    "summit_schedule",
    "view",
]
