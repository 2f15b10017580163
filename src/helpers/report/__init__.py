"""The build layer, beside the others: parameter sets and their checks, content hashes,
executing notebooks with papermill, rendering HTML, the front page and the command line.

It reads the data layer (to refuse invalid data before any notebook runs) and never imports
views, analysis or charts: the notebooks do that in their own kernels. Keep this module
free of imports, so that ``python -m helpers.report.fingerprint`` stays instant.
"""
