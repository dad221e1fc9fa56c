"""Writes of the yearly programme: the season's themes and its series of sessions."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from entraide.meetings.models import FIRST_YEAR, LAST_YEAR, YearTheme
from entraide.meetings.planning import MAX_SESSIONS
from entraide.meetings.services.sessions import create_session

THEME_MAX_LENGTH = YearTheme._meta.get_field("title").max_length


def _check_season(season: int) -> None:
    if not FIRST_YEAR <= season <= LAST_YEAR:
        raise ValidationError(
            _("Entrez une saison entre %(first)s et %(last)s.")
            % {"first": FIRST_YEAR, "last": LAST_YEAR}
        )


def set_year_themes(*, community, season: int, titles, actor) -> list[YearTheme]:
    """The season's themes become ``titles``, in that order.

    Blank lines and repeats are dropped; a theme kept keeps its description.
    """
    _check_season(season)
    wanted: list[str] = []
    for title in titles:
        title = " ".join(str(title).split())
        if title and title not in wanted:
            wanted.append(title)
    errors = [
        _("Le thème « %(start)s… » dépasse %(max)s caractères.")
        % {"start": title[:40], "max": THEME_MAX_LENGTH}
        for title in wanted
        if len(title) > THEME_MAX_LENGTH
    ]
    if len(wanted) > MAX_SESSIONS:
        errors.append(
            _("Une saison compte au plus %(max)s thèmes.") % {"max": MAX_SESSIONS}
        )
    if errors:
        raise ValidationError({"titles": errors})
    with transaction.atomic():
        existing = {
            theme.title: theme
            for theme in YearTheme.objects.select_for_update().filter(
                community=community, season=season
            )
        }
        YearTheme.objects.filter(community=community, season=season).exclude(
            title__in=wanted
        ).delete()
        themes = []
        for position, title in enumerate(wanted):
            theme = existing.get(title) or YearTheme(
                community=community, season=season, title=title
            )
            theme.position = position
            theme.full_clean()
            theme.save()
            themes.append(theme)
    return themes


class RowsInvalid(ValidationError):
    """Some rows of the planner were refused; ``rows`` maps row index to error."""

    def __init__(self, rows: dict[int, ValidationError]):
        self.rows = rows
        super().__init__(
            _("Aucune rencontre n'a été créée : corrigez les lignes signalées.")
        )


@dataclass(frozen=True)
class PlannedSession:
    """One row the facilitator kept: the rest of its fields are the series'."""

    starts_at: object
    title: str
    theme: str = ""


def create_season(
    *, community, actor, rows, duration_minutes: int, format: str, **fields
):
    """All the kept rows become sessions, or none does.

    Each row goes through ``create_session``; the errors of every row are
    gathered so the facilitator sees them all at once.
    """
    if not rows:
        raise ValidationError(_("Cochez au moins une rencontre à créer."))
    created, errors = [], {}
    with transaction.atomic():
        for index, row in rows:
            try:
                created.append(
                    create_session(
                        community=community,
                        actor=actor,
                        title=row.title,
                        theme=row.theme,
                        starts_at=row.starts_at,
                        duration_minutes=duration_minutes,
                        format=format,
                        generate_video_room=True,
                        **fields,
                    )
                )
            except ValidationError as error:
                errors[index] = error
        if errors:
            raise RowsInvalid(errors)
    return created
