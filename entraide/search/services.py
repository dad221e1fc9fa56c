"""Keeping the search index current.

Other apps' services call ``index_later(obj)`` when they create, change, hide or
remove something that can be found: once their transaction commits, the object
is read again and its row written, or removed when nobody should find it any
more. ``rebuild`` writes the whole index again (``manage.py
rebuild_search_index``). Who may find a row is decided when searching
(``selectors``), from live memberships.
"""

import logging
from functools import partial

from django.db import transaction

from entraide.search import backends
from entraide.search.documents import MODEL_KIND, build, object_id, source_rows
from entraide.search.models import Kind, SearchDocument

logger = logging.getLogger(__name__)
CHUNK = 500


def _key(kind: str, obj) -> dict:
    key = {"kind": kind, "object_id": object_id(kind, obj)}
    if kind == Kind.PERSON:
        key["network_id"] = obj.network_id
    return key


def _remove(**key) -> None:
    ids = list(SearchDocument.objects.filter(**key).values_list("pk", flat=True))
    if ids:
        backends.forget(ids)
        SearchDocument.objects.filter(pk__in=ids).delete()


def index_object(obj) -> SearchDocument | None:
    """Write ``obj``'s row as it is now in the database (or remove it). Objects
    search does not hold (a reply) are left alone."""
    kind = MODEL_KIND.get(type(obj))
    if kind is None:
        return None
    key = _key(kind, obj)
    current = next(source_rows(kind, [obj.pk]), None)
    fields = build(kind, current) if current is not None else None
    if fields is None:
        _remove(**key)
        return None
    with transaction.atomic():
        key.setdefault("network_id", fields["network_id"])
        document, _created = SearchDocument.objects.update_or_create(
            **key, defaults={k: v for k, v in fields.items() if k != "network_id"}
        )
        backends.write([document.pk])
    return document


def index_person(user) -> None:
    """A person's rows in each of their networks (name or organisation changed)."""
    from entraide.networks.models import Membership

    for membership in Membership.objects.filter(user=user):
        index_object(membership)


def _safely(function, *args) -> None:
    try:
        function(*args)
    except Exception:  # noqa: BLE001 (a stale index must never undo a write)
        logger.exception("search index update failed")


def index_later(obj) -> None:
    """Index ``obj`` once the current transaction commits; a failure is logged
    and never undoes the write that asked for it."""
    transaction.on_commit(partial(_safely, index_object, obj))


def index_person_later(user) -> None:
    transaction.on_commit(partial(_safely, index_person, user))


def rebuild(kinds=None) -> dict[str, int]:
    """Write the whole index again; returns the number of rows per kind."""
    kinds = list(kinds or Kind.values)
    counts = {}
    with transaction.atomic():
        if set(kinds) == set(Kind.values):
            backends.forget_all()
            SearchDocument.objects.all().delete()
        else:
            ids = list(
                SearchDocument.objects.filter(kind__in=kinds).values_list(
                    "pk", flat=True
                )
            )
            backends.forget(ids)
            SearchDocument.objects.filter(pk__in=ids).delete()
        for kind in kinds:
            counts[kind] = 0
            batch = []
            for obj in source_rows(kind):
                fields = build(kind, obj)
                if fields is None:
                    continue
                batch.append(
                    SearchDocument(kind=kind, object_id=object_id(kind, obj), **fields)
                )
                if len(batch) >= CHUNK:
                    counts[kind] += _insert(batch)
                    batch = []
            counts[kind] += _insert(batch)
    return counts


def _insert(batch: list[SearchDocument]) -> int:
    if not batch:
        return 0
    created = SearchDocument.objects.bulk_create(batch)
    backends.write([document.pk for document in created])
    return len(batch)
