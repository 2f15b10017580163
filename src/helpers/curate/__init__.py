"""The curator's tools for growing the dataset: ``python -m helpers.curate``.

``check`` validates the data and lists the sentences of each article that no row quotes
(``make check``; an error with ``--strict``); ``resolve`` reads date expressions as the data's
rules do; ``add`` puts a new article in ``seeds/`` and records it in ``sources.csv``; ``draft``
lays out an article's sentences with the actors, dates and event kinds it finds, the events they
may update and the next free ids, as a starting point for curating rows by hand. Only
``add`` writes, and only to ``seeds/`` and ``sources.csv``; ``draft`` writes only with ``--out``,
never into ``data/`` or ``seeds/``.
"""
