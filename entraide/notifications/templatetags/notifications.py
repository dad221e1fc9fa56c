from django import template

from entraide.notifications import kinds

register = template.Library()


@register.simple_tag
def notification_title(notification) -> str:
    """The notification's title in the current language."""
    kind = kinds.KINDS.get(notification.kind)
    if kind is None:
        return notification.kind
    try:
        return str(kind.title) % notification.context
    except (KeyError, TypeError, ValueError):
        return str(kind.label)
