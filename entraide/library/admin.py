"""Django admin for tools and dossiers, fenced to the networks the staff person
administers.

Writing and the steps of a tool happen in its pages; this is for support staff who
need to look at a tool, its versions and its history, or correct a detail.
"""

from django.contrib import admin

from entraide.library.models import (
    Dossier,
    DossierItem,
    Tool,
    ToolTransition,
    ToolVersion,
)
from entraide.networks.admin import TenantAdminMixin, register_tenant_path

register_tenant_path(Tool, "network")
register_tenant_path(Dossier, "network")


class ToolVersionInline(admin.TabularInline):
    model = ToolVersion
    extra = 0
    fields = ["number", "title", "created_by", "created_at", "file_name", "change_note"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ToolTransitionInline(admin.TabularInline):
    model = ToolTransition
    extra = 0
    fields = ["created_at", "actor", "from_status", "to_status", "scope", "comment"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Tool)
class ToolAdmin(TenantAdminMixin, admin.ModelAdmin):
    tenant_path = "network"
    list_display = ["__str__", "network", "community", "kind", "status", "scope"]
    list_filter = ["status", "kind", "scope"]
    list_select_related = ["network", "community", "current_version"]
    search_fields = ["versions__title"]
    readonly_fields = [
        "network",
        "created_by",
        "current_version",
        "published_version",
        "download_count",
        "use_count",
        "lock_version",
        "validated_at",
        "published_at",
        "created_at",
        "updated_at",
    ]
    exclude = ["co_authors", "themes", "practices", "agenda_items", "search_text"]
    inlines = [ToolVersionInline, ToolTransitionInline]

    def has_add_permission(self, request):
        return False


class DossierItemInline(admin.TabularInline):
    model = DossierItem
    extra = 0
    fields = ["position", "kind", "title", "url", "note"]
    readonly_fields = ["kind"]


@admin.register(Dossier)
class DossierAdmin(TenantAdminMixin, admin.ModelAdmin):
    tenant_path = "network"
    list_display = ["title", "network", "scope", "is_published"]
    list_filter = ["is_published", "scope"]
    list_select_related = ["network"]
    search_fields = ["title"]
    readonly_fields = ["network", "created_by", "created_at", "updated_at"]
    inlines = [DossierItemInline]
