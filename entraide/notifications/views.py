"""The bell: list, open, mark as read, and email preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from entraide.notifications import kinds, services
from entraide.notifications.forms import PreferencesForm
from entraide.notifications.models import NotificationPreference
from entraide.notifications.selectors import notifications_for, unread_count


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
    notification.refresh_from_db()
    if request.htmx:
        return render(
            request,
            "notifications/notification_item.html",
            {
                "notification": notification,
                "unread_notifications": unread_count(request.user),
                "oob_count": True,
            },
        )
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request):
    count = services.mark_read(user=request.user)
    messages.success(
        request,
        _("%(count)s notification(s) marquée(s) comme lue(s).") % {"count": count},
    )
    return redirect("notifications:list")


@login_required
@require_POST
def open_notification(request, pk):
    notification = get_object_or_404(notifications_for(request.user), pk=pk)
    services.mark_read(user=request.user, notification_ids=[notification.pk])
    target = notification.url
    if not target or not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        target = "notifications:list"
    return redirect(target)


@login_required
def preferences(request):
    current = {key: kind.email_by_default for key, kind in kinds.KINDS.items()}
    current.update(
        NotificationPreference.objects.filter(user=request.user).values_list(
            "kind", "email"
        )
    )
    form = PreferencesForm(
        request.POST if request.method == "POST" else None, current=current
    )
    if request.method == "POST" and form.is_valid():
        for key, email in form.choices().items():
            services.set_email_preference(user=request.user, kind=key, email=email)
        messages.success(request, _("Vos préférences ont été enregistrées."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})
