"""Django admin for action plans, fenced to the networks the staff person
administers.

The plan is built in its own pages; this is for support staff who need to look
at a plan, its actions and their history, or correct a detail.
"""

from django.contrib import admin

from entraide.networks.admin import TenantAdminMixin, register_tenant_path
from entraide.plans.models import Action, ActionUpdate, FollowUpNote, Mandate, Plan

register_tenant_path(Plan, "network")
register_tenant_path(Mandate, "plan__network")
register_tenant_path(Action, "plan__network")
register_tenant_path(FollowUpNote, "action__plan__network")


class MandateInline(admin.TabularInline):
    model = Mandate
    extra = 0
    fields = ["position", "title"]
    show_change_link = False


@admin.register(Plan)
class PlanAdmin(TenantAdminMixin, admin.ModelAdmin):
    tenant_path = "network"
    list_display = ["title", "network", "status", "period_start", "period_end"]
    list_filter = ["status"]
    list_select_related = ["network"]
    search_fields = ["title"]
    readonly_fields = ["network", "created_by", "created_at", "updated_at"]
    inlines = [MandateInline]

    def has_add_permission(self, request):
        return False


class ActionUpdateInline(admin.TabularInline):
    model = ActionUpdate
    extra = 0
    fields = [
        "created_at",
        "actor",
        "from_status",
        "to_status",
        "from_progress",
        "to_progress",
        "comment",
    ]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Action)
class ActionAdmin(TenantAdminMixin, admin.ModelAdmin):
    tenant_path = "plan__network"
    list_display = ["__str__", "plan", "status", "progress", "deadline"]
    list_filter = ["status", "schedule_kind"]
    list_select_related = ["plan"]
    search_fields = ["description"]
    readonly_fields = ["plan", "target", "lock_version", "created_at", "updated_at"]
    exclude = ["responsible_people", "responsible_communities"]
    inlines = [ActionUpdateInline]

    def has_add_permission(self, request):
        return False


@admin.register(FollowUpNote)
class FollowUpNoteAdmin(TenantAdminMixin, admin.ModelAdmin):
    tenant_path = "action__plan__network"
    list_display = ["__str__", "subregion", "author", "created_at"]
    list_select_related = ["subregion", "author"]
    search_fields = ["text"]
    readonly_fields = ["action", "subregion", "author", "created_at", "updated_at"]

    def has_add_permission(self, request):
        return False
