"""Demo needs surveys of the Mauricie–Centre-du-Québec network.

1. The pedagogy community's needs survey for 2026–2027: anonymous, closed, answered
   by the network's pedagogy leads and educators; its ranking's top themes are the
   community's themes of the 2026–2027 programme (the meetings demo made them).
2. A named survey of the managers, open, some answers sent and some in progress.
3. A public survey of families' needs, open, with a few answers.

Deterministic and idempotent: a survey is found again by (network, title) and left
as it is once loaded. Rows are written directly, not through the services. The
anonymous survey's answers carry only a sub-region, a job role and the day sent; who
took part is in separate participation rows.
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from entraide.accounts.models import JobRole
from entraide.communities.models import Community
from entraide.core.demo.meetings import SEASON
from entraide.networks.models import Membership, Network, NetworkRole
from entraide.surveys.models import (
    OTHER,
    Answer,
    Audience,
    Invitation,
    Mailing,
    MailingKind,
    Participation,
    Question,
    QuestionKind,
    Response,
    Section,
    Survey,
    SurveyStatus,
)

K = QuestionKind
NEEDS_TITLE = "Sondage des besoins 2026-2027 — Pédagogie"
MANAGERS_TITLE = "Les gestionnaires et la communauté de pratique"
PUBLIC_TITLE = "Les besoins des familles en 2026"
THEMES = [theme for _y, _m, theme in SEASON[:5]] + ["L'éveil à la lecture"]
NEEDS_RESPONSES = 24

NEEDS = {
    "title": NEEDS_TITLE,
    "welcome": "Votre avis guide la programmation 2026-2027 de la communauté. "
    "Le sondage est **anonyme** et prend environ 5 minutes.",
    "thank_you": "Merci! Les résultats seront présentés à la rencontre de rentrée.",
    "sections": [
        (
            "Votre pratique",
            [
                (
                    K.SINGLE,
                    "Participez-vous déjà à une communauté de pratique ?",
                    {"options": ["Oui", "Non"], "required": True},
                ),
                (
                    K.MULTIPLE,
                    "Quels moments vous conviennent pour les rencontres ?",
                    {
                        "options": ["Le matin", "Le midi", "La fin d'après-midi"],
                        "allow_other": True,
                    },
                ),
                (
                    K.SCALE,
                    "Votre aisance avec les rencontres virtuelles",
                    {
                        "scale_labels": {
                            "min": "Pas du tout à l'aise",
                            "max": "Tout à fait à l'aise",
                        }
                    },
                ),
                (K.NUMBER, "Depuis combien d'années exercez-vous ?", {}),
            ],
        ),
        (
            "Vos besoins",
            [
                (
                    K.RANKING,
                    "Classez ces thèmes, du plus utile au moins utile",
                    {"options": THEMES},
                ),
                (K.LONG_TEXT, "Un besoin dont nous n'avons pas parlé ?", {}),
            ],
        ),
    ],
}

MANAGERS = {
    "title": MANAGERS_TITLE,
    "welcome": "Quelques questions pour mieux soutenir vos équipes.",
    "sections": [
        (
            "Vos équipes",
            [
                (
                    K.SINGLE,
                    "Libérez-vous du personnel pour les rencontres ?",
                    {"options": ["Oui", "Parfois", "Non"], "required": True},
                ),
                (
                    K.SCALE,
                    "L'utilité des communautés de pratique pour votre milieu",
                    {"scale_labels": {"min": "Peu utile", "max": "Très utile"}},
                ),
                (K.SHORT_TEXT, "Ce qui vous aiderait le plus", {}),
            ],
        )
    ],
}

PUBLIC = {
    "title": PUBLIC_TITLE,
    "welcome": "Un court sondage ouvert à toutes les familles de la région.",
    "sections": [
        (
            "Votre famille",
            [
                (
                    K.MULTIPLE,
                    "Quels sujets vous intéressent ?",
                    {
                        "options": ["Le sommeil", "L'alimentation", "Le langage"],
                        "allow_other": True,
                    },
                ),
                (K.DATE, "Une date qui vous conviendrait pour une soirée ?", {}),
            ],
        )
    ],
}


def _build(network, spec, **fields) -> tuple[Survey, dict]:
    survey = Survey.objects.create(
        network=network,
        title=spec["title"],
        welcome=spec.get("welcome", ""),
        thank_you=spec.get("thank_you", ""),
        **fields,
    )
    questions = {}
    for s_index, (title, items) in enumerate(spec["sections"]):
        section = Section.objects.create(survey=survey, title=title, position=s_index)
        for q_index, (kind, text, more) in enumerate(items):
            questions[kind] = Question.objects.create(
                section=section,
                survey=survey,
                kind=kind,
                text=text,
                position=q_index,
                **more,
            )
    return survey, questions


def _answer(response, question, value, other_text=""):
    Answer.objects.create(
        response=response, question=question, value=value, other_text=other_text
    )


def _needs_answers(rng, questions, index):
    """A pedagogy lead's or an educator's answers, leaning to the first themes."""
    attends = "Oui" if rng.random() < 0.6 else "Non"
    moments = [m for m in questions[K.MULTIPLE].options if rng.random() < 0.45]
    other = ""
    if index % 7 == 3:
        moments.append(OTHER)
        other = "En soirée, une fois par mois"
    ranking = sorted(THEMES, key=lambda t: THEMES.index(t) + rng.uniform(0, 3.5))
    yield K.SINGLE, attends, ""
    if moments:
        yield K.MULTIPLE, moments, other
    yield K.SCALE, rng.choice([2, 3, 3, 4, 4, 4, 5]), ""
    yield K.NUMBER, rng.randint(1, 28), ""
    yield K.RANKING, ranking, ""
    if index % 5 == 0:
        yield (
            K.LONG_TEXT,
            rng.choice(
                [
                    "Des outils pour accompagner les nouvelles éducatrices.",
                    "Parler davantage de la collaboration avec les CLSC.",
                    "Des exemples concrets d'aménagement des locaux.",
                ]
            ),
            "",
        )


def _load_needs(network, today):
    community = Community.objects.filter(network=network, slug="pedagogie").first()
    if community is None:
        return
    closes = timezone.make_aware(datetime.datetime(2026, 6, 15, 17))
    survey, questions = _build(
        network,
        NEEDS,
        community=community,
        audience=Audience.NETWORK,
        audience_job_roles=[JobRole.PEDAGOGY_LEAD, JobRole.EDUCATOR],
        is_anonymous=True,
        status=SurveyStatus.CLOSED,
        opens_at=closes - datetime.timedelta(days=30),
        closes_at=closes,
    )
    people = list(
        Membership.objects.filter(
            network=network,
            user__job_role__in=survey.audience_job_roles,
        )
        .order_by("user__email")
        .values_list("user_id", "subregion_id", "user__job_role")[:NEEDS_RESPONSES]
    )
    rng = random.Random(2026)  # noqa: S311 (demo data)
    # Shuffled so the answers' order says nothing of who took part.
    order = list(range(len(people)))
    rng.shuffle(order)
    for index in order:
        _user_id, subregion_id, job_role = people[index]
        response = Response.objects.create(
            survey=survey,
            subregion_id=subregion_id,
            job_role=job_role,
            submitted_on=(closes - datetime.timedelta(days=rng.randint(1, 29))).date(),
        )
        for kind, value, other in _needs_answers(rng, questions, index):
            _answer(response, questions[kind], value, other)
    Participation.objects.bulk_create(
        Participation(survey=survey, user_id=user_id) for user_id, _s, _j in people
    )


def _load_managers(network, now):
    survey, questions = _build(
        network,
        MANAGERS,
        audience=Audience.NETWORK,
        audience_job_roles=[JobRole.MANAGER],
        is_anonymous=False,
        allow_edit=True,
        status=SurveyStatus.OPEN,
        opens_at=now - datetime.timedelta(days=7),
        closes_at=now + datetime.timedelta(days=21),
    )
    people = list(
        Membership.objects.filter(network=network, user__job_role=JobRole.MANAGER)
        .exclude(role=NetworkRole.ADMIN)
        .order_by("user__email")
        .values_list("user_id", "subregion_id")[:8]
    )
    _invite(survey, now, MailingKind.INVITATION)
    rng = random.Random(7)  # noqa: S311 (demo data)
    for index, (user_id, subregion_id) in enumerate(people):
        sent = index % 3 != 2  # every third one is still writing
        response = Response.objects.create(
            survey=survey,
            respondent_id=user_id,
            subregion_id=subregion_id,
            job_role=JobRole.MANAGER,
            submitted_on=(now - datetime.timedelta(days=index % 5)).date()
            if sent
            else None,
            submitted_at=now - datetime.timedelta(days=index % 5) if sent else None,
            updated_at=now - datetime.timedelta(days=index % 5),
        )
        _answer(response, questions[K.SINGLE], rng.choice(["Oui", "Parfois", "Non"]))
        if sent:
            _answer(response, questions[K.SCALE], rng.randint(2, 5))
            Participation.objects.create(survey=survey, user_id=user_id)
        if index % 2 == 0 and sent:
            _answer(
                response,
                questions[K.SHORT_TEXT],
                rng.choice(["Du remplacement", "Des rencontres le soir"]),
            )
    _invite(survey, now, MailingKind.REMINDER)


def _load_public(network, now):
    survey, questions = _build(
        network,
        PUBLIC,
        audience=Audience.PUBLIC,
        is_anonymous=True,
        status=SurveyStatus.OPEN,
        opens_at=now - datetime.timedelta(days=3),
        closes_at=now + datetime.timedelta(days=30),
    )
    rng = random.Random(3)  # noqa: S311 (demo data)
    for index in range(6):
        response = Response.objects.create(
            survey=survey,
            submitted_on=(now - datetime.timedelta(days=index % 3)).date(),
        )
        topics = [t for t in questions[K.MULTIPLE].options if rng.random() < 0.5]
        _answer(response, questions[K.MULTIPLE], topics or ["Le sommeil"])
        _answer(response, questions[K.DATE], f"2027-0{1 + index % 3}-1{index}")


LOADERS = (
    (NEEDS_TITLE, _load_needs),
    (MANAGERS_TITLE, _load_managers),
    (PUBLIC_TITLE, _load_public),
)


RATE_INDICATOR = "Taux de réponse au sondage des gestionnaires"


def _follow_in_the_plan(network):
    """The action plan follows the managers' survey's response rate, next to the
    sounding of needs (when the plan is loaded)."""
    from entraide.plans.models import Action, Indicator, IndicatorKind

    survey = Survey.objects.filter(network=network, title=MANAGERS_TITLE).first()
    action = (
        Action.objects.filter(
            plan__network=network, description__startswith="Sonder les besoins"
        )
        .select_related("target", "plan")
        .order_by("pk")
        .first()
    )
    if survey is None or action is None:
        return
    Indicator.objects.get_or_create(
        plan=action.plan,
        target=action.target,
        name=RATE_INDICATOR,
        defaults={
            "kind": IndicatorKind.SURVEY_RESPONSE_RATE,
            "survey": survey,
            "action": action,
            "unit": "%",
            "goal_min": 60,
            "position": 99,
        },
    )


def _invite(survey, now, kind):
    """The managers were invited a week ago, before anyone answered, and those
    who had not answered were reminded two days ago. Written as history: the
    notifications are in the bell and their emails are recorded as sent, so
    loading the demo sends nothing."""
    from entraide.notifications.models import (
        DeliveryStatus,
        EmailDelivery,
        Notification,
    )
    from entraide.surveys import selectors
    from entraide.surveys.services.mailing import KINDS, notification_of

    lead = (
        Membership.objects.filter(network=survey.network, role=NetworkRole.PROJECT_LEAD)
        .order_by("user__email")
        .values_list("user", flat=True)
        .first()
    )
    invitation = kind == MailingKind.INVITATION
    when = now - datetime.timedelta(days=7 if invitation else 2)
    mailing = Mailing.objects.create(
        survey=survey,
        kind=kind,
        created_by_id=lead,
        created_at=when,
        completed_at=when,
        message="Merci de prendre dix minutes pour nous répondre."
        if invitation
        else "",
    )
    url, context = notification_of(mailing)
    people = list(selectors.mailing_recipients(survey, kind).order_by("pk"))
    notifications = Notification.objects.bulk_create(
        [
            Notification(
                recipient=person,
                network=survey.network,
                actor_id=lead,
                kind=KINDS[kind],
                context=context,
                url=url,
            )
            for person in people
        ]
    )
    # auto_now_add: dated afterwards, like the rest of the history.
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
        created_at=when
    )
    EmailDelivery.objects.bulk_create(
        [
            EmailDelivery(
                notification=notification,
                to_email=person.email,
                status=DeliveryStatus.SENT,
                attempts=1,
                sent_at=when,
            )
            for notification, person in zip(notifications, people, strict=True)
        ]
    )
    Invitation.objects.bulk_create(
        [
            Invitation(
                mailing=mailing, user=person, notification=notification, created_at=when
            )
            for notification, person in zip(notifications, people, strict=True)
        ]
    )


def load_demo_surveys(network_slugs) -> int:
    """Returns how many demo surveys exist in these networks."""
    network = Network.objects.filter(slug="mcq", slug__in=list(network_slugs)).first()
    if network is None:
        return 0
    now = timezone.now()
    have = set(
        Survey.objects.filter(
            network=network, title__in=[t for t, _l in LOADERS]
        ).values_list("title", flat=True)
    )
    for title, loader in LOADERS:
        if title not in have:
            with transaction.atomic():
                loader(network, now)
    _follow_in_the_plan(network)
    return Survey.objects.filter(
        network=network, title__in=[t for t, _l in LOADERS]
    ).count()
