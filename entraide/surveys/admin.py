"""Django admin for surveys, fenced to the networks the staff person administers.

Surveys are built in their own pages; this is for support staff who need to look
at a survey's settings and questions or correct a detail. Answers are not shown
here: results are read, never one person's, through the results pages.
"""

from django.contrib import admin

from entraide.networks.admin import TenantAdminMixin, register_tenant_path
from entraide.surveys.models import Question, Section, Survey

register_tenant_path(Survey, "network")
register_tenant_path(Section, "survey__network")
register_tenant_path(Question, "survey__network")


class SectionInline(admin.TabularInline):
    model = Section
    extra = 0
    fields = ["position", "title"]
    show_change_link = True


@admin.register(Survey)
class SurveyAdmin(TenantAdminMixin, admin.ModelAdmin):
    tenant_path = "network"
    list_display = ["title", "network", "community", "status", "opens_at", "closes_at"]
    list_filter = ["status", "audience", "is_anonymous"]
    list_select_related = ["network", "community"]
    search_fields = ["title"]
    readonly_fields = [
        "network",
        "community",
        "is_anonymous",
        "created_by",
        "created_at",
        "updated_at",
    ]
    exclude = ["audience_subregions"]
    inlines = [SectionInline]

    def has_add_permission(self, request):
        return False


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = ["position", "kind", "text", "help_text", "required", "options"]
    readonly_fields = ["kind"]

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Section)
class SectionAdmin(TenantAdminMixin, admin.ModelAdmin):
    tenant_path = "survey__network"
    list_display = ["title", "survey", "position"]
    list_select_related = ["survey"]
    search_fields = ["title"]
    readonly_fields = ["survey"]
    inlines = [QuestionInline]

    def has_add_permission(self, request):
        return False
