"""The project lead's pages: the network's news and its public texts."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from entraide.core.shortcuts import require, show_service_errors
from entraide.dissemination import selectors, services
from entraide.dissemination.forms import NewsForm, PublicSiteForm
from entraide.dissemination.permissions import can_manage_site
from entraide.networks.selectors import network_for

PER_PAGE = 20


def _managed(request, network_slug: str):
    network, membership = network_for(request.user, network_slug)
    require(can_manage_site(membership))
    return network


def _to_manage(network):
    return redirect("dissemination:manage", network=network.slug)


@login_required
def manage(request, network):
    network = _managed(request, network)
    page = Paginator(selectors.managed_news(network), PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "dissemination/manage.html",
        {
            "network": network,
            "public": selectors.public_site_of(network),
            "page": page,
        },
    )


@login_required
def site_edit(request, network):
    network = _managed(request, network)
    public = selectors.public_site_of(network)
    initial = {
        "description": public.description,
        "about": public.about,
        "contact": public.contact,
        "contact_email": public.contact_email,
    }
    form = PublicSiteForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_public_site(
                network=network, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("Les textes du site public sont enregistrés."))
            return _to_manage(network)
    return render(
        request, "dissemination/site_form.html", {"network": network, "form": form}
    )


def _news_form(request, network, post=None):
    initial = (
        {"title": post.title, "summary": post.summary, "body": post.body}
        if post
        else None
    )
    form = NewsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_news(
                network=network, actor=request.user, post=post, **form.cleaned_data
            )
        except ValidationError as error:
            show_service_errors(form, error)
        else:
            messages.success(request, _("La nouvelle est enregistrée."))
            return redirect(
                "dissemination:news_edit", network=network.slug, pk=saved.pk
            )
    return render(
        request,
        "dissemination/news_form.html",
        {"network": network, "form": form, "post": post},
    )


@login_required
def news_create(request, network):
    return _news_form(request, _managed(request, network))


@login_required
def news_edit(request, network, pk):
    network = _managed(request, network)
    return _news_form(request, network, selectors.managed_news_post(network, pk))


def _transition(request, network, pk, service, done: str):
    network = _managed(request, network)
    post = selectors.managed_news_post(network, pk)
    try:
        service(post=post, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, done)
    return redirect("dissemination:news_edit", network=network.slug, pk=post.pk)


@login_required
@require_POST
def news_publish(request, network, pk):
    return _transition(
        request,
        network,
        pk,
        services.publish_news,
        _("La nouvelle est publiée sur le site public."),
    )


@login_required
@require_POST
def news_unpublish(request, network, pk):
    return _transition(
        request,
        network,
        pk,
        services.unpublish_news,
        _("La nouvelle est retirée du site public."),
    )
