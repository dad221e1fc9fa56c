"""A community's themes for a school year, from a ranking question's results."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from entraide.core.timezones import zone
from entraide.meetings import planning
from entraide.meetings.models import FIRST_YEAR, LAST_YEAR, YearTheme
from entraide.surveys import analysis
from entraide.surveys.models import QuestionKind


def next_season(community, today=None) -> int:
    """The next season to start: 2026 (2026–2027) on any day of 2026 before its
    first month (September unless the community says otherwise), 2027 after."""
    today = today or timezone.localdate(timezone=zone(community.network.time_zone))
    anchor = planning.season_anchor(community)
    return today.year if today.month < anchor else today.year + 1


def ranked_titles(question) -> list[str]:
    """The ranking's options, top first (by Borda score), from its sent answers."""
    answers = analysis.sent_answers(question.survey).filter(question=question)
    (result,) = analysis.question_results([question], answers)
    return [row.label for row in result.rows]


def create_themes_from_ranking(
    *, survey, question, season: int, count: int | None = None, actor=None
) -> list[YearTheme]:
    """The top ``count`` options (all when None) become the community's themes for
    ``season``, after its existing ones, in ranking order. A title the season
    already has is skipped, so running it again creates nothing."""
    errors = {}
    if survey.community_id is None:
        errors["question"] = _("Ce sondage n'appartient à aucune communauté.")
    if question.survey_id != survey.pk or question.kind != QuestionKind.RANKING:
        errors["question"] = _("Choisissez une question de classement de ce sondage.")
    if not isinstance(season, int) or not FIRST_YEAR <= season < LAST_YEAR:
        errors["season"] = _("Entrez une saison entre %(first)s et %(last)s.") % {
            "first": FIRST_YEAR,
            "last": LAST_YEAR - 1,
        }
    options = len(question.options or [])
    if count is not None and not 1 <= count <= max(options, 1):
        errors["count"] = _("Choisissez entre 1 et %(max)s thèmes.") % {"max": options}
    if errors:
        raise ValidationError(errors)
    titles = ranked_titles(question)
    if count is not None:
        titles = titles[:count]
    limit = YearTheme._meta.get_field("title").max_length
    with transaction.atomic():
        existing = list(
            YearTheme.objects.select_for_update().filter(
                community_id=survey.community_id, season=season
            )
        )
        have = {" ".join(t.title.split()).casefold() for t in existing}
        position = max((t.position for t in existing), default=-1) + 1
        created = []
        for title in titles:
            title = " ".join(str(title).split())[:limit]
            if not title or title.casefold() in have:
                continue
            theme = YearTheme(
                community_id=survey.community_id,
                season=season,
                title=title,
                position=position,
            )
            theme.full_clean()
            theme.save()
            have.add(title.casefold())
            created.append(theme)
            position += 1
    return created
