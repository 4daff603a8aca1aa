"""Helpers of the monitoring tests: render a report view's tables the way the report and the workbook do."""

from __future__ import annotations

from clusterlib.report.display import Notice, Omitted
from clusterlib.report.tables import Table, column_formats, table_data, table_html


def rendered(view) -> dict[str, tuple[str, dict]]:
    """Every table of ``view`` as (HTML, XLSX data); notices and omitted parts are left out."""
    out = {}
    for name, spec in view.tables().items():
        assert isinstance(spec, (Table, Notice, Omitted)), name
        if isinstance(spec, Table):
            assert spec.kinds is not None and spec.labels is not None, f"{name} has no column kinds"
            column_formats(spec.frame, spec.kinds)  # every column has a kind, none is guessed
            html = table_html(spec.frame, lang=view.lang, caption=spec.caption, kinds=spec.kinds, labels=spec.labels)
            out[name] = (html, table_data(spec.frame, kinds=spec.kinds, labels=spec.labels))
    return out
