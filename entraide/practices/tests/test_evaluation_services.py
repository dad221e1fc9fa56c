"""Evaluating a sheet: the grid, conflicts, scores, the summary, formalising."""

import pytest
from django.core.exceptions import ValidationError

from entraide.practices.models import (
    Evaluation,
    EvaluationGrid,
    Score,
    SheetState,
    SheetVersion,
    VersionKind,
)
from entraide.practices.services import evaluation as services
from entraide.practices.services import workflow
from entraide.practices.tests.access_evaluation import sheet_at


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


def _criteria(inventory):
    return list(inventory.grid.criteria.all())


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


# --- The grid -----------------------------------------------------------------------


def test_default_grid_has_the_four_criteria_on_one_to_five(db):
    from entraide.core.testing import make_network

    network = make_network("neuf")
    grid = services.default_grid(network)
    assert (grid.scale_min, grid.scale_max) == (1, 5)
    assert [c.name for c in grid.criteria.all()] == [
        "Pertinence",
        "Transférabilité",
        "Preuves d'effet",
        "Cohérence avec le programme éducatif",
    ]
    assert grid.low_label and grid.high_label
    assert services.default_grid(network) == grid
    assert EvaluationGrid.objects.filter(network=network).count() == 1


def _rows(grid):
    return [
        {"id": c.pk, "name": c.name, "help_text": c.help_text}
        for c in grid.criteria.all()
    ]


def test_lead_adds_renames_and_reorders_criteria(inventory):
    rows = _rows(inventory.grid)
    rows[0]["name"] = "Pertinence pour les enfants"
    rows.reverse()
    rows.append({"id": None, "name": "Coût", "help_text": "Abordable"})
    grid = services.update_grid(
        network=inventory.network,
        actor=inventory.lead,
        scale_min=0,
        scale_max=4,
        criteria=rows,
        low_label="Pas du tout",
        high_label="Tout à fait",
    )
    names = [c.name for c in grid.criteria.all()]
    assert names[0] == "Cohérence avec le programme éducatif"
    assert names[3] == "Pertinence pour les enfants"
    assert names[4] == "Coût"
    assert (grid.scale_min, grid.scale_max, grid.low_label) == (0, 4, "Pas du tout")


def test_scored_criterion_cannot_be_removed(inventory):
    sheet = _sheet(inventory)
    _evaluate(sheet, inventory.evaluator, [4, 4, 4, 4], submit=False)
    rows = _rows(inventory.grid)[1:]
    with pytest.raises(ValidationError) as error:
        services.update_grid(
            network=inventory.network,
            actor=inventory.lead,
            scale_min=1,
            scale_max=5,
            criteria=rows,
        )
    assert "Pertinence" in error.value.message_dict["criteria"][0]
    assert inventory.grid.criteria.count() == 4


def test_unscored_criterion_can_be_removed(inventory):
    rows = _rows(inventory.grid)[:3]
    grid = services.update_grid(
        network=inventory.network,
        actor=inventory.lead,
        scale_min=1,
        scale_max=5,
        criteria=rows,
    )
    assert grid.criteria.count() == 3


def test_scale_cannot_shrink_past_given_scores(inventory):
    _evaluate(_sheet(inventory), inventory.evaluator, [5, 5, 5, 5])
    with pytest.raises(ValidationError) as error:
        services.update_grid(
            network=inventory.network,
            actor=inventory.lead,
            scale_min=1,
            scale_max=4,
            criteria=_rows(inventory.grid),
        )
    assert "scale_min" in error.value.message_dict


@pytest.mark.parametrize(
    ("scale_min", "scale_max", "names", "field"),
    [
        (3, 3, ["A"], "scale_max"),
        (5, 1, ["A"], "scale_max"),
        (0, 11, ["A"], "scale_max"),
        (1, 5, [], "criteria"),
        (1, 5, ["  "], "criteria"),
        (1, 5, ["A", "a"], "criteria"),
    ],
)
def test_bad_grid_is_refused_on_its_field(
    inventory, scale_min, scale_max, names, field
):
    with pytest.raises(ValidationError) as error:
        services.update_grid(
            network=inventory.network,
            actor=inventory.lead,
            scale_min=scale_min,
            scale_max=scale_max,
            criteria=[{"name": name} for name in names],
        )
    assert field in error.value.message_dict
    assert inventory.grid.criteria.count() == 4


# --- Conflicts, scores, submission ---------------------------------------------------


def test_conflict_is_recorded_as_a_recusal_that_cannot_score(inventory):
    sheet = _sheet(inventory)
    evaluation = services.start_evaluation(
        sheet=sheet,
        evaluator=inventory.evaluator,
        has_conflict=True,
        conflict_note="J'ai travaillé avec l'autrice.",
    )
    assert evaluation.has_conflict and evaluation.submitted_at
    criterion = _criteria(inventory)[0]
    with pytest.raises(ValidationError):
        services.save_scores(evaluation=evaluation, scores={criterion.pk: 3})
    with pytest.raises(ValidationError):
        services.submit_evaluation(evaluation=evaluation)
    assert not Score.objects.filter(evaluation=evaluation).exists()
    summary = services.evaluation_summary(sheet)
    assert (summary.evaluations, summary.recusals) == (0, 1)


def test_conflict_needs_a_note(inventory):
    with pytest.raises(ValidationError) as error:
        services.start_evaluation(
            sheet=_sheet(inventory),
            evaluator=inventory.evaluator,
            has_conflict=True,
            conflict_note="  ",
        )
    assert "conflict_note" in error.value.message_dict
    assert not Evaluation.objects.exists()


def test_conflict_declared_after_a_draft_removes_its_scores(inventory):
    sheet = _sheet(inventory)
    evaluation = _evaluate(sheet, inventory.evaluator, [3, 3], submit=False)
    services.start_evaluation(
        sheet=sheet,
        evaluator=inventory.evaluator,
        has_conflict=True,
        conflict_note="Ma sœur a écrit la fiche.",
    )
    assert not evaluation.scores.exists()


def test_evaluation_only_while_at_the_scientific_committee(inventory):
    sheet = _sheet(inventory, state="retained")
    with pytest.raises(ValidationError):
        services.start_evaluation(
            sheet=sheet, evaluator=inventory.evaluator, has_conflict=False
        )


@pytest.mark.parametrize("value", [0, 6, -1, 99, "abc", 2.5j])
def test_score_outside_the_scale_is_refused_on_its_criterion(inventory, value):
    sheet = _sheet(inventory)
    evaluation = services.start_evaluation(
        sheet=sheet, evaluator=inventory.evaluator, has_conflict=False
    )
    criterion = _criteria(inventory)[1]
    with pytest.raises(ValidationError) as error:
        services.save_scores(evaluation=evaluation, scores={criterion.pk: value})
    assert f"criterion_{criterion.pk}" in error.value.message_dict
    assert not evaluation.scores.exists()


def test_scale_bounds_are_accepted(inventory):
    sheet = _sheet(inventory)
    evaluation = _evaluate(sheet, inventory.evaluator, [1, 5, 1, 5], submit=False)
    assert sorted(evaluation.scores.values_list("value", flat=True)) == [1, 1, 5, 5]


def test_draft_may_miss_scores_but_submission_needs_every_criterion(inventory):
    sheet = _sheet(inventory)
    evaluation = _evaluate(sheet, inventory.evaluator, [4, 3], submit=False)
    with pytest.raises(ValidationError) as error:
        services.submit_evaluation(evaluation=evaluation)
    assert "Preuves d'effet" in error.value.messages[0]
    evaluation.refresh_from_db()
    assert evaluation.submitted_at is None
    ids = [c.pk for c in _criteria(inventory)]
    services.save_scores(
        evaluation=evaluation, scores=dict(zip(ids, [4, 3, 2, 5], strict=True))
    )
    services.submit_evaluation(evaluation=evaluation)
    assert evaluation.submitted_at is not None


def test_draft_score_set_empty_is_removed(inventory):
    sheet = _sheet(inventory)
    evaluation = _evaluate(sheet, inventory.evaluator, [4, 3], submit=False)
    first, second = _criteria(inventory)[:2]
    services.save_scores(evaluation=evaluation, scores={first.pk: 2, second.pk: None})
    assert dict(evaluation.scores.values_list("criterion_id", "value")) == {first.pk: 2}


def test_submitted_evaluation_never_changes(inventory):
    sheet = _sheet(inventory)
    evaluation = _evaluate(sheet, inventory.evaluator, [4, 4, 4, 4], comment="Bien")
    criterion = _criteria(inventory)[0]
    with pytest.raises(ValidationError):
        services.save_scores(evaluation=evaluation, scores={criterion.pk: 1})
    with pytest.raises(ValidationError):
        services.submit_evaluation(evaluation=evaluation)
    with pytest.raises(ValidationError):
        services.start_evaluation(
            sheet=sheet,
            evaluator=inventory.evaluator,
            has_conflict=True,
            conflict_note="Trop tard",
        )
    evaluation.refresh_from_db()
    assert evaluation.comment == "Bien" and not evaluation.has_conflict
    assert set(evaluation.scores.values_list("value", flat=True)) == {4}


# --- The summary ---------------------------------------------------------------------


def test_summary_with_one_evaluation_shows_the_count_only(inventory):
    sheet = _sheet(inventory)
    _evaluate(sheet, inventory.evaluator, [5, 1, 3, 2])
    summary = services.evaluation_summary(sheet)
    assert summary.evaluations == 1
    assert not summary.shows_averages
    assert summary.criteria == [] and summary.overall is None


def test_summary_averages_submitted_evaluations_only(inventory):
    sheet = _sheet(inventory)
    _evaluate(sheet, inventory.evaluator, [5, 1, 3, 2])
    _evaluate(sheet, inventory.evaluator2, [3, 3, 4, 4])
    _evaluate(sheet, inventory.lead, [1, 1, 1, 1], submit=False)
    summary = services.evaluation_summary(sheet)
    assert (summary.evaluations, summary.recusals) == (2, 0)
    rows = [(row.criterion.name, row.average, row.count) for row in summary.criteria]
    assert rows == [
        ("Pertinence", 4, 2),
        ("Transférabilité", 2, 2),
        ("Preuves d'effet", 3.5, 2),
        ("Cohérence avec le programme éducatif", 3, 2),
    ]
    assert summary.overall == pytest.approx(3.125)


def test_summary_holds_no_individual_score_or_name(inventory):
    sheet = _sheet(inventory)
    _evaluate(sheet, inventory.evaluator, [5, 1, 3, 2], comment="Très clair")
    _evaluate(sheet, inventory.evaluator2, [3, 3, 4, 4])
    summary = services.evaluation_summary(sheet)
    dumped = repr(summary)
    assert "Bergeron" not in dumped and "Très clair" not in dumped
    assert "evaluator" not in dumped
    assert {row.average for row in summary.criteria} == {4, 2, 3.5, 3}


def test_summary_counts_recusals_apart(inventory):
    sheet = _sheet(inventory)
    _evaluate(sheet, inventory.evaluator, [4, 4, 4, 4])
    services.start_evaluation(
        sheet=sheet,
        evaluator=inventory.evaluator2,
        has_conflict=True,
        conflict_note="Même CPE",
    )
    summary = services.evaluation_summary(sheet)
    assert (summary.evaluations, summary.recusals) == (1, 1)
    assert not summary.shows_averages


# --- Formalising --------------------------------------------------------------------


def test_formalising_makes_a_new_version_and_keeps_the_original(inventory):
    sheet = _sheet(inventory, state="evaluated")
    original = sheet.current_version
    version = services.formalise(
        sheet=sheet,
        actor=inventory.lead,
        expected_lock_version=sheet.lock_version,
        title="Les transitions en chanson — version publiée",
    )
    assert version.kind == VersionKind.FORMALISED
    assert version.number == original.number + 1
    assert version.created_by == inventory.lead
    assert version.steps == original.steps
    original.refresh_from_db()
    assert original.title == "Les transitions en chanson"
    assert SheetVersion.objects.filter(sheet=sheet).count() == 2
    sheet.refresh_from_db()
    assert sheet.state == SheetState.FORMALISED
    assert sheet.transitions.last().to_state == SheetState.FORMALISED


def test_formalising_again_adds_another_version(inventory):
    sheet = _sheet(inventory, state="formalised")
    sheet.refresh_from_db()
    version = services.formalise(
        sheet=sheet,
        actor=inventory.lead,
        expected_lock_version=sheet.lock_version,
        summary="Un résumé resserré.",
    )
    assert version.number == 3
    assert list(sheet.versions.values_list("kind", flat=True)) == [
        "author",
        "formalised",
        "formalised",
    ]


def test_concurrent_formalise_is_refused_and_writes_nothing(inventory):
    sheet = _sheet(inventory, state="evaluated")
    seen = sheet.lock_version
    services.formalise(sheet=sheet, actor=inventory.lead, expected_lock_version=seen)
    with pytest.raises(ValidationError) as error:
        services.formalise(
            sheet=sheet,
            actor=inventory.rep,
            expected_lock_version=seen,
            title="Écrasé?",
        )
    assert "Rien n'a été écrasé" in error.value.messages[0]
    assert not SheetVersion.objects.filter(title="Écrasé?").exists()
    assert sheet.versions.count() == 2


def test_formalise_refused_at_a_wrong_step_leaves_no_version(inventory):
    sheet = _sheet(inventory, state="sent_to_scientific")
    with pytest.raises(ValidationError):
        services.formalise(
            sheet=sheet, actor=inventory.lead, expected_lock_version=sheet.lock_version
        )
    assert sheet.versions.count() == 1


def test_published_sheet_revised_gets_a_new_version_and_keeps_the_public_one(
    inventory,
):
    sheet = _sheet(inventory, state="published")
    sheet.refresh_from_db()
    published = sheet.published_version
    workflow.revise_sheet(sheet=sheet, actor=inventory.lead)
    sheet.refresh_from_db()
    version = services.formalise(
        sheet=sheet,
        actor=inventory.lead,
        expected_lock_version=sheet.lock_version,
        results="Des résultats mis à jour.",
    )
    sheet.refresh_from_db()
    assert sheet.published_version == published
    workflow.publish_sheet(sheet=sheet, actor=inventory.lead, scope="public")
    sheet.refresh_from_db()
    assert sheet.published_version == version
    assert sheet.scope == "public"
