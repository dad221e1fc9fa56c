"""Django admin for news posts and public texts, fenced to the networks the staff
person administers. Writing and publishing happen in the site's own pages."""

from django.contrib import admin

from entraide.dissemination.models import NewsPost, PublicSite
from entraide.networks.admin import TenantAdminMixin


@admin.register(NewsPost)
class NewsPostAdmin(TenantAdminMixin, admin.ModelAdmin):
    tenant_path = "network"
    list_display = ["title", "network", "status", "published_at"]
    list_filter = ["status"]
    list_select_related = ["network"]
    search_fields = ["title"]
    readonly_fields = ["network", "slug", "status", "published_at", "author"]
    fields = ["network", "title", "slug", "summary", "body", "status", "published_at"]

    def has_add_permission(self, request):
        return False


@admin.register(PublicSite)
class PublicSiteAdmin(TenantAdminMixin, admin.ModelAdmin):
    tenant_path = "network"
    list_display = ["network", "contact_email", "updated_at"]
    list_select_related = ["network"]
    readonly_fields = ["network", "updated_by"]
    fields = ["network", "description", "about", "contact", "contact_email"]

    def has_add_permission(self, request):
        return False
