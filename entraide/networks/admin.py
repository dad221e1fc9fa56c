"""Django admin for networks, and the tenant fence every app's admin should use.

A staff person who is not a superuser sees, in lists, forms and choice lists, only
rows of the networks where they are an administrator; anything else is a 404.
Other apps subclass ``TenantAdminMixin`` and set ``tenant_path`` (the lookup from
their model to its Network, e.g. ``"community__network"``).
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Model, QuerySet
from django.http import Http404

from entraide.networks.models import (
    Invitation,
    Membership,
    Network,
    NetworkRole,
    Organisation,
    Region,
    SubRegion,
)

# Lookups from a model to its network for models without a ``network`` field;
# other apps add theirs with ``register_tenant_path``.
TENANT_PATHS: dict[type[Model], str] = {}


def register_tenant_path(model: type[Model], path: str) -> None:
    TENANT_PATHS[model] = path


def administered_networks(user) -> QuerySet[Network]:
    return Network.objects.filter(
        memberships__user=user, memberships__role=NetworkRole.ADMIN
    )


def tenant_path(model: type[Model]) -> str | None:
    """The lookup from ``model`` to its Network ("" for Network), None if unknown."""
    if model is Network:
        return ""
    if model in TENANT_PATHS:
        return TENANT_PATHS[model]
    if model is get_user_model():
        return "memberships__network"
    field = next((f for f in model._meta.fields if f.name == "network"), None)
    if field is not None and field.related_model is Network:
        return "network"
    return None


def scope_to_networks(queryset: QuerySet, networks: QuerySet[Network], path: str):
    lookup = f"{path}__in" if path else "pk__in"
    ids = queryset.filter(**{lookup: networks.values("pk")}).values("pk")
    return queryset.filter(pk__in=ids)


class TenantAdminMixin:
    """Restrict a ModelAdmin to the networks the staff person administers."""

    tenant_path: str | None = None

    def _tenant_path(self) -> str:
        path = self.tenant_path
        if path is None:
            path = tenant_path(self.model)
        if path is None:
            raise ValueError(f"{type(self).__name__} needs a tenant_path")
        return path

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return scope_to_networks(
            queryset, administered_networks(request.user), self._tenant_path()
        )

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404
        return obj

    def _scoped_choices(self, db_field, request, kwargs):
        if request.user.is_superuser or "queryset" in kwargs:
            return kwargs
        model = db_field.related_model
        path = tenant_path(model)
        if path is not None:
            kwargs["queryset"] = scope_to_networks(
                model._default_manager.all(), administered_networks(request.user), path
            )
        return kwargs

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        kwargs = self._scoped_choices(db_field, request, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs = self._scoped_choices(db_field, request, kwargs)
        return super().formfield_for_manytomany(db_field, request, **kwargs)


@admin.register(Network)
class NetworkAdmin(TenantAdminMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "province", "language"]
    search_fields = ["name", "slug"]

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


@admin.register(Region)
class RegionAdmin(TenantAdminMixin, admin.ModelAdmin):
    list_display = ["name", "network", "position"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name"]


@admin.register(SubRegion)
class SubRegionAdmin(TenantAdminMixin, admin.ModelAdmin):
    list_display = ["name", "region", "network", "position"]
    list_filter = [("network", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["region", "network"]
    search_fields = ["name"]


@admin.register(Organisation)
class OrganisationAdmin(TenantAdminMixin, admin.ModelAdmin):
    list_display = ["name", "kind", "subregion", "network"]
    list_filter = ["kind", ("network", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["subregion", "network"]
    search_fields = ["name", "city"]


@admin.register(Membership)
class MembershipAdmin(TenantAdminMixin, admin.ModelAdmin):
    list_display = ["user", "network", "role", "organisation", "subregion"]
    list_filter = ["role", ("network", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["user", "network", "organisation", "subregion"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]


@admin.register(Invitation)
class InvitationAdmin(TenantAdminMixin, admin.ModelAdmin):
    """Read-only: invitations are made on the site, which emails their link."""

    list_display = ["email", "network", "role", "created_at", "accepted_at"]
    list_filter = ["role", ("network", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["network"]
    search_fields = ["email"]
    readonly_fields = [
        "network",
        "email",
        "first_name",
        "last_name",
        "job_role",
        "role",
        "organisation",
        "subregion",
        "invited_by",
        "created_at",
        "expires_at",
        "email_requested_at",
        "email_sent_at",
        "accepted_at",
        "accepted_by",
        "revoked_at",
    ]

    def has_add_permission(self, request):
        return False
