"""A person's own profile and privacy settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _

from entraide.accounts import services
from entraide.accounts.forms import ProfileForm
from entraide.networks.selectors import memberships_of


@login_required
def profile(request):
    form = ProfileForm(
        request.POST if request.method == "POST" else None, instance=request.user
    )
    if request.method == "POST" and form.is_valid():
        user = services.update_profile(user=request.user, data=form.cleaned_data)
        translation.activate(user.language)
        messages.success(request, _("Votre profil a été enregistré."))
        return redirect("accounts:profile")
    return render(
        request,
        "accounts/profile.html",
        {"form": form, "memberships": memberships_of(request.user)},
    )
