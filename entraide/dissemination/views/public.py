"""The public site: anyone, signed in or not, sees the same public content."""

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from entraide.core.markdown import render_markdown
from entraide.core.timezones import zone
from entraide.dissemination import selectors
from entraide.dissemination.sitemaps import SITEMAPS, sitemap_pages

PER_PAGE = 20
HOME_ITEMS = 4


def absolute(path: str) -> str:
    """The canonical address of a page (Open Graph, feeds, the sitemap)."""
    return settings.SITE_URL.rstrip("/") + path


def plain(text: str, limit: int = 300) -> str:
    """Markdown as one line of plain text, for a meta description."""
    words = strip_tags(render_markdown(text)).split()
    return Truncator(" ".join(words)).chars(limit)


def _meta(request, *, title: str, description: str, kind: str = "website") -> dict:
    return {
        "title": title,
        "description": plain(str(description)),
        "url": absolute(request.path),
        "type": kind,
    }


def _network(request, site: str):
    """The network, its public texts, and times in its zone for visitors."""
    network = selectors.public_network(site)
    if not request.user.is_authenticated:
        timezone.activate(zone(network.time_zone))
    return network, selectors.public_site_of(network)


def _description(network, public) -> str:
    return public.description or network.description or network.name


def _render(request, template: str, network, public, meta: dict, **context):
    return render(
        request,
        template,
        {"network": network, "public": public, "meta": meta, **context},
    )


def _page(request, items):
    return Paginator(items, PER_PAGE).get_page(request.GET.get("page"))


def deployment_home(request):
    networks = selectors.public_networks()
    meta = _meta(
        request,
        title=_("Les réseaux d'Entraide"),
        description=_(
            "Les sites publics des réseaux de la petite enfance : nouvelles, "
            "pratiques, outils et rencontres ouvertes à toutes et à tous."
        ),
    )
    rows = [(network, selectors.public_site_of(network)) for network in networks]
    return render(
        request, "dissemination/deployment_home.html", {"rows": rows, "meta": meta}
    )


def site_home(request, site):
    network, public = _network(request, site)
    meta = _meta(request, title=network.name, description=_description(network, public))
    return _render(
        request,
        "dissemination/site_home.html",
        network,
        public,
        meta,
        news=list(selectors.published_news(network)[:HOME_ITEMS]),
        practices=list(selectors.public_practices(network)[:HOME_ITEMS]),
        tools=list(selectors.public_tools(network)[:HOME_ITEMS]),
        sessions=list(selectors.public_sessions(network)[:HOME_ITEMS]),
    )


def news_list(request, site):
    network, public = _network(request, site)
    meta = _meta(
        request,
        title=_("Nouvelles — %(name)s") % {"name": network.name},
        description=_("Les nouvelles publiées par %(name)s.") % {"name": network.name},
    )
    page = _page(request, selectors.published_news(network))
    return _render(
        request, "dissemination/news_list.html", network, public, meta, page=page
    )


def news_detail(request, site, slug):
    network, public = _network(request, site)
    post = selectors.news_post_for(network, slug)
    meta = _meta(
        request,
        title=post.title,
        description=post.summary or post.body,
        kind="article",
    )
    return _render(
        request, "dissemination/news_detail.html", network, public, meta, post=post
    )


def practice_list(request, site):
    network, public = _network(request, site)
    meta = _meta(
        request,
        title=_("Pratiques — %(name)s") % {"name": network.name},
        description=_("Les pratiques publiées par %(name)s.") % {"name": network.name},
    )
    page = _page(request, selectors.public_practices(network))
    return _render(
        request, "dissemination/practice_list.html", network, public, meta, page=page
    )


def tool_list(request, site):
    network, public = _network(request, site)
    meta = _meta(
        request,
        title=_("Outils — %(name)s") % {"name": network.name},
        description=_("Les outils publiés par %(name)s.") % {"name": network.name},
    )
    page = _page(request, selectors.public_tools(network))
    return _render(
        request, "dissemination/tool_list.html", network, public, meta, page=page
    )


def session_list(request, site):
    network, public = _network(request, site)
    meta = _meta(
        request,
        title=_("Rencontres — %(name)s") % {"name": network.name},
        description=_("Les prochaines rencontres ouvertes de %(name)s.")
        % {"name": network.name},
    )
    page = _page(request, selectors.public_sessions(network))
    return _render(
        request, "dissemination/session_list.html", network, public, meta, page=page
    )


def about(request, site):
    network, public = _network(request, site)
    meta = _meta(
        request,
        title=_("À propos — %(name)s") % {"name": network.name},
        description=public.about or _description(network, public),
    )
    return _render(request, "dissemination/about.html", network, public, meta)


def contact(request, site):
    network, public = _network(request, site)
    meta = _meta(
        request,
        title=_("Nous joindre — %(name)s") % {"name": network.name},
        description=public.contact or _description(network, public),
    )
    return _render(request, "dissemination/contact.html", network, public, meta)


def sitemap_index(request):
    locations = []
    for section, number in sitemap_pages():
        url = absolute(
            reverse("dissemination:sitemap_section", kwargs={"section": section})
        )
        locations.append(f"{url}?p={number}" if number > 1 else url)
    return render(
        request,
        "dissemination/sitemap_index.xml",
        {"locations": locations},
        content_type="application/xml; charset=utf-8",
    )


def sitemap_section(request, section):
    if section not in SITEMAPS:
        raise Http404
    try:
        urls = SITEMAPS[section]().get_urls(page=request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404 from error
    return render(
        request,
        "dissemination/sitemap.xml",
        {"urlset": urls},
        content_type="application/xml; charset=utf-8",
    )
