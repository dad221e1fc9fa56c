"""Discussion pages of a community.

Every view: the community through ``discussions_for`` (404 when missing or when the
person may not read its content), the object through a selector of this community
(404), the permission (403), the form, one service, a redirect with a message.
HTMX requests get the changed fragment instead of a redirect.
"""

from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from entraide.discussions import permissions as perms
from entraide.discussions.forms import ThreadFilterForm
from entraide.discussions.selectors import (
    discussions_for,
    is_following,
    replies_of,
    thread_for,
    threads_for,
)

THREADS_PER_PAGE = 20
REPLIES_PER_PAGE = 30


def _query_string(request) -> str:
    return urlencode([(k, v) for k, v in request.GET.items() if k != "page" and v])


@login_required
def thread_list(request, network, community):
    access = discussions_for(request.user, network, community)
    filters = ThreadFilterForm(request.GET or None)
    options = filters.cleaned_data if filters.is_valid() else {}
    threads = threads_for(
        access,
        request.user,
        kind=options.get("kind", ""),
        followed=options.get("followed", False),
        unanswered=options.get("unanswered", False),
    )
    page = Paginator(threads, THREADS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "discussions/thread_list.html",
        {
            **_base_context(access),
            "filters": filters,
            "page": page,
            "threads": page.object_list,
            "query_string": _query_string(request),
            "can_start_thread": perms.can_start_thread(access),
            "can_moderate": perms.can_moderate(access),
        },
    )


@login_required
def thread_detail(request, network, community, pk):
    access = discussions_for(request.user, network, community)
    thread = thread_for(access, pk)
    page = Paginator(replies_of(thread, request.user), REPLIES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "discussions/thread_detail.html",
        {
            **_base_context(access),
            **_thread_context(access, request.user, thread),
            "page": page,
            "replies": page.object_list,
        },
    )


def _base_context(access) -> dict:
    return {
        "community": access.community,
        "network": access.network,
        "access": access,
    }


def _thread_context(access, user, thread) -> dict:
    moderator = perms.can_moderate(access)
    return {
        "thread": thread,
        "is_moderator": moderator,
        "can_reply": perms.can_reply(access, thread),
        "can_edit_thread": perms.can_edit_post(access, user, thread),
        "can_delete_thread": perms.can_delete_post(access, user, thread),
        "can_report_thread": perms.can_report(access, user, thread),
        "is_following": is_following(thread, user),
    }
