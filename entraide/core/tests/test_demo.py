import io

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.management import CommandError, call_command
from django.db.models import F
from django.urls import reverse

from entraide.accounts.models import JobRole, User
from entraide.core.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from entraide.networks.models import (
    Membership,
    Network,
    NetworkRole,
    Organisation,
    Region,
    SubRegion,
)
from entraide.notifications.models import EmailDelivery, Notification

pytestmark = pytest.mark.django_db

MCQ_SUBREGIONS = {
    "Mauricie": {
        "Trois-Rivières",
        "Shawinigan",
        "Haut-Saint-Maurice",
        "Maskinongé",
        "Mékinac",
        "Des Chenaux",
    },
    "Centre-du-Québec": {
        "Drummond",
        "Arthabaska",
        "Bécancour",
        "Nicolet-Yamaska",
        "L'Érable",
    },
}

PROVINCE_TIME_ZONES = {
    "Terre-Neuve-et-Labrador": {"America/St_Johns", "America/Goose_Bay"},
    "Île-du-Prince-Édouard": {"America/Halifax"},
    "Nouvelle-Écosse": {"America/Halifax", "America/Glace_Bay"},
    "Nouveau-Brunswick": {"America/Moncton"},
    "Ontario": {"America/Toronto", "America/Winnipeg", "America/Atikokan"},
    "Manitoba": {"America/Winnipeg"},
    "Saskatchewan": {"America/Regina", "America/Swift_Current"},
    "Alberta": {"America/Edmonton"},
    "Colombie-Britannique": {
        "America/Vancouver",
        "America/Creston",
        "America/Dawson_Creek",
        "America/Fort_Nelson",
    },
    "Yukon": {"America/Whitehorse", "America/Dawson"},
    "Territoires du Nord-Ouest": {"America/Edmonton", "America/Inuvik"},
    "Nunavut": {"America/Iqaluit", "America/Rankin_Inlet", "America/Cambridge_Bay"},
}


def load():
    call_command("load_demo", stdout=io.StringIO())


def snapshot() -> dict:
    return {
        "networks": sorted(Network.objects.values_list("pk", "slug", "name")),
        "regions": sorted(Region.objects.values_list("pk", "network_id", "name")),
        "subregions": sorted(
            SubRegion.objects.values_list("pk", "region_id", "network_id", "name")
        ),
        "organisations": sorted(
            Organisation.objects.values_list(
                "pk", "network_id", "name", "kind", "subregion_id", "city"
            )
        ),
        "users": sorted(
            User.objects.values_list(
                "pk", "email", "first_name", "last_name", "job_role", "language"
            )
        ),
        "memberships": sorted(
            Membership.objects.values_list(
                "pk", "network_id", "user_id", "role", "organisation_id", "subregion_id"
            )
        ),
        "email_addresses": sorted(
            EmailAddress.objects.values_list("pk", "user_id", "email", "verified")
        ),
        "notifications": sorted(
            Notification.objects.values_list("pk", "recipient_id", "kind", "created_at")
        ),
    }


def test_load_demo_twice_leaves_the_same_data():
    load()
    first = snapshot()
    load()
    assert snapshot() == first


def test_demo_networks_have_their_regions_and_subregions():
    load()
    mcq = Network.objects.get(slug="mcq")
    assert (mcq.province, mcq.time_zone) == ("QC", "America/Toronto")
    territory = {
        region.name: {s.name for s in region.subregions.all()}
        for region in mcq.regions.all()
    }
    assert territory == MCQ_SUBREGIONS

    pancanadien = Network.objects.get(slug="pancanadien")
    regions = {r.name: r for r in pancanadien.regions.all()}
    assert set(regions) == set(PROVINCE_TIME_ZONES)
    ontario = {s.name for s in regions["Ontario"].subregions.all()}
    assert {"Est ontarien", "Nord de l'Ontario", "Centre-Sud-Ouest"} <= ontario
    new_brunswick = {s.name for s in regions["Nouveau-Brunswick"].subregions.all()}
    assert {"Nord-Est", "Sud-Est"} <= new_brunswick


@pytest.mark.parametrize(
    ("slug", "organisations", "people"), [("mcq", 40, 200), ("pancanadien", 30, 150)]
)
def test_demo_networks_have_about_the_planned_size(slug, organisations, people):
    load()
    network = Network.objects.get(slug=slug)
    assert abs(network.organisations.count() - organisations) <= organisations * 0.2
    assert abs(network.memberships.count() - people) <= people * 0.1
    assert not network.organisations.filter(subregion__isnull=True).exists()


@pytest.mark.parametrize("slug", ["mcq", "pancanadien"])
def test_demo_networks_hold_every_job_role_and_network_role(slug):
    load()
    memberships = Membership.objects.filter(network__slug=slug)
    assert set(memberships.values_list("role", flat=True)) == set(NetworkRole.values)
    job_roles = set(memberships.values_list("user__job_role", flat=True))
    assert job_roles == set(JobRole.values)
    assert memberships.filter(role=NetworkRole.PROJECT_LEAD).count() == 1


def test_nathalie_is_the_one_project_lead_of_mcq():
    load()
    lead = Membership.objects.get(network__slug="mcq", role=NetworkRole.PROJECT_LEAD)
    assert lead.user.email == "chargee.projet@demo.entraide.ca"
    assert lead.user.first_name == "Nathalie"


def test_generated_people_belong_to_an_organisation_of_their_sub_region():
    load()
    memberships = Membership.objects.filter(organisation__isnull=False)
    assert memberships.count() > 300
    assert all(
        m.organisation.subregion_id == m.subregion_id
        and m.organisation.network_id == m.network_id
        for m in memberships.select_related("organisation")
    )


@pytest.mark.parametrize("account", DEMO_ACCOUNTS, ids=lambda a: a.email)
def test_demo_account_signs_in_with_the_published_password(client, account):
    load()
    # Through the real sign-in form: django-axes wants the request that
    # client.login() does not pass to authenticate().
    response = client.post(
        reverse("account_login"), {"login": account.email, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == (
        User.objects.get(email=account.email).pk
    )
    assert EmailAddress.objects.filter(
        email=account.email, verified=True, primary=True
    ).exists()
    response = client.get("/")
    assert response.status_code == 200
    for membership in account.memberships:
        assert client.get(f"/r/{membership.network}/").status_code == 200


def test_demo_accounts_cover_every_network_role_and_both_networks():
    load()
    demo = Membership.objects.filter(user__email__in=[a.email for a in DEMO_ACCOUNTS])
    assert set(demo.values_list("role", flat=True)) == set(NetworkRole.values)
    both = User.objects.get(email="deux.reseaux@demo.entraide.ca")
    assert set(both.memberships.values_list("network__slug", flat=True)) == {
        "mcq",
        "pancanadien",
    }
    english = User.objects.get(email="educator.en@demo.entraide.ca")
    assert (english.language, english.time_zone) == ("en", "America/Vancouver")


def test_pan_canadian_people_live_in_the_time_zone_of_their_province():
    load()
    memberships = Membership.objects.filter(
        network__slug="pancanadien", subregion__isnull=False
    ).select_related("user", "subregion__region")
    zones = set()
    for membership in memberships:
        province = membership.subregion.region.name
        assert membership.user.time_zone in PROVINCE_TIME_ZONES[province], (
            membership.user.email,
            province,
        )
        zones.add(membership.user.time_zone)
    assert {"America/St_Johns", "America/Vancouver"} <= zones
    languages = set(memberships.values_list("user__language", flat=True))
    assert languages == {"fr-ca", "en"}


def test_demo_notifications_are_in_the_bell_but_send_no_email():
    load()
    for account in DEMO_ACCOUNTS:
        user = User.objects.get(email=account.email)
        notifications = Notification.objects.filter(recipient=user)
        assert notifications.filter(kind="networks.joined").count() == len(
            account.memberships
        )
        assert notifications.filter(read_at__isnull=True).exists()
    assert Notification.objects.filter(kind="networks.role_changed").exists()
    # Past mailings are history (recorded as sent); nothing waits to be sent.
    assert not EmailDelivery.objects.exclude(status="sent").exists()
    assert not EmailDelivery.objects.filter(sent_at__isnull=True).exists()
    assert mail.outbox == []


def test_print_accounts_lists_the_accounts_and_writes_nothing():
    out = io.StringIO()
    call_command("load_demo", "--print-accounts", stdout=out)
    text = out.getvalue()
    for account in DEMO_ACCOUNTS:
        assert account.email in text
    assert DEMO_PASSWORD in text
    assert not Network.objects.exists()
    assert not User.objects.exists()


def test_load_demo_refuses_a_production_database(settings):
    settings.PRODUCTION = True
    with pytest.raises(CommandError):
        call_command("load_demo", stdout=io.StringIO())
    assert not User.objects.exists()


def test_bench_generator_builds_a_consistent_data_set_at_a_tiny_scale():
    from bench.generate import BENCH_EMAIL, Scale, generate

    scale = Scale(networks=3, people=60, organisations=12, bench_notifications=7)
    counts = generate(scale, log=lambda line: None)
    assert counts["people"] == User.objects.count() == 61
    assert counts["organisations"] == Organisation.objects.count() == 12
    assert counts["memberships"] == Membership.objects.count() >= 61
    assert counts["notifications"] == Notification.objects.count()
    for network in Network.objects.all():
        roles = set(network.memberships.values_list("role", flat=True))
        assert {"project_lead", "admin", "member"} <= roles
    assert not Membership.objects.exclude(organisation__network=F("network")).exists()
    assert not Membership.objects.exclude(subregion__network=F("network")).exists()
    bench_user = User.objects.get(email=BENCH_EMAIL)
    assert bench_user.memberships.count() == 3
    assert bench_user.notifications.count() == 7
    assert set(
        bench_user.community_memberships.filter(
            community__kind__in=("regional_committee", "scientific_committee")
        ).values_list("community__kind", flat=True)
    ) == {"regional_committee", "scientific_committee"}
    assert not EmailDelivery.objects.exists()
    from entraide.library.models import Tool

    largest = Network.objects.order_by("pk").first()
    assert counts["tools"] == Tool.objects.count() == 10
    assert not Tool.objects.exclude(network=largest).exists()
    published = Tool.objects.filter(status="published")
    assert published.exists()
    assert not published.filter(published_version__isnull=True).exists()
    assert not Tool.objects.filter(search_text="").exists()


def test_bench_survey_is_the_largest_networks_and_its_pages_answer(client):
    from bench.generate import Scale, generate
    from entraide.plans.models import Indicator
    from entraide.surveys.models import Participation, Response, Survey

    scale = Scale(networks=2, people=40, organisations=6, bench_notifications=2)
    counts = generate(scale, log=lambda line: None)
    survey = Survey.objects.get()
    assert survey.network == Network.objects.order_by("pk").first()
    sent = Response.objects.filter(survey=survey).count()
    assert sent == counts["survey_responses"] == Participation.objects.count() > 0
    assert Indicator.objects.filter(kind="survey_rate", survey=survey).exists()
    lead = survey.network.memberships.filter(role="project_lead").first().user
    client.force_login(lead)
    base = f"/r/{survey.network.slug}/sondages/{survey.pk}/"
    for path in (
        base,
        f"{base}taux-de-reponse/",
        f"{base}resultats/?croiser=subregion",
    ):
        assert client.get(path).status_code == 200
