"""The scientific committee's evaluation of a sheet, and the version to publish.

Each evaluator declares a conflict of interest first (a conflict is recorded as a
recusal and scores nothing), then scores every criterion of the network's grid and
submits; a submitted evaluation never changes. The summary counts submitted
evaluations only and shows averages once at least ``MIN_FOR_AVERAGES`` are in, so
that no one person's scores can be read from it. Formalising writes a new version
(the author's versions stay) and then moves the sheet through ``workflow``.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg, Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from entraide.practices.models import (
    CONTENT_FIELDS,
    Criterion,
    Evaluation,
    EvaluationGrid,
    PracticeSheet,
    Score,
    SheetState,
    SheetVersion,
    VersionKind,
)

# Below two submitted evaluations, an average would be one person's scores.
MIN_FOR_AVERAGES = 2
SCALE_FLOOR, SCALE_CEILING = 0, 10
MAX_CRITERIA = 20

DEFAULT_CRITERIA = (
    (
        gettext_lazy("Pertinence"),
        gettext_lazy("La pratique répond à un besoin réel des enfants ou du milieu."),
    ),
    (
        gettext_lazy("Transférabilité"),
        gettext_lazy(
            "D'autres milieux peuvent la reprendre avec les ressources décrites."
        ),
    ),
    (
        gettext_lazy("Preuves d'effet"),
        gettext_lazy("Les résultats sont observés et documentés."),
    ),
    (
        gettext_lazy("Cohérence avec le programme éducatif"),
        gettext_lazy(
            "La pratique s'accorde avec le programme éducatif "
            "Accueillir la petite enfance."
        ),
    ),
)


def default_grid(network) -> EvaluationGrid:
    """The network's grid, created with the four usual criteria on a 1–5 scale."""
    with transaction.atomic():
        grid, created = EvaluationGrid.objects.get_or_create(
            network=network,
            defaults={
                "scale_min": 1,
                "scale_max": 5,
                "low_label": _("Faible"),
                "high_label": _("Excellent"),
            },
        )
        if created:
            Criterion.objects.bulk_create(
                Criterion(grid=grid, name=str(name), help_text=str(help_), position=i)
                for i, (name, help_) in enumerate(DEFAULT_CRITERIA)
            )
    return grid


def _scored_criterion_ids(grid: EvaluationGrid) -> set[int]:
    return set(
        Score.objects.filter(criterion__grid=grid)
        .values_list("criterion_id", flat=True)
        .distinct()
    )


def update_grid(
    *,
    network,
    actor,
    scale_min: int,
    scale_max: int,
    criteria: list[dict],
    low_label: str = "",
    high_label: str = "",
) -> EvaluationGrid:
    """Changes the scale and the criteria (a list of ``{"id", "name", "help_text"}``,
    in order; no ``id`` for a new one).

    A criterion already scored cannot be removed, and the scale cannot shrink past
    a score already given: the evaluations made with it would lose their meaning.
    """
    errors: dict[str, list] = {}
    if not (SCALE_FLOOR <= scale_min < scale_max <= SCALE_CEILING):
        errors.setdefault("scale_max", []).append(
            _(
                "La note maximale doit dépasser la note minimale, de %(floor)s "
                "à %(ceiling)s."
            )
            % {"floor": SCALE_FLOOR, "ceiling": SCALE_CEILING}
        )
    kept = [c for c in criteria if (c.get("name") or "").strip()]
    if not kept:
        errors.setdefault("criteria", []).append(
            _("La grille compte au moins un critère.")
        )
    if len(kept) > MAX_CRITERIA:
        errors.setdefault("criteria", []).append(
            _("La grille compte au plus %(count)s critères.") % {"count": MAX_CRITERIA}
        )
    names = [c["name"].strip().casefold() for c in kept]
    if len(set(names)) != len(names):
        errors.setdefault("criteria", []).append(
            _("Deux critères portent le même nom.")
        )
    if errors:
        raise ValidationError(errors)
    grid = default_grid(network)
    with transaction.atomic():
        grid = EvaluationGrid.objects.select_for_update().get(pk=grid.pk)
        existing = {c.pk: c for c in grid.criteria.all()}
        scored = _scored_criterion_ids(grid)
        kept_ids = {int(c["id"]) for c in kept if c.get("id")}
        unknown = kept_ids - set(existing)
        if unknown:
            raise ValidationError(
                {"criteria": _("Un des critères n'existe plus; rechargez la page.")}
            )
        removed = [existing[pk] for pk in set(existing) - kept_ids]
        blocked = sorted(c.name for c in removed if c.pk in scored)
        if blocked:
            raise ValidationError(
                {
                    "criteria": _(
                        "Ces critères ont déjà reçu des notes et ne peuvent pas "
                        "être retirés : %(names)s."
                    )
                    % {"names": ", ".join(blocked)}
                }
            )
        outside = Score.objects.filter(criterion__grid=grid).filter(
            Q(value__lt=scale_min) | Q(value__gt=scale_max)
        )
        if outside.exists():
            raise ValidationError(
                {
                    "scale_min": _(
                        "Des notes déjà données sortent de cette échelle; gardez "
                        "une échelle qui les contient."
                    )
                }
            )
        grid.scale_min, grid.scale_max = scale_min, scale_max
        grid.low_label, grid.high_label = low_label.strip(), high_label.strip()
        grid.full_clean()
        grid.save()
        for criterion in removed:
            criterion.delete()
        for position, data in enumerate(kept):
            pk = int(data["id"]) if data.get("id") else None
            criterion = existing[pk] if pk else Criterion(grid=grid)
            criterion.name = data["name"].strip()
            criterion.help_text = (data.get("help_text") or "").strip()
            criterion.position = position
            criterion.full_clean()
            criterion.save()
    return grid


def _locked_evaluation(evaluation: Evaluation) -> Evaluation:
    return (
        Evaluation.objects.select_for_update()
        .select_related("sheet")
        .get(pk=evaluation.pk)
    )


def start_evaluation(
    *, sheet: PracticeSheet, evaluator, has_conflict: bool, conflict_note: str = ""
) -> Evaluation:
    """The evaluator's declaration of interests, before any score.

    With a conflict, the evaluation is recorded at once as a recusal: submitted,
    without scores. Without one, a draft to score (or the existing draft).
    """
    note = (conflict_note or "").strip()
    if has_conflict and not note:
        raise ValidationError(
            {
                "conflict_note": _(
                    "Décrivez en quelques mots la nature du conflit d'intérêts."
                )
            }
        )
    with transaction.atomic():
        locked = PracticeSheet.objects.select_for_update().get(pk=sheet.pk)
        if locked.state != SheetState.SENT_TO_SCIENTIFIC:
            raise ValidationError(
                _("Cette fiche n'est pas à l'évaluation du comité scientifique.")
            )
        evaluation, _created = Evaluation.objects.get_or_create(
            sheet=locked, evaluator=evaluator
        )
        evaluation = _locked_evaluation(evaluation)
        if evaluation.submitted_at:
            raise ValidationError(
                _("Votre évaluation est déjà soumise; elle ne peut plus changer.")
            )
        evaluation.has_conflict = bool(has_conflict)
        evaluation.conflict_note = note if has_conflict else ""
        if has_conflict:
            evaluation.scores.all().delete()
            evaluation.submitted_at = timezone.now()
        evaluation.full_clean()
        evaluation.save()
    return evaluation


def save_scores(
    *, evaluation: Evaluation, scores: dict[int, int | None], comment: str = ""
) -> Evaluation:
    """Keeps a draft: each score within the grid's scale, some may still be missing.

    ``scores`` is the whole draft: a criterion missing from it (or ``None``) loses
    the score it had.
    """
    grid = default_grid(evaluation.sheet.network)
    criteria = {c.pk: c for c in grid.criteria.all()}
    errors = {}
    clean: dict[int, int] = {}
    for criterion_id, value in scores.items():
        criterion = criteria.get(int(criterion_id))
        if criterion is None:
            raise ValidationError(
                _("La grille a changé; rechargez la page pour voir ses critères.")
            )
        if value is None or value == "":
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or not grid.scale_min <= number <= grid.scale_max:
            errors[f"criterion_{criterion.pk}"] = _(
                "Choisissez une note de %(min)s à %(max)s."
            ) % {"min": grid.scale_min, "max": grid.scale_max}
            continue
        clean[criterion.pk] = number
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        locked = _locked_evaluation(evaluation)
        _check_open(locked)
        locked.comment = (comment or "").strip()
        locked.full_clean()
        locked.save(update_fields=["comment"])
        existing = {s.criterion_id: s for s in locked.scores.all()}
        locked.scores.exclude(criterion_id__in=list(clean)).delete()
        changed, new = [], []
        for criterion_id, value in clean.items():
            row = existing.get(criterion_id)
            if row is None:
                new.append(
                    Score(evaluation=locked, criterion_id=criterion_id, value=value)
                )
            elif row.value != value:
                row.value = value
                changed.append(row)
        Score.objects.bulk_create(new)
        Score.objects.bulk_update(changed, ["value"])
    evaluation.comment = locked.comment
    return evaluation


def _check_open(evaluation: Evaluation) -> None:
    if evaluation.has_conflict:
        raise ValidationError(
            _(
                "Vous avez déclaré un conflit d'intérêts : vous ne notez pas "
                "cette fiche."
            )
        )
    if evaluation.submitted_at:
        raise ValidationError(
            _("Votre évaluation est déjà soumise; elle ne peut plus changer.")
        )
    if evaluation.sheet.state != SheetState.SENT_TO_SCIENTIFIC:
        raise ValidationError(
            _("Cette fiche n'est plus à l'évaluation du comité scientifique.")
        )


def submit_evaluation(*, evaluation: Evaluation) -> Evaluation:
    """Locks the evaluation once every criterion has its score."""
    with transaction.atomic():
        locked = _locked_evaluation(evaluation)
        _check_open(locked)
        grid = default_grid(locked.sheet.network)
        scored = set(locked.scores.values_list("criterion_id", flat=True))
        missing = [c.name for c in grid.criteria.all() if c.pk not in scored]
        if missing:
            raise ValidationError(
                _("Notez chaque critère avant de soumettre : %(names)s.")
                % {"names": ", ".join(missing)}
            )
        locked.submitted_at = timezone.now()
        locked.save(update_fields=["submitted_at"])
    evaluation.submitted_at = locked.submitted_at
    return evaluation


@dataclass
class CriterionSummary:
    criterion: Criterion
    count: int
    average: float | None


@dataclass
class Summary:
    """What anyone who may read the sheet may know of its evaluation."""

    evaluations: int
    recusals: int
    criteria: list[CriterionSummary] = field(default_factory=list)
    overall: float | None = None

    @property
    def shows_averages(self) -> bool:
        return self.evaluations >= MIN_FOR_AVERAGES


def evaluation_summary(sheet: PracticeSheet) -> Summary:
    """Averages per criterion and overall over submitted evaluations (three queries).

    Averages are computed only from ``MIN_FOR_AVERAGES`` evaluations on; below,
    the summary holds counts alone, so no single person's scores leave here.
    """
    counts = Evaluation.objects.filter(
        sheet=sheet, submitted_at__isnull=False
    ).aggregate(
        evaluations=Count("pk", filter=Q(has_conflict=False)),
        recusals=Count("pk", filter=Q(has_conflict=True)),
    )
    summary = Summary(evaluations=counts["evaluations"], recusals=counts["recusals"])
    if not summary.shows_averages:
        return summary
    submitted = Score.objects.filter(
        evaluation__sheet=sheet,
        evaluation__submitted_at__isnull=False,
        evaluation__has_conflict=False,
    )
    rows = {
        row["criterion"]: row
        for row in submitted.values("criterion").annotate(
            average=Avg("value"), count=Count("pk")
        )
    }
    criteria = Criterion.objects.filter(pk__in=list(rows))
    summary.criteria = [
        CriterionSummary(
            criterion=c, count=rows[c.pk]["count"], average=rows[c.pk]["average"]
        )
        for c in criteria
    ]
    summary.overall = submitted.aggregate(overall=Avg("value"))["overall"]
    return summary


@dataclass
class ScoreRow:
    evaluation: Evaluation
    values: list


def submitted_scores(sheet: PracticeSheet) -> tuple[list[Criterion], list[ScoreRow]]:
    """Each submitted evaluation with its name and scores, for those who may see
    them (the views decide who: see ``views/evaluation.py``)."""
    grid = default_grid(sheet.network)
    criteria = list(grid.criteria.all())
    evaluations = list(
        Evaluation.objects.filter(sheet=sheet, submitted_at__isnull=False)
        .select_related("evaluator")
        .prefetch_related("scores")
        .order_by("submitted_at", "pk")
    )
    rows = []
    for evaluation in evaluations:
        by_criterion = {s.criterion_id: s.value for s in evaluation.scores.all()}
        rows.append(
            ScoreRow(
                evaluation=evaluation,
                values=[by_criterion.get(c.pk) for c in criteria],
            )
        )
    return criteria, rows


def _latest_version(sheet: PracticeSheet) -> SheetVersion | None:
    return sheet.versions.order_by("-number").first()


def formalise(
    *,
    sheet: PracticeSheet,
    actor,
    expected_lock_version: int,
    change_note: str = "",
    **content,
) -> SheetVersion:
    """A new formalised version (the latest version's content unless given), the
    earlier versions kept, then the sheet moved to "formalised" by ``workflow``.

    Two people formalising at once: the second is told, nothing is overwritten.
    """
    from entraide.practices.services import authoring, workflow

    unknown = set(content) - set(CONTENT_FIELDS)
    if unknown:
        raise ValueError(f"Not content fields: {sorted(unknown)}")
    with transaction.atomic():
        locked = PracticeSheet.objects.select_for_update().get(pk=sheet.pk)
        if locked.lock_version != expected_lock_version:
            raise authoring.conflict_error()
        latest = _latest_version(locked)
        values = {
            name: getattr(latest, name) if latest else "" for name in CONTENT_FIELDS
        }
        values.update({name: (value or "").strip() for name, value in content.items()})
        version = SheetVersion(
            sheet=locked,
            number=(latest.number if latest else 0) + 1,
            kind=VersionKind.FORMALISED,
            created_by=actor,
            change_note=(change_note or "").strip(),
            **values,
        )
        version.full_clean()
        version.save()
        locked.lock_version += 1
        locked.save(update_fields=["lock_version", "updated_at"])
        workflow.formalise_sheet(sheet=locked, actor=actor, version=version)
    sheet.refresh_from_db()
    return version
