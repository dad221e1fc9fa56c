"""Reads of a person's own account, including the "download my data" export."""

from allauth.account.models import EmailAddress
from django.utils import timezone

from entraide.accounts.models import User
from entraide.networks.selectors import memberships_of
from entraide.notifications import kinds
from entraide.notifications.models import Notification, NotificationPreference


def _when(value) -> str | None:
    return value.isoformat() if value else None


def _kind_label(key: str) -> str:
    kind = kinds.KINDS.get(key)
    return str(kind.label) if kind else key


def personal_data(user: User) -> dict:
    """Everything Entraide holds about the person, and nothing about anyone else.

    Notifications are listed by kind only: their details and author may name
    other people.
    """
    memberships = [
        {
            "network": {"slug": m.network.slug, "name": m.network.name},
            "role": m.role,
            "role_label": str(m.get_role_display()),
            "organisation": m.organisation.name if m.organisation else None,
            "subregion": m.subregion.name if m.subregion else None,
            "joined_at": _when(m.joined_at),
        }
        for m in memberships_of(user)
    ]
    notifications = [
        {
            "kind": n.kind,
            "label": _kind_label(n.kind),
            "network": n.network.name if n.network else None,
            "url": n.url,
            "created_at": _when(n.created_at),
            "read_at": _when(n.read_at),
        }
        for n in Notification.objects.filter(recipient=user)
        .select_related("network")
        .order_by("created_at", "id")
    ]
    return {
        "exported_at": _when(timezone.now()),
        "profile": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "job_role": user.job_role,
            "language": user.language,
            "time_zone": user.time_zone,
            "profile_visibility": user.profile_visibility,
            "show_email": user.show_email,
            "date_joined": _when(user.date_joined),
            "last_login": _when(user.last_login),
        },
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("id")
        ],
        "memberships": memberships,
        "notifications": notifications,
        "notification_preferences": [
            {
                "kind": p.kind,
                "community": p.community.name if p.community_id else None,
                "frequency": p.frequency,
            }
            for p in NotificationPreference.objects.filter(user=user)
            .select_related("community")
            .order_by("kind", "community_id")
        ],
    }
