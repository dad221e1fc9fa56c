"""The public site (``/reseaux/…``, ``/sitemap.xml``) and its management pages
(``/r/<network>/site-public/…``)."""

from django.urls import path

from entraide.dissemination import feeds
from entraide.dissemination.views import manage, public

app_name = "dissemination"

site = "reseaux/<slug:site>/"
managed = "r/<slug:network>/site-public/"
news = f"{managed}nouvelles/<int:pk>/"

urlpatterns = [
    path("reseaux/", public.deployment_home, name="deployment_home"),
    path(site, public.site_home, name="site_home"),
    path(f"{site}nouvelles/", public.news_list, name="news_list"),
    path(f"{site}nouvelles/<slug:slug>/", public.news_detail, name="news_detail"),
    path(f"{site}pratiques/", public.practice_list, name="practice_list"),
    path(f"{site}outils/", public.tool_list, name="tool_list"),
    path(f"{site}rencontres/", public.session_list, name="session_list"),
    path(f"{site}a-propos/", public.about, name="about"),
    path(f"{site}contact/", public.contact, name="contact"),
    path(f"{site}nouvelles.xml", feeds.NewsFeed(), name="news_feed"),
    path(f"{site}pratiques.xml", feeds.PracticeFeed(), name="practice_feed"),
    path(f"{site}outils.xml", feeds.ToolFeed(), name="tool_feed"),
    path("sitemap.xml", public.sitemap_index, name="sitemap"),
    path("sitemap-<slug:section>.xml", public.sitemap_section, name="sitemap_section"),
    path(managed, manage.manage, name="manage"),
    path(f"{managed}presentation/", manage.site_edit, name="site_edit"),
    path(f"{managed}nouvelles/nouvelle/", manage.news_create, name="news_create"),
    path(news, manage.news_edit, name="news_edit"),
    path(f"{news}publier/", manage.news_publish, name="news_publish"),
    path(f"{news}retirer/", manage.news_unpublish, name="news_unpublish"),
]
