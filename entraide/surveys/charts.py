"""Server-rendered SVG bar charts: one horizontal bar per row, its label above it
and its value at its end. The SVG is an image named by its ``<title>``; the same
numbers are in the table printed beside it, which is what assistive technology
reads."""

from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

WIDTH = 320
LABEL_HEIGHT = 18
BAR_HEIGHT = 16
GAP = 10
VALUE_ROOM = 48
LABEL_CHARS = 48


def _short(label: str) -> str:
    label = str(label)
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def bar_chart(rows, *, title: str, chart_id: str, value=lambda row: row.count):
    """``rows`` have ``label``; ``value(row)`` is the bar's length (≥ 0)."""
    values = [max(0, value(row) or 0) for row in rows]
    top = max(values, default=0) or 1
    step = LABEL_HEIGHT + BAR_HEIGHT + GAP
    height = max(step * len(rows), step)
    room = WIDTH - VALUE_ROOM
    bars = []
    for index, (row, amount) in enumerate(zip(rows, values, strict=True)):
        y = index * step
        length = round(room * amount / top, 1)
        bars.append(
            (
                y + LABEL_HEIGHT - 5,
                _short(row.label),
                y + LABEL_HEIGHT,
                BAR_HEIGHT,
                max(length, 1 if amount else 0),
                length + 6,
                y + LABEL_HEIGHT + BAR_HEIGHT - 3,
                number_format(amount),
            )
        )
    body = format_html_join(
        "",
        # Presentation attributes too: a PDF renderer does not apply the page's
        # stylesheet inside the SVG (the stylesheet wins on screen).
        '<text x="0" y="{}" class="chart-label" font-size="12" fill="#1c2426">{}</text>'
        '<rect x="0" y="{}" height="{}" width="{}" class="chart-bar" fill="#1d5f8a">'
        "</rect>"
        '<text x="{}" y="{}" class="chart-value" font-size="12" fill="#1c2426">{}'
        "</text>",
        bars,
    )
    return format_html(
        '<svg class="chart" role="img" aria-labelledby="{}-title" '
        'viewBox="0 0 {} {}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'focusable="false"><title id="{}-title">{}</title>{}</svg>',
        chart_id,
        WIDTH,
        height,
        chart_id,
        title,
        mark_safe(body),  # noqa: S308 (built by format_html_join above)
    )
