"""The bell: list, open, mark as read, and email preferences."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from entraide.core.shortcuts import show_service_errors
from entraide.notifications import services
from entraide.notifications.forms import PreferencesForm
from entraide.notifications.selectors import (
    communities_for_preferences,
    notifications_for,
    preferences_of,
    unread_count,
)


def _local_url(request, url: str) -> bool:
    return bool(url) and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )


@login_required
def notification_list(request):
    page = Paginator(notifications_for(request.user), 25).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/notification_list.html", {"page": page})


@login_required
@require_POST
def mark_read(request, pk):
    notification = get_object_or_404(notifications_for(request.user), pk=pk)
    services.mark_read(user=request.user, notification_ids=[notification.pk])
    if request.htmx:
        notification.refresh_from_db(fields=["read_at"])
        return render(
            request,
            "notifications/notification_item.html",
            {
                "notification": notification,
                "unread_notifications": unread_count(request.user),
                "oob_count": True,
            },
        )
    next_url = request.POST.get("next", "")
    if _local_url(request, next_url):
        return HttpResponseRedirect(next_url)
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request):
    count = services.mark_read(user=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)s notification marquée comme lue.",
            "%(count)s notifications marquées comme lues.",
            count,
        )
        % {"count": count},
    )
    return redirect("notifications:list")


@login_required
@require_POST
def open_notification(request, pk):
    """Mark as read, then follow the notification's link if it stays on this site."""
    notification = get_object_or_404(notifications_for(request.user), pk=pk)
    services.mark_read(user=request.user, notification_ids=[notification.pk])
    if _local_url(request, notification.url):
        return HttpResponseRedirect(notification.url)
    return redirect("notifications:list")


@login_required
def preferences(request):
    current, overrides = preferences_of(request.user)
    form = PreferencesForm(
        request.POST if request.method == "POST" else None,
        current=current,
        communities=communities_for_preferences(request.user),
        overrides=overrides,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.set_preferences(
                user=request.user,
                frequencies=form.frequencies(),
                overrides=form.overrides(),
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Vos préférences ont été enregistrées."))
            return redirect("notifications:preferences")
    return render(
        request,
        "notifications/preferences.html",
        {"form": form, "digest_hour": settings.NOTIFICATIONS_DIGEST_HOUR},
    )
