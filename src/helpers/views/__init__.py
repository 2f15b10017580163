"""The views layer: the data as a reader knew it on a date, and the slices a notebook asks for.

Views sit on the data layer and under the analysis: ``as_of_view`` re-derives each event
from the articles published by a date, ``in_window`` keeps what a chart's window overlaps,
``first_reports`` finds the article that first reported each event, ``context_as_of`` keeps
the cited context facts dated by ``as_of``.
"""

from helpers.views.as_of import as_of_view
from helpers.views.context import context_as_of, happened_by
from helpers.views.first_reports import first_reports
from helpers.views.window import in_window, overlaps

__all__ = ["as_of_view", "context_as_of", "first_reports", "happened_by", "in_window", "overlaps"]
