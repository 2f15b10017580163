"""The pages layer: what a notebook works with, and its code run in-process.

``Run`` holds a notebook's checked parameters and the data as known on ``as_of``; ``view``
makes it. The notebooks compute each table with a named function of ``analysis`` and
``views``, show it, then draw the chart (``notebooks/``). ``run_notebook`` runs that same
code in-process, for the tests of every kind of parameter value (``tests/pages/``) and for
the README's findings (``findings``), so that no second copy of a notebook's steps exists.
"""

from helpers.pages.in_process import Page, given_tables, run_notebook
from helpers.pages.run import Run, view

__all__ = ["Page", "Run", "given_tables", "run_notebook", "view"]
