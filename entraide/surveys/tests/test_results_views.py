"""The results page, its CSV and the themes made from a ranking."""

import csv
import io

import pytest
import time_machine
from django.urls import reverse

from entraide.meetings.models import YearTheme
from entraide.surveys.tests.factories import THEMES
from entraide.surveys.tests.test_results_analysis import send

pytestmark = pytest.mark.django_db


def url(name, survey, **more):
    return reverse(
        f"surveys:{name}",
        kwargs={"network": survey.network.slug, "pk": survey.pk, **more},
    )


def ranking_of(survey):
    return survey.questions.get(kind="ranking")


def fill(surveys, count, **more):
    for i in range(count):
        sub = surveys.subregion_a if i % 3 else surveys.subregion_b
        send(
            surveys.survey,
            {
                "single": "Oui" if i % 2 else "Non",
                "scale": 1 + i % 5,
                "ranking": THEMES if i % 2 else list(reversed(THEMES)),
                "long_text": f"Texte {i}",
                "short_text": '=HYPERLINK("http://mal.example")',
            },
            subregion=sub,
            job_role="pedagogy_lead",
            **more,
        )


def test_results_page_shows_charts_tables_and_rate(client, surveys):
    fill(surveys, 4)
    client.force_login(surveys.facilitator)
    response = client.get(url("results", surveys.survey))
    assert response.status_code == 200
    html = response.content.decode()
    assert "4 réponses envoyées sur 8 personnes visées" in html
    assert 'role="img"' in html and "<title id=" in html
    assert "<caption" in html and '<th scope="col">' in html
    assert "Texte 3" in html


def test_results_is_404_for_non_managers_and_302_anonymous(client, surveys):
    page = url("results", surveys.survey)
    assert client.get(page).status_code == 302
    for person in (surveys.educator, surveys.network_member, surveys.outsider):
        client.force_login(person)
        assert client.get(page).status_code == 404
    client.force_login(surveys.lead)
    assert client.get(page).status_code == 200


def test_crosstab_in_anonymous_survey_hides_small_groups(client, surveys):
    fill(surveys, 9)  # B: i = 0, 3, 6 → 3 responses; A: 6
    client.force_login(surveys.facilitator)
    html = client.get(url("results", surveys.survey) + "?croiser=subregion")
    html = html.content.decode()
    assert "Moins de 5 réponses : masqué" in html
    # B (3) alone would be derivable from the totals: A is pooled with it.
    assert f'<th scope="col">{surveys.subregion_b.name}</th>' not in html
    assert f'<th scope="col">{surveys.subregion_a.name}</th>' not in html
    assert '<th scope="col">Autres groupes</th>' in html


def test_crosstab_shows_groups_of_five(client, surveys):
    fill(surveys, 15)  # B 5, A 10
    client.force_login(surveys.facilitator)
    html = client.get(url("results", surveys.survey) + "?croiser=subregion")
    html = html.content.decode()
    assert "Moins de 5 réponses" not in html
    assert f'<th scope="col">{surveys.subregion_b.name}</th>' in html


def test_results_queries_do_not_grow_with_responses(
    client, surveys, django_assert_max_num_queries
):
    client.force_login(surveys.facilitator)
    fill(surveys, 2)
    with django_assert_max_num_queries(16) as small:
        client.get(url("results", surveys.survey))
    fill(surveys, 20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(url("results", surveys.survey) + "?croiser=job_role")


def test_anonymous_csv_has_no_names_and_is_injection_safe(client, surveys):
    fill(surveys, 3)
    client.force_login(surveys.facilitator)
    response = client.get(url("results_csv", surveys.survey))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode().lstrip("\ufeff"))))
    assert rows[0][:2] == ["Réponse", "Envoyée le"]
    assert len(rows) == 4
    body = response.content.decode()
    assert "Personne" not in body and "Conseillère" not in body
    assert all(not cell.startswith("=") for row in rows for cell in row)
    assert "'=HYPERLINK" in body


def test_named_csv_names_the_person(client, surveys):
    survey = surveys.survey
    survey.is_anonymous = False
    survey.save()
    send(survey, {"single": "Oui"}, person=surveys.leads_a[0])
    client.force_login(surveys.lead)
    rows = list(
        csv.reader(io.StringIO(client.get(url("results_csv", survey)).content.decode()))
    )
    assert rows[0][1] == "Personne"
    assert rows[1][1] == "Conseillère0 Avenir"


@time_machine.travel("2026-06-10 12:00 -0400")
def test_themes_created_in_order_once(client, surveys):
    survey = surveys.survey
    for _ in range(3):
        send(
            survey, {"ranking": [THEMES[2], THEMES[0], THEMES[1], THEMES[3], THEMES[4]]}
        )
    send(survey, {"ranking": THEMES})
    YearTheme.objects.create(
        community=surveys.community, season=2026, title=THEMES[0], position=0
    )
    client.force_login(surveys.facilitator)
    page = url("themes", survey, question=ranking_of(survey).pk)
    response = client.get(page)
    assert response.status_code == 200
    assert 'value="2026" selected' in response.content.decode()
    response = client.post(page, {"season": 2026, "count": 3})
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "meetings:programme_season",
        kwargs={"network": "mcq", "community": "pedagogie", "season": 2026},
    )
    titles = list(
        YearTheme.objects.filter(community=surveys.community, season=2026)
        .order_by("position")
        .values_list("title", flat=True)
    )
    assert titles == [THEMES[0], THEMES[2], THEMES[1]]
    client.post(page, {"season": 2026, "count": 3})
    assert YearTheme.objects.filter(community=surveys.community).count() == 3


def test_themes_bad_input_keeps_the_page(client, surveys):
    survey = surveys.survey
    client.force_login(surveys.facilitator)
    page = url("themes", survey, question=ranking_of(survey).pk)
    response = client.post(page, {"season": "1900", "count": "99"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="id_season_error"' in html and 'id="id_count_error"' in html
    assert not YearTheme.objects.exists()


def test_themes_refused(client, surveys):
    survey = surveys.survey
    single = survey.questions.get(kind="single")
    client.force_login(surveys.facilitator)
    assert client.get(url("themes", survey, question=single.pk)).status_code == 404
    client.force_login(surveys.educator)
    page = url("themes", survey, question=ranking_of(survey).pk)
    assert client.post(page, {"season": 2026, "count": 1}).status_code == 404
    network_survey = survey
    network_survey.community = None
    network_survey.audience = "network"
    network_survey.save()
    client.force_login(surveys.lead)
    assert client.get(page).status_code == 403
