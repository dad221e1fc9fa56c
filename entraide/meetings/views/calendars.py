"""Calendar feeds, "add to calendar" links and a person's participation record.

Feeds are read by calendar apps, without signing in: the secret address is the
credential. Each read decides again, from the owner's memberships at that
moment, what the feed may carry; a revoked or unknown address gets 404.
"""

import csv
from datetime import UTC
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST, require_safe

from entraide.core.shortcuts import csv_response, spreadsheet_cell
from entraide.core.timezones import zone
from entraide.meetings.forms.calendars import FeedForm
from entraide.meetings.ics import feed_calendar, session_location
from entraide.meetings.selectors_calendars import (
    active_feed_by_token,
    attended_sessions,
    communities_of,
    community_feed_sessions,
    feed_of,
    feeds_of,
    participation_years,
    personal_feed_sessions,
)
from entraide.meetings.services import calendars as services

ATTENDANCES_PER_PAGE = 50
GOOGLE_CALENDAR = "https://calendar.google.com/calendar/render"
OUTLOOK_CALENDAR = "https://outlook.live.com/calendar/0/action/compose"
# Links carry a short text: a long description would make them too long.
LINK_TEXT_LIMIT = 500


# --- "Add to calendar" on the session page ----------------------------------------


def _short_details(session) -> str:
    lines = []
    if session.video_url:
        lines.append(_("Lien de la rencontre : %(url)s") % {"url": session.video_url})
    lines.append(
        _("Détails et inscription : %(url)s")
        % {"url": settings.SITE_URL + session.get_absolute_url()}
    )
    return "\n\n".join(lines)[:LINK_TEXT_LIMIT]


def _utc(moment, pattern: str) -> str:
    return moment.astimezone(UTC).strftime(pattern)


def add_event_links(session) -> dict[str, str]:
    """Google Calendar and Outlook.com "add event" addresses for one session."""
    title = f"{session.community.name} : {session.title}"
    details = _short_details(session)
    location = session_location(session)
    google = {
        "action": "TEMPLATE",
        "text": title,
        "dates": f"{_utc(session.starts_at, '%Y%m%dT%H%M%SZ')}/"
        f"{_utc(session.ends_at, '%Y%m%dT%H%M%SZ')}",
        "details": details,
    }
    outlook = {
        "path": "/calendar/action/compose",
        "rru": "addevent",
        "subject": title,
        "startdt": _utc(session.starts_at, "%Y-%m-%dT%H:%M:%SZ"),
        "enddt": _utc(session.ends_at, "%Y-%m-%dT%H:%M:%SZ"),
        "body": details,
    }
    if location:
        google["location"] = outlook["location"] = location
    return {
        "google": f"{GOOGLE_CALENDAR}?{urlencode(google)}",
        "outlook": f"{OUTLOOK_CALENDAR}?{urlencode(outlook)}",
    }


def detail_context(request, access, session) -> dict:
    """What the session page needs from this part."""
    if session.is_cancelled():
        return {"add_event_links": None}
    return {"add_event_links": add_event_links(session)}


# --- Feeds ------------------------------------------------------------------------


def feed_url(feed) -> str:
    return settings.SITE_URL + reverse("meetings:feed", kwargs={"token": feed.token})


def webcal_url(url: str) -> str:
    return "webcal://" + url.split("://", 1)[-1]


def _feed_name(feed) -> str:
    if feed.community is None:
        return _("Entraide — Mes rencontres")
    return _("Entraide — %(community)s") % {"community": feed.community.name}


@require_safe
def feed(request, token):
    """A feed, read anonymously; nothing here touches the visitor's session."""
    found = active_feed_by_token(token)
    if found is None:
        raise Http404
    if found.community is None:
        sessions = personal_feed_sessions(found)
    else:
        sessions = community_feed_sessions(found)
        if sessions is None:
            raise Http404
    with translation.override(found.user.language or settings.LANGUAGE_CODE):
        body = feed_calendar(sessions, name=_feed_name(found))
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="entraide.ics"'
    response["X-Robots-Tag"] = "noindex, nofollow"
    patch_cache_control(response, private=True)
    return response


def _feed_row(feed, *, community=None) -> dict:
    row = {"community": community, "feed": feed}
    if feed is not None:
        row["url"] = feed_url(feed)
        row["webcal"] = webcal_url(row["url"])
    return row


@login_required
def calendar_feeds(request):
    """The person's own feed and one per community they belong to."""
    feeds = feeds_of(request.user)
    return render(
        request,
        "meetings/calendar_feeds.html",
        {
            "personal": _feed_row(feeds.get(None)),
            "rows": [
                _feed_row(feeds.get(community.pk), community=community)
                for community in communities_of(request.user)
            ],
        },
    )


@login_required
@require_POST
def feed_create(request):
    form = FeedForm(request.POST, user=request.user)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("meetings:calendars")
    community = form.cleaned_data["community"]
    services.get_or_create_feed(user=request.user, community=community)
    if community is None:
        messages.success(request, _("Votre adresse d'abonnement est prête."))
    else:
        messages.success(
            request,
            _("L'adresse d'abonnement de « %(community)s » est prête.")
            % {"community": community.name},
        )
    return redirect("meetings:calendars")


@login_required
@require_POST
def feed_revoke(request, pk):
    found = feed_of(request.user, pk)
    if found is None:
        raise Http404
    services.revoke_feed(feed=found, actor=request.user)
    messages.success(
        request,
        _(
            "L'adresse est révoquée : les calendriers qui l'utilisaient ne "
            "reçoivent plus rien. Créez-en une nouvelle au besoin."
        ),
    )
    return redirect("meetings:calendars")


# --- Participation record ---------------------------------------------------------


def duration_text(minutes: int) -> str:
    """« 12 h 30 », « 12 h », « 45 min » (English « 12 h 30 min »)."""
    hours, rest = divmod(int(minutes), 60)
    if not hours:
        return _("%(minutes)s min") % {"minutes": rest}
    if not rest:
        return _("%(hours)s h") % {"hours": hours}
    return _("%(hours)s h %(minutes)s") % {"hours": hours, "minutes": f"{rest:02d}"}


def _nbsp(text: str) -> str:
    return text.replace(" ", "\u00a0")


def _year_param(request, years) -> int | None:
    try:
        wanted = int(request.GET.get("annee", ""))
    except ValueError:
        wanted = None
    known = [total.year for total in years]
    if wanted in known:
        return wanted
    return known[0] if known else None


@login_required
def participation(request):
    """Per calendar year of the person's zone, the sessions they attended."""
    years = participation_years(request.user)
    year = _year_param(request, years)
    page = None
    if year is not None:
        page = Paginator(
            attended_sessions(request.user, year), ATTENDANCES_PER_PAGE
        ).get_page(request.GET.get("page"))
        page.object_list = list(page.object_list)
        for attendance in page.object_list:
            attendance.duration = _nbsp(
                duration_text(attendance.session.duration_minutes)
            )
    return render(
        request,
        "meetings/participation_record.html",
        {
            "years": [
                {
                    "year": total.year,
                    "sessions": total.sessions,
                    "hours": _nbsp(duration_text(total.minutes)),
                }
                for total in years
            ],
            "year": year,
            "page": page,
            "query_string": urlencode({"annee": year}) if year else "",
        },
    )


@login_required
def participation_csv(request):
    """The whole record, for a professional-development file."""
    response = csv_response("participation.csv")
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Année"),
            _("Date"),
            _("Réseau"),
            _("Communauté"),
            _("Rencontre"),
            _("Durée (minutes)"),
            _("Durée"),
        ]
    )
    totals = {total.year: total for total in participation_years(request.user)}
    tz = zone(request.user.time_zone)
    current = None

    def total_row(year):
        total = totals[year]
        writer.writerow(
            [
                year,
                _("Total"),
                "",
                "",
                ngettext("%(count)s rencontre", "%(count)s rencontres", total.sessions)
                % {"count": total.sessions},
                total.minutes,
                duration_text(total.minutes),
            ]
        )

    for attendance in attended_sessions(request.user).iterator(chunk_size=500):
        session = attendance.session
        local = session.starts_at.astimezone(tz)
        if current is not None and local.year != current:
            total_row(current)
        current = local.year
        writer.writerow(
            [
                local.year,
                date_format(local, "SHORT_DATETIME_FORMAT"),
                spreadsheet_cell(session.community.network.name),
                spreadsheet_cell(session.community.name),
                spreadsheet_cell(session.title),
                session.duration_minutes,
                duration_text(session.duration_minutes),
            ]
        )
    if current is not None:
        total_row(current)
    return response
