"""Management pages, invitation links and imports, through the test client."""

import html
import re
from datetime import timedelta

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from entraide.accounts.models import User
from entraide.core.testing import make_member, make_network, make_person
from entraide.networks import services
from entraide.networks.models import (
    Invitation,
    Membership,
    Organisation,
    PendingImport,
    Region,
    SubRegion,
)
from entraide.networks.tests.access import MANAGEMENT_PAGES

pytestmark = pytest.mark.django_db


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    return client


def url(name, network, **kwargs):
    return reverse(f"networks:{name}", kwargs={"network": network.slug, **kwargs})


def text(response) -> str:
    return html.unescape(response.content.decode())


# --- Navigation ---------------------------------------------------------------------


def test_network_page_links_to_management_for_managers_only(client, network, lead):
    member = make_member(network, "membre@example.org")
    client.force_login(lead)
    assert url("manage", network) in text(client.get(network.get_absolute_url()))
    client.force_login(member)
    assert url("manage", network) not in text(client.get(network.get_absolute_url()))


def test_subnav_marks_the_current_section(lead_client, network):
    content = text(lead_client.get(url("organisations", network)))
    current = re.findall(r'<a href="([^"]+)" aria-current="page"', content)
    assert current == [url("organisations", network)]


# --- Territory ----------------------------------------------------------------------


def test_manager_adds_a_region_then_a_subregion(lead_client, network):
    response = lead_client.post(
        url("region_create", network), {"name": "Centre-du-Québec", "position": "2"}
    )
    assert response.status_code == 302
    region = Region.objects.get(name="Centre-du-Québec")
    lead_client.post(
        url("subregion_create", network),
        {"region": region.pk, "name": "Bécancour", "position": "0"},
    )
    assert SubRegion.objects.get(name="Bécancour").network == network
    assert "Bécancour" in text(lead_client.get(url("regions", network)))


def test_duplicate_region_name_shows_a_french_error_and_keeps_the_input(
    lead_client, network
):
    response = lead_client.post(
        url("region_create", network), {"name": "région MCQ", "position": "7"}
    )
    assert response.status_code == 200
    content = text(response)
    assert "Une région nommée « région MCQ » existe déjà dans ce réseau." in content
    assert 'value="région MCQ"' in content
    assert 'value="7"' in content


def test_subregion_form_offers_only_this_networks_regions(lead_client, network):
    other = make_network("autre", "Autre")
    content = text(lead_client.get(url("subregion_create", network)))
    assert network.regions.get().name in content
    assert other.regions.get().name not in content
    response = lead_client.post(
        url("subregion_create", network),
        {"region": other.regions.get().pk, "name": "Intrus", "position": "0"},
    )
    assert response.status_code == 200
    assert not SubRegion.objects.filter(name="Intrus").exists()


def test_deleting_a_subregion_in_use_is_refused_with_a_message(lead_client, network):
    subregion = network.subregions.first()
    Organisation.objects.create(
        network=network, name="CPE A", kind="cpe", subregion=subregion
    )
    response = lead_client.post(
        url("subregion_delete", network, pk=subregion.pk), follow=True
    )
    assert "ne peut pas être supprimée" in text(response)
    assert SubRegion.objects.filter(pk=subregion.pk).exists()


def test_deleting_an_unused_region_asks_then_deletes(lead_client, network):
    region = Region.objects.create(network=network, name="Vide")
    page = lead_client.get(url("region_delete", network, pk=region.pk))
    assert "Supprimer la région « Vide »" in text(page)
    assert Region.objects.filter(pk=region.pk).exists()
    lead_client.post(url("region_delete", network, pk=region.pk))
    assert not Region.objects.filter(pk=region.pk).exists()


# --- Organisations ------------------------------------------------------------------


def test_manager_creates_an_organisation(lead_client, network):
    response = lead_client.post(
        url("organisation_create", network),
        {
            "name": "CPE Les Étoiles",
            "kind": "cpe",
            "subregion": network.subregions.first().pk,
            "email": "info@etoiles.example",
        },
    )
    assert response.status_code == 302
    assert network.organisations.get().name == "CPE Les Étoiles"


def test_duplicate_organisation_name_is_a_french_error_not_a_crash(
    lead_client, network
):
    Organisation.objects.create(network=network, name="CPE Les Étoiles", kind="cpe")
    response = lead_client.post(
        url("organisation_create", network),
        {"name": "CPE LES ÉTOILES", "kind": "home_office", "city": "Nicolet"},
    )
    assert response.status_code == 200
    content = text(response)
    assert "existe déjà dans ce réseau" in content
    assert 'value="Nicolet"' in content
    assert '<option value="home_office" selected>' in content
    assert network.organisations.count() == 1


def test_organisation_bad_email_keeps_what_was_typed(lead_client, network):
    response = lead_client.post(
        url("organisation_create", network),
        {"name": "CPE Soleil", "kind": "cpe", "email": "pas-un-courriel"},
    )
    content = text(response)
    assert "Saisissez une adresse" in content or "adresse courriel" in content
    assert 'value="CPE Soleil"' in content
    assert 'value="pas-un-courriel"' in content


def test_organisation_list_searches_and_filters(lead_client, network):
    first, second = network.subregions.all()[:2]
    Organisation.objects.create(
        network=network, name="CPE Les Étoiles", kind="cpe", subregion=first
    )
    Organisation.objects.create(
        network=network, name="BC Mauricie", kind="home_office", subregion=second
    )
    Organisation.objects.create(
        network=make_network("autre", "Autre"), name="CPE Étoiles B", kind="cpe"
    )
    page = lambda **q: text(lead_client.get(url("organisations", network), q))  # noqa: E731
    assert "CPE Étoiles B" not in page()
    content = page(q="Étoiles")
    assert "CPE Les Étoiles" in content and "BC Mauricie" not in content
    content = page(kind="home_office")
    assert "BC Mauricie" in content and "CPE Les Étoiles" not in content
    content = page(subregion=first.pk)
    assert "CPE Les Étoiles" in content and "BC Mauricie" not in content


@pytest.mark.parametrize(
    "query",
    [
        {"subregion": "abc"},
        {"subregion": "999999"},
        {"kind": "<script>"},
        {"q": "x" * 5000},
        {"q": "\x00"},
        {"page": "-1"},
        {"page": "zzz"},
    ],
)
def test_odd_filter_values_never_break_the_list(lead_client, network, query):
    Organisation.objects.create(network=network, name="CPE A", kind="cpe")
    response = lead_client.get(url("organisations", network), query)
    assert response.status_code == 200


def test_other_networks_subregion_is_not_a_valid_filter(lead_client, network):
    foreign = make_network("autre", "Autre").subregions.first()
    response = lead_client.get(url("organisations", network), {"subregion": foreign.pk})
    assert response.status_code == 200
    assert foreign.name not in text(response)


def test_organisation_list_is_paginated_and_keeps_filters(lead_client, network):
    Organisation.objects.bulk_create(
        Organisation(network=network, name=f"CPE {n:02}", kind="cpe") for n in range(30)
    )
    content = text(lead_client.get(url("organisations", network), {"kind": "cpe"}))
    assert "CPE 24" in content and "CPE 25" not in content
    assert "?kind=cpe&page=2" in content


# --- People -------------------------------------------------------------------------


def test_people_list_searches_by_name_and_email_and_filters(lead_client, network):
    organisation = Organisation.objects.create(network=network, name="A", kind="cpe")
    make_member(network, "marie@example.org", first_name="Marie", last_name="Roy")
    luc = make_member(network, "luc@cpe.example", first_name="Luc", last_name="Côté")
    Membership.objects.filter(user=luc).update(
        organisation=organisation, role="management"
    )
    page = lambda **q: text(lead_client.get(url("people", network), q))  # noqa: E731
    assert "Marie Roy" in page(q="roy") and "Luc Côté" not in page(q="roy")
    assert "Luc Côté" in page(q="cpe.example")
    assert "Luc Côté" in page(q="Luc Côté")
    assert "Marie Roy" not in page(role="management")
    assert "Marie Roy" not in page(organisation=organisation.pk)
    assert "Luc Côté" in page(organisation=organisation.pk)


def test_manager_changes_a_persons_role_and_the_person_is_notified(
    lead_client, network
):
    person = make_member(network, "marie@example.org")
    membership = Membership.objects.get(user=person)
    response = lead_client.post(
        url("person_edit", network, pk=membership.pk),
        {"role": "management", "subregion": network.subregions.first().pk},
    )
    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.role == "management"
    assert person.notifications.get().kind == "networks.role_changed"


def test_project_lead_cannot_give_the_admin_role(lead_client, network):
    person = make_member(network, "marie@example.org")
    membership = Membership.objects.get(user=person)
    response = lead_client.post(
        url("person_edit", network, pk=membership.pk), {"role": "admin"}
    )
    assert response.status_code == 200
    assert "Sélectionnez un choix valide" in text(response)
    membership.refresh_from_db()
    assert membership.role == "member"


def test_last_manager_demoting_themselves_sees_why_not(lead_client, network, lead):
    membership = Membership.objects.get(user=lead)
    response = lead_client.post(
        url("person_edit", network, pk=membership.pk), {"role": "member"}
    )
    assert response.status_code == 200
    assert "doit garder au moins une" in text(response)
    membership.refresh_from_db()
    assert membership.role == "project_lead"


def test_removed_person_loses_access_on_the_next_request(client, network, lead):
    person = make_member(network, "marie@example.org")
    membership = Membership.objects.get(user=person)
    client.force_login(person)
    assert client.get(network.get_absolute_url()).status_code == 200
    services.remove_membership(membership=membership, actor=lead)
    assert client.get(network.get_absolute_url()).status_code == 404


def test_manager_removes_a_person_after_confirming(lead_client, network):
    person = make_member(network, "marie@example.org")
    membership = Membership.objects.get(user=person)
    page = lead_client.get(url("person_remove", network, pk=membership.pk))
    assert "marie@example.org" in text(page)
    lead_client.post(url("person_remove", network, pk=membership.pk))
    assert not Membership.objects.filter(pk=membership.pk).exists()


# --- Invitations --------------------------------------------------------------------


def test_manager_invites_someone_and_sees_it_pending(lead_client, network, mailoutbox):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = lead_client.post(
            url("invitations", network),
            {"email": "nouvelle@example.org", "role": "member"},
            follow=True,
        )
    content = text(response)
    assert "L'invitation a été envoyée à nouvelle@example.org." in content
    assert "nouvelle@example.org" in content.split('id="pending-heading"')[1]
    assert mailoutbox[0].to == ["nouvelle@example.org"]


def test_invitation_form_errors_keep_the_typed_values(lead_client, network):
    make_member(network, "deja@example.org")
    response = lead_client.post(
        url("invitations", network), {"email": "deja@example.org", "role": "management"}
    )
    content = text(response)
    assert "Cette personne fait déjà partie du réseau." in content
    assert 'value="deja@example.org"' in content
    assert '<option value="management" selected>' in content
    response = lead_client.post(url("invitations", network), {"email": "abc"})
    assert 'value="abc"' in text(response)
    assert not Invitation.objects.exists()


def test_resend_and_revoke_from_the_pending_list(lead_client, network, lead):
    invitation = services.invite_person(
        network=network, actor=lead, email="n@example.org"
    )
    old_hash = invitation.token_hash
    lead_client.post(url("invitation_resend", network, pk=invitation.pk))
    invitation.refresh_from_db()
    assert invitation.token_hash != old_hash
    lead_client.post(url("invitation_revoke", network, pk=invitation.pk))
    invitation.refresh_from_db()
    assert invitation.revoked_at is not None
    content = text(lead_client.get(url("invitations", network)))
    assert "n@example.org" not in content.split('id="pending-heading"')[1]


@pytest.fixture
def invitation(network, lead):
    return services.invite_person(
        network=network, actor=lead, email="invitee@example.org", role="management"
    )


def test_anonymous_visitor_is_told_to_sign_in_and_come_back(client, invitation):
    link = invitation.get_accept_url()
    response = client.get(link)
    assert response.status_code == 200
    content = text(response)
    assert "invitee@example.org" in content
    assert f"/comptes/login/?next={link.replace('/', '%2F')}" in content
    assert "/comptes/signup/?next=" in content
    assert response["Cache-Control"].startswith("max-age=0")


def test_signing_in_from_the_invitation_comes_back_to_it(client, invitation):
    make_person("autre@example.org")
    link = invitation.get_accept_url()
    response = client.post(
        reverse("account_login"),
        {
            "login": "autre@example.org",
            "password": "motdepasse-solide-2026",
            "next": link,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == link


def test_newcomer_signs_up_from_the_invitation_and_comes_back_to_it(
    client, invitation, mailoutbox
):
    link = invitation.get_accept_url()
    with TestCase.captureOnCommitCallbacks(execute=True):
        client.post(
            f"{reverse('account_signup')}?next={link}",
            {
                "first_name": "Nadia",
                "last_name": "Côté",
                "email": "invitee@example.org",
                "password1": "des bulles de savon au parc",
                "password2": "des bulles de savon au parc",
                "next": link,
            },
        )
    confirm = re.search(r"/comptes/confirm-email/\S+/", mailoutbox[-1].body).group(0)
    response = client.post(confirm)
    assert response["Location"] == link
    client.post(link)
    membership = Membership.objects.get(user__email="invitee@example.org")
    assert membership.role == "management"


def test_signed_in_person_sees_which_email_was_invited_and_accepts(
    client, invitation, network
):
    person = make_person("autre@example.org")
    client.force_login(person)
    content = text(client.get(invitation.get_accept_url()))
    assert "une autre adresse que celle de votre compte" in content
    assert "invitee@example.org" in content
    response = client.post(invitation.get_accept_url())
    assert response["Location"] == network.get_absolute_url()
    membership = Membership.objects.get(user=person, network=network)
    assert membership.role == "management"
    second = client.post(invitation.get_accept_url())
    assert second.status_code == 302
    assert Membership.objects.filter(user=person).count() == 1


def test_anonymous_post_to_accept_is_sent_to_sign_in(client, invitation):
    response = client.post(invitation.get_accept_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/login/")
    assert not Membership.objects.filter(role="management").exists()


def test_unknown_invitation_link_is_a_french_404(client):
    response = client.get(reverse("networks:invitation_accept", args=["x" * 64]))
    assert response.status_code == 404
    assert "Invitation introuvable" in text(response)


def test_expired_invitation_link_is_a_410_and_writes_nothing(client, invitation):
    client.force_login(make_person("autre@example.org"))
    with time_machine.travel(timezone.now() + timedelta(days=30), tick=False):
        page = client.get(invitation.get_accept_url())
        post = client.post(invitation.get_accept_url())
    assert page.status_code == post.status_code == 410
    assert "Cette invitation a expiré" in text(page)
    assert not Membership.objects.filter(role="management").exists()


def test_used_invitation_link_is_a_410_for_someone_else(client, invitation):
    services.accept_invitation(token=invitation.token(), user=make_person("a@x.org"))
    client.force_login(make_person("b@x.org"))
    response = client.post(invitation.get_accept_url())
    assert response.status_code == 410
    assert "déjà été utilisée" in text(response)
    assert Membership.objects.filter(role="management").count() == 1


def test_revoked_invitation_link_is_a_410(client, invitation, lead):
    services.revoke_invitation(invitation=invitation, actor=lead)
    response = client.get(invitation.get_accept_url())
    assert response.status_code == 410
    assert "annulée" in text(response)


def test_existing_member_is_told_they_already_belong(client, invitation, lead):
    client.force_login(lead)
    assert "déjà partie de ce réseau" in text(client.get(invitation.get_accept_url()))
    client.post(invitation.get_accept_url())
    invitation.refresh_from_db()
    assert invitation.accepted_at is None


# --- Imports ------------------------------------------------------------------------


def upload(client, network, kind, data: bytes, name="fichier.csv"):
    return client.post(
        url("import", network),
        {"kind": kind, f"{kind}-file": SimpleUploadedFile(name, data, "text/csv")},
    )


def test_import_preview_then_confirm_writes_the_organisations(lead_client, network):
    data = "nom;type;sous-région\r\nGarderie Les Étoiles;CPE;\r\nBC;BC;\r\n"
    response = upload(lead_client, network, "organisations", data.encode("cp1252"))
    pending = PendingImport.objects.get()
    assert response["Location"] == url("import_preview", network, pk=pending.pk)
    preview = text(lead_client.get(response["Location"]))
    assert "Garderie Les Étoiles" in preview
    assert "2 organisations seront créées" in preview
    assert not network.organisations.exists()
    response = lead_client.post(
        url("import_preview", network, pk=pending.pk), {"confirm": "1"}
    )
    assert response["Location"] == url("organisations", network)
    assert network.organisations.count() == 2
    assert not PendingImport.objects.exists()


def test_import_preview_shows_row_errors_and_offers_no_confirmation(
    lead_client, network
):
    data = b"nom;type\r\nCPE A;CPE\r\nCPE B;Garderie\r\n"
    response = upload(lead_client, network, "organisations", data)
    preview = lead_client.get(response["Location"])
    content = text(preview)
    assert "Ligne 3 : le type « Garderie » n'est pas reconnu." in content
    assert "Confirmer l'importation" not in content
    pending = PendingImport.objects.get()
    lead_client.post(url("import_preview", network, pk=pending.pk), {"confirm": "1"})
    assert not network.organisations.exists()


def test_file_level_problems_are_shown_on_the_upload_form(lead_client, network):
    response = upload(lead_client, network, "people", b"\x00\x01\x02binary")
    assert response.status_code == 200
    assert "n'est pas un fichier CSV" in text(response)
    response = upload(lead_client, network, "people", b"nom;prenom\r\nRoy;Elise\r\n")
    assert "Colonne obligatoire absente" in text(response)
    response = upload(lead_client, network, "organisations", b"")
    assert "Le fichier est vide." in text(response) or "Choisissez" in text(response)
    response = lead_client.post(url("import", network), {"kind": "organisations"})
    assert "Choisissez un fichier CSV." in text(response)
    assert not PendingImport.objects.exists()


def test_cancelling_an_import_forgets_the_file(lead_client, network):
    response = upload(lead_client, network, "organisations", b"nom;type\r\nA;CPE\r\n")
    lead_client.post(response["Location"], {"cancel": "1"})
    assert not PendingImport.objects.exists()
    assert not network.organisations.exists()


def test_someone_elses_upload_is_not_found(client, network, lead):
    upload_client = client
    upload_client.force_login(lead)
    upload(upload_client, network, "organisations", b"nom;type\r\nA;CPE\r\n")
    pending = PendingImport.objects.get()
    other = make_member(network, "admin@example.org", role="admin")
    client.force_login(other)
    page = url("import_preview", network, pk=pending.pk)
    assert client.get(page).status_code == 404
    assert client.post(page, {"confirm": "1"}).status_code == 404
    assert not network.organisations.exists()


def test_template_download_is_an_attachment_that_spreadsheets_read(
    lead_client, network
):
    response = lead_client.get(url("import_template", network, kind="personnes"))
    assert (
        response["Content-Disposition"] == 'attachment; filename="modele-personnes.csv"'
    )
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf")
    assert body.decode("utf-8-sig").startswith(
        "courriel;prénom;nom;fonction;rôle;organisation;sous-région\r\n"
    )


# --- Tenant isolation and query counts ------------------------------------------------


def test_admin_of_one_network_gets_404_on_every_management_url_of_another(client):
    network_a = make_network("reseau-a", "Réseau A")
    network_b = make_network("reseau-b", "Réseau B")
    admin_a = make_member(network_a, "admin@a.example", role="admin")
    admin_b = make_member(network_b, "admin@b.example", role="admin")
    organisation_b = Organisation.objects.create(
        network=network_b, name="B", kind="cpe"
    )
    invitation_b = services.invite_person(
        network=network_b, actor=admin_b, email="x@b.example"
    )
    objects_b = {
        "networks:region_edit": network_b.regions.first().pk,
        "networks:region_delete": network_b.regions.first().pk,
        "networks:subregion_edit": network_b.subregions.first().pk,
        "networks:subregion_delete": network_b.subregions.first().pk,
        "networks:organisation_edit": organisation_b.pk,
        "networks:person_edit": network_b.memberships.get().pk,
        "networks:person_remove": network_b.memberships.get().pk,
    }
    client.force_login(admin_a)
    for name, _ in MANAGEMENT_PAGES:
        kwargs = {"pk": objects_b[name]} if name in objects_b else {}
        if name == "networks:import_template":
            kwargs = {"kind": "organisations"}
        target = reverse(name, kwargs={"network": network_b.slug, **kwargs})
        assert client.get(target).status_code == 404, target
        assert client.post(target, {"name": "x", "role": "admin"}).status_code == 404
    for name in ("networks:invitation_resend", "networks:invitation_revoke"):
        target = reverse(
            name, kwargs={"network": network_b.slug, "pk": invitation_b.pk}
        )
        assert client.post(target).status_code == 404
    invitation_b.refresh_from_db()
    assert invitation_b.revoked_at is None
    assert network_b.memberships.count() == 1
    assert network_b.organisations.get().name == "B"


def fill_people(network, count, start=0):
    subregion = network.subregions.first()
    organisation = Organisation.objects.create(
        network=network, name=f"Org {start}", kind="cpe", subregion=subregion
    )
    people = User.objects.bulk_create(
        User(email=f"p{n}@example.org", first_name=f"P{n}")
        for n in range(start, start + count)
    )
    Membership.objects.bulk_create(
        Membership(
            network=network, user=person, organisation=organisation, subregion=subregion
        )
        for person in people
    )


@pytest.mark.parametrize("page_name", ["people", "organisations"])
def test_list_pages_make_the_same_queries_with_ten_times_the_data(
    lead_client, network, page_name, django_assert_max_num_queries
):
    fill_people(network, 3)
    Organisation.objects.bulk_create(
        Organisation(network=network, name=f"CPE {n}", kind="cpe") for n in range(3)
    )
    with django_assert_max_num_queries(12) as small:
        assert lead_client.get(url(page_name, network)).status_code == 200
    fill_people(network, 27, start=3)
    Organisation.objects.bulk_create(
        Organisation(network=network, name=f"CPE {n}", kind="cpe") for n in range(3, 30)
    )
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert lead_client.get(url(page_name, network)).status_code == 200
