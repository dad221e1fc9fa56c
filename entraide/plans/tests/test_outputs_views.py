"""The timeline, the plan's CSV and PDF, and the progress report."""

import csv
import datetime
import io
import shutil
import subprocess

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from entraide.meetings.models import Session, SessionStatus
from entraide.plans.models import (
    Action,
    ActionStatus,
    ActionUpdate,
    FollowUpNote,
    Mandate,
    Objective,
    PlanStatus,
    ScheduleKind,
    Target,
)
from entraide.plans.tests.factories import make_plan

TODAY = datetime.datetime(2026, 11, 15, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_clock():
    with time_machine.travel(TODAY, tick=False):
        yield


def url(name, plans, plan=None, **query):
    plan = plan or plans.plan
    path = reverse(
        f"plans:{name}", kwargs={"network": plans.network.slug, "plan": plan.pk}
    )
    if query:
        path += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return path


def add_action(plans, description, **fields):
    fields.setdefault("schedule_kind", ScheduleKind.MONTHS)
    return Action.objects.create(
        plan=plans.plan, target=plans.target, description=description, **fields
    )


def rows_of(response) -> list[list[str]]:
    text = response.content.decode("utf-8").lstrip("\ufeff")
    return list(csv.reader(io.StringIO(text)))


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(content)
    result = subprocess.run(  # noqa: S603
        ["pdftotext", "-layout", str(path), "-"],  # noqa: S607
        capture_output=True,
        check=True,
    )
    return result.stdout.decode("utf-8")


needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (scripts/test-deps.sh)"
)


# --- Timeline -----------------------------------------------------------------------


def test_member_sees_each_action_as_a_bar_with_its_status_in_words(client, plans):
    add_action(
        plans,
        "Effectuer le suivi de ces rencontres",
        schedule_kind=ScheduleKind.ONGOING,
    )
    add_action(
        plans,
        "Présenter les résultats à la direction",
        schedule_kind=ScheduleKind.MOMENT,
        schedule_note="Dès sortie des résultats",
    )
    add_action(
        plans,
        "Démarrage d'un comité régional",
        starts_on=datetime.date(2026, 8, 1),
        ends_on=datetime.date(2026, 9, 30),
    )
    client.force_login(plans.member)
    response = client.get(url("timeline", plans))
    assert response.status_code == 200
    page = response.content.decode()
    timeline = response.context["timeline"]
    assert len(timeline.months) == 24
    assert timeline.months[timeline.current_index].first_day == datetime.date(
        2026, 11, 1
    )
    bars = {bar.action.description: bar for bar in timeline.groups[0].bars}
    meetings = bars["Tenir 3 à 4 rencontres par année"]
    assert (meetings.before, meetings.span, meetings.after) == (2, 9, 13)
    ongoing = bars["Effectuer le suivi de ces rencontres"]
    assert (ongoing.before, ongoing.span, ongoing.after) == (0, 24, 0)
    late = bars["Démarrage d'un comité régional"]
    assert late.status_label == "En retard" and late.tone == "attention"
    assert "En retard" in page and "Pas commencée" in page
    assert "Ce mois-ci" in page
    assert "<caption" in page and 'scope="col"' in page
    beside = [action.description for action, *_rest in timeline.beside]
    assert beside == ["Présenter les résultats à la direction"]
    assert "Dès sortie des résultats" in page
    assert 'aria-current="page"' in page


def test_draft_plan_timeline_is_hidden_from_members(client, plans):
    draft = make_plan(plans.network, status=PlanStatus.DRAFT)["plan"]
    client.force_login(plans.member)
    assert client.get(url("timeline", plans, draft)).status_code == 404
    client.force_login(plans.lead)
    assert client.get(url("timeline", plans, draft)).status_code == 200


def test_another_networks_plan_is_not_found(client, plans):
    elsewhere = make_plan(plans.other_network)["plan"]
    client.force_login(plans.lead)
    for name in ("timeline", "csv", "pdf", "report", "report_csv", "report_pdf"):
        response = client.get(
            reverse(
                f"plans:{name}",
                kwargs={"network": plans.network.slug, "plan": elsewhere.pk},
            )
        )
        assert response.status_code == 404, name


# --- CSV ----------------------------------------------------------------------------


def test_csv_has_one_row_per_action_with_status_and_indicators(client, plans):
    add_action(
        plans,
        '=HYPERLINK("https://evil.example")',
        starts_on=datetime.date(2026, 8, 1),
        ends_on=datetime.date(2026, 9, 30),
        responsible_note="@Chargée de projet",
    )
    Session.objects.create(
        community=plans.pedagogy,
        title="Rencontre de septembre",
        starts_at=datetime.datetime(2026, 9, 8, 22, 30, tzinfo=datetime.UTC),
        status=SessionStatus.HELD,
    )
    client.force_login(plans.management)
    response = client.get(url("csv", plans))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = rows_of(response)
    assert rows[0][:4] == ["Mandat", "Objectif", "Cible", "Action"]
    assert rows[0][8] == "État"
    assert len(rows) == 3
    first, second = rows[1], rows[2]
    assert first[0] == "Projet Odyssée"
    assert first[3] == "Tenir 3 à 4 rencontres par année"
    assert first[4] == "Julie Tremblay"
    assert first[5] == "Communauté de pratique Pédagogie"
    assert first[6] == "septembre 2026 à mai 2027"
    assert first[8] == "En cours" or first[8] == "Pas commencée"
    assert "Rencontres tenues par la communauté Pédagogie : 1 sur 3 à 4" in first[10]
    assert second[3].startswith("'=HYPERLINK")
    assert second[4] == "'@Chargée de projet"
    assert second[8] == "En retard"


def test_csv_headers_follow_the_persons_language(client, plans):
    client.force_login(plans.lead)
    assert rows_of(client.get(url("csv", plans)))[0][0] == "Mandat"
    plans.lead.language = "en"
    plans.lead.save(update_fields=["language"])
    header = rows_of(client.get(url("csv", plans)))[0]
    assert header[:4] == ["Mandate", "Objective", "Target", "Action"]


def test_member_without_a_role_may_not_export(client, plans):
    client.force_login(plans.member)
    for name in ("csv", "pdf", "report", "report_csv", "report_pdf"):
        assert client.get(url(name, plans)).status_code == 403, name


# --- PDF ----------------------------------------------------------------------------


@needs_pdftotext
def test_plan_pdf_is_the_sources_table_in_landscape(client, plans, tmp_path):
    plans.action.status = ActionStatus.IN_PROGRESS
    plans.action.save()
    client.force_login(plans.rep_a)
    response = client.get(url("pdf", plans))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    first_page = text.split("\f")[0]
    assert "Plan d'action régional 2026-2028" in first_page
    for heading in ("Mandats et objectifs", "Cible", "Actions", "Échéanciers"):
        assert heading in first_page
    assert "Tenir 3 à 4 rencontres par année" in first_page
    assert "En cours" in first_page
    assert "Mettre en place des" in first_page


# --- Progress report ----------------------------------------------------------------


@pytest.fixture
def history(plans):
    """Updates, follow-ups and a late action, some inside Sept.–Oct. 2026."""
    inside = datetime.datetime(2026, 9, 20, 15, 0, tzinfo=datetime.UTC)
    outside = datetime.datetime(2026, 6, 1, 15, 0, tzinfo=datetime.UTC)
    done = add_action(
        plans,
        "Démarrage d'un comité régional Odyssée",
        starts_on=datetime.date(2026, 8, 1),
        ends_on=datetime.date(2026, 9, 30),
        status=ActionStatus.DONE,
        progress=100,
    )
    ActionUpdate.objects.create(
        action=done,
        actor=plans.lead,
        from_status=ActionStatus.IN_PROGRESS,
        to_status=ActionStatus.DONE,
        from_progress=50,
        to_progress=100,
        comment="Comité formé",
        created_at=inside,
    )
    ActionUpdate.objects.create(
        action=plans.action,
        actor=plans.lead,
        from_status=ActionStatus.NOT_STARTED,
        to_status=ActionStatus.IN_PROGRESS,
        created_at=outside,
    )
    add_action(
        plans,
        "Organiser des déjeuners causeries",
        starts_on=datetime.date(2026, 8, 1),
        ends_on=datetime.date(2026, 9, 15),
        status=ActionStatus.IN_PROGRESS,
    )
    for subregion, author, text in (
        (plans.subregion_a, plans.rep_a, "Déjeuner tenu à Trois-Rivières"),
        (plans.subregion_b, plans.rep_b, "Rencontre reportée"),
    ):
        note = FollowUpNote.objects.create(
            action=done,
            subregion=subregion,
            author=author,
            text=text,
            impacts="Plus de CPE mobilisés",
        )
        FollowUpNote.objects.filter(pk=note.pk).update(created_at=inside)
    old = FollowUpNote.objects.create(
        action=done,
        subregion=plans.subregion_a,
        author=plans.rep_a,
        text="Vieille note",
    )
    FollowUpNote.objects.filter(pk=old.pk).update(created_at=outside)
    return done


def test_report_for_a_range_gathers_what_happened_in_it(client, plans, history):
    client.force_login(plans.lead)
    response = client.get(url("report", plans, start="2026-09-01", end="2026-10-31"))
    assert response.status_code == 200
    found = response.context["report"]
    assert [u.action for u in found.done] == [history]
    assert len(found.changes) == 1
    notes = {sub.name: [n.text for n in ns] for sub, ns in found.follow_ups}
    assert notes == {
        plans.subregion_a.name: ["Déjeuner tenu à Trois-Rivières"],
        plans.subregion_b.name: ["Rencontre reportée"],
    }
    assert [a.description for a in found.late] == ["Organiser des déjeuners causeries"]
    assert found.total_actions == 3
    assert found.status_counts[ActionStatus.DONE] == 1
    page = response.content.decode()
    assert "Vieille note" not in page
    assert "Plus de CPE mobilisés" in page
    assert "En retard" in page
    assert "start=2026-09-01&amp;end=2026-10-31" in page


def test_report_defaults_to_the_last_three_months(client, plans):
    client.force_login(plans.management)
    response = client.get(url("report", plans))
    found = response.context["report"]
    assert found.end == datetime.date(2026, 11, 15)
    assert found.start == datetime.date(2026, 8, 16)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"start": "2026-10-01", "end": "2026-09-01"}, "end"),
        ({"start": "2026-02-31", "end": "2026-09-01"}, "start"),
        ({"start": "demain", "end": "2026-09-01"}, "start"),
        ({"start": "2026-09-01", "end": "9999-12-31"}, "end"),
        ({"start": "2026-09-01"}, "end"),
    ],
)
def test_bad_range_keeps_what_was_typed_with_a_message(client, plans, query, field):
    client.force_login(plans.lead)
    response = client.get(url("report", plans, **query))
    assert response.status_code == 200
    assert "report" not in response.context
    form = response.context["form"]
    assert field in form.errors
    page = response.content.decode()
    for value in query.values():
        assert f'value="{value}"' in page
    for name in ("report_pdf", "report_csv"):
        back = client.get(url(name, plans, **query))
        assert back.status_code == 302
        assert back["Location"].startswith(url("report", plans))


def test_report_csv_lists_each_section_safely(client, plans, history):
    FollowUpNote.objects.filter(text="Rencontre reportée").update(text="=1+1")
    client.force_login(plans.rep_b)
    response = client.get(
        url("report_csv", plans, start="2026-09-01", end="2026-10-31")
    )
    assert response.status_code == 200
    rows = rows_of(response)
    assert rows[0] == ["Rubrique", "Date", "Sous-région", "Action", "Détail"]
    sections = [row[0] for row in rows[1:]]
    assert sections.count("Action terminée") == 1
    assert sections.count("Note de suivi") == 2
    assert sections.count("Action en retard") == 1
    assert "Indicateur" in sections
    notes = [row for row in rows if row[0] == "Note de suivi"]
    assert any(row[4].startswith("'=1+1") for row in notes)
    assert all(row[1] == "2026-09-20" for row in notes)


@needs_pdftotext
def test_report_pdf_renders_its_sections(client, plans, history, tmp_path):
    client.force_login(plans.lead)
    response = client.get(
        url("report_pdf", plans, start="2026-09-01", end="2026-10-31")
    )
    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path)
    assert text.split("\f")[0].strip()
    assert "Rapport d'avancement" in text
    assert "Déjeuner tenu à Trois-Rivières" in text
    assert "Suivis et impacts par sous-région" in text


# --- Queries stay the same with ten times the actions -------------------------------


def grow(plans, times: int):
    for m in range(times):
        mandate = Mandate.objects.create(plan=plans.plan, title=f"Mandat {m}")
        objective = Objective.objects.create(mandate=mandate, title=f"Objectif {m}")
        target = Target.objects.create(objective=objective, expected_result="Cible")
        for a in range(3):
            action = Action.objects.create(
                plan=plans.plan,
                target=target,
                description=f"Action {m}.{a}",
                schedule_kind=ScheduleKind.MONTHS,
                starts_on=datetime.date(2026, 9, 1),
                ends_on=datetime.date(2026, 10, 31),
                status=ActionStatus.IN_PROGRESS,
            )
            action.responsible_people.add(plans.responsible)
            ActionUpdate.objects.create(
                action=action,
                actor=plans.lead,
                from_status=ActionStatus.NOT_STARTED,
                to_status=ActionStatus.IN_PROGRESS,
                created_at=timezone.now() - datetime.timedelta(days=5),
            )
            FollowUpNote.objects.create(
                action=action,
                subregion=plans.subregion_a,
                author=plans.rep_a,
                text="Suivi",
            )
        plans.indicator.pk = None
        plans.indicator.target = target
        plans.indicator.save()


@pytest.mark.parametrize("name", ["timeline", "report"])
def test_queries_stay_the_same_with_ten_times_the_plan(
    client, plans, django_assert_max_num_queries, name
):
    client.force_login(plans.lead)
    grow(plans, 1)
    client.get(url(name, plans))
    with django_assert_max_num_queries(20) as small:
        assert client.get(url(name, plans)).status_code == 200
    grow(plans, 10)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert client.get(url(name, plans)).status_code == 200
