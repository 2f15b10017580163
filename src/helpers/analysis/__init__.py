"""The analysis layer: the tables behind each notebook's findings, DataFrames in and out.

One module per question: ``audit`` and ``coverage`` (what the data holds and rests on),
``cadence`` (who talked to whom, how often), ``escalation`` and ``regime`` (how the UN
measures grew), ``schedule`` (what was on the calendar), ``plans`` (what became of the
announced plans). Nothing here imports matplotlib or the charts.
"""
