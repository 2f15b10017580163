"""The notebooks' parameters: their names and defaults, read from each notebook's ``parameters``
cell (``declared``), and their checks against the data's vocabulary (``checks``).

Both the notebooks (through ``helpers.notebook`` and ``helpers.pages``) and the runner read them;
neither side imports the other.
"""

from helpers.params.checks import ParameterError, Params, validate
from helpers.params.declared import declared_parameters

__all__ = ["ParameterError", "Params", "declared_parameters", "validate"]
