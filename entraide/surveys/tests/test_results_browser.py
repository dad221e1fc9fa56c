"""A facilitator reads the results (charts beside their tables), then turns the
ranking into the year's themes, at 360 px."""

import pytest
from django.urls import reverse

from entraide.core.testing import assert_accessible, sign_in
from entraide.meetings.models import YearTheme
from entraide.surveys.tests.factories import THEMES
from entraide.surveys.tests.test_results_analysis import send


@pytest.mark.browser
def test_facilitator_reads_results_then_creates_themes(page, live_server, surveys):
    survey = surveys.survey
    for i in range(6):
        send(
            survey,
            {
                "single": "Oui" if i % 2 else "Non",
                "multiple": (["Le matin", "__other__"], "En soirée"),
                "scale": 1 + i % 5,
                "number": i + 1,
                "ranking": THEMES,
                "short_text": f"Idée {i}",
                "date": "2027-01-15",
            },
            subregion=surveys.subregion_a,
        )
    page.set_viewport_size({"width": 360, "height": 800})
    sign_in(page, live_server, surveys.facilitator.email)
    page.goto(
        live_server.url
        + reverse("surveys:results", kwargs={"network": "mcq", "pk": survey.pk})
    )
    assert page.locator("svg[role=img]").first.is_visible()
    assert page.locator("table caption").first.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page, context="results")
    page.get_by_role("link", name="Par sous-région").click()
    assert page.get_by_role("heading", name="Résultats par sous-région").is_visible()
    assert_accessible(page, context="cross-tabulation")
    page.get_by_role("link", name="Tous les résultats").click()
    page.get_by_role(
        "link", name="Créer les thèmes de l'année à partir de ce classement"
    ).click()
    assert_accessible(page, context="themes form")
    page.get_by_label("Nombre de thèmes à créer").select_option("3")
    page.get_by_role("button", name="Créer les thèmes").click()
    page.wait_for_url("**/programme/**")
    assert page.get_by_text("3 thèmes créés pour").is_visible()
    assert_accessible(page, context="programme")
    assert (
        list(YearTheme.objects.order_by("position").values_list("title", flat=True))
        == THEMES[:3]
    )
