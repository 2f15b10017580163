"""The runner, beside the layers: parameter sets and sweeps, content hashes, executing notebooks
with papermill, rendering HTML, the front page and the command line.

It reads the data layer (to refuse invalid data before any notebook runs) and the notebooks'
parameters (``helpers.params``), and never imports views, analysis or charts: the notebooks do
that in their own kernels. This module imports nothing, so that a build with nothing to do
stays instant; it holds the one error that stops a build.
"""


class ReportError(Exception):
    """A problem that stops the build: a bad parameter file, invalid data, a failing notebook.
    Its message is meant for the user as it is."""
