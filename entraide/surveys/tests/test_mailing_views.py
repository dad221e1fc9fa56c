"""The invitation and reminder pages, the survey's invitations card, its refresh."""

from datetime import timedelta
from html import escape

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.communities.models import CommunityMembership
from entraide.core.testing import make_member
from entraide.surveys.models import Invitation, Mailing, Participation, SurveyStatus

pytestmark = pytest.mark.django_db


def url(surveys, name, **kwargs):
    return reverse(
        f"surveys:{name}",
        kwargs={"network": surveys.network.slug, "pk": surveys.survey.pk, **kwargs},
    )


def test_the_invitation_page_says_how_many_people_it_reaches(
    client, surveys, open_survey
):
    client.force_login(surveys.facilitator)
    page = client.get(url(surveys, "mailing_create", kind="invitation"))
    assert page.status_code == 200
    assert "Envoyer à 8 personnes" in page.content.decode()


def test_sending_invitations_comes_back_to_the_card(
    client, surveys, open_survey, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(surveys.lead)
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            url(surveys, "mailing_create", kind="invitation"),
            {"message": "Merci de votre temps."},
        )
    assert answer.url.endswith("#invitations")
    page = client.get(answer.url).content.decode()
    assert "L&#x27;envoi à 8 personnes est lancé." in page
    assert "Personne n'a encore répondu (8 personnes visées)." in page
    assert len(mailoutbox) == 8
    mailing = Mailing.objects.get()
    assert (mailing.created_by, mailing.message) == (
        surveys.lead,
        "Merci de votre temps.",
    )
    # Everyone is invited now: no invitation button, a reminder one.
    assert "Inviter " not in page.split('id="invitations"')[1]
    assert "Relancer 8 personnes sans réponse" in page


def test_a_refused_reminder_says_why_and_sends_nothing(
    client, surveys, open_survey, mailoutbox
):
    for person in [surveys.facilitator, surveys.educator]:
        Participation.objects.create(survey=open_survey, user=person)
    client.force_login(surveys.lead)
    Mailing.objects.create(
        survey=open_survey, kind="reminder", completed_at=timezone.now()
    )
    page = client.get(url(surveys, "mailing_create", kind="relance")).content.decode()
    assert "Une relance est déjà partie aujourd&#x27;hui." in page
    answer = client.post(
        url(surveys, "mailing_create", kind="relance"), {"message": ""}
    )
    assert answer.status_code == 200
    assert not Invitation.objects.exists()
    assert not mailoutbox


def test_a_too_long_note_is_refused_and_kept(client, surveys, open_survey):
    client.force_login(surveys.lead)
    note = "Bonjour! " + "é" * 2000
    answer = client.post(
        url(surveys, "mailing_create", kind="invitation"), {"message": note}
    )
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "Le texte compte au plus 2000 caractères." in page
    assert note in page
    assert not Mailing.objects.exists()


def test_the_rate_refresh_returns_the_card_alone(client, surveys, open_survey):
    Participation.objects.create(survey=open_survey, user=surveys.educator)
    client.force_login(surveys.facilitator)
    answer = client.get(url(surveys, "response_rate"), HTTP_HX_REQUEST="true")
    page = answer.content.decode()
    assert page.lstrip().startswith('<section id="invitations"')
    assert "1 personne sur 8 a répondu" in page
    assert "<html" not in page
    assert 'hx-trigger="every 20s"' in page


def test_a_closed_survey_no_longer_refreshes_nor_offers_mailings(
    client, surveys, open_survey
):
    open_survey.status = SurveyStatus.CLOSED
    open_survey.save()
    client.force_login(surveys.lead)
    page = client.get(url(surveys, "response_rate")).content.decode()
    assert "hx-trigger" not in page
    assert "Inviter" not in page


def test_the_card_reads_in_constant_queries(
    client,
    surveys,
    open_survey,
    django_capture_on_commit_callbacks,
    django_assert_max_num_queries,
):
    client.force_login(surveys.lead)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(surveys, "mailing_create", kind="invitation"), {"message": ""})
    with django_assert_max_num_queries(12) as small:
        client.get(url(surveys, "response_rate"))
    # Read now: the connection keeps only the last 9,000 queries.
    queries = len(small.captured_queries)
    for index in range(80):
        person = make_member(surveys.network, f"p{index}@mcq.example")
        CommunityMembership.objects.create(community=surveys.community, user=person)
    Mailing.objects.update(created_at=timezone.now() - timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(surveys, "mailing_create", kind="relance"), {"message": ""})
    assert Invitation.objects.count() == 8 + 88
    with django_assert_max_num_queries(queries):
        client.get(url(surveys, "response_rate"))


NASTY = st.one_of(
    st.text(max_size=300),
    st.sampled_from(["", "\x00", "\u202eabc", "é" * 2001, "<script>x</script>"]),
)


@given(message=NASTY)
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_whatever_the_note_no_server_error(client, surveys, open_survey, message):
    client.force_login(surveys.lead)
    answer = client.post(
        url(surveys, "mailing_create", kind="invitation"), {"message": message}
    )
    assert answer.status_code in (200, 302)
    if answer.status_code == 200 and "\x00" not in message:
        assert escape(message.strip()) in answer.content.decode()
    Mailing.objects.all().delete()
