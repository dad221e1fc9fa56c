"""Values every template needs: privacy contact, the person's networks, unread count."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _


def site(request):
    context = {
        "privacy_officer_name": settings.PRIVACY_OFFICER_NAME
        or _("Responsable de la vie privée"),
        "privacy_officer_email": settings.PRIVACY_OFFICER_EMAIL,
    }
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        from entraide.notifications.selectors import unread_count

        context["unread_notifications"] = unread_count(user)
    return context
