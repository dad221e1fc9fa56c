"""Demo email preferences: a few people read their notifications in digests.

- the educator (Mauricie) gets a daily digest of discussion replies and mentions,
  and a weekly one of the pedagogy community's minutes and replies;
- the English-speaking educator in Vancouver gets everything about her
  communities in a weekly digest, in English, at 7:00 Pacific time;
- the executive director gets the network and practice news in a daily digest and
  never the tools' comments.

Idempotent: the preferences are set again to the same values.
"""

from django.db import transaction

from entraide.accounts.models import User
from entraide.communities.models import Community
from entraide.core.demo.accounts import DEMO_DOMAIN
from entraide.notifications import kinds
from entraide.notifications.models import Frequency
from entraide.notifications.services import set_preferences

D, W, OFF = Frequency.DAILY, Frequency.WEEKLY, Frequency.OFF


def _community_kinds() -> list[str]:
    return [key for key, kind in kinds.KINDS.items() if kind.per_community]


@transaction.atomic
def load_demo_digests() -> int:
    """Set the demo people's digest choices; returns how many people."""
    people = {
        user.email.partition("@")[0]: user
        for user in User.objects.filter(email__endswith=f"@{DEMO_DOMAIN}")
    }
    done = 0
    educator = people.get("educatrice")
    if educator is not None:
        pedagogy = Community.objects.filter(
            memberships__user=educator, name__icontains="pédagog"
        ).first()
        overrides = {}
        if pedagogy is not None:
            overrides = {
                (pedagogy.pk, "discussions.reply"): W,
                (pedagogy.pk, "meetings.minutes_published"): W,
            }
        set_preferences(
            user=educator,
            frequencies={"discussions.reply": D, "discussions.mention": D},
            overrides=overrides,
        )
        done += 1
    english = people.get("educator.en")
    if english is not None:
        set_preferences(user=english, frequencies=dict.fromkeys(_community_kinds(), W))
        done += 1
    director = people.get("direction")
    if director is not None:
        news = [
            key for key in kinds.KINDS if key.startswith(("networks.", "practices."))
        ]
        set_preferences(
            user=director,
            frequencies={
                **dict.fromkeys(news, D),
                "library.commented": OFF,
            },
        )
        done += 1
    return done
