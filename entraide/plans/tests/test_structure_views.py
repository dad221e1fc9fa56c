"""Building the plan, updating an action, writing follow-ups: the pages."""

import datetime
from html import unescape

import pytest
import time_machine
from django.urls import reverse

from entraide.notifications.models import Notification
from entraide.plans.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    FollowUpNote,
    Mandate,
    Objective,
    Plan,
    PlanStatus,
    ScheduleKind,
    Target,
)
from entraide.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def url(plans, name, **kwargs):
    return reverse(
        name, kwargs={"network": plans.network.slug, "plan": plans.plan.pk, **kwargs}
    )


def text(response) -> str:
    return unescape(response.content.decode())


def list_url(plans):
    return reverse("plans:list", kwargs={"network": plans.network.slug})


ACTION_DATA = {
    "description": "Organiser le colloque régional",
    "schedule_kind": "months",
    "start_month": "2026-10",
    "end_month": "2027-03",
    "schedule_note": "",
    "deadline": "",
    "responsible_note": "Chargée de projet et CRO",
}


# --- Plans --------------------------------------------------------------------------


def test_members_see_running_plans_and_leads_see_drafts(client, plans):
    draft = make_plan(plans.network, status=PlanStatus.DRAFT)["plan"]
    draft.title = "Plan en préparation"
    draft.save()
    client.force_login(plans.member)
    html = text(client.get(list_url(plans)))
    assert plans.plan.title in html
    assert "Plan en préparation" not in html
    assert "Nouveau plan" not in html
    assert "1 action" in html
    client.force_login(plans.lead)
    html = text(client.get(list_url(plans)))
    assert "Plan en préparation" in html
    assert "Nouveau plan" in html


def test_lead_creates_a_plan(client, plans):
    client.force_login(plans.lead)
    response = client.post(
        reverse("plans:create", kwargs={"network": plans.network.slug}),
        {
            "title": "Plan 2028-2030",
            "context": "Le **projet** Odyssée",
            "period_start": "2028-07-01",
            "period_end": "2030-06-30",
            "status": "draft",
            "network": plans.other_network.pk,
        },
    )
    plan = Plan.objects.get(title="Plan 2028-2030")
    assert response.status_code == 302
    assert response["Location"] == plan.get_absolute_url()
    assert plan.network == plans.network
    assert plan.created_by == plans.lead


def test_plan_with_its_end_before_its_start_keeps_the_typed_data(client, plans):
    client.force_login(plans.lead)
    response = client.post(
        url(plans, "plans:edit"),
        {
            "title": "Titre tapé",
            "period_start": "2027-07-01",
            "period_end": "2026-06-30",
            "status": "active",
        },
    )
    assert response.status_code == 200
    html = text(response)
    assert "La fin de la période doit suivre son début." in html
    assert "Titre tapé" in html
    plans.plan.refresh_from_db()
    assert plans.plan.title == "Plan d'action régional 2026-2028"


@pytest.mark.parametrize("who", ["member", "rep_a", "management", "responsible"])
def test_only_leads_build_the_plan(client, plans, who):
    client.force_login(getattr(plans, who))
    assert client.get(url(plans, "plans:edit")).status_code == 403
    assert (
        client.post(url(plans, "plans:mandate_create"), {"title": "X"}).status_code
        == 403
    )
    assert not Mandate.objects.filter(title="X").exists()


def test_another_networks_admin_gets_404(client, plans):
    client.force_login(plans.outsider)
    assert client.get(list_url(plans)).status_code == 404
    assert client.get(url(plans, "plans:action", pk=plans.action.pk)).status_code == 404


def test_anonymous_is_sent_to_sign_in(client, plans):
    response = client.get(url(plans, "plans:action", pk=plans.action.pk))
    assert response.status_code == 302
    assert "/connexion" in response["Location"] or "login" in response["Location"]


# --- Mandates, objectives, targets --------------------------------------------------


def test_parts_are_appended_at_the_end_and_the_table_anchored(client, plans):
    client.force_login(plans.lead)
    response = client.post(url(plans, "plans:mandate_create"), {"title": "Mandat 2"})
    mandate = Mandate.objects.get(title="Mandat 2")
    assert response["Location"].endswith(f"#mandate-{mandate.pk}")
    assert mandate.position == plans.mandate.position + 1
    response = client.post(
        url(plans, "plans:objective_create", mandate=mandate.pk),
        {"title": "Objectif A", "position": "5"},
    )
    objective = Objective.objects.get(title="Objectif A")
    assert objective.mandate == mandate and objective.position == 5
    assert response["Location"].endswith(f"#objective-{objective.pk}")
    response = client.post(
        url(plans, "plans:target_create", objective=objective.pk),
        {"expected_result": "Des CPE outillés"},
    )
    target = Target.objects.get(expected_result="Des CPE outillés")
    assert response["Location"].endswith(f"#target-{target.pk}")


def test_edit_of_a_mandate_of_another_plan_is_404(client, plans):
    other = make_plan(plans.network)
    client.force_login(plans.lead)
    response = client.post(
        url(plans, "plans:mandate_edit", pk=other["mandate"].pk), {"title": "Volé"}
    )
    assert response.status_code == 404
    other["mandate"].refresh_from_db()
    assert other["mandate"].title == "Projet Odyssée"


def test_deleting_a_mandate_says_how_many_actions_go_with_it(client, plans):
    client.force_login(plans.lead)
    delete = url(plans, "plans:mandate_delete", pk=plans.mandate.pk)
    html = text(client.get(delete))
    assert "1 action sera supprimée avec lui." in html
    assert Mandate.objects.filter(pk=plans.mandate.pk).exists()
    response = client.post(delete, follow=True)
    assert not Mandate.objects.filter(pk=plans.mandate.pk).exists()
    assert not Action.objects.filter(pk=plans.action.pk).exists()
    assert "C'est supprimé, avec 1 action." in text(response)


def test_empty_title_is_refused_in_words(client, plans):
    client.force_login(plans.lead)
    response = client.post(
        url(plans, "plans:objective_edit", pk=plans.objective.pk),
        {"title": "  ", "description": "Gardée"},
    )
    html = text(response)
    assert response.status_code == 200
    assert "Nommez l'objectif." in html
    assert "Gardée" in html


# --- Actions ------------------------------------------------------------------------


def test_lead_adds_an_action_and_the_people_named_are_told(
    client, plans, django_capture_on_commit_callbacks
):
    client.force_login(plans.lead)
    data = {
        **ACTION_DATA,
        "responsible_people": [plans.responsible.pk, plans.lead.pk],
        "responsible_communities": [plans.pedagogy.pk],
        "status": "done",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url(plans, "plans:action_create", target=plans.target.pk), data
        )
    action = Action.objects.get(description="Organiser le colloque régional")
    assert response["Location"].endswith(f"#action-{action.pk}")
    assert action.status == ActionStatus.NOT_STARTED
    assert action.plan == plans.plan
    assert action.starts_on == datetime.date(2026, 10, 1)
    assert action.ends_on == datetime.date(2027, 3, 31)
    assert action.position == 1
    told = Notification.objects.filter(kind="plans.action_assigned")
    assert [n.recipient for n in told] == [plans.responsible]


def test_people_of_another_network_cannot_be_put_in_charge(client, plans):
    client.force_login(plans.lead)
    response = client.post(
        url(plans, "plans:action_create", target=plans.target.pk),
        {**ACTION_DATA, "responsible_people": [plans.outsider.pk]},
    )
    assert response.status_code == 200
    assert "Choisissez des membres du réseau." in text(response)
    assert not Action.objects.filter(description=ACTION_DATA["description"]).exists()


def test_month_range_without_its_end_is_refused_on_the_field(client, plans):
    client.force_login(plans.lead)
    response = client.post(
        url(plans, "plans:action_create", target=plans.target.pk),
        {**ACTION_DATA, "end_month": ""},
    )
    html = text(response)
    assert 'id="id_end_month_error"' in html
    assert "Indiquez la fin." in html
    assert "Organiser le colloque régional" in html


def test_the_second_saver_is_told_and_their_text_kept(client, plans):
    client.force_login(plans.lead)
    edit = url(plans, "plans:action_edit", pk=plans.action.pk)
    first = {**ACTION_DATA, "description": "Première version", "lock_version": "0"}
    second = {**ACTION_DATA, "description": "Seconde version", "lock_version": "0"}
    assert client.post(edit, first).status_code == 302
    response = client.post(edit, second)
    html = text(response)
    assert response.status_code == 200
    assert "Quelqu'un d'autre a modifié cette action" in html
    assert "Seconde version" in html
    plans.action.refresh_from_db()
    assert plans.action.description == "Première version"
    # Having seen it, saving again goes through.
    assert 'name="lock_version" value="1"' in html
    assert client.post(edit, {**second, "lock_version": "1"}).status_code == 302
    plans.action.refresh_from_db()
    assert plans.action.description == "Seconde version"


def test_only_newly_named_people_are_told_on_edit(
    client, plans, django_capture_on_commit_callbacks
):
    client.force_login(plans.lead)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url(plans, "plans:action_edit", pk=plans.action.pk),
            {
                **ACTION_DATA,
                "lock_version": "0",
                "responsible_people": [plans.responsible.pk, plans.member.pk],
            },
        )
    told = Notification.objects.filter(kind="plans.action_assigned")
    assert [n.recipient for n in told] == [plans.member]


# --- The action's page --------------------------------------------------------------


@time_machine.travel(datetime.datetime(2027, 6, 10, 15, tzinfo=datetime.UTC))
def test_action_page_shows_its_place_status_history_and_follow_ups(client, plans):
    FollowUpNote.objects.create(
        action=plans.action,
        subregion=plans.subregion_a,
        author=plans.rep_a,
        text="Deux rencontres **tenues**<script>alert(1)</script>",
        impacts="Les éducatrices échangent davantage.",
    )
    ActionUpdate.objects.create(
        action=plans.action,
        actor=plans.responsible,
        from_status="not_started",
        to_status="in_progress",
        to_progress=40,
        comment="Lancement",
    )
    client.force_login(plans.member)
    response = client.get(url(plans, "plans:action", pk=plans.action.pk))
    html = text(response)
    assert response.status_code == 200
    assert "Projet Odyssée" in html and "Mettre en place" in html
    assert "En retard" in html
    assert "<strong>tenues</strong>" in html
    assert "<script>alert(1)" not in response.content.decode()
    assert "Aucun suivi" in html  # sub-region B
    assert plans.subregion_b.name in html
    assert "Lancement" in html and "Julie Tremblay" in html
    assert "Rencontres tenues par la communauté Pédagogie" in html
    assert "Consigner un suivi" not in html
    assert "Ajouter un indicateur" not in html


def test_lead_sees_the_links_to_change_the_action(client, plans):
    client.force_login(plans.lead)
    html = text(client.get(url(plans, "plans:action", pk=plans.action.pk)))
    assert f"?action={plans.action.pk}" in html
    assert "Consigner un suivi" in html
    assert "Mettre à jour l'avancement" in html


def _grow(plans, count):
    for index in range(count):
        FollowUpNote.objects.create(
            action=plans.action,
            subregion=plans.subregion_a if index % 2 else plans.subregion_b,
            author=plans.rep_a,
            text=f"Suivi {index}",
        )
        ActionUpdate.objects.create(
            action=plans.action,
            actor=plans.lead,
            from_status="not_started",
            to_status="in_progress",
            comment=f"Mise à jour {index}",
        )
        extra = make_plan(plans.network, community=plans.pedagogy)
        extra["action"].responsible_people.add(plans.responsible)


@pytest.mark.parametrize("name", ["plans:list", "plans:action"])
def test_queries_stay_the_same_with_ten_times_the_data(
    client, plans, django_assert_max_num_queries, name
):
    kwargs = {"pk": plans.action.pk} if name == "plans:action" else {}
    page = list_url(plans) if name == "plans:list" else url(plans, name, **kwargs)
    client.force_login(plans.rep_a)
    _grow(plans, 2)
    with django_assert_max_num_queries(20) as small:
        assert client.get(page).status_code == 200
    _grow(plans, 18)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(page).status_code == 200


# --- Progress -----------------------------------------------------------------------


def test_responsible_person_records_progress(client, plans):
    client.force_login(plans.responsible)
    response = client.post(
        url(plans, "plans:action_progress", pk=plans.action.pk),
        {"status": "in_progress", "progress": "30", "comment": "Deux rencontres"},
    )
    assert response.status_code == 302
    plans.action.refresh_from_db()
    assert (plans.action.status, plans.action.progress) == ("in_progress", 30)
    update = plans.action.updates.get()
    assert update.actor == plans.responsible and update.comment == "Deux rencontres"


def test_late_is_not_a_status_one_can_store(client, plans):
    client.force_login(plans.lead)
    response = client.post(
        url(plans, "plans:action_progress", pk=plans.action.pk),
        {"status": "late", "progress": "150"},
    )
    html = text(response)
    assert response.status_code == 200
    assert "Choisissez un état de la liste." in html
    assert "Indiquez un nombre entier de 0 à 100." in html
    assert not plans.action.updates.exists()


def test_plain_member_may_not_update_progress(client, plans):
    client.force_login(plans.member)
    response = client.post(
        url(plans, "plans:action_progress", pk=plans.action.pk),
        {"status": "done", "progress": "100"},
    )
    assert response.status_code == 403
    assert not plans.action.updates.exists()


# --- Follow-ups ---------------------------------------------------------------------


def test_representative_writes_for_her_sub_region_and_leads_are_told(
    client, plans, django_capture_on_commit_callbacks
):
    client.force_login(plans.rep_a)
    create = url(plans, "plans:follow_up_create", pk=plans.action.pk)
    html = text(client.get(create))
    assert plans.subregion_a.name in html
    assert plans.subregion_b.name not in html
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            create,
            {"subregion": plans.subregion_a.pk, "text": "Bon départ", "impacts": ""},
        )
    note = FollowUpNote.objects.get()
    assert response["Location"].endswith(f"#follow-up-{note.pk}")
    assert (note.author, note.subregion) == (plans.rep_a, plans.subregion_a)
    told = Notification.objects.filter(kind="plans.follow_up_written")
    assert [n.recipient for n in told] == [plans.lead]


def test_forged_sub_region_of_another_is_refused_with_a_message(client, plans):
    client.force_login(plans.rep_a)
    response = client.post(
        url(plans, "plans:follow_up_create", pk=plans.action.pk),
        {"subregion": plans.subregion_b.pk, "text": "Texte gardé"},
    )
    html = text(response)
    assert response.status_code == 200
    assert "Vous ne pouvez consigner un suivi que pour votre sous-région." in html
    assert "Texte gardé" in html
    assert not FollowUpNote.objects.exists()


def test_plain_member_cannot_write_a_follow_up(client, plans):
    client.force_login(plans.member)
    response = client.post(
        url(plans, "plans:follow_up_create", pk=plans.action.pk),
        {"subregion": plans.subregion_a.pk, "text": "X"},
    )
    assert response.status_code == 403
    assert not FollowUpNote.objects.exists()


def test_author_edits_her_note_and_the_other_representative_may_not(client, plans):
    note = FollowUpNote.objects.create(
        action=plans.action, subregion=plans.subregion_a, author=plans.rep_a, text="A"
    )
    edit = url(plans, "plans:follow_up_edit", pk=note.pk)
    client.force_login(plans.rep_b)
    assert (
        client.post(edit, {"subregion": plans.subregion_b.pk, "text": "B"}).status_code
        == 403
    )
    client.force_login(plans.rep_a)
    response = client.post(edit, {"subregion": plans.subregion_a.pk, "text": "A2"})
    assert response.status_code == 302
    note.refresh_from_db()
    assert note.text == "A2"


def test_a_note_of_another_plan_is_404(client, plans):
    other = make_plan(plans.network)
    note = FollowUpNote.objects.create(
        action=other["action"],
        subregion=plans.subregion_a,
        author=plans.rep_a,
        text="A",
    )
    client.force_login(plans.lead)
    assert client.get(url(plans, "plans:follow_up_edit", pk=note.pk)).status_code == 404


def test_representative_of_a_closed_plan_cannot_write(client, plans):
    Plan.objects.filter(pk=plans.plan.pk).update(status=PlanStatus.CLOSED)
    client.force_login(plans.rep_a)
    assert (
        client.get(url(plans, "plans:follow_up_create", pk=plans.action.pk)).status_code
        == 403
    )


def test_a_member_removed_from_the_network_loses_access_at_once(client, plans):
    client.force_login(plans.rep_a)
    assert client.get(url(plans, "plans:action", pk=plans.action.pk)).status_code == 200
    plans.rep_a.memberships.filter(network=plans.network).delete()
    assert client.get(url(plans, "plans:action", pk=plans.action.pk)).status_code == 404


def test_schedule_of_a_moment_needs_its_wording(client, plans):
    client.force_login(plans.lead)
    response = client.post(
        url(plans, "plans:action_create", target=plans.target.pk),
        {**ACTION_DATA, "schedule_kind": ScheduleKind.MOMENT},
    )
    assert "Décrivez le moment prévu." in text(response)
