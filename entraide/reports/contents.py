"""The numbers of each report, as headline figures and tables.

Every part is a few aggregate queries grouped in the database (never a whole table
read into Python), so a report costs the same number of queries for a network of
ten communities or of a thousand; the build records its progress after each part.
Periods are read in the network's time zone, from the first day's midnight to the
midnight after the last day.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Exists, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from entraide.accounts.models import JobRole
from entraide.communities.models import Community, CommunityKind, CommunityMembership
from entraide.core.timezones import zone
from entraide.meetings.models import (
    Attendance,
    AttendanceStatus,
    Registration,
    RegistrationStatus,
    Session,
    SessionStatus,
)
from entraide.networks.models import Membership, SubRegion
from entraide.reports.models import ReportKind

TEXT, NUMBER, PERCENT, DECIMAL = "text", "number", "percent", "decimal"
CHART_BARS = 20
SURVEYS_SHOWN = 10
TOP_THEMES = 3


@dataclass
class Column:
    label: str
    kind: str = NUMBER


@dataclass
class Table:
    key: str
    title: str
    columns: list[Column]
    rows: list[list]
    chart_column: int | None = None  # the column drawn as bars, by position
    chart_title: str = ""
    note: str = ""
    empty: str = ""


@dataclass
class Contents:
    kind: str
    title: str
    figures: list[tuple[str, object, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass
class Period:
    network: object
    start: datetime.date
    end: datetime.date
    since: datetime.datetime
    until: datetime.datetime
    today: datetime.date


def period_of(network, start: datetime.date, end: datetime.date) -> Period:
    tz = zone(network.time_zone)
    return Period(
        network=network,
        start=start,
        end=end,
        since=datetime.datetime.combine(start, datetime.time.min, tz),
        until=datetime.datetime.combine(
            end + datetime.timedelta(days=1), datetime.time.min, tz
        ),
        today=timezone.localdate(timezone=tz),
    )


def rate(part: int, whole: int) -> float | None:
    return round(100 * part / whole, 1) if whole else None


# --- Participation ---------------------------------------------------------------


def _held(p: Period, prefix: str = "") -> Q:
    """Sessions of the network held in the period (``prefix`` reaches a session)."""
    return Q(
        **{
            f"{prefix}community__network": p.network,
            f"{prefix}status": SessionStatus.HELD,
            f"{prefix}starts_at__gte": p.since,
            f"{prefix}starts_at__lt": p.until,
        }
    )


def _present(p: Period):
    return Attendance.objects.filter(
        _held(p, "session__"), status=AttendanceStatus.PRESENT
    )


def _registered(p: Period):
    """Registrations to the period's held sessions."""
    return Registration.objects.filter(
        _held(p, "session__"), status=RegistrationStatus.REGISTERED
    )


def _came():
    """For a registration: the person was there (an aggregate's filter)."""
    return Exists(
        Attendance.objects.filter(
            session=OuterRef("session_id"),
            user=OuterRef("user_id"),
            status=AttendanceStatus.PRESENT,
        )
    )


def _membership_of(p: Period, field_name: str):
    """The attendee's ``field_name`` in the network (one membership per person)."""
    return Subquery(
        Membership.objects.filter(network=p.network, user=OuterRef("user_id")).values(
            field_name
        )[:1]
    )


def _grouped(queryset, key: str, **aggregates) -> dict:
    return {
        row[key]: row
        for row in queryset.values(key).annotate(**aggregates).order_by(key)
    }


def _totals(p: Period) -> dict:
    present = _present(p).aggregate(
        present=Count("pk"), people=Count("user", distinct=True)
    )
    registered = _registered(p).aggregate(
        registered=Count("pk"), came=Count("pk", filter=_came())
    )
    sessions = Session.objects.filter(_held(p)).aggregate(
        sessions=Count("pk"), minutes=Sum("duration_minutes")
    )
    return present | registered | sessions


def participation_by_community(p: Period, contents: Contents) -> None:
    totals = _totals(p)
    contents.figures += [
        (_("Rencontres tenues"), totals["sessions"], NUMBER),
        (_("Personnes présentes au moins une fois"), totals["people"], NUMBER),
        (
            _("Taux de présence des personnes inscrites"),
            rate(totals["came"], totals["registered"]),
            PERCENT,
        ),
    ]
    communities = Community.objects.filter(network=p.network).filter(
        Q(archived_at__isnull=True) | Q(archived_at__gte=p.since)
    )
    members = _grouped(
        CommunityMembership.objects.filter(community__network=p.network),
        "community_id",
        n=Count("pk"),
    )
    sessions = _grouped(Session.objects.filter(_held(p)), "community_id", n=Count("pk"))
    present = _grouped(
        _present(p),
        "session__community_id",
        present=Count("pk"),
        people=Count("user", distinct=True),
    )
    registered = _grouped(
        _registered(p),
        "session__community_id",
        registered=Count("pk"),
        came=Count("pk", filter=_came()),
    )
    rows = []
    for pk, name in communities.order_by("name", "pk").values_list("pk", "name"):
        seen = present.get(pk, {})
        signed = registered.get(pk, {})
        rows.append(
            [
                name,
                members.get(pk, {}).get("n", 0),
                sessions.get(pk, {}).get("n", 0),
                seen.get("people", 0),
                seen.get("present", 0),
                rate(signed.get("came", 0), signed.get("registered", 0)),
            ]
        )
    contents.tables.append(
        Table(
            key="communities",
            title=_("Participation par communauté"),
            columns=[
                Column(_("Communauté"), TEXT),
                Column(_("Membres")),
                Column(_("Rencontres tenues")),
                Column(_("Personnes présentes")),
                Column(_("Présences")),
                Column(_("Taux de présence"), PERCENT),
            ],
            rows=rows,
            chart_column=2,
            chart_title=_("Rencontres tenues par communauté"),
            note=_(
                "Taux de présence : part des inscriptions aux rencontres tenues "
                "suivies d'une présence."
            ),
            empty=_("Aucune communauté dans ce réseau."),
        )
    )


def participation_by_subregion(p: Period, contents: Contents) -> None:
    members = _grouped(
        Membership.objects.filter(network=p.network), "subregion_id", n=Count("pk")
    )
    present = _grouped(
        _present(p).annotate(place=_membership_of(p, "subregion_id")),
        "place",
        present=Count("pk"),
        people=Count("user", distinct=True),
    )
    registered = _grouped(
        _registered(p).annotate(place=_membership_of(p, "subregion_id")),
        "place",
        registered=Count("pk"),
        came=Count("pk", filter=_came()),
    )
    places = list(SubRegion.objects.filter(network=p.network).values_list("pk", "name"))
    places.append((None, _("Sous-région non précisée")))
    rows = []
    for pk, name in places:
        seen, signed = present.get(pk, {}), registered.get(pk, {})
        count = members.get(pk, {}).get("n", 0)
        if pk is None and not (count or seen):
            continue
        rows.append(
            [
                name,
                count,
                seen.get("people", 0),
                seen.get("present", 0),
                rate(signed.get("came", 0), signed.get("registered", 0)),
            ]
        )
    contents.tables.append(
        Table(
            key="subregions",
            title=_("Participation par sous-région"),
            columns=[
                Column(_("Sous-région"), TEXT),
                Column(_("Membres du réseau")),
                Column(_("Personnes présentes")),
                Column(_("Présences")),
                Column(_("Taux de présence"), PERCENT),
            ],
            rows=rows,
            chart_column=2,
            chart_title=_("Personnes présentes par sous-région"),
            empty=_("Aucune sous-région dans ce réseau."),
        )
    )


def plan_progress(p: Period, contents: Contents) -> None:
    from entraide.plans.exports import goal_words
    from entraide.plans.indicators import values_for
    from entraide.plans.models import (
        Action,
        ActionStatus,
        Indicator,
        Plan,
        PlanStatus,
        late_actions_q,
    )

    plan = (
        Plan.objects.filter(
            network=p.network, period_start__lte=p.end, period_end__gte=p.start
        )
        .exclude(status=PlanStatus.DRAFT)
        .order_by("-period_start", "-pk")
        .first()
    )
    title = _("Avancement du plan d'action")
    if plan is None:
        contents.tables.append(
            Table(
                key="plan",
                title=title,
                columns=[Column(_("État"), TEXT), Column(_("Actions"))],
                rows=[],
                empty=_("Aucun plan d'action en cours pendant cette période."),
            )
        )
        return
    actions = Action.objects.filter(plan=plan)
    counts = _grouped(actions, "status", n=Count("pk"), progress=Avg("progress"))
    overall = actions.aggregate(
        n=Count("pk"),
        progress=Avg("progress"),
        late=Count("pk", filter=late_actions_q(p.end)),
    )
    contents.figures += [
        (_("Avancement moyen des actions du plan"), overall["progress"], PERCENT),
        (_("Actions en retard à la fin de la période"), overall["late"], NUMBER),
    ]
    contents.tables.append(
        Table(
            key="plan",
            title=title,
            columns=[
                Column(_("État"), TEXT),
                Column(_("Actions")),
                Column(_("Avancement moyen"), PERCENT),
            ],
            rows=[
                [
                    label,
                    counts.get(status, {}).get("n", 0),
                    counts.get(status, {}).get("progress"),
                ]
                for status, label in ActionStatus.choices
            ],
            chart_column=1,
            chart_title=_("Actions du plan par état"),
            note=_("Plan : %(title)s (%(start)s – %(end)s).")
            % {"title": plan.title, "start": plan.period_start, "end": plan.period_end},
        )
    )
    indicators = list(
        Indicator.objects.filter(plan=plan)
        .select_related("community", "subregion", "survey")
        .order_by("target__objective__mandate__position", "position", "pk")
    )
    readings = values_for(
        indicators,
        network=p.network,
        today=min(p.end, p.today),
        period=(plan.period_start, plan.period_end),
    )
    contents.tables.append(
        Table(
            key="indicators",
            title=_("Indicateurs du plan"),
            columns=[
                Column(_("Indicateur"), TEXT),
                Column(_("Valeur"), DECIMAL),
                Column(_("Cible"), TEXT),
                Column(_("Situation"), TEXT),
            ],
            rows=[
                [
                    ind.name,
                    readings[ind.pk].value,
                    goal_words(ind),
                    str(readings[ind.pk].label),
                ]
                for ind in indicators
            ],
            empty=_("Ce plan n'a pas encore d'indicateur."),
        )
    )


# --- Scientific committee --------------------------------------------------------


def _inventory_models():
    from entraide.practices.models import (
        Evaluation,
        PracticeSheet,
        Score,
        SheetState,
        SheetTransition,
    )

    return Evaluation, PracticeSheet, Score, SheetState, SheetTransition


def inventory_states(p: Period, contents: Contents) -> None:
    _evaluation, sheets, _score, states, transitions = _inventory_models()
    now = _grouped(sheets.objects.filter(network=p.network), "state", n=Count("pk"))
    moved = _grouped(
        transitions.objects.filter(
            sheet__network=p.network, created_at__gte=p.since, created_at__lt=p.until
        ),
        "to_state",
        n=Count("pk"),
    )
    submitted = sheets.objects.filter(
        network=p.network, submitted_at__gte=p.since, submitted_at__lt=p.until
    ).count()
    contents.figures += [
        (_("Fiches dans l'inventaire"), sum(r["n"] for r in now.values()), NUMBER),
        (_("Fiches soumises pendant la période"), submitted, NUMBER),
    ]
    contents.tables.append(
        Table(
            key="states",
            title=_("État de l'inventaire des pratiques"),
            columns=[
                Column(_("Étape"), TEXT),
                Column(_("Fiches aujourd'hui")),
                Column(_("Arrivées à cette étape pendant la période")),
            ],
            rows=[
                [
                    label,
                    now.get(state, {}).get("n", 0),
                    moved.get(state, {}).get("n", 0),
                ]
                for state, label in states.choices
            ],
            chart_column=1,
            chart_title=_("Fiches par étape"),
        )
    )


def retained_sheets(p: Period, contents: Contents) -> None:
    from entraide.practices.models import EvaluationGrid
    from entraide.practices.services.evaluation import MIN_FOR_AVERAGES

    evaluation, sheets, score, states, _transitions = _inventory_models()
    retained = (
        states.RETAINED,
        states.SENT_TO_SCIENTIFIC,
        states.EVALUATED,
        states.FORMALISED,
        states.PUBLISHED,
    )
    labels = dict(states.choices)
    counted = evaluation.objects.filter(
        sheet=OuterRef("pk"), submitted_at__isnull=False
    ).order_by()
    rows = (
        sheets.objects.filter(network=p.network, state__in=retained)
        .annotate(
            title=Coalesce("published_version__title", "current_version__title"),
            evaluated_count=Subquery(
                counted.filter(has_conflict=False)
                .values("sheet")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
            recusal_count=Subquery(
                counted.filter(has_conflict=True)
                .values("sheet")
                .annotate(n=Count("pk"))
                .values("n")[:1]
            ),
        )
        .order_by("title", "pk")
        .values_list(
            "pk",
            "title",
            "subregion__name",
            "state",
            "evaluated_count",
            "recusal_count",
        )
    )
    averages = _grouped(
        score.objects.filter(
            evaluation__sheet__network=p.network,
            evaluation__sheet__state__in=retained,
            evaluation__submitted_at__isnull=False,
            evaluation__has_conflict=False,
        ),
        "evaluation__sheet_id",
        average=Avg("value"),
    )
    table_rows, shown = [], []
    for pk, title, subregion, state, count, recusals in rows:
        count = count or 0
        average = None
        if count >= MIN_FOR_AVERAGES:
            average = averages.get(pk, {}).get("average")
            shown.append(pk)
        table_rows.append(
            [title, subregion or "—", labels[state], count, recusals or 0, average]
        )
    grid = EvaluationGrid.objects.filter(network=p.network).first()
    low, high = (grid.scale_min, grid.scale_max) if grid else (1, 5)
    contents.figures.append(
        (_("Fiches retenues par le comité régional"), len(table_rows), NUMBER)
    )
    contents.tables.append(
        Table(
            key="retained",
            title=_("Fiches retenues et leurs évaluations"),
            columns=[
                Column(_("Fiche"), TEXT),
                Column(_("Sous-région"), TEXT),
                Column(_("Étape"), TEXT),
                Column(_("Évaluations")),
                Column(_("Récusations")),
                Column(_("Note moyenne"), DECIMAL),
            ],
            rows=table_rows,
            note=_(
                "Notes de %(low)s à %(high)s ; une moyenne n'est montrée qu'à partir "
                "de %(min)s évaluations, sans les récusations."
            )
            % {"low": low, "high": high, "min": MIN_FOR_AVERAGES},
            empty=_("Aucune fiche retenue pour le moment."),
        )
    )
    by_criterion = (
        score.objects.filter(
            evaluation__sheet_id__in=shown,
            evaluation__submitted_at__isnull=False,
            evaluation__has_conflict=False,
        )
        .values("criterion__name", "criterion__position", "criterion_id")
        .annotate(
            sheets=Count("evaluation__sheet", distinct=True), average=Avg("value")
        )
        .order_by("criterion__position", "criterion_id")
    )
    contents.tables.append(
        Table(
            key="criteria",
            title=_("Moyennes par critère de la grille"),
            columns=[
                Column(_("Critère"), TEXT),
                Column(_("Fiches évaluées")),
                Column(_("Note moyenne"), DECIMAL),
            ],
            rows=[
                [row["criterion__name"], row["sheets"], row["average"]]
                for row in by_criterion
            ],
            empty=_("Aucune fiche n'a encore deux évaluations."),
        )
    )


# --- Funders ---------------------------------------------------------------------

COMMUNITY_KINDS = (CommunityKind.PRACTICE, CommunityKind.LEARNING)


def communities_and_sessions(p: Period, contents: Contents) -> None:
    totals = _totals(p)
    active = Community.objects.filter(
        network=p.network, kind__in=COMMUNITY_KINDS, archived_at__isnull=True
    )
    holding = (
        Session.objects.filter(_held(p), community__kind__in=COMMUNITY_KINDS)
        .values("community_id")
        .distinct()
        .count()
    )
    contents.figures += [
        (_("Communautés actives"), active.count(), NUMBER),
        (_("Communautés ayant tenu une rencontre"), holding, NUMBER),
        (_("Rencontres tenues"), totals["sessions"], NUMBER),
        (_("Heures de rencontre"), round((totals["minutes"] or 0) / 60, 1), DECIMAL),
        (_("Personnes présentes au moins une fois"), totals["people"], NUMBER),
    ]
    communities = _grouped(
        Community.objects.filter(network=p.network, archived_at__isnull=True),
        "kind",
        n=Count("pk"),
    )
    sessions = _grouped(
        Session.objects.filter(_held(p)), "community__kind", n=Count("pk")
    )
    people = _grouped(
        _present(p), "session__community__kind", n=Count("user", distinct=True)
    )
    contents.tables.append(
        Table(
            key="kinds",
            title=_("Communautés et rencontres par type"),
            columns=[
                Column(_("Type"), TEXT),
                Column(_("Communautés")),
                Column(_("Rencontres tenues")),
                Column(_("Personnes présentes")),
            ],
            rows=[
                [
                    label,
                    communities.get(kind, {}).get("n", 0),
                    sessions.get(kind, {}).get("n", 0),
                    people.get(kind, {}).get("n", 0),
                ]
                for kind, label in CommunityKind.choices
            ],
            chart_column=2,
            chart_title=_("Rencontres tenues par type de communauté"),
        )
    )


def participants_by_province(p: Period, contents: Contents) -> None:
    from entraide.networks.models import Region

    people = _grouped(
        _present(p).annotate(place=_membership_of(p, "subregion__region_id")),
        "place",
        n=Count("user", distinct=True),
    )
    places = list(Region.objects.filter(network=p.network).values_list("pk", "name"))
    places.append((None, _("Non précisée")))
    contents.tables.append(
        Table(
            key="provinces",
            title=_("Participantes et participants par province ou région"),
            columns=[Column(_("Province ou région"), TEXT), Column(_("Personnes"))],
            rows=[
                [name, people.get(pk, {}).get("n", 0)]
                for pk, name in places
                if pk is not None or pk in people
            ],
            chart_column=1,
            chart_title=_("Personnes présentes par province ou région"),
        )
    )


def participants_by_job_role(p: Period, contents: Contents) -> None:
    people = _grouped(_present(p), "user__job_role", n=Count("user", distinct=True))
    labels = list(JobRole.choices)
    known = {value for value, _label in labels}
    unknown = sum(row["n"] for key, row in people.items() if key not in known)
    rows = [[label, people.get(value, {}).get("n", 0)] for value, label in labels]
    if unknown:
        rows.append([_("Non précisé"), unknown])
    contents.tables.append(
        Table(
            key="job_roles",
            title=_("Participantes et participants par fonction"),
            columns=[Column(_("Fonction"), TEXT), Column(_("Personnes"))],
            rows=rows,
            chart_column=1,
            chart_title=_("Personnes présentes par fonction"),
        )
    )


def outputs(p: Period, contents: Contents) -> None:
    from entraide.library.models import Tool, ToolKind

    _evaluation, sheets, _score, _states, _transitions = _inventory_models()
    in_period = {"published_at__gte": p.since, "published_at__lt": p.until}
    tools = _grouped(
        Tool.objects.filter(
            network=p.network, published_version__isnull=False, **in_period
        ),
        "kind",
        n=Count("pk"),
    )
    practices = sheets.objects.filter(network=p.network).aggregate(
        published=Count("pk", filter=Q(**in_period)),
        gathered=Count(
            "pk", filter=Q(submitted_at__gte=p.since, submitted_at__lt=p.until)
        ),
    )
    contents.figures += [
        (_("Outils publiés"), sum(r["n"] for r in tools.values()), NUMBER),
        (_("Pratiques publiées"), practices["published"], NUMBER),
        (_("Fiches de pratique recueillies"), practices["gathered"], NUMBER),
    ]
    contents.tables.append(
        Table(
            key="tools",
            title=_("Outils publiés par type"),
            columns=[Column(_("Type d'outil"), TEXT), Column(_("Outils publiés"))],
            rows=[
                [label, tools.get(kind, {}).get("n", 0)]
                for kind, label in ToolKind.choices
            ],
            chart_column=1,
            chart_title=_("Outils publiés par type"),
        )
    )


def survey_highlights(p: Period, contents: Contents) -> None:
    from entraide.surveys import analysis
    from entraide.surveys.models import Answer, QuestionKind, Survey, SurveyStatus
    from entraide.surveys.selectors import response_rate

    surveys = (
        Survey.objects.filter(network=p.network)
        .exclude(status=SurveyStatus.DRAFT)
        .filter(Q(opens_at__isnull=True) | Q(opens_at__lt=p.until))
        .filter(Q(closes_at__isnull=True) | Q(closes_at__gte=p.since))
        .order_by("-opens_at", "-pk")[:SURVEYS_SHOWN]
    )
    rows = []
    for survey in surveys:
        counts = response_rate(survey)
        themes = ""
        ranking = survey.questions.filter(kind=QuestionKind.RANKING).first()
        if ranking is not None:
            values = Answer.objects.filter(
                question=ranking, response__submitted_on__isnull=False
            ).values_list("value", "other_text")
            result = analysis.analyse(ranking, list(values))
            themes = " ; ".join(
                row.label for row in result.rows[:TOP_THEMES] if row.count
            )
        rows.append(
            [
                survey.title,
                counts["responses"],
                counts.get("asked"),
                counts.get("percent"),
                themes,
            ]
        )
    contents.tables.append(
        Table(
            key="surveys",
            title=_("Faits saillants des sondages"),
            columns=[
                Column(_("Sondage"), TEXT),
                Column(_("Réponses")),
                Column(_("Personnes visées")),
                Column(_("Taux de réponse"), PERCENT),
                Column(_("Thèmes classés en tête"), TEXT),
            ],
            rows=rows,
            empty=_("Aucun sondage pendant cette période."),
        )
    )


PARTS: dict[str, list[Callable[[Period, Contents], None]]] = {
    ReportKind.MANAGEMENT: [
        participation_by_community,
        participation_by_subregion,
        plan_progress,
    ],
    ReportKind.SCIENTIFIC: [inventory_states, retained_sheets],
    ReportKind.FUNDERS: [
        communities_and_sessions,
        participants_by_province,
        participants_by_job_role,
        outputs,
        survey_highlights,
    ],
}


def compute(
    network,
    kind: str,
    start: datetime.date,
    end: datetime.date,
    *,
    on_part: Callable[[int, int], None] = lambda done, total: None,
) -> Contents:
    """The report's figures and tables; ``on_part(done, total)`` after each part."""
    parts = PARTS[kind]
    contents = Contents(kind=kind, title=str(ReportKind(kind).label))
    period = period_of(network, start, end)
    for number, part in enumerate(parts, start=1):
        part(period, contents)
        on_part(number, len(parts))
    return contents
