"""The committees' CSV inventory and the statistics page."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from entraide.practices.models import PracticeSheet, SheetTransition
from entraide.practices.tests.access_browse import published_sheet


def _rows(response):
    text = response.content
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))


def test_inventory_csv_has_one_neutralised_row_per_sheet_of_the_network(
    client, inventory
):
    published_sheet(
        inventory.network,
        '=HYPERLINK("http://x")',
        state="submitted",
        subregion=inventory.subregion,
        zone=inventory.zones[0],
        themes=inventory.themes[:2],
        age_group="3_5",
    )
    published_sheet(inventory.network, "@SUM(A1)", state="draft")
    published_sheet(inventory.other_network, "Ailleurs", state="submitted")
    client.force_login(inventory.evaluator)
    response = client.get(
        reverse("practices:inventory_csv", kwargs={"network": inventory.network.slug})
    )
    header, *rows = _rows(response)
    assert header[:3] == ["Numéro", "Titre", "Étape"]
    assert [row[1] for row in rows] == ['\'=HYPERLINK("http://x")', "'@SUM(A1)"]
    first = rows[0]
    assert first[2] == "Soumise au comité régional"
    assert first[8] == inventory.subregion.name
    assert first[9] == inventory.zones[0].name
    assert first[10] == "Routines et transitions ; Jeu extérieur"
    assert first[11] == "Préscolaires (3 à 5 ans)"


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("peer", 403),
        ("author", 403),
        ("rep", 200),
        ("evaluator", 200),
        ("lead", 200),
        ("outsider", 404),
    ],
)
def test_exports_and_statistics_are_for_committees_and_leads(
    client, inventory, who, status
):
    client.force_login(getattr(inventory, who))
    for name in ("inventory_csv", "statistics"):
        url = reverse(f"practices:{name}", kwargs={"network": inventory.network.slug})
        assert client.get(url).status_code == status, name


def test_statistics_count_and_time_in_states(client, inventory):
    start = timezone.now() - timedelta(days=30)
    sheets = [
        published_sheet(
            inventory.network, "Un", state="retained", subregion=inventory.subregion
        ),
        published_sheet(
            inventory.network, "Deux", state="retained", zone=inventory.zones[0]
        ),
        published_sheet(inventory.network, "Trois", state="draft"),
    ]
    PracticeSheet.objects.filter(pk__in=[s.pk for s in sheets]).update(created_at=start)
    stays = ((sheets[0], 2, 6), (sheets[1], 4, 14))
    for sheet, submitted_after, retained_after in stays:
        for to_state, from_state, days in (
            ("submitted", "draft", submitted_after),
            ("retained", "submitted", retained_after),
        ):
            row = SheetTransition.objects.create(
                sheet=sheet, from_state=from_state, to_state=to_state
            )
            SheetTransition.objects.filter(pk=row.pk).update(
                created_at=start + timedelta(days=days)
            )
    client.force_login(inventory.lead)
    response = client.get(
        reverse("practices:statistics", kwargs={"network": inventory.network.slug})
    )
    context = response.context
    by_state = {row["label"]: row["count"] for row in context["by_state"]}
    assert by_state["Retenue"] == 2 and by_state["Brouillon"] == 1
    assert by_state["Publiée"] == 0
    by_subregion = {row["label"]: row["count"] for row in context["by_subregion"]}
    assert by_subregion[inventory.subregion.name] == 1
    assert by_subregion[inventory.subregion_b.name] == 0
    assert by_subregion["Non précisée"] == 2
    by_zone = {row["label"]: row["count"] for row in context["by_zone"]}
    assert by_zone[inventory.zones[0].name] == 1
    days = {row["label"]: row["days"] for row in context["days"]}
    # Draft: 2 and 4 days; submitted: 4 and 10 days.
    assert days == {"Brouillon": 3.0, "Soumise au comité régional": 7.0}
    body = response.content.decode()
    assert "<caption>Fiches par sous-région</caption>" in body
    assert "<svg" in body
