"""The services that build a plan, record progress and write follow-ups."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from entraide.notifications.models import Notification
from entraide.plans.models import (
    Action,
    ActionStatus,
    FollowUpNote,
    Indicator,
    Mandate,
    ScheduleKind,
)
from entraide.plans.services import progress, structure
from entraide.plans.tests.factories import make_plan

pytestmark = pytest.mark.django_db


def test_add_action_checks_people_and_communities_belong_to_the_network(plans):
    foreign = make_plan(plans.other_network)
    with pytest.raises(ValidationError) as caught:
        structure.add_action(
            target=plans.target,
            actor=plans.lead,
            description="X",
            schedule_kind=ScheduleKind.ONGOING,
            responsible_people=[plans.outsider],
        )
    assert "responsible_people" in caught.value.error_dict
    assert not Action.objects.filter(description="X").exists()
    assert foreign["plan"].network == plans.other_network


def test_ongoing_action_keeps_only_its_start(plans):
    action = structure.add_action(
        target=plans.target,
        actor=plans.lead,
        description="Animer la communauté",
        schedule_kind=ScheduleKind.ONGOING,
        starts_on=datetime.date(2026, 9, 1),
        ends_on=datetime.date(2027, 1, 31),
    )
    assert (action.starts_on, action.ends_on) == (datetime.date(2026, 9, 1), None)
    assert action.position == 1


def test_update_action_refuses_a_stale_version_and_changes_nothing(plans):
    with pytest.raises(ValidationError) as caught:
        structure.update_action(
            action=plans.action,
            actor=plans.lead,
            expected_lock_version=7,
            description="Écrasée",
            schedule_kind=ScheduleKind.ONGOING,
        )
    assert caught.value.code == structure.CONFLICT
    plans.action.refresh_from_db()
    assert plans.action.description == "Tenir 3 à 4 rencontres par année"
    assert plans.action.lock_version == 0


def test_delete_part_takes_the_children_and_counts_the_actions(plans):
    assert structure.delete_part(part=plans.objective, actor=plans.lead) == 1
    assert Mandate.objects.filter(pk=plans.mandate.pk).exists()
    assert not Action.objects.exists()
    assert not Indicator.objects.exists()


def test_record_progress_writes_one_history_row_and_done_means_100(plans):
    update = progress.record_progress(
        action=plans.action,
        actor=plans.responsible,
        status=ActionStatus.DONE,
        progress=40,
        comment="Fini",
    )
    plans.action.refresh_from_db()
    assert (plans.action.status, plans.action.progress) == ("done", 100)
    assert plans.action.lock_version == 1
    assert plans.action.updates.count() == 1
    assert (update.from_status, update.to_status) == ("not_started", "done")
    assert (update.from_progress, update.to_progress) == (0, 100)
    assert not Notification.objects.exists()


def test_record_progress_refuses_late(plans):
    with pytest.raises(ValidationError):
        progress.record_progress(
            action=plans.action, actor=plans.lead, status="late", progress=10
        )
    assert not plans.action.updates.exists()


def test_follow_up_tells_the_project_leads_but_not_its_author(
    plans, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        note = progress.write_follow_up(
            action=plans.action,
            actor=plans.lead,
            subregion=plans.subregion_a,
            text="Écrit par la chargée de projet",
        )
    assert note.author == plans.lead
    assert not Notification.objects.filter(kind="plans.follow_up_written").exists()
    with django_capture_on_commit_callbacks(execute=True):
        progress.write_follow_up(
            action=plans.action,
            actor=plans.rep_a,
            subregion=plans.subregion_a,
            text="Suivi",
            impacts="Plus d'échanges",
        )
    told = Notification.objects.get(kind="plans.follow_up_written")
    assert told.recipient == plans.lead
    assert plans.subregion_a.name in told.context["subregion"]
    assert told.url.endswith(f"#follow-up-{FollowUpNote.objects.first().pk}")


def test_follow_up_of_another_networks_sub_region_is_refused(plans):
    foreign = plans.other_network.subregions.first()
    with pytest.raises(ValidationError) as caught:
        progress.write_follow_up(
            action=plans.action, actor=plans.lead, subregion=foreign, text="X"
        )
    assert "subregion" in caught.value.error_dict
    assert not FollowUpNote.objects.exists()


def test_nothing_is_sent_when_the_transaction_rolls_back(plans):
    structure.add_action(
        target=plans.target,
        actor=plans.lead,
        description="Nommer",
        schedule_kind=ScheduleKind.ONGOING,
        responsible_people=[plans.member],
    )
    # Without the commit, the notice is never written.
    assert not Notification.objects.exists()
