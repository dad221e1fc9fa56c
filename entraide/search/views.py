"""The search page of a network and its suggestions as one types.

Anyone may search a network's pages: each person finds only what they may
see there (decided in ``selectors``). A query that is empty, too long or holds
no word gets a French message, never an error page.
"""

from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from entraide.core.shortcuts import filters_query_string
from entraide.search import selectors
from entraide.search.backends import query_words
from entraide.search.forms import SearchForm
from entraide.search.highlight import highlight, snippet
from entraide.search.models import Kind

PER_PAGE = 20
SUGGESTIONS = 6
# Fewer letters than this suggest nothing yet.
SUGGEST_FROM = 2


def _url(document, network) -> str:
    """Practices of another network are read in this network's catalogue."""
    if document.kind == Kind.PRACTICE and document.network_id != network.pk:
        return reverse(
            "practices:practice",
            kwargs={"network": network.slug, "pk": document.object_id},
        )
    return document.url


def _context_line(document) -> str:
    if document.kind == Kind.PERSON and document.user is not None:
        user = document.user
        parts = [user.get_job_role_display(), document.context]
        if user.show_email:
            parts.append(user.email)
        return " · ".join(part for part in parts if part)
    return document.context


def _result(document, network, words) -> dict:
    return {
        "kind": document.kind,
        "kind_label": document.get_kind_display(),
        "title": highlight(document.title, words),
        "snippet": snippet(document.body, words) if document.body else "",
        "context": _context_line(document),
        "url": _url(document, network),
    }


def _page_number(value) -> int:
    try:
        return max(1, int(value or 1))
    except (TypeError, ValueError):
        return 1


@require_safe
def search(request, network):
    network = selectors.network_by_slug(network)
    searcher = selectors.searcher_for(request.user, network)
    communities = list(selectors.filter_communities(searcher))
    form = SearchForm(
        request.GET or None,
        communities=communities,
        suggest_url=reverse("search:suggestions", kwargs={"network": network.slug}),
    )
    context = {"network": network, "form": form, "page": None, "kinds": []}
    if not form.is_bound:
        return render(request, "search/search.html", context)
    if not form.is_valid():
        return render(request, "search/search.html", context)
    query = form.cleaned_data["q"]
    words = query_words(query)
    if not query.strip():
        context["problem"] = _("Écrivez un ou plusieurs mots à chercher.")
        return render(request, "search/search.html", context)
    if not words:
        context["problem"] = _(
            "Cette recherche ne contient aucun mot à chercher : essayez des mots "
            "plus précis."
        )
        return render(request, "search/search.html", context)
    kind = form.cleaned_data["type"]
    community = form.community()
    found = selectors.result_page(
        searcher,
        words,
        kind=kind,
        community=community,
        number=_page_number(request.GET.get("page")),
        per_page=PER_PAGE,
    )
    paginator = Paginator([], PER_PAGE)
    paginator.count = found.reachable
    page = Page(found.rows, found.number, paginator)
    matched = found.counts.get(kind, 0) if kind else found.total
    base = {k: v for k, v in request.GET.items() if k not in ("page", "type") and v}
    context.update(
        {
            "query": query,
            "page": page,
            "results": [_result(d, network, words) for d in page.object_list],
            "matched": matched,
            # More matches than were counted: the numbers are lower bounds.
            "more": kind in found.more if kind else found.is_lower_bound,
            "any_more": found.is_lower_bound,
            "total": found.total,
            "kinds": [
                {
                    "value": value,
                    "label": label,
                    "count": found.counts.get(value, 0),
                    "more": value in found.more,
                    "current": value == kind,
                    "query_string": urlencode({**base, "type": value}),
                }
                for value, label in Kind.choices
                if found.counts.get(value)
            ],
            "all_query_string": urlencode(base),
            "query_string": filters_query_string(request),
            "kind": kind,
        }
    )
    return render(request, "search/search.html", context)


@require_safe
def suggestions(request, network):
    """A few titles matching what is typed so far (the last word as a prefix)."""
    network = selectors.network_by_slug(network)
    query = str(request.GET.get("q") or "")[: SearchForm.base_fields["q"].max_length]
    query = query.replace("\x00", "")
    words = query_words(query)
    items = []
    if words and len("".join(words)) >= SUGGEST_FROM:
        searcher = selectors.searcher_for(request.user, network)
        found = selectors.result_page(
            searcher, words, per_page=SUGGESTIONS, prefix=True
        )
        items = [_result(d, network, words) for d in found.rows]
    return render(
        request,
        "search/suggestions.html",
        {"network": network, "items": items, "query": query, "words": words},
    )
