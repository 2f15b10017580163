"""Helpers for the Japan-Russia-North Korea 2017 analysis bundle, in layers that import one way:

    paths  ->  data  ->  views  ->  analysis  ->  charts  ->  pages  ->  notebook (the facade)
                 \\->  params (the notebooks' parameters)
                 \\->  report (the runner, beside them: it reads data and params)

``docs/architecture.md`` says what each layer holds and where a new table, chart, notebook
or parameter goes. Notebooks import ``helpers.notebook`` and nothing else.
"""
