"""Template tags for notifications."""

from django import template

from entraide.notifications import kinds

register = template.Library()


@register.simple_tag
def notification_title(notification) -> str:
    """The notification's title in the current language."""
    return kinds.render_title(notification.kind, notification.context)
