"""Page 00, the data audit: what the dataset holds, what each row rests on, the articles covered."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers.analysis import audit, coverage
from helpers.charts import coverage as coverage_chart
from helpers.charts.output import Chart
from helpers.data.load import article_texts, data_package
from helpers.pages.run import Run


@dataclass(frozen=True)
class AuditPage:
    counts: pd.DataFrame
    validation: pd.DataFrame
    sentences: pd.DataFrame
    evidence: pd.DataFrame
    coverage: Chart


def data_audit(run: Run) -> AuditPage:
    """The tables' sizes and checks, every event's evidence, and the articles' coverage (which
    is about the articles, so it ignores ``as_of``)."""
    texts = article_texts(run.all_tables["sources"])
    sentences = coverage.sentence_coverage(run.all_tables, texts, data_package())
    summary = audit.coverage_summary(sentences)
    chart = Chart(
        "00_data_audit-coverage",
        coverage_chart.chart(summary, run.source_all),
        coverage_chart.alt_text(summary),
    )
    return AuditPage(
        counts=audit.table_counts(run.tables),
        validation=audit.validation_summary(run.tables, data_package()),
        sentences=sentences,
        evidence=audit.evidence(run.tables),
        coverage=chart,
    )
