"""The plan table, the dashboard and the indicator pages."""

import datetime
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from entraide.meetings.models import Session
from entraide.plans.models import (
    Action,
    ActionStatus,
    FollowUpNote,
    Indicator,
    IndicatorKind,
    IndicatorMeasure,
    Plan,
    PlanStatus,
    ScheduleKind,
    Target,
)
from entraide.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def url(plans, name="plans:detail", **kwargs):
    return reverse(
        name, kwargs={"network": plans.network.slug, "plan": plans.plan.pk, **kwargs}
    )


def held(community, when, creator):
    return Session.objects.create(
        community=community,
        title="Rencontre",
        starts_at=when,
        status="held",
        created_by=creator,
    )


def test_plan_table_shows_the_columns_rows_and_reading(client, plans):
    tz = timezone.get_current_timezone()
    held(plans.pedagogy, datetime.datetime(2026, 10, 5, 13, tzinfo=tz), plans.lead)
    held(plans.pedagogy, datetime.datetime(2026, 11, 5, 13, tzinfo=tz), plans.lead)
    client.force_login(plans.member)
    response = client.get(url(plans))
    assert response.status_code == 200
    html = response.content.decode()
    for column in ("Mandats et objectifs", "Cible", "Actions", "Échéanciers"):
        assert column in html
    for anchor in (
        f'id="mandate-{plans.mandate.pk}"',
        f'id="objective-{plans.objective.pk}"',
        f'id="target-{plans.target.pk}"',
        f'id="action-{plans.action.pk}"',
    ):
        assert anchor in html
    assert "2 sur 3 à 4 rencontres" in html
    assert "Pas commencée" in html
    assert "Julie Tremblay" in html
    assert "Communauté de pratique Pédagogie" in html
    assert (
        reverse(
            "plans:action",
            kwargs={
                "network": plans.network.slug,
                "plan": plans.plan.pk,
                "pk": plans.action.pk,
            },
        )
        in html
    )
    # A plain member sees no editing link.
    assert "Ajouter un indicateur" not in html
    assert "Tableau de bord" not in html


def test_lead_sees_edit_and_add_links(client, plans):
    client.force_login(plans.lead)
    html = client.get(url(plans)).content.decode()
    assert url(plans, "plans:indicator_create", target=plans.target.pk) in html
    assert url(plans, "plans:action_create", target=plans.target.pk) in html
    assert url(plans, "plans:action_edit", pk=plans.action.pk) in html
    assert url(plans, "plans:mandate_create") in html
    assert url(plans, "plans:edit") in html
    assert url(plans, "plans:dashboard") in html


def test_plan_context_is_sanitised_markdown(client, plans):
    Plan.objects.filter(pk=plans.plan.pk).update(
        context="**Projet** <script>alert(1)</script>"
    )
    client.force_login(plans.member)
    html = client.get(url(plans)).content.decode()
    assert "<strong>Projet</strong>" in html
    assert "<script>alert(1)" not in html


def test_empty_plan_invites_leads_to_add_a_mandate(client, plans):
    plans.mandate.delete()
    client.force_login(plans.lead)
    html = client.get(url(plans)).content.decode()
    assert "Ce plan ne compte encore aucun mandat." in html
    assert "Ajouter un mandat" in html
    client.force_login(plans.member)
    html = client.get(url(plans)).content.decode()
    assert "Ajouter un mandat" not in html


@time_machine.travel(datetime.datetime(2027, 7, 1, 12, tzinfo=datetime.UTC))
def test_filters_by_late_status_and_community_keep_the_query(client, plans):
    other = Action.objects.create(
        plan=plans.plan,
        target=plans.target,
        description="Faire connaître le projet",
        schedule_kind=ScheduleKind.ONGOING,
    )
    client.force_login(plans.member)
    html = client.get(url(plans), {"status": "late"}).content.decode()
    assert f'id="action-{plans.action.pk}"' in html
    assert f'id="action-{other.pk}"' not in html
    assert '<option value="late" selected>' in html
    html = client.get(url(plans), {"community": plans.pedagogy.pk}).content.decode()
    assert f'id="action-{plans.action.pk}"' in html
    assert f'id="action-{other.pk}"' not in html
    html = client.get(url(plans), {"status": "done"}).content.decode()
    assert "Aucune action ne correspond à ces filtres." in html
    # Unknown values show the whole plan, never an error page.
    response = client.get(url(plans), {"status": "nope", "community": "x"})
    assert response.status_code == 200
    assert f'id="action-{other.pk}"' in response.content.decode()


def test_draft_plan_is_hidden_from_members(client, plans):
    Plan.objects.filter(pk=plans.plan.pk).update(status=PlanStatus.DRAFT)
    client.force_login(plans.member)
    assert client.get(url(plans)).status_code == 404
    client.force_login(plans.lead)
    assert client.get(url(plans)).status_code == 200


def test_outsider_and_anonymous(client, plans):
    response = client.get(url(plans))
    assert response.status_code == 302
    client.force_login(plans.outsider)
    assert client.get(url(plans)).status_code == 404
    assert client.get(url(plans, "plans:dashboard")).status_code == 404


def _grow(plans, factor):
    """``factor`` more targets, each with actions, indicators and follow-ups."""
    tz = timezone.get_current_timezone()
    for n in range(factor):
        target = Target.objects.create(
            objective=plans.objective, expected_result=f"Cible {n}"
        )
        action = Action.objects.create(
            plan=plans.plan,
            target=target,
            description=f"Action {n}",
            schedule_kind=ScheduleKind.DATES,
            starts_on=datetime.date(2026, 9, 1),
            ends_on=datetime.date(2026, 10, 1),
            deadline=datetime.date(2026, 12, 1) if n % 2 else None,
        )
        action.responsible_people.add(plans.responsible)
        action.responsible_communities.add(plans.pedagogy)
        for kind in IndicatorKind.values:
            indicator = Indicator.objects.create(
                plan=plans.plan,
                target=target,
                action=action,
                name=f"Indicateur {n} {kind}",
                kind=kind,
                community=None if kind == "sheets_gathered" else plans.pedagogy,
                subregion=plans.subregion_a if n % 2 else plans.subregion_b,
                period_start=datetime.date(2026, 9, 1),
                period_end=datetime.date(2027, 5, 31),
                goal_min=Decimal(3),
            )
            if kind == IndicatorKind.MANUAL:
                IndicatorMeasure.objects.create(
                    indicator=indicator,
                    value=Decimal(1),
                    measured_on=datetime.date(2026, 10, 1),
                )
        FollowUpNote.objects.create(
            action=action,
            subregion=plans.subregion_a,
            author=plans.rep_a,
            text="Suivi",
        )
        held(plans.pedagogy, datetime.datetime(2026, 10, 5, 13, tzinfo=tz), plans.lead)


@pytest.mark.parametrize("name", ["plans:detail", "plans:dashboard"])
def test_queries_stay_the_same_with_ten_times_the_plan(
    client, plans, django_assert_max_num_queries, name
):
    client.force_login(plans.lead)
    _grow(plans, 2)
    with django_assert_max_num_queries(24) as small:
        assert client.get(url(plans, name)).status_code == 200
    _grow(plans, 20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url(plans, name))
    assert response.status_code == 200
    assert "Action 19" in response.content.decode()


@time_machine.travel(datetime.datetime(2027, 6, 10, 15, tzinfo=datetime.UTC))
def test_dashboard_shows_late_actions_with_how_late(client, plans):
    done = Action.objects.create(
        plan=plans.plan,
        target=plans.target,
        description="Action terminée à temps",
        schedule_kind=ScheduleKind.MONTHS,
        starts_on=datetime.date(2026, 9, 1),
        ends_on=datetime.date(2027, 5, 31),
        status=ActionStatus.DONE,
    )
    client.force_login(plans.management)
    response = client.get(url(plans, "plans:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="late-{plans.action.pk}"' in html
    assert f'id="late-{done.pk}"' not in html
    assert "10 jours de retard" in html
    assert "31 mai 2027" in html


@time_machine.travel(datetime.datetime(2027, 5, 20, 15, tzinfo=datetime.UTC))
def test_dashboard_before_the_due_date_has_no_late_action(client, plans):
    client.force_login(plans.lead)
    html = client.get(url(plans, "plans:dashboard")).content.decode()
    assert "Aucune action en retard." in html


@time_machine.travel(datetime.datetime(2027, 1, 15, 15, tzinfo=datetime.UTC))
def test_dashboard_lists_off_target_indicators_and_sub_regions(client, plans):
    Indicator.objects.create(
        plan=plans.plan,
        target=plans.target,
        name="Fiches recueillies en A",
        kind=IndicatorKind.SHEETS_GATHERED,
        subregion=plans.subregion_a,
        period_start=datetime.date(2026, 9, 1),
        period_end=datetime.date(2027, 5, 31),
        goal_min=Decimal(10),
    )
    FollowUpNote.objects.create(
        action=plans.action, subregion=plans.subregion_b, author=plans.rep_b, text="Ok"
    )
    client.force_login(plans.rep_b)
    response = client.get(url(plans, "plans:dashboard"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Indicateurs sous la cible" in html
    assert "Rencontres tenues par la communauté Pédagogie" in html
    assert "0 sur 3 à 4 rencontres" in html
    assert "Fiches recueillies en A" in html
    # The representative's own sub-region comes first, marked.
    first_b = html.index(plans.subregion_b.name)
    first_a = html.index(plans.subregion_a.name)
    assert first_b < first_a
    assert "Votre sous-région" in html
    by_region = response.context["by_subregion"]
    assert by_region[0]["subregion"] == plans.subregion_b
    assert by_region[0]["notes"] == 1
    assert by_region[0]["without_follow_up"] == 0
    assert by_region[1]["notes"] == 0
    assert by_region[1]["without_follow_up"] == 1
    assert [i.name for i in by_region[1]["indicators"]] == ["Fiches recueillies en A"]


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("lead", 200),
        ("management", 200),
        ("rep_a", 200),
        ("rep_b", 200),
        ("facilitator", 403),
        ("responsible", 403),
        ("member", 403),
        ("outsider", 404),
    ],
)
def test_dashboard_truth_table(client, plans, who, status):
    client.force_login(getattr(plans, who))
    assert client.get(url(plans, "plans:dashboard")).status_code == status


def indicator_data(plans, **overrides):
    return {
        "name": "Rencontres tenues",
        "kind": IndicatorKind.SESSIONS_HELD,
        "community": plans.pedagogy.pk,
        "subregion": "",
        "period_start": "2026-09-01",
        "period_end": "2027-05-31",
        "unit": "rencontres",
        "baseline": "0",
        "goal_min": "3",
        "goal_max": "4",
        "action": plans.action.pk,
        **overrides,
    }


def test_lead_adds_an_indicator_with_action_preselected(client, plans):
    client.force_login(plans.lead)
    create = url(plans, "plans:indicator_create", target=plans.target.pk)
    response = client.get(create, {"action": plans.action.pk})
    assert response.status_code == 200
    assert response.context["form"].initial["action"] == plans.action.pk
    response = client.post(create, indicator_data(plans, name="Nouvelles rencontres"))
    assert response.status_code == 302
    assert response["Location"].endswith(f"#target-{plans.target.pk}")
    made = Indicator.objects.get(name="Nouvelles rencontres")
    assert made.plan == plans.plan
    assert made.goal_max == Decimal(4)


def test_bad_indicator_keeps_the_typed_data(client, plans):
    client.force_login(plans.lead)
    create = url(plans, "plans:indicator_create", target=plans.target.pk)
    response = client.post(
        create,
        indicator_data(plans, name="Mon indicateur", community="", goal_max="1"),
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "community" in form.errors
    assert "goal_max" in form.errors
    assert 'value="Mon indicateur"' in response.content.decode()
    assert not Indicator.objects.filter(name="Mon indicateur").exists()


def test_forged_community_of_another_network_is_refused(client, plans):
    from entraide.communities.models import Community

    foreign = Community.objects.create(
        network=plans.other_network,
        slug="ailleurs",
        name="Ailleurs",
        kind="practice",
        visibility="network",
        join_policy="open",
    )
    foreign_region = plans.other_network.subregions.first()
    client.force_login(plans.lead)
    create = url(plans, "plans:indicator_create", target=plans.target.pk)
    response = client.post(
        create,
        indicator_data(
            plans,
            kind=IndicatorKind.PARTICIPANTS,
            community=foreign.pk,
            subregion=foreign_region.pk,
        ),
    )
    assert response.status_code == 200
    assert {"community", "subregion"} <= set(response.context["form"].errors)
    assert Indicator.objects.count() == 1


def test_indicator_of_another_plan_or_target_is_404(client, plans):
    other = make_plan(plans.network, created_by=plans.lead)
    client.force_login(plans.lead)
    assert (
        client.get(url(plans, "plans:indicator", pk=other["indicator"].pk)).status_code
        == 404
    )
    assert (
        client.get(
            url(plans, "plans:indicator_create", target=other["target"].pk)
        ).status_code
        == 404
    )


def test_member_may_not_add_an_indicator(client, plans):
    client.force_login(plans.member)
    create = url(plans, "plans:indicator_create", target=plans.target.pk)
    assert client.get(create).status_code == 403
    assert client.post(create, indicator_data(plans)).status_code == 403
    assert Indicator.objects.count() == 1


def test_indicator_page_says_what_it_counts(client, plans):
    client.force_login(plans.member)
    response = client.get(url(plans, "plans:indicator", pk=plans.indicator.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Rencontres tenues par Communauté de pratique Pédagogie du 1 septembre 2026 "
        "au 31 mai 2027" in html
    )
    assert "se met à jour de lui-même" in html
    assert "Ajouter une mesure" not in html


def test_edit_and_delete_an_indicator(client, plans):
    client.force_login(plans.lead)
    edit = url(plans, "plans:indicator_edit", pk=plans.indicator.pk)
    assert client.get(edit).status_code == 200
    response = client.post(edit, indicator_data(plans, name="Rencontres renommées"))
    assert response.status_code == 302
    plans.indicator.refresh_from_db()
    assert plans.indicator.name == "Rencontres renommées"
    delete = url(plans, "plans:indicator_delete", pk=plans.indicator.pk)
    assert "Rencontres renommées" in client.get(delete).content.decode()
    assert client.post(delete).status_code == 302
    assert not Indicator.objects.filter(pk=plans.indicator.pk).exists()


@pytest.fixture
def manual(plans):
    return Indicator.objects.create(
        plan=plans.plan,
        target=plans.target,
        action=plans.action,
        name="Satisfaction des participantes",
        kind=IndicatorKind.MANUAL,
        unit="%",
        goal_min=Decimal(80),
    )


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("lead", 302),
        ("responsible", 302),
        ("facilitator", 302),
        ("management", 403),
        ("rep_a", 403),
        ("member", 403),
        ("outsider", 404),
    ],
)
def test_who_records_a_measure(client, plans, manual, who, status):
    client.force_login(getattr(plans, who))
    response = client.post(
        url(plans, "plans:measure_add", pk=manual.pk),
        {"value": "85", "measured_on": "2027-01-10", "source": "Sondage"},
    )
    assert response.status_code == status
    assert IndicatorMeasure.objects.filter(indicator=manual).count() == (
        1 if status == 302 else 0
    )


def test_measures_list_and_bad_measure(client, plans, manual):
    client.force_login(plans.responsible)
    page = url(plans, "plans:indicator", pk=manual.pk)
    assert "Ajouter une mesure" in client.get(page).content.decode()
    add = url(plans, "plans:measure_add", pk=manual.pk)
    response = client.post(add, {"value": "abc", "measured_on": "", "source": "Mon"})
    assert response.status_code == 200
    assert {"value", "measured_on"} <= set(response.context["form"].errors)
    assert 'value="Mon"' in response.content.decode()
    client.post(add, {"value": "72,5", "measured_on": "2027-01-10", "source": "S"})
    html = client.get(page).content.decode()
    assert "72,5" in html
    assert "Julie Tremblay" in html


def test_computed_indicator_takes_no_measure(client, plans):
    client.force_login(plans.lead)
    add = url(plans, "plans:measure_add", pk=plans.indicator.pk)
    assert client.get(add).status_code == 404
