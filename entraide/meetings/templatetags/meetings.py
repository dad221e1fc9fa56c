"""Session times in the viewer's zone, with the zone named."""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from entraide.meetings.selectors import upcoming_sessions

register = template.Library()

ZONE_LABELS = {
    "America/St_Johns": _("heure de Terre-Neuve"),
    "America/Halifax": _("heure de l'Atlantique"),
    "America/Moncton": _("heure de l'Atlantique"),
    "America/Glace_Bay": _("heure de l'Atlantique"),
    "America/Goose_Bay": _("heure de l'Atlantique"),
    "America/Blanc-Sablon": _("heure de l'Atlantique"),
    "America/Toronto": _("heure de l'Est"),
    "America/Iqaluit": _("heure de l'Est"),
    "America/Atikokan": _("heure de l'Est"),
    "America/Winnipeg": _("heure du Centre"),
    "America/Rankin_Inlet": _("heure du Centre"),
    "America/Resolute": _("heure du Centre"),
    "America/Regina": _("heure du Centre"),
    "America/Swift_Current": _("heure du Centre"),
    "America/Edmonton": _("heure des Rocheuses"),
    "America/Cambridge_Bay": _("heure des Rocheuses"),
    "America/Inuvik": _("heure des Rocheuses"),
    "America/Creston": _("heure des Rocheuses"),
    "America/Dawson_Creek": _("heure des Rocheuses"),
    "America/Fort_Nelson": _("heure des Rocheuses"),
    "America/Whitehorse": _("heure du Yukon"),
    "America/Dawson": _("heure du Yukon"),
    "America/Vancouver": _("heure du Pacifique"),
}


def zone_label(moment) -> str:
    """The active zone's name for people, e.g. « heure de l'Atlantique »."""
    zone = timezone.get_current_timezone()
    label = ZONE_LABELS.get(getattr(zone, "key", ""))
    return str(label) if label else date_format(moment, "T")


@register.filter
def session_time(moment) -> str:
    """« 8 décembre 2026, 18 h 00 (heure de l'Est) » in the viewer's zone."""
    if moment is None:
        return ""
    local = timezone.localtime(moment)
    return f"{date_format(local, 'DATETIME_FORMAT')} ({zone_label(local)})"


@register.simple_tag
def upcoming_sessions_of(community, limit: int = 3):
    return list(upcoming_sessions(community, limit=limit))
