"""Pages of the communiqué: archive, draft editing, preview, test, sending,
subscription, and the unsubscribe link that needs no sign-in."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from entraide.accounts.models import User
from entraide.communiques import selectors
from entraide.communiques.delivery import message_context, render_parts
from entraide.communiques.forms import (
    CommuniqueForm,
    ConsentForm,
    ScheduleForm,
    TextItemForm,
)
from entraide.communiques.models import CommuniqueStatus
from entraide.communiques.permissions import can_manage_communiques
from entraide.communiques.services import assembly, consent, editing, sending
from entraide.core.shortcuts import require, show_service_errors
from entraide.networks.models import Network
from entraide.networks.selectors import network_for
from entraide.notifications.models import DeliveryStatus


def _managed(request, network, pk):
    network, membership = network_for(request.user, network)
    communique = selectors.communique_for(membership, pk)
    require(can_manage_communiques(membership))
    return network, membership, communique


@login_required
def communique_list(request, network):
    network, membership = network_for(request.user, network)
    manages = can_manage_communiques(membership)
    archived = selectors.archive(network)[:60]
    current = assembly.current_month(network)
    return render(
        request,
        "communiques/communique_list.html",
        {
            "network": network,
            "archived": archived,
            "in_progress": (
                selectors.in_progress(network).annotate(
                    item_count=Count("items", filter=Q(items__removed=False))
                )
                if manages
                else []
            ),
            "can_manage": manages,
            "current_month": current,
            "previous_month": assembly.month_start(
                current - datetime.timedelta(days=1)
            ),
            "consent": selectors.active_consent(request.user, network),
        },
    )


@login_required
@require_POST
def assemble(request, network):
    network, membership = network_for(request.user, network)
    require(can_manage_communiques(membership))
    current = assembly.current_month(network)
    choices = {
        current.isoformat(): current,
        assembly.month_start(current - datetime.timedelta(days=1)).isoformat(): (
            assembly.month_start(current - datetime.timedelta(days=1))
        ),
    }
    month = choices.get(request.POST.get("month", ""), current)
    communique = assembly.assemble(network=network, month=month, actor=request.user)
    if not communique.is_editable():
        messages.info(request, _("Ce communiqué est déjà envoyé."))
        return redirect(communique.get_absolute_url())
    messages.success(request, _("Le brouillon est à jour avec l'activité du mois."))
    return redirect("communiques:edit", network=network.slug, pk=communique.pk)


@login_required
def detail(request, network, pk):
    network, membership = network_for(request.user, network)
    communique = selectors.communique_for(membership, pk)
    if not communique.is_archived():
        return redirect("communiques:edit", network=network.slug, pk=communique.pk)
    context = message_context(communique, request.user)
    manages = can_manage_communiques(membership)
    counts = selectors.delivery_counts(communique) if manages else {}
    return render(
        request,
        "communiques/communique_detail.html",
        {
            **context,
            "network": network,
            "can_manage": manages,
            "counts": counts,
            "waiting": counts.get("pending", 0) + counts.get("sending", 0),
        },
    )


@login_required
def edit(request, network, pk):
    network, membership, communique = _managed(request, network, pk)
    if not communique.is_editable():
        return redirect(communique.get_absolute_url())
    initial = {
        "subject": communique.subject,
        "intro": communique.intro,
        "job_roles": communique.audience_job_roles,
        "subregions": list(communique.audience_subregions.all()),
    }
    form = CommuniqueForm(request.POST or None, network=network, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            editing.update_communique(
                communique=communique,
                subject=form.cleaned_data["subject"],
                intro=form.cleaned_data["intro"],
                job_roles=form.cleaned_data["job_roles"],
                subregions=form.cleaned_data["subregions"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Le communiqué est enregistré."))
            return redirect("communiques:edit", network=network.slug, pk=pk)
    items = list(selectors.visible_items(communique))
    return render(
        request,
        "communiques/communique_edit.html",
        {
            "network": network,
            "communique": communique,
            "form": form,
            "item_form": TextItemForm(),
            "items": items,
            "recipient_count": selectors.recipients(communique).count(),
            "tests": communique.deliveries.filter(
                is_test=True, recipient=request.user
            ).order_by("-created_at")[:3],
        },
    )


@login_required
@require_POST
def item_action(request, network, pk, item, action):
    network, _membership, communique = _managed(request, network, pk)
    if action not in ("monter", "descendre", "retirer"):
        raise Http404
    try:
        if action == "retirer":
            editing.remove_item(communique=communique, item_id=item)
            messages.success(request, _("L'élément est retiré du communiqué."))
        else:
            editing.move_item(
                communique=communique,
                item_id=item,
                direction="up" if action == "monter" else "down",
            )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(
        f"{_edit_url(network, pk)}#elements",
    )


def _edit_url(network, pk):
    from django.urls import reverse

    return reverse("communiques:edit", kwargs={"network": network.slug, "pk": pk})


@login_required
@require_http_methods(["GET", "POST"])
def item_add(request, network, pk):
    network, _membership, communique = _managed(request, network, pk)
    form = TextItemForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            editing.add_text_item(
                communique=communique,
                title=form.cleaned_data["title"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Le texte est ajouté à la fin."))
            return redirect(f"{_edit_url(network, pk)}#elements")
    return render(
        request,
        "communiques/item_form.html",
        {"network": network, "communique": communique, "form": form},
    )


@login_required
def preview(request, network, pk):
    network, _membership, communique = _managed(request, network, pk)
    subject, text, _html = render_parts(communique, request.user)
    context = message_context(communique, request.user)
    return render(
        request,
        "communiques/communique_preview.html",
        {**context, "network": network, "subject": subject, "text": text},
    )


@login_required
@require_POST
def send_test(request, network, pk):
    network, _membership, communique = _managed(request, network, pk)
    sending.send_test(communique=communique, actor=request.user)
    messages.success(
        request,
        _("Un essai part à %(email)s.") % {"email": request.user.email},
    )
    return redirect("communiques:edit", network=network.slug, pk=pk)


@login_required
def send(request, network, pk):
    network, _membership, communique = _managed(request, network, pk)
    form = ScheduleForm(request.POST or None)
    if communique.status == CommuniqueStatus.SCHEDULED:
        form = ScheduleForm(
            request.POST or None,
            initial={"scheduled_for": communique.scheduled_for},
        )
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "now":
                sending.send_now(communique=communique, actor=request.user)
                messages.success(request, _("L'envoi est lancé."))
                return redirect(communique.get_absolute_url())
            if action == "unschedule":
                sending.unschedule(communique=communique)
                messages.success(request, _("L'envoi prévu est annulé."))
                return redirect("communiques:edit", network=network.slug, pk=pk)
            if form.is_valid():
                sending.schedule(
                    communique=communique,
                    actor=request.user,
                    when=form.cleaned_data["scheduled_for"],
                )
                messages.success(request, _("L'envoi est prévu."))
                return redirect("communiques:list", network=network.slug)
        except ValidationError as error:
            show_service_errors(form, error)
    return render(
        request,
        "communiques/communique_send.html",
        {
            "network": network,
            "communique": communique,
            "form": form,
            "recipient_count": selectors.recipients(communique).count(),
            "counts": selectors.delivery_counts(communique),
            "statuses": DeliveryStatus,
        },
    )


@login_required
def subscription(request, network):
    network, _membership = network_for(request.user, network)
    current = selectors.active_consent(request.user, network)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if form.cleaned_data["accept"]:
            consent.give_consent(user=request.user, network=network)
            messages.success(request, _("Vous recevrez le communiqué mensuel."))
        else:
            consent.withdraw_consent(user=request.user, network=network)
            messages.success(request, _("Vous ne recevrez plus le communiqué."))
        return redirect("communiques:consent", network=network.slug)
    return render(
        request,
        "communiques/consent_form.html",
        {
            "network": network,
            "form": form,
            "consent": current,
            "wording": consent.wording(network),
        },
    )


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks for confirmation; POST (the button, or a mail program's one-click
    request under RFC 8058) withdraws at once. No sign-in, no CSRF token: the
    signed token is the proof."""
    found = consent.read_token(token)
    if found is None:
        raise Http404
    user = get_object_or_404(User, pk=found[0])
    network = get_object_or_404(Network, pk=found[1])
    if request.method == "POST":
        consent.withdraw_consent(user=user, network=network)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(_("Désabonnement fait."), content_type="text/plain")
        return render(
            request,
            "communiques/unsubscribe.html",
            {"network_name": network.name, "done": True},
        )
    return render(
        request,
        "communiques/unsubscribe.html",
        {
            "network_name": network.name,
            "done": False,
            "subscribed": selectors.active_consent(user, network) is not None,
        },
    )
