"""One row per thing a person may find, with what decides who may find it.

The text is copied here so one query answers a search on either database: on
PostgreSQL through ``vector`` (a French + unaccent configuration, GIN index), on
SQLite through the FTS5 table ``search_fts`` whose rowid is this row's id and
whose text is folded by ``entraide.practices.search.fold``. Both are written by
``services.index_object`` and created by migration 0002 for their own database
only; on PostgreSQL, migration 0003 splits the GIN index into one per kind.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PRACTICE = "practice", _("Pratiques")
    TOOL = "tool", _("Outils")
    THREAD = "thread", _("Discussions")
    SESSION = "session", _("Rencontres")
    COMMUNITY = "community", _("Communautés")
    PERSON = "person", _("Personnes")


class Audience(models.TextChoices):
    """Who may find the row, read with the searcher's memberships at query time."""

    PUBLIC = "public"
    # Published to the provincial pooling: the networks that take part.
    POOLED = "pooled"
    NETWORK = "network"
    # Members of ``community`` (and, where ``managers_see``, the network's managers).
    COMMUNITY = "community"
    # A profile kept to fellow members of the person's communities.
    PROFILE = "profile"


class SearchDocument(models.Model):
    kind = models.CharField(max_length=12, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField()
    # Indexed by ``search_network_recent`` (network first): an index of its own
    # would only tempt PostgreSQL into reading 60,000 entries to save nothing.
    network = models.ForeignKey(
        "networks.Network", on_delete=models.CASCADE, related_name="+", db_index=False
    )
    community = models.ForeignKey(
        "communities.Community",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    # The person a profile row is about.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
    )
    audience = models.CharField(max_length=12, choices=Audience.choices)
    # Members-only communities and community tools are also seen by the
    # network's project leads and admins.
    managers_see = models.BooleanField(default=False)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    # A line shown under the title (the community, the date, the job role).
    context = models.CharField(max_length=300, blank=True)
    url = models.CharField(max_length=500)
    updated_at = models.DateTimeField()
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "network"],
                name="search_one_row_per_object",
            )
        ]
        indexes = [
            # The newest rows of a kind in a network: where a search matching
            # very many rows looks for the recent ones.
            models.Index(
                fields=["network", "kind", "-updated_at"], name="search_network_recent"
            ),
            models.Index(fields=["community"], name="search_community"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}: {self.title}"
