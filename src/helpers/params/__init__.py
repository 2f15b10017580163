"""The notebooks' parameters: their names and defaults, read from each notebook's ``parameters``
cell with the standard library (``helpers.params.declared``), and their checks against the
data's vocabulary (``helpers.params.checks``, which needs pandas).

Both the notebooks (through ``helpers.notebook`` and ``helpers.pages``) and the runner read them;
neither side imports the other. This module imports nothing, so that the runner, which needs only
``declared``, stays free of pandas when it has nothing to do.
"""
