"""The data layer: the curated CSVs read, checked against the schema and the rules, and typed.

``load_tables()`` is the entry point. Below it: ``schema`` (datapackage.json), ``csvfile``
(reading), ``columns`` and ``keys`` (the schema's checks), ``rules`` (the checks a schema
cannot express), ``dates`` (article-relative date expressions), ``derive`` (an event's status
and dates from its mentions), ``articles`` (the seed texts) and ``problems`` (what a
failed check says). Nothing here imports a higher layer.
"""
