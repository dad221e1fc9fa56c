"""Evaluation pages: blindness, conflicts, bad input kept, the queue, formalising."""

import pytest
from django.urls import reverse

from entraide.practices import permissions as perms
from entraide.practices.models import Evaluation, SheetState, SheetVersion
from entraide.practices.services import evaluation as services
from entraide.practices.tests.access_evaluation import sheet_at

# Scores nobody else gives in these tests, so the page can be searched for them.
FIRST = [5, 1, 3, 2]
FIRST_COMMENT = "Commentaire-secret-de-Louis"


def _sheet(inventory, state="sent_to_scientific", **fields):
    return sheet_at(
        state,
        network=inventory.network,
        author=inventory.author,
        rep=inventory.rep,
        evaluator=inventory.evaluator,
        lead=inventory.lead,
        **fields,
    )


def _evaluate(sheet, person, values, *, submit=True, comment=""):
    evaluation = services.start_evaluation(
        sheet=sheet, evaluator=person, has_conflict=False
    )
    criteria = list(services.default_grid(sheet.network).criteria.all())
    services.save_scores(
        evaluation=evaluation,
        scores=dict(zip([c.pk for c in criteria], values, strict=False)),
        comment=comment,
    )
    if submit:
        services.submit_evaluation(evaluation=evaluation)
    return evaluation


def _url(name, sheet):
    return reverse(
        f"practices:{name}", kwargs={"network": sheet.network.slug, "pk": sheet.pk}
    )


def _page(client, person, sheet) -> str:
    client.force_login(person)
    response = client.get(sheet.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


# --- Blindness -----------------------------------------------------------------------


def test_evaluator_sees_no_other_scores_before_submitting(client, inventory):
    sheet = _sheet(inventory)
    _evaluate(sheet, inventory.evaluator, FIRST, comment=FIRST_COMMENT)
    _evaluate(sheet, inventory.evaluator2, [2, 2], submit=False)
    for url in (sheet.get_absolute_url(), _url("evaluate", sheet)):
        client.force_login(inventory.evaluator2)
        html = client.get(url).content.decode()
        assert FIRST_COMMENT not in html
        assert "Bergeron" not in html
        assert "Notes de chaque membre du comité" not in html
        assert "Moyennes des évaluations soumises" not in html


def test_evaluator_who_has_not_started_sees_no_summary(client, inventory):
    sheet = _sheet(inventory)
    _evaluate(sheet, inventory.evaluator, FIRST, comment=FIRST_COMMENT)
    html = _page(client, inventory.evaluator2, sheet)
    assert FIRST_COMMENT not in html
    assert "1 évaluation" not in html
    assert _url("evaluate", sheet) in html


def test_evaluator_sees_the_others_once_submitted(client, inventory):
    sheet = _sheet(inventory)
    _evaluate(sheet, inventory.evaluator, FIRST, comment=FIRST_COMMENT)
    _evaluate(sheet, inventory.evaluator2, [3, 3, 4, 4])
    html = _page(client, inventory.evaluator2, sheet)
    assert FIRST_COMMENT in html and "Bergeron" in html
    assert "Moyennes des évaluations soumises" in html


def test_recused_evaluator_sees_the_others(client, inventory):
    sheet = _sheet(inventory)
    _evaluate(sheet, inventory.evaluator, FIRST, comment=FIRST_COMMENT)
    services.start_evaluation(
        sheet=sheet,
        evaluator=inventory.evaluator2,
        has_conflict=True,
        conflict_note="Même CPE",
    )
    html = _page(client, inventory.evaluator2, sheet)
    assert FIRST_COMMENT in html
    assert "1 récusation" in html


def test_project_lead_on_the_committee_is_blind_until_submitting(client, inventory):
    from entraide.communities.models import CommunityMembership

    CommunityMembership.objects.create(
        community=inventory.scientific_committee, user=inventory.lead
    )
    sheet = _sheet(inventory)
    _evaluate(sheet, inventory.evaluator, FIRST, comment=FIRST_COMMENT)
    _evaluate(sheet, inventory.evaluator2, [3, 3, 4, 4])
    html = _page(client, inventory.lead, sheet)
    assert FIRST_COMMENT not in html and "Bergeron" not in html
    assert "Moyennes des évaluations soumises" not in html
    _evaluate(sheet, inventory.lead, [2, 2, 2, 2])
    html = _page(client, inventory.lead, sheet)
    assert FIRST_COMMENT in html


def test_project_lead_sees_every_submitted_evaluation(client, inventory):
    sheet = _sheet(inventory)
    _evaluate(sheet, inventory.evaluator, FIRST, comment=FIRST_COMMENT)
    html = _page(client, inventory.lead, sheet)
    assert FIRST_COMMENT in html and "Bergeron" in html


@pytest.mark.parametrize("who", ["author", "rep"])
def test_others_see_the_summary_never_the_scores(client, inventory, who):
    sheet = _sheet(inventory)
    _evaluate(sheet, inventory.evaluator, FIRST, comment=FIRST_COMMENT)
    html = _page(client, getattr(inventory, who), sheet)
    assert FIRST_COMMENT not in html and "Bergeron" not in html
    assert "1 évaluation" in html
    assert "Les moyennes s'affichent à partir de 2 évaluations" in html
    assert "Moyennes des évaluations soumises" not in html
    _evaluate(sheet, inventory.evaluator2, [3, 3, 4, 4])
    html = _page(client, getattr(inventory, who), sheet)
    assert "2 évaluations" in html
    assert "Moyennes des évaluations soumises" in html
    assert FIRST_COMMENT not in html and "Bergeron" not in html


# --- Permissions truth table ---------------------------------------------------------

PEOPLE = ("author", "peer", "rep", "evaluator", "lead", "outsider")
# state → who may (evaluate, formalise, publish, revise)
TABLE = {
    "sent_to_scientific": {"evaluate": {"evaluator"}},
    "evaluated": {"formalise": {"rep", "lead"}},
    "formalised": {"formalise": {"rep", "lead"}, "publish": {"lead"}},
    "published": {"revise": {"lead"}},
}
PREDICATES = {
    "evaluate": perms.can_evaluate,
    "formalise": perms.can_formalise,
    "publish": perms.can_publish,
    "revise": perms.can_revise,
}


@pytest.mark.parametrize("state", list(TABLE))
@pytest.mark.parametrize("action", list(PREDICATES))
def test_permission_truth_table(inventory, state, action):
    sheet = _sheet(inventory, state=state)
    sheet.refresh_from_db()
    allowed = TABLE[state].get(action, set())
    for key in PEOPLE:
        person = getattr(inventory, key)
        viewer = perms.viewer_for(person, inventory.network)
        assert PREDICATES[action](viewer, sheet) == (key in allowed), (key, action)


@pytest.mark.parametrize(
    ("key", "submitted", "sees"),
    [
        ("evaluator", False, False),
        ("evaluator", True, True),
        ("lead", False, True),
        ("rep", False, False),
        ("author", False, False),
        ("peer", False, False),
    ],
)
def test_who_sees_individual_scores(inventory, key, submitted, sees):
    sheet = _sheet(inventory)
    person = getattr(inventory, key)
    own = None
    if key == "evaluator":
        own = _evaluate(sheet, person, FIRST, submit=submitted)
    viewer = perms.viewer_for(person, inventory.network)
    assert perms.can_see_scores(viewer, sheet, own) is sees


def test_grid_and_queue_belong_to_leads_and_the_committee(inventory):
    def viewer(key):
        return perms.viewer_for(getattr(inventory, key), inventory.network)

    assert [perms.can_manage_grid(viewer(k)) for k in PEOPLE] == [
        False,
        False,
        False,
        False,
        True,
        False,
    ]
    assert [perms.can_view_queue(viewer(k)) for k in PEOPLE] == [
        False,
        False,
        False,
        True,
        True,
        False,
    ]


# --- Forms: conflicts, scores, bad input kept -----------------------------------------


def test_evaluator_declares_a_conflict_and_cannot_score(client, inventory):
    sheet = _sheet(inventory)
    client.force_login(inventory.evaluator)
    response = client.post(
        _url("evaluate", sheet),
        {"has_conflict": "yes", "conflict_note": "J'ai coécrit la pratique."},
    )
    assert response.status_code == 302
    evaluation = Evaluation.objects.get(sheet=sheet, evaluator=inventory.evaluator)
    assert evaluation.has_conflict and evaluation.submitted_at
    criterion = inventory.grid.criteria.first()
    response = client.post(
        _url("evaluate", sheet), {f"criterion_{criterion.pk}": "4", "submit": "1"}
    )
    assert response.status_code == 302
    assert not evaluation.scores.exists()


def test_conflict_without_a_note_keeps_the_answer(client, inventory):
    sheet = _sheet(inventory)
    client.force_login(inventory.evaluator)
    response = client.post(
        _url("evaluate", sheet), {"has_conflict": "yes", "conflict_note": ""}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Décrivez en quelques mots" in html
    assert 'value="yes" required id="id_has_conflict_1" checked' in html or (
        'value="yes"' in html and "checked" in html
    )
    assert not Evaluation.objects.exists()


def test_score_form_has_a_fieldset_per_criterion_with_the_scale_labels(
    client, inventory
):
    sheet = _sheet(inventory)
    services.start_evaluation(
        sheet=sheet, evaluator=inventory.evaluator, has_conflict=False
    )
    client.force_login(inventory.evaluator)
    html = client.get(_url("evaluate", sheet)).content.decode()
    assert html.count("<fieldset>") >= 4
    assert "<legend>Pertinence" in html
    assert "1 — Faible" in html and "5 — Excellent" in html


def test_submitting_with_a_missing_score_keeps_what_was_typed(client, inventory):
    sheet = _sheet(inventory)
    services.start_evaluation(
        sheet=sheet, evaluator=inventory.evaluator, has_conflict=False
    )
    first = inventory.grid.criteria.first()
    client.force_login(inventory.evaluator)
    response = client.post(
        _url("evaluate", sheet),
        {f"criterion_{first.pk}": "4", "comment": "Mon texte", "submit": "1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Notez chaque critère avant de soumettre" in html
    assert "Mon texte" in html
    assert 'value="4"' in html
    evaluation = Evaluation.objects.get(sheet=sheet, evaluator=inventory.evaluator)
    assert evaluation.submitted_at is None


def test_score_outside_the_scale_is_shown_on_its_criterion(client, inventory):
    sheet = _sheet(inventory)
    services.start_evaluation(
        sheet=sheet, evaluator=inventory.evaluator, has_conflict=False
    )
    first = inventory.grid.criteria.first()
    client.force_login(inventory.evaluator)
    response = client.post(
        _url("evaluate", sheet),
        {f"criterion_{first.pk}": "9", "comment": "Gardé", "save": "1"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choisissez une note de 1 à 5." in html and "Gardé" in html


def test_draft_then_submit_then_locked(client, inventory):
    sheet = _sheet(inventory)
    services.start_evaluation(
        sheet=sheet, evaluator=inventory.evaluator, has_conflict=False
    )
    data = {
        f"criterion_{c.pk}": str(v)
        for c, v in zip(inventory.grid.criteria.all(), FIRST, strict=True)
    }
    client.force_login(inventory.evaluator)
    response = client.post(_url("evaluate", sheet), {**data, "save": "1"})
    assert response.status_code == 302
    evaluation = Evaluation.objects.get(sheet=sheet, evaluator=inventory.evaluator)
    assert evaluation.submitted_at is None and evaluation.scores.count() == 4
    response = client.post(_url("evaluate", sheet), {**data, "submit": "1"})
    assert response.status_code == 302
    evaluation.refresh_from_db()
    assert evaluation.submitted_at
    changed = {**data, next(iter(data)): "1", "submit": "1"}
    client.post(_url("evaluate", sheet), changed)
    assert sorted(evaluation.scores.values_list("value", flat=True)) == sorted(FIRST)


# --- Grid settings ------------------------------------------------------------------


def _grid_post(inventory, rows, **overrides):
    data = {
        "scale_min": "1",
        "scale_max": "5",
        "low_label": "Faible",
        "high_label": "Excellent",
        "criteria-TOTAL_FORMS": str(len(rows)),
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "20",
        **overrides,
    }
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"criteria-{i}-{key}"] = value
    return data


def test_lead_removes_a_scored_criterion_and_is_told_why(client, inventory):
    _evaluate(_sheet(inventory), inventory.evaluator, FIRST, submit=False)
    criteria = list(inventory.grid.criteria.all())
    rows = [
        {"criterion_id": str(c.pk), "name": c.name, "help_text": ""} for c in criteria
    ]
    rows[0]["DELETE"] = "on"
    client.force_login(inventory.lead)
    url = reverse("practices:grid", kwargs={"network": inventory.network.slug})
    response = client.post(url, _grid_post(inventory, rows))
    assert response.status_code == 200
    html = response.content.decode()
    assert "ont déjà reçu des notes" in html, html[html.find("<main") :][:3000]
    assert inventory.grid.criteria.count() == 4
    rows[0].pop("DELETE")
    rows.append({"criterion_id": "", "name": "Coût", "help_text": "Abordable"})
    response = client.post(url, _grid_post(inventory, rows))
    assert response.status_code == 302
    assert inventory.grid.criteria.last().name == "Coût"


def test_bad_scale_is_shown_with_the_typed_values(client, inventory):
    rows = [{"criterion_id": "", "name": "Pertinence", "help_text": ""}]
    client.force_login(inventory.lead)
    url = reverse("practices:grid", kwargs={"network": inventory.network.slug})
    response = client.post(
        url, _grid_post(inventory, rows, scale_min="4", scale_max="2")
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "La note maximale doit dépasser la note minimale" in html
    assert 'value="4"' in html


# --- The scientific committee's queue ------------------------------------------------


def test_queue_shows_counts_and_my_part_and_filters(client, inventory):
    one = _sheet(inventory, subregion=inventory.subregion, age_group="3_5")
    two = _sheet(inventory, title="Le jeu dehors", subregion=inventory.subregion_b)
    _evaluate(one, inventory.evaluator2, FIRST)
    _evaluate(one, inventory.evaluator, FIRST)
    client.force_login(inventory.evaluator)
    url = reverse(
        "practices:queue_scientific", kwargs={"network": inventory.network.slug}
    )
    response = client.get(url)
    rows = {s.pk: s for s in response.context["page"].object_list}
    assert rows[one.pk].evaluations_in == 2 and rows[one.pk].mine_done
    assert rows[two.pk].evaluations_in == 0 and not rows[two.pk].mine_done
    response = client.get(url, {"sous_region": inventory.subregion_b.pk})
    assert [s.pk for s in response.context["page"].object_list] == [two.pk]
    response = client.get(url, {"age": "3_5"})
    assert [s.pk for s in response.context["page"].object_list] == [one.pk]
    response = client.get(url, {"age": "<script>", "sous_region": "x"})
    assert response.status_code == 200


def _queue_queries(client, inventory, count, django_assert_max_num_queries, limit):
    for i in range(count):
        sheet = _sheet(inventory, title=f"Pratique {i}")
        _evaluate(sheet, inventory.evaluator2, FIRST)
    client.force_login(inventory.evaluator)
    url = reverse(
        "practices:queue_scientific", kwargs={"network": inventory.network.slug}
    )
    with django_assert_max_num_queries(limit) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_queue_queries_do_not_grow_with_sheets(
    client, inventory, django_assert_max_num_queries
):
    small = _queue_queries(client, inventory, 2, django_assert_max_num_queries, 30)
    large = _queue_queries(client, inventory, 18, django_assert_max_num_queries, 30)
    assert large == small


# --- Formalising and publishing ------------------------------------------------------


def test_formalise_form_is_prefilled_from_the_latest_version(client, inventory):
    sheet = _sheet(inventory, state="evaluated")
    client.force_login(inventory.lead)
    html = client.get(_url("formalise", sheet)).content.decode()
    assert "Les transitions en chanson" in html
    assert "Des comptines pour passer" in html
    assert "<textarea" in html


def test_concurrent_formalise_form_keeps_the_text(client, inventory):
    sheet = _sheet(inventory, state="evaluated")
    stale = sheet.lock_version
    services.formalise(sheet=sheet, actor=inventory.rep, expected_lock_version=stale)
    client.force_login(inventory.lead)
    response = client.post(
        _url("formalise", sheet),
        {
            "title": "Mon titre tapé",
            "summary": "Mon résumé tapé",
            "lock_version": str(stale),
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "a été écrasé" in html and "Mon résumé tapé" in html
    assert not SheetVersion.objects.filter(title="Mon titre tapé").exists()
    sheet.refresh_from_db()
    assert f'name="lock_version" value="{sheet.lock_version}"' in html
    response = client.post(
        _url("formalise", sheet),
        {"title": "Mon titre tapé", "lock_version": str(sheet.lock_version)},
    )
    assert response.status_code == 302
    assert SheetVersion.objects.filter(title="Mon titre tapé").exists()


def test_lead_formalises_then_publishes_to_the_public(client, inventory):
    sheet = _sheet(inventory, state="evaluated")
    client.force_login(inventory.lead)
    response = client.post(
        _url("formalise", sheet),
        {
            "title": "Titre formalisé",
            "summary": "Résumé",
            "steps": "Étapes",
            "lock_version": str(sheet.lock_version),
        },
    )
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.state == SheetState.FORMALISED
    html = client.get(_url("publish", sheet)).content.decode()
    assert "Mise en commun provinciale" not in html
    response = client.post(_url("publish", sheet), {"scope": "provincial"})
    assert response.status_code == 200
    response = client.post(_url("publish", sheet), {"scope": "public"})
    assert response.status_code == 302
    sheet.refresh_from_db()
    assert sheet.state == SheetState.PUBLISHED and sheet.scope == "public"
    assert sheet.published_version.title == "Titre formalisé"
    assert sheet.versions.count() == 2


def test_provincial_pooling_offered_when_the_network_takes_part(client, inventory):
    inventory.network.shares_provincial_pooling = True
    inventory.network.save()
    sheet = _sheet(inventory, state="formalised")
    client.force_login(inventory.lead)
    html = client.get(_url("publish", sheet)).content.decode()
    assert "Mise en commun provinciale" in html


def test_lead_revises_a_published_sheet(client, inventory):
    sheet = _sheet(inventory, state="published")
    client.force_login(inventory.lead)
    response = client.post(_url("revise", sheet))
    assert response.headers["Location"] == _url("formalise", sheet)
    sheet.refresh_from_db()
    assert sheet.state == SheetState.FORMALISED
    assert sheet.published_version is not None
