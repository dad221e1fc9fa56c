"""The yearly programme of a community: its themes, its sessions, and the planner.

The planner works without JavaScript in three posts of one page: the cadence
(step 1), the proposed dates as an editable list (step 2), and « Créer les
rencontres » (step 3). Its times are in the network's zone, named on the page.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from entraide.core.shortcuts import require, show_service_errors
from entraide.core.timezones import zone
from entraide.meetings import permissions as perms
from entraide.meetings import planning
from entraide.meetings.forms.planning import CadenceForm, RowFormSet, YearThemesForm
from entraide.meetings.models import FIRST_YEAR, LAST_YEAR
from entraide.meetings.selectors import sessions_access
from entraide.meetings.selectors_planning import (
    season_sessions,
    sessions_on_days,
    year_themes,
)
from entraide.meetings.services import planning as services
from entraide.meetings.templatetags.meetings import ZONE_LABELS

SESSIONS_PER_PAGE = 50


def _season(season: int) -> int:
    if not FIRST_YEAR <= season < LAST_YEAR:
        raise Http404
    return season


def _current_season(community) -> int:
    today = timezone.localdate(timezone=zone(community.network.time_zone))
    return planning.current_season(today, planning.season_anchor(community))


def _context(access, season: int) -> dict:
    return {
        "community": access.community,
        "network": access.network,
        "season": season,
        "season_label": f"{season}–{season + 1}",
    }


def _programme_url(access, season: int) -> str:
    return reverse(
        "meetings:programme_season",
        kwargs={
            "network": access.network.slug,
            "community": access.community.slug,
            "season": season,
        },
    )


@login_required
def programme(request, network, community, season=None):
    access = sessions_access(request.user, network, community)
    season = _current_season(access.community) if season is None else _season(season)
    page = Paginator(
        season_sessions(access.community, season), SESSIONS_PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "meetings/programme_season.html",
        {
            **_context(access, season),
            "themes": list(year_themes(access.community, season)),
            "page": page,
            "sessions": page.object_list,
            "can_plan": perms.can_plan_programme(access),
            "previous_season": season - 1 if season > FIRST_YEAR else None,
            "next_season": season + 1 if season + 1 < LAST_YEAR else None,
        },
    )


@login_required
def themes_edit(request, network, community, season):
    access = sessions_access(request.user, network, community)
    season = _season(season)
    require(perms.can_plan_programme(access))
    titles = year_themes(access.community, season).values_list("title", flat=True)
    form = YearThemesForm(request.POST or None, initial={"titles": "\n".join(titles)})
    if request.method == "POST" and form.is_valid():
        try:
            services.set_year_themes(
                community=access.community,
                season=season,
                titles=form.titles_list(),
                actor=request.user,
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Les thèmes de la saison sont enregistrés."))
            return redirect(_programme_url(access, season))
    return render(
        request,
        "meetings/programme_themes.html",
        {
            **_context(access, season),
            "form": form,
            "cancel_url": _programme_url(access, season),
        },
    )


def _day_of(form):
    value = form["starts_at"].value()
    try:
        moment = form.fields["starts_at"].to_python(value) if value else None
    except ValidationError:
        return None
    return timezone.localtime(moment).date() if moment else None


def _rows(formset, access) -> list[dict]:
    """Each row with a session already planned on its day, and its holiday."""
    network = access.network
    days = [_day_of(form) for form in formset.forms]
    existing = sessions_on_days(
        access.community, [d for d in days if d], network.time_zone
    )
    language = get_language() or "fr"
    rows = []
    for form, day in zip(formset.forms, days, strict=True):
        closed = planning.closure(day, network.province, language) if day else None
        if closed and closed in str(form["note"].value() or ""):
            closed = None  # the note already says so
        rows.append({"form": form, "existing": existing.get(day), "closed": closed})
    return rows


def _proposed_formset(access, season: int, cadence) -> RowFormSet:
    themes = list(year_themes(access.community, season).values_list("title", flat=True))
    proposals = planning.propose(
        cadence,
        province=access.network.province,
        time_zone=access.network.time_zone,
        themes=themes,
        language=get_language() or "fr",
    )
    existing = sessions_on_days(
        access.community, [p.day for p in proposals], access.network.time_zone
    )
    initial = [
        {
            "keep": proposal.day not in existing,
            "starts_at": proposal.starts_at,
            "title": proposal.theme or _("Rencontre %(number)s") % {"number": number},
            "theme": proposal.theme,
            "note": proposal.note,
        }
        for number, proposal in enumerate(proposals, start=1)
    ]
    return RowFormSet(initial=initial, prefix="rows")


def _create(request, access, season, cadence_form, formset):
    """Step 3; a redirect when every kept row became a session, else ``None``."""
    if not formset.is_valid():
        messages.error(
            request,
            _("Aucune rencontre n'a été créée : corrigez les lignes signalées."),
        )
        return None
    rows = [
        (
            index,
            services.PlannedSession(
                starts_at=form.cleaned_data["starts_at"],
                title=form.cleaned_data["title"],
                theme=form.cleaned_data["theme"],
            ),
        )
        for index, form in enumerate(formset.forms)
        if form.cleaned_data.get("keep")
    ]
    data = cadence_form.cleaned_data
    try:
        created = services.create_season(
            community=access.community,
            actor=request.user,
            rows=rows,
            duration_minutes=data["duration_minutes"],
            format=data["format"],
        )
    except services.RowsInvalid as error:
        for index, row_error in error.rows.items():
            show_service_errors(formset.forms[index], row_error)
        messages.error(request, error.messages[0])
        return None
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return None
    messages.success(
        request,
        ngettext(
            "%(count)s rencontre est créée.",
            "%(count)s rencontres sont créées.",
            len(created),
        )
        % {"count": len(created)},
    )
    return redirect(_programme_url(access, season))


@login_required
def planner(request, network, community, season):
    access = sessions_access(request.user, network, community)
    season = _season(season)
    require(perms.can_plan_programme(access))
    # The datetime inputs are read and shown in the network's zone.
    with timezone.override(zone(access.network.time_zone)):
        return _planner(request, access, season)


def _planner(request, access, season):
    step = request.POST.get("step") if request.method == "POST" else None
    cadence_form = CadenceForm(
        request.POST if step else None, community=access.community, season=season
    )
    formset = None
    if step in ("propose", "create") and cadence_form.is_valid():
        if step == "propose":
            formset = _proposed_formset(access, season, cadence_form.cadence)
        else:
            formset = RowFormSet(request.POST, prefix="rows")
            done = _create(request, access, season, cadence_form, formset)
            if done is not None:
                return done
    context = {
        **_context(access, season),
        "cadence_form": cadence_form,
        "zone_label": ZONE_LABELS.get(access.network.time_zone, ""),
        "cancel_url": _programme_url(access, season),
    }
    if formset is None:
        return render(request, "meetings/planner_cadence.html", context)
    return render(
        request,
        "meetings/planner_rows.html",
        {
            **context,
            "formset": formset,
            "rows": _rows(formset, access),
        },
    )
