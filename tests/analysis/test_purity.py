"""The analysis functions never change the tables they are given."""

import pandas as pd

from helpers.analysis import cadence, escalation, schedule
from helpers.views import as_of_view

SEPT_1 = pd.Timestamp("2017-09-01")


def frozen(tables):
    return {name: frame.copy(deep=True) for name, frame in tables.items()}


def assert_unchanged(before, after):
    for name in before:
        pd.testing.assert_frame_equal(before[name], after[name])


def test_helpers_never_mutate_their_input(tables):
    before = frozen(tables)
    view = as_of_view(tables, SEPT_1)
    contacts = cadence.contacts(tables)
    cadence.gaps(contacts)
    escalation.in_force(escalation.adopted_measures(tables), SEPT_1, pd.Timestamp("2017-12-31"))
    schedule.schedule(view)
    assert_unchanged(before, tables)


def test_coverage_of_no_article_text_is_an_empty_table(tables):
    from helpers.analysis.coverage import sentence_coverage
    from helpers.data.load import data_package

    found = sentence_coverage(tables, {}, data_package())
    assert found.empty
    assert found.columns.tolist() == ["source_id", "sentence_no", "sentence", "covered_share", "status"]
