"""Invitations and reminders: one email per person and mailing, through the queue,
to the right people, whatever is run twice or cut short."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from entraide.communities.models import CommunityMembership
from entraide.core.testing import make_member
from entraide.notifications.models import EmailDelivery, Notification
from entraide.notifications.services import set_preferences
from entraide.surveys import selectors
from entraide.surveys.models import (
    Invitation,
    Mailing,
    MailingKind,
    Participation,
    SurveyStatus,
)
from entraide.surveys.services import mailing as services
from entraide.surveys.tests.factories import make_survey

pytestmark = pytest.mark.django_db


def audience(surveys):
    return [surveys.facilitator, *surveys.leads_a, *surveys.leads_b, surveys.educator]


def start(survey, actor, kind=MailingKind.INVITATION, message="", capture=None):
    with capture(execute=True):
        return services.start_mailing(
            survey=survey, kind=kind, actor=actor, message=message
        )


def test_invitations_reach_each_person_of_the_audience_once(
    surveys, open_survey, smtp, django_capture_on_commit_callbacks
):
    start(
        open_survey,
        surveys.lead,
        message="Dix minutes suffisent. Merci!",
        capture=django_capture_on_commit_callbacks,
    )
    people = audience(surveys)
    assert sorted(m["To"] for m in smtp.messages) == sorted(p.email for p in people)
    message = smtp.to(surveys.educator.email)[0]
    assert (
        "vous êtes invité à répondre au sondage « Sondage des besoins"
        in (message["Subject"])
    )
    body = smtp.body(message)
    assert f"/r/mcq/sondages/{open_survey.pk}/repondre/" in body
    assert "Dix minutes suffisent. Merci!" in body
    assert "vos réponses sont anonymes" in body
    assert "Répondre avant le :" in body
    mailing = Mailing.objects.get()
    assert mailing.completed_at is not None
    assert mailing.invitations.count() == len(people)
    # Not the network member outside the community, nor the lead who sends it.
    assert not smtp.to(surveys.network_member.email)
    assert not smtp.to(surveys.lead.email)


def test_a_second_run_and_the_housekeeping_send_nothing_more(
    surveys, open_survey, smtp, django_capture_on_commit_callbacks
):
    mailing = start(
        open_survey, surveys.lead, capture=django_capture_on_commit_callbacks
    )
    sent = len(smtp.messages)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.prepare(mailing.pk) == 0
        later = timezone.now() + timedelta(hours=1)
        assert services.resume_mailings(now=later) == 0
    assert len(smtp.messages) == sent == 8
    assert Invitation.objects.count() == 8
    assert EmailDelivery.objects.count() == 8


def test_a_mailing_cut_short_is_finished_by_the_housekeeping_exactly_once(
    surveys, open_survey, smtp, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(services, "BATCH", 3)
    # The task is lost (the worker died before it ran): nothing is queued.
    monkeypatch.setattr(services, "_enqueue", lambda pk: None)
    mailing = services.start_mailing(
        survey=open_survey, kind=MailingKind.INVITATION, actor=surveys.lead
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert services._write_batch(mailing.pk) == 3  # then the worker is killed
    assert len(smtp.messages) == 3
    with django_capture_on_commit_callbacks(execute=True):
        # Too recent to be taken for lost: left alone.
        assert services.resume_mailings() == 0
        later = timezone.now() + services.RESUME_AFTER + timedelta(seconds=1)
        assert services.resume_mailings(now=later) == 5
        assert services.resume_mailings(now=later) == 0
    addresses = [m["To"] for m in smtp.messages]
    assert sorted(addresses) == sorted(p.email for p in audience(surveys))
    mailing.refresh_from_db()
    assert mailing.completed_at is not None


def test_new_invitations_reach_only_those_not_invited_yet(
    surveys, open_survey, smtp, django_capture_on_commit_callbacks
):
    start(open_survey, surveys.lead, capture=django_capture_on_commit_callbacks)
    with pytest.raises(ValidationError, match="ont déjà reçu leur invitation"):
        services.start_mailing(
            survey=open_survey, kind=MailingKind.INVITATION, actor=surveys.lead
        )
    newcomer = make_member(surveys.network, "nouvelle@mcq.example")
    CommunityMembership.objects.create(community=surveys.community, user=newcomer)
    smtp.clear()
    start(open_survey, surveys.lead, capture=django_capture_on_commit_callbacks)
    assert [m["To"] for m in smtp.messages] == [newcomer.email]


def test_reminders_go_only_to_those_who_have_not_answered(
    surveys, open_survey, smtp, django_capture_on_commit_callbacks
):
    start(open_survey, surveys.lead, capture=django_capture_on_commit_callbacks)
    answered = [surveys.facilitator, *surveys.leads_a]
    for person in answered:
        Participation.objects.create(survey=open_survey, user=person)
    smtp.clear()
    start(
        open_survey,
        surveys.lead,
        kind=MailingKind.REMINDER,
        capture=django_capture_on_commit_callbacks,
    )
    expected = [*surveys.leads_b, surveys.educator]
    assert sorted(m["To"] for m in smtp.messages) == sorted(p.email for p in expected)
    assert "il est encore temps de répondre" in smtp.messages[0]["Subject"]
    with pytest.raises(ValidationError, match="Une relance est déjà partie"):
        services.start_mailing(
            survey=open_survey, kind=MailingKind.REMINDER, actor=surveys.lead
        )
    Participation.objects.create(survey=open_survey, user=surveys.educator)
    smtp.clear()
    with time_machine.travel(timezone.now() + timedelta(hours=21)):
        start(
            open_survey,
            surveys.lead,
            kind=MailingKind.REMINDER,
            capture=django_capture_on_commit_callbacks,
        )
    assert sorted(m["To"] for m in smtp.messages) == sorted(
        p.email for p in surveys.leads_b
    )


def test_everyone_answered_means_no_reminder(surveys, open_survey):
    for person in audience(surveys):
        Participation.objects.create(survey=open_survey, user=person)
    with pytest.raises(ValidationError, match="ont déjà répondu"):
        services.start_mailing(
            survey=open_survey, kind=MailingKind.REMINDER, actor=surveys.lead
        )
    assert not Mailing.objects.exists()


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"status": SurveyStatus.DRAFT}, "pendant que le sondage est ouvert"),
        ({"status": SurveyStatus.CLOSED}, "pendant que le sondage est ouvert"),
        ({"audience": "public"}, "Un sondage public n'a pas de liste"),
    ],
)
def test_no_mailing_outside_an_open_survey_with_a_list(
    surveys, open_survey, change, words
):
    for name, value in change.items():
        setattr(open_survey, name, value)
    open_survey.save()
    with pytest.raises(ValidationError, match=words):
        services.start_mailing(
            survey=open_survey, kind=MailingKind.INVITATION, actor=surveys.lead
        )
    assert not Mailing.objects.exists()


def test_one_mailing_at_a_time(surveys, open_survey, monkeypatch):
    monkeypatch.setattr(services, "_enqueue", lambda pk: None)
    services.start_mailing(
        survey=open_survey, kind=MailingKind.INVITATION, actor=surveys.lead
    )
    with pytest.raises(ValidationError, match="Un envoi est en cours"):
        services.start_mailing(
            survey=open_survey, kind=MailingKind.REMINDER, actor=surveys.lead
        )


def test_a_survey_closed_mid_mailing_stops_it(
    surveys, open_survey, smtp, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(services, "BATCH", 3)
    monkeypatch.setattr(services, "_enqueue", lambda pk: None)
    mailing = services.start_mailing(
        survey=open_survey, kind=MailingKind.INVITATION, actor=surveys.lead
    )
    with django_capture_on_commit_callbacks(execute=True):
        services._write_batch(mailing.pk)
    open_survey.status = SurveyStatus.CLOSED
    open_survey.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.prepare(mailing.pk) == 0
    assert len(smtp.messages) == 3
    mailing.refresh_from_db()
    assert mailing.completed_at is not None


def test_a_person_who_wants_no_survey_email_finds_it_in_notifications(
    surveys, open_survey, smtp, django_capture_on_commit_callbacks
):
    set_preferences(user=surveys.educator, frequencies={"surveys.invited": "off"})
    start(open_survey, surveys.lead, capture=django_capture_on_commit_callbacks)
    assert not smtp.to(surveys.educator.email)
    assert Notification.objects.filter(
        recipient=surveys.educator, kind="surveys.invited"
    ).exists()
    [mailing] = selectors.mailings_with_counts(open_survey)
    assert (mailing.people, mailing.sent, mailing.no_email) == (8, 7, 1)
    assert mailing.waiting == 0


def test_english_reader_gets_an_english_invitation_in_her_zone(
    surveys, open_survey, smtp, django_capture_on_commit_callbacks
):
    reader = surveys.educator
    reader.language = "en"
    reader.time_zone = "America/Vancouver"
    reader.save(update_fields=["language", "time_zone"])
    start(open_survey, surveys.lead, capture=django_capture_on_commit_callbacks)
    message = smtp.to(reader.email)[0]
    assert "you are invited to answer the survey" in message["Subject"]
    body = smtp.body(message)
    assert "Answer before:" in body
    assert "Pacific" in body


def test_response_rate_counts_the_audience_only(surveys, open_survey):
    Participation.objects.create(survey=open_survey, user=surveys.educator)
    Participation.objects.create(survey=open_survey, user=surveys.network_member)
    rate = selectors.response_rate(open_survey)
    assert (rate["asked"], rate["answered"], rate["waiting"]) == (8, 1, 7)
    assert rate["percent"] == 12


def test_response_rate_is_two_queries_whatever_the_audience(
    surveys, open_survey, django_assert_num_queries
):
    for index in range(30):
        person = make_member(surveys.network, f"p{index}@mcq.example")
        CommunityMembership.objects.create(community=surveys.community, user=person)
    with django_assert_num_queries(2):
        selectors.response_rate(open_survey)


def test_public_survey_rate_counts_responses(surveys):
    survey = make_survey(surveys.network, audience="public", status="open")
    assert selectors.response_rate(survey) == {"public": True, "responses": 0}
