"""Demo sessions of the 2026–2027 season in the demo communities.

Deterministic, idempotent and fast: sessions are found again by (community,
title); rows are written directly, not through the services, so demo data sends no
notification. Past sessions are marked held, upcoming ones planned (the next one
confirmed). Without communities (or members), nothing happens.
"""

import calendar
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from entraide.communities.models import (
    FACILITATING_ROLES,
    Community,
    CommunityMembership,
)
from entraide.core.timezones import zone
from entraide.meetings.models import (
    Registration,
    RegistrationStatus,
    Session,
    SessionFormat,
    SessionStatus,
)

# (year, month, theme) of the season: one session a month, September to June.
SEASON = (
    (2026, 9, "La rentrée et l'accueil des familles"),
    (2026, 10, "Les transitions dans la journée"),
    (2026, 11, "Le jeu libre à l'extérieur"),
    (2026, 12, "Les routines du repas"),
    (2027, 1, "L'observation au quotidien"),
    (2027, 2, "La communication avec les parents"),
    (2027, 3, "Le développement du langage"),
    (2027, 4, "Les besoins particuliers"),
    (2027, 5, "La préparation à l'école"),
    (2027, 6, "Bilan de l'année et thèmes de l'an prochain"),
)
REGISTRANTS = 6


def _second_tuesday(year: int, month: int) -> int:
    weeks = calendar.Calendar().monthdayscalendar(year, month)
    tuesdays = [week[calendar.TUESDAY] for week in weeks if week[calendar.TUESDAY]]
    return tuesdays[1]


def load_demo_meetings(network_slugs) -> int:
    """Returns how many demo sessions exist in these networks' communities."""
    total = 0
    communities = Community.objects.filter(
        network__slug__in=list(network_slugs)
    ).select_related("network")
    for community in communities.order_by("pk"):
        members = list(
            CommunityMembership.objects.filter(community=community)
            .select_related("user")
            .order_by("pk")
        )
        if len(members) < 2:
            continue
        with transaction.atomic():
            total += _load_community(community, members)
    return total


def _load_community(community: Community, members) -> int:
    now = timezone.now()
    tz = zone(community.network.time_zone)
    facilitator = next(
        (m.user for m in members if m.role in FACILITATING_ROLES), members[0].user
    )
    existing = {s.title: s for s in Session.objects.filter(community=community)}
    new = []
    for index, (year, month, theme) in enumerate(SEASON):
        title = f"{theme} — {community.name}"[:200]
        starts_at = datetime(
            year, month, _second_tuesday(year, month), 18, 30, tzinfo=tz
        )
        in_person = index % 4 == 3
        if title in existing:
            continue
        new.append(
            Session(
                community=community,
                title=title,
                theme=theme,
                description=(
                    f"Rencontre mensuelle de la communauté sur le thème « {theme} ». "
                    "Apportez un exemple vécu dans votre milieu."
                ),
                starts_at=starts_at,
                duration_minutes=90,
                format=SessionFormat.IN_PERSON if in_person else SessionFormat.VIRTUAL,
                video_url=""
                if in_person
                else f"https://visio.example/{community.network.slug}/{community.slug}",
                place="Salle communautaire du réseau" if in_person else "",
                capacity=12 if in_person else 30,
                status=SessionStatus.PLANNED,
                created_by=facilitator,
            )
        )
    Session.objects.bulk_create(new)
    sessions = list(Session.objects.filter(community=community).order_by("starts_at"))
    past = [s.pk for s in sessions if s.ends_at <= now]
    Session.objects.filter(pk__in=past, status=SessionStatus.PLANNED).update(
        status=SessionStatus.HELD
    )
    upcoming = [s for s in sessions if s.ends_at > now]
    if upcoming and upcoming[0].status == SessionStatus.PLANNED:
        Session.objects.filter(pk=upcoming[0].pk).update(status=SessionStatus.CONFIRMED)
    _registrations(sessions, [m.user for m in members], now)
    return len(sessions)


def _registrations(sessions, people, now) -> None:
    """A few people registered to past sessions and the next two."""
    chosen = [s for s in sessions if s.ends_at <= now]
    chosen += [s for s in sessions if s.ends_at > now][:2]
    have = set(
        Registration.objects.filter(session__in=chosen).values_list(
            "session_id", "user_id"
        )
    )
    rows = []
    for index, session in enumerate(chosen):
        for offset in range(min(REGISTRANTS, len(people))):
            person = people[(index + offset) % len(people)]
            if (session.pk, person.pk) in have:
                continue
            have.add((session.pk, person.pk))
            rows.append(
                Registration(
                    session=session,
                    user=person,
                    status=RegistrationStatus.REGISTERED,
                    created_at=session.starts_at.replace(day=1),
                )
            )
    Registration.objects.bulk_create(rows)
