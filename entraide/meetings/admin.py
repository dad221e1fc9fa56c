"""Django admin for sessions, fenced to the networks the staff person administers.

Day-to-day planning happens in the session pages; this is for support staff who
need to look at or correct a session, its agenda and its registrations.
"""

from django.contrib import admin

from entraide.meetings.models import (
    AgendaItem,
    Attendance,
    FollowUp,
    Registration,
    Session,
)
from entraide.networks.admin import TenantAdminMixin, register_tenant_path

register_tenant_path(Session, "community__network")


class AgendaItemInline(admin.TabularInline):
    model = AgendaItem
    extra = 0
    fields = ["position", "title", "duration_minutes", "status", "presenter_name"]


class RegistrationInline(admin.TabularInline):
    model = Registration
    extra = 0
    fields = ["user", "status", "created_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class AttendanceInline(admin.TabularInline):
    model = Attendance
    extra = 0
    fields = ["user", "status", "recorded_at"]
    readonly_fields = fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class FollowUpInline(admin.TabularInline):
    model = FollowUp
    extra = 0
    fields = ["description", "due_on", "status"]


@admin.register(Session)
class SessionAdmin(TenantAdminMixin, admin.ModelAdmin):
    tenant_path = "community__network"
    list_display = ["title", "community", "starts_at", "format", "status"]
    list_filter = ["status", "format", ("community", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["community"]
    search_fields = ["title", "theme"]
    date_hierarchy = "starts_at"
    readonly_fields = ["sequence", "created_by", "created_at", "updated_at"]
    exclude = ["co_facilitators", "partner_organisations"]
    inlines = [AgendaItemInline, FollowUpInline, RegistrationInline, AttendanceInline]
