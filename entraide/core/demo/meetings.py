"""Demo sessions of the 2026–2027 season in the demo communities.

Deterministic, idempotent and fast: sessions are found again by (community,
title); rows are written directly, not through the services, so demo data sends no
notification. Past sessions are marked held, upcoming ones planned (the next one
confirmed). Each community gets the season's themes as its yearly programme, each
session an agenda; past sessions get their attendance, published minutes with
decisions, and follow-ups — some done, the latest still open, so the next session
shows them. Without communities (or members), nothing happens.
"""

import calendar
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from entraide.communities.models import (
    FACILITATING_ROLES,
    Community,
    CommunityMembership,
)
from entraide.core.timezones import zone
from entraide.meetings.models import (
    AgendaItem,
    AgendaStatus,
    Attendance,
    AttendanceStatus,
    Decision,
    FollowUp,
    FollowUpStatus,
    Registration,
    RegistrationStatus,
    Session,
    SessionFormat,
    SessionStatus,
    YearTheme,
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
PROGRAMME_SEASON = 2026


@dataclass(frozen=True)
class ThemeContent:
    """What a session on this theme talks about, decides and leaves to do."""

    presentation: str
    question: str
    summary: str
    decisions: tuple[str, ...]
    follow_ups: tuple[str, ...]


CONTENT = {
    "La rentrée et l'accueil des familles": ThemeContent(
        "Présentation : une trousse d'accueil pour les nouvelles familles",
        "Échange en petits groupes : les premiers jours d'un enfant au service",
        "Les milieux ont partagé leurs façons d'accueillir les familles à la "
        "rentrée : visite avant le premier jour, photo de l'éducatrice ou de "
        "l'éducateur envoyée à la maison, intégration progressive sur une semaine.",
        (
            "Mettre en commun une trousse d'accueil pour les nouvelles familles.",
            "Proposer une intégration progressive par défaut dans les milieux "
            "participants.",
        ),
        (
            "Rassembler les documents d'accueil des milieux",
            "Traduire la lettre d'accueil en anglais",
        ),
    ),
    "Les transitions dans la journée": ThemeContent(
        "Présentation : chansons et signaux visuels pour les transitions",
        "Échange en petits groupes : la transition vers la sieste",
        "Les transitions qui posent le plus de défis sont l'arrivée du matin et le "
        "retour de la cour. Plusieurs milieux utilisent un pictogramme de la "
        "prochaine activité et une chanson toujours la même.",
        (
            "Essayer pendant un mois un tableau de pictogrammes de la journée.",
            "Réserver cinq minutes au retour de la cour pour un moment calme.",
            "Partager les chansons de transition dans l'espace de la communauté.",
        ),
        (
            "Déposer les pictogrammes imprimables dans la bibliothèque",
            "Recueillir les chansons de transition des milieux",
        ),
    ),
    "Le jeu libre à l'extérieur": ThemeContent(
        "Présentation : aménager la cour avec du matériel non structuré",
        "Échange en petits groupes : sortir par tous les temps",
        "La rencontre a porté sur le jeu libre dehors : matériel non structuré "
        "(bûches, tissus, contenants), vêtements de rechange et communication "
        "avec les parents sur la valeur du jeu salissant.",
        (
            "Préparer une liste de matériel non structuré à faible coût.",
            "Rédiger un mot commun aux parents sur le jeu extérieur en hiver.",
        ),
        (
            "Dresser la liste de matériel non structuré et de ses fournisseurs",
            "Rédiger le mot aux parents sur le jeu extérieur en hiver",
            "Inviter une conseillère pédagogique en plein air à la rencontre de "
            "janvier",
        ),
    ),
    "Les routines du repas": ThemeContent(
        "Présentation : le repas comme moment d'autonomie",
        "Échange en petits groupes : les enfants qui refusent de goûter",
        "Le repas est un moment d'apprentissage : se servir, goûter sans "
        "obligation, converser. Les milieux ont comparé leurs façons de faire.",
        (
            "Laisser les enfants de quatre ans et plus se servir eux-mêmes.",
            "Ne plus utiliser le dessert comme récompense.",
        ),
        ("Partager les menus de la saison", "Préparer une fiche sur la néophobie"),
    ),
    "L'observation au quotidien": ThemeContent(
        "Présentation : des outils d'observation simples à utiliser",
        "Échange en petits groupes : trouver du temps pour noter",
        "Observer un enfant quelques minutes par jour suffit quand la grille est "
        "simple. Les milieux ont comparé leurs grilles.",
        (
            "Adopter une grille d'observation commune à l'essai.",
            "Prévoir dix minutes par semaine pour relire les observations.",
        ),
        ("Adapter la grille d'observation", "Former les nouvelles personnes"),
    ),
    "La communication avec les parents": ThemeContent(
        "Présentation : le journal de bord numérique",
        "Échange en petits groupes : les conversations délicates",
        "Les échanges quotidiens avec les parents construisent la confiance; les "
        "conversations délicates se préparent.",
        (
            "Préparer un guide pour les conversations délicates.",
            "Envoyer une photo par semaine aux familles qui le souhaitent.",
        ),
        ("Rédiger le guide des conversations", "Sonder les familles"),
    ),
    "Le développement du langage": ThemeContent(
        "Présentation : la lecture interactive",
        "Échange en petits groupes : soutenir les enfants allophones",
        "La lecture interactive et les comptines soutiennent le langage, y compris "
        "chez les enfants qui apprennent le français.",
        (
            "Lire une histoire interactive chaque jour.",
            "Créer une liste de livres bilingues.",
        ),
        ("Dresser la liste de livres bilingues", "Inviter une orthophoniste"),
    ),
    "Les besoins particuliers": ThemeContent(
        "Présentation : travailler avec les services de réadaptation",
        "Échange en petits groupes : adapter une activité",
        "L'inclusion passe par de petites adaptations et une bonne collaboration "
        "avec les familles et les services.",
        (
            "Nommer une personne-ressource pour l'inclusion dans chaque milieu.",
            "Partager les adaptations qui fonctionnent.",
        ),
        ("Recenser les services de la région", "Partager les adaptations"),
    ),
    "La préparation à l'école": ThemeContent(
        "Présentation : la transition vers la maternelle",
        "Échange en petits groupes : ce que les écoles attendent vraiment",
        "La préparation à l'école, c'est surtout l'autonomie et le goût "
        "d'apprendre; la collaboration avec les écoles aide les familles.",
        (
            "Organiser une visite d'école pour les enfants de cinq ans.",
            "Remettre aux familles un portrait de l'enfant.",
        ),
        ("Contacter les écoles du secteur", "Préparer le portrait de l'enfant"),
    ),
    "Bilan de l'année et thèmes de l'an prochain": ThemeContent(
        "Présentation : ce que nous retenons de l'année",
        "Échange en petits groupes : les thèmes de l'an prochain",
        "Bilan de l'année de la communauté et choix des thèmes de la prochaine saison.",
        (
            "Reconduire la communauté l'an prochain.",
            "Retenir trois thèmes pour la prochaine saison.",
        ),
        ("Préparer le calendrier de l'an prochain",),
    ),
}


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
    people = [m.user for m in members]
    _registrations(sessions, people, now)
    _year_themes(community)
    _agenda(sessions, people, now)
    past = [s for s in sessions if s.ends_at <= now]
    _attendance(past, facilitator, now)
    _minutes(past, facilitator, now)
    _follow_ups(past, people, facilitator, now)
    return len(sessions)


def _year_themes(community: Community) -> None:
    have = set(
        YearTheme.objects.filter(
            community=community, season=PROGRAMME_SEASON
        ).values_list("title", flat=True)
    )
    YearTheme.objects.bulk_create(
        YearTheme(
            community=community,
            season=PROGRAMME_SEASON,
            title=theme,
            description=CONTENT[theme].summary.split(".")[0] + ".",
            position=position,
        )
        for position, (_year, _month, theme) in enumerate(SEASON)
        if theme not in have
    )


def _content(session: Session) -> ThemeContent:
    return CONTENT.get(session.theme) or CONTENT[SEASON[0][2]]


def _agenda(sessions, people, now) -> None:
    """Three or four points a session; a member's proposal waits on the next one."""
    have = set(
        AgendaItem.objects.filter(session__in=sessions).values_list(
            "session_id", flat=True
        )
    )
    rows = []
    upcoming = [s for s in sessions if s.ends_at > now]
    for index, session in enumerate(sessions):
        if session.pk in have:
            continue
        content = _content(session)
        presenter = people[index % len(people)]
        points = [("Tour de table : des nouvelles de nos milieux", 15, None)]
        if index:
            points.append(("Retour sur les suivis de la dernière rencontre", 10, None))
        points += [
            (content.presentation, 30, presenter),
            (content.question, 30, None),
        ]
        if not index:
            points.append(("Bilan et choix des prochains sujets", 10, None))
        for position, (title, minutes, who) in enumerate(points):
            rows.append(
                AgendaItem(
                    session=session,
                    title=title,
                    duration_minutes=minutes,
                    presenter=who,
                    position=position,
                    status=AgendaStatus.ACCEPTED,
                )
            )
        if upcoming and session.pk == upcoming[0].pk and len(people) > 2:
            rows.append(
                AgendaItem(
                    session=session,
                    title="Partager une activité qui a bien marché ce mois-ci",
                    description="J'aimerais que chaque milieu présente une "
                    "activité en deux minutes.",
                    position=len(points),
                    status=AgendaStatus.PROPOSED,
                    proposed_by=people[2],
                )
            )
    AgendaItem.objects.bulk_create(rows)


def _attendance(past, facilitator, now) -> None:
    """Most registered people came; every few, one was absent or excused."""
    have = set(
        Attendance.objects.filter(session__in=past).values_list("session_id", flat=True)
    )
    registrations = (
        Registration.objects.filter(
            session__in=[s for s in past if s.pk not in have],
            status=RegistrationStatus.REGISTERED,
        )
        .order_by("session_id", "created_at", "pk")
        .values_list("session_id", "user_id")
    )
    rows, rank = [], {}
    ends = {s.pk: s.ends_at for s in past}
    order = {s.pk: index for index, s in enumerate(past)}
    for session_id, user_id in registrations:
        number = rank[session_id] = rank.get(session_id, -1) + 1
        index = order[session_id]
        status = AttendanceStatus.PRESENT
        if number == 1:
            status = AttendanceStatus.EXCUSED if index % 2 else AttendanceStatus.ABSENT
        elif number == 4 and index % 3 == 0:
            status = AttendanceStatus.EXCUSED
        rows.append(
            Attendance(
                session_id=session_id,
                user_id=user_id,
                status=status,
                recorded_by=facilitator,
                recorded_at=min(ends[session_id], now),
            )
        )
    Attendance.objects.bulk_create(rows)


def _minutes(past, facilitator, now) -> None:
    """Published minutes, two or three decisions each."""
    with_decisions = set(
        Decision.objects.filter(session__in=past).values_list("session_id", flat=True)
    )
    decisions = []
    for session in past:
        content = _content(session)
        if not session.minutes:
            session.minutes = (
                f"## Ce dont nous avons parlé\n\n{content.summary}\n\n"
                f"## Présentation\n\n{content.presentation}.\n\n"
                "## Pour la prochaine fois\n\n"
                "- Apporter un exemple vécu dans votre milieu\n"
                "- Consulter les suivis ci-dessous"
            )
            session.minutes_published_at = min(session.ends_at + timedelta(days=2), now)
            Session.objects.filter(pk=session.pk).update(
                minutes=session.minutes,
                minutes_published_at=session.minutes_published_at,
            )
        if session.pk not in with_decisions:
            decisions += [
                Decision(
                    session=session,
                    text=text,
                    position=position,
                    created_by=facilitator,
                )
                for position, text in enumerate(content.decisions)
            ]
    Decision.objects.bulk_create(decisions)


def _follow_ups(past, people, facilitator, now) -> None:
    """Older sessions' follow-ups are done; the latest one's stay open."""
    have = set(
        FollowUp.objects.filter(session__in=past).values_list("session_id", flat=True)
    )
    rows = []
    for index, session in enumerate(past):
        if session.pk in have:
            continue
        latest = index == len(past) - 1
        for number, text in enumerate(_content(session).follow_ups):
            if latest:
                status = FollowUpStatus.OPEN if number else FollowUpStatus.IN_PROGRESS
            elif index == len(past) - 2 and number == 1:
                status = FollowUpStatus.IN_PROGRESS
            else:
                status = FollowUpStatus.DONE
            due_on = (session.starts_at + timedelta(days=21 + 7 * number)).date()
            rows.append(
                FollowUp(
                    session=session,
                    description=text,
                    assignee=people[(index + number + 1) % len(people)],
                    due_on=due_on,
                    status=status,
                    created_by=facilitator,
                    closed_at=None
                    if status in (FollowUpStatus.OPEN, FollowUpStatus.IN_PROGRESS)
                    else min(session.ends_at + timedelta(days=20), now),
                )
            )
    FollowUp.objects.bulk_create(rows)


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
