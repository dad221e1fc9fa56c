import html
import json

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from entraide.accounts.models import User
from entraide.core.testing import make_member, make_network
from entraide.networks.models import Membership, Organisation

pytestmark = pytest.mark.django_db

PROFILE = reverse("accounts:profile")
PRIVACY = reverse("accounts:privacy")
DELETE = reverse("accounts:delete")
EXPORT = reverse("accounts:data_export")
PASSWORD = "motdepasse-solide-2026"


@pytest.fixture
def network():
    return make_network()


@pytest.fixture
def organisation(network):
    return Organisation.objects.create(network=network, name="CPE Soleil")


@pytest.fixture
def person(network, client):
    user = make_member(network, "ana@exemple.ca", first_name="Ana", last_name="Roy")
    client.force_login(user)
    return user


def profile_data(network, **overrides):
    prefix = f"reseau-{network.pk}"
    return {
        "first_name": "Ana",
        "last_name": "Roy",
        "job_role": "educator",
        "language": "fr-ca",
        "time_zone": "America/Toronto",
        f"{prefix}-organisation": "",
        f"{prefix}-subregion": "",
        **overrides,
    }


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_profile_offers_only_the_networks_own_organisations(
    client, network, person, organisation
):
    other = make_network("autre", "Autre réseau")
    Organisation.objects.create(network=other, name="CPE Ailleurs")
    content = text(client.get(PROFILE))
    assert "CPE Soleil" in content
    assert "CPE Ailleurs" not in content
    assert "Sous-région A mcq" in content
    assert "Sous-région A autre" not in content


def test_profile_saves_name_role_zone_and_placement(
    client, network, person, organisation
):
    subregion = network.subregions.first()
    prefix = f"reseau-{network.pk}"
    response = client.post(
        PROFILE,
        profile_data(
            network,
            first_name="Anaïs",
            time_zone="America/St_Johns",
            **{
                f"{prefix}-organisation": organisation.pk,
                f"{prefix}-subregion": subregion.pk,
            },
        ),
        follow=True,
    )
    assert response.redirect_chain == [(PROFILE, 302)]
    assert "Votre profil a été enregistré." in text(response)
    person.refresh_from_db()
    membership = Membership.objects.get(user=person)
    assert (person.first_name, person.time_zone) == ("Anaïs", "America/St_Johns")
    assert (membership.organisation, membership.subregion) == (organisation, subregion)


def test_saving_english_switches_the_interface_at_once(client, network, person):
    response = client.post(PROFILE, profile_data(network, language="en"))
    assert response.status_code == 302
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get(PROFILE)
    assert '<html lang="en">' in page.content.decode()
    assert page["Content-Language"] == "en"


def test_an_organisation_of_another_network_is_refused(client, network, person):
    other = make_network("autre", "Autre réseau")
    foreign = Organisation.objects.create(network=other, name="CPE Ailleurs")
    prefix = f"reseau-{network.pk}"
    response = client.post(
        PROFILE,
        profile_data(
            network, first_name="Changé", **{f"{prefix}-organisation": foreign.pk}
        ),
    )
    assert response.status_code == 200
    assert "Choisissez une organisation de ce réseau." in text(response)
    assert 'value="Changé"' in text(response)
    person.refresh_from_db()
    assert person.first_name == "Ana"
    assert Membership.objects.get(user=person).organisation is None


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("first_name", "A" * 150, "au plus 100 caractères"),
        ("last_name", "Roy\x00", "Le caractère nul n’est pas autorisé."),
        ("last_name", "\u202eyoR", "caractères invisibles ou de contrôle"),
        ("first_name", "", "Indiquez votre prénom."),
        ("time_zone", "Mars/Olympus", "Choisissez un fuseau horaire canadien"),
        ("language", "tlh", "Choisissez le français ou l'anglais."),
    ],
)
def test_bad_profile_input_gets_a_french_message_tied_to_its_field(
    client, network, person, field, value, message
):
    kept = "last_name" if field == "first_name" else "first_name"
    data = profile_data(network, **{kept: "Gardé", field: value})
    response = client.post(PROFILE, data)
    assert response.status_code == 200
    content = text(response)
    assert message in content
    assert f'aria-describedby="id_{field}_error"' in content
    assert 'value="Gardé"' in content  # what was typed comes back
    person.refresh_from_db()
    assert (person.first_name, person.last_name) == ("Ana", "Roy")


@given(name=st.text(max_size=300))
@hypothesis_settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
def test_any_name_gets_an_answer_never_a_server_error(client, network, person, name):
    response = client.post(PROFILE, profile_data(network, last_name=name))
    assert response.status_code in (200, 302)


def test_privacy_settings_are_saved(client, person):
    assert "Les membres de mes communautés seulement" in text(client.get(PRIVACY))
    response = client.post(
        PRIVACY, {"profile_visibility": "network", "show_email": "on"}
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert (person.profile_visibility, person.show_email) == ("network", True)


def test_privacy_refuses_an_unknown_choice(client, person):
    response = client.post(PRIVACY, {"profile_visibility": "everyone"})
    assert response.status_code == 200
    assert "Choisissez une des options proposées." in text(response)
    person.refresh_from_db()
    assert person.profile_visibility == "communities"


def test_data_download_is_a_json_file_of_the_persons_own_data(client, network, person):
    make_member(network, "bob@exemple.ca", first_name="Bertrand")
    response = client.get(EXPORT)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith(
        'attachment; filename="entraide-mes-donnees-'
    )
    assert (
        "no-store" in response["Cache-Control"]
        or "no-cache" in response["Cache-Control"]
    )
    data = json.loads(response.content)
    assert data["profile"]["email"] == "ana@exemple.ca"
    assert "bob@exemple.ca" not in response.content.decode()
    assert "Bertrand" not in response.content.decode()


def test_deletion_needs_the_right_password(client, person):
    response = client.post(DELETE, {"password": "pas le bon"})
    assert response.status_code == 200
    assert "Mot de passe incorrect." in text(response)
    assert User.objects.filter(pk=person.pk).exists()


def test_deletion_removes_the_person_and_signs_them_out(client, network, person):
    pk = person.pk
    response = client.post(DELETE, {"password": PASSWORD}, follow=True)
    assert response.redirect_chain == [("/", 302)]
    assert "Votre compte et vos renseignements personnels ont été supprimés." in text(
        response
    )
    assert not User.objects.filter(pk=pk).exists()
    assert not Membership.objects.filter(user_id=pk).exists()
    assert SESSION_KEY not in client.session
    assert client.get(PROFILE).status_code == 302
