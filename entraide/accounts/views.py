"""A person's own profile, privacy settings, data download and account deletion."""

import copy
import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from entraide.accounts import services
from entraide.accounts.forms import (
    DeleteAccountForm,
    PlacementForm,
    PrivacyForm,
    ProfileForm,
)
from entraide.accounts.selectors import personal_data
from entraide.networks.selectors import memberships_of


def _remember_language(response, language: str):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=True,
    )
    return response


@login_required
def profile(request):
    data = request.POST if request.method == "POST" else None
    user = request.user
    # The form works on a copy: a refused submission must not alter the person
    # shown in the page header.
    form = ProfileForm(data, instance=copy.copy(user))
    placements = [
        PlacementForm(data, membership=membership)
        for membership in memberships_of(user)
    ]
    if data is not None and form.is_valid() and all(p.is_valid() for p in placements):
        try:
            user = services.update_profile(
                user=user,
                data=form.cleaned_data,
                placements=[
                    (
                        p.membership,
                        p.cleaned_data["organisation"],
                        p.cleaned_data["subregion"],
                    )
                    for p in placements
                ],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
            messages.success(request, _("Votre profil a été enregistré."))
            return _remember_language(redirect("accounts:profile"), user.language)
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "placements": placements},
    )


@login_required
def privacy(request):
    data = request.POST if request.method == "POST" else None
    form = PrivacyForm(data, instance=copy.copy(request.user))
    if data is not None and form.is_valid():
        services.update_privacy(user=request.user, data=form.cleaned_data)
        messages.success(
            request, _("Vos choix de confidentialité ont été enregistrés.")
        )
        return redirect("accounts:privacy")
    return render(request, "accounts/privacy.html", {"form": form})


@login_required
@require_GET
@never_cache
def data_export(request):
    """The person's data as a JSON file to keep."""
    content = json.dumps(personal_data(request.user), ensure_ascii=False, indent=2)
    filename = f"entraide-mes-donnees-{timezone.localdate().isoformat()}.json"
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete_account(request):
    data = request.POST if request.method == "POST" else None
    form = DeleteAccountForm(data, user=request.user)
    if data is not None and form.is_valid():
        services.delete_account(user=request.user)
        logout(request)
        messages.success(
            request,
            _("Votre compte et vos renseignements personnels ont été supprimés."),
        )
        return redirect("core:home")
    return render(request, "accounts/delete.html", {"form": form})
