"""Canadian time zones, from St. John's to Vancouver, with their French names."""

from zoneinfo import ZoneInfo

from django.utils.translation import gettext_lazy as _

CANADIAN_TIME_ZONES = [
    ("America/St_Johns", _("Terre-Neuve (St. John's)")),
    ("America/Halifax", _("Atlantique (Halifax)")),
    ("America/Moncton", _("Atlantique (Moncton)")),
    ("America/Glace_Bay", _("Atlantique (Glace Bay)")),
    ("America/Goose_Bay", _("Atlantique (Goose Bay)")),
    ("America/Blanc-Sablon", _("Atlantique sans heure avancée (Blanc-Sablon)")),
    ("America/Toronto", _("Est (Montréal, Toronto)")),
    ("America/Iqaluit", _("Est (Iqaluit)")),
    ("America/Atikokan", _("Est sans heure avancée (Atikokan)")),
    ("America/Winnipeg", _("Centre (Winnipeg)")),
    ("America/Rankin_Inlet", _("Centre (Rankin Inlet)")),
    ("America/Resolute", _("Centre (Resolute)")),
    ("America/Regina", _("Centre sans heure avancée (Regina)")),
    ("America/Swift_Current", _("Centre sans heure avancée (Swift Current)")),
    ("America/Edmonton", _("Rocheuses (Edmonton)")),
    ("America/Cambridge_Bay", _("Rocheuses (Cambridge Bay)")),
    ("America/Inuvik", _("Rocheuses (Inuvik)")),
    ("America/Creston", _("Rocheuses sans heure avancée (Creston)")),
    ("America/Dawson_Creek", _("Rocheuses sans heure avancée (Dawson Creek)")),
    ("America/Fort_Nelson", _("Rocheuses sans heure avancée (Fort Nelson)")),
    ("America/Whitehorse", _("Yukon (Whitehorse)")),
    ("America/Dawson", _("Yukon (Dawson)")),
    ("America/Vancouver", _("Pacifique (Vancouver)")),
]
TIME_ZONE_NAMES = {name for name, _label in CANADIAN_TIME_ZONES}
DEFAULT_TIME_ZONE = "America/Toronto"


def zone(name: str | None) -> ZoneInfo:
    """The ZoneInfo for a stored zone name, falling back to Eastern time."""
    return ZoneInfo(name if name in TIME_ZONE_NAMES else DEFAULT_TIME_ZONE)
