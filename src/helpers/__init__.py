"""Helpers for the Japan-Russia-North Korea 2017 analysis bundle.

Notebooks import from here instead of defining logic themselves: loading and
validating the curated data, resolving article-relative dates, the computations
behind each chart, the charts, and the report builder.
"""
