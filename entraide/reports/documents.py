"""A report's files: the PDF (each chart beside its table) and a formula-safe CSV."""

import csv
import io
from decimal import Decimal

from django.utils import timezone
from django.utils.formats import number_format

from entraide.core.shortcuts import spreadsheet_cell
from entraide.practices.pdf import render_pdf
from entraide.reports.contents import (
    CHART_BARS,
    DECIMAL,
    PERCENT,
    TEXT,
    Contents,
    Table,
)
from entraide.surveys.charts import bar_chart


class Bar:
    def __init__(self, label, count):
        self.label = label
        self.count = count


def shown(value, kind: str) -> str:
    """A cell as printed, in the active language."""
    if value is None:
        return "—"
    if kind == PERCENT:
        return f"{number_format(round(float(value), 1), decimal_pos=1)} %"
    if kind == DECIMAL:
        return number_format(round(float(value), 2), decimal_pos=2)
    if isinstance(value, int):
        return number_format(value, force_grouping=True)
    return str(value)


def _chart(table: Table):
    if table.chart_column is None or not table.rows:
        return None
    bars = [
        Bar(row[0], row[table.chart_column] or 0)
        for row in table.rows
        if row[table.chart_column]
    ]
    if not bars:
        return None
    bars.sort(key=lambda bar: -bar.count)
    return bar_chart(
        bars[:CHART_BARS], title=table.chart_title, chart_id=f"chart-{table.key}"
    )


def printable(table: Table) -> dict:
    return {
        "table": table,
        "chart": _chart(table),
        "chart_cut": table.chart_column is not None and len(table.rows) > CHART_BARS,
        "rows": [
            [
                (shown(cell, column.kind), column.kind != TEXT)
                for cell, column in zip(row, table.columns, strict=True)
            ]
            for row in table.rows
        ],
        "chart_bars": CHART_BARS,
    }


def pdf_bytes(run, contents: Contents) -> bytes:
    return render_pdf(
        "reports/report_pdf.html",
        {
            "run": run,
            "network": run.network,
            "contents": contents,
            "figures": [
                (label, shown(value, kind)) for label, value, kind in contents.figures
            ],
            "tables": [printable(table) for table in contents.tables],
            "printed_at": timezone.now(),
        },
    )


def _raw(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float | Decimal):
        return f"{float(value):.2f}".rstrip("0").rstrip(".")
    return str(value)


def csv_bytes(run, contents: Contents) -> bytes:
    """One block per table (its title, its header, its rows), the figures first."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)

    def write(row):
        writer.writerow([spreadsheet_cell(_raw(cell)) for cell in row])

    write([contents.title, run.network.name, run.period_start, run.period_end])
    writer.writerow([])
    for label, value, _kind in contents.figures:
        write([label, value])
    for table in contents.tables:
        writer.writerow([])
        write([table.title])
        write([column.label for column in table.columns])
        for row in table.rows:
            write(row)
    return out.getvalue().encode("utf-8")
