"""Template filters shared by every app."""

from django import template

from entraide.core.markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    """{{ text|markdown }}: sanitised HTML from Markdown."""
    return render_markdown(text)
