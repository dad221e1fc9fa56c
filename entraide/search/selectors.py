"""Searching a network's pages as one person may see them.

Who may find a row is decided here, in SQL, in the same query as the match
(nothing is filtered in Python), from the person's memberships read at each
request — the same rules as each app's own selectors:

- practices: like ``practices.selectors_browse.published_practices`` (the
  network's own sheets for its members, other taking-part networks' pooled and
  public sheets when the network takes part in provincial pooling);
- tools: like ``library.selectors.readable_tools``;
- communities: like ``communities.selectors.visible_communities``;
- discussions and sessions: the community's members only;
- people: fellow members of the network, per their privacy setting
  (``communities.selectors.profile_visible_to``), copied into the row by the
  services that change it.
"""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from entraide.communities.models import Community, CommunityMembership
from entraide.networks.models import MANAGING_ROLES, Membership, Network
from entraide.search import backends
from entraide.search.models import Audience, Kind, SearchDocument

POOLED = (Audience.POOLED, Audience.PUBLIC)


@dataclass(frozen=True)
class Searcher:
    """A person searching network ``network``'s pages."""

    user: object
    network: Network
    membership: Membership | None
    # Ids of the person's communities in this network.
    communities: tuple = ()
    # Member of some network that takes part in provincial pooling.
    pools: bool = False

    @property
    def is_member(self) -> bool:
        return self.membership is not None

    @property
    def manages(self) -> bool:
        return self.is_member and self.membership.role in MANAGING_ROLES


def network_by_slug(slug: str) -> Network:
    network = Network.objects.filter(slug=slug).first()
    if network is None:
        raise Http404
    return network


def searcher_for(user, network: Network) -> Searcher:
    """The person as seen from ``network`` (three queries; none when anonymous)."""
    if user is None or not user.is_authenticated:
        return Searcher(user=None, network=network, membership=None)
    memberships = list(
        Membership.objects.filter(user=user).values(
            "pk", "network_id", "network__shares_provincial_pooling"
        )
    )
    membership = None
    if any(m["network_id"] == network.pk for m in memberships):
        membership = Membership.objects.get(user=user, network=network)
    if membership is not None:
        pools = network.shares_provincial_pooling
    else:
        pools = any(m["network__shares_provincial_pooling"] for m in memberships)
    communities = tuple(
        CommunityMembership.objects.filter(
            user=user, community__network=network
        ).values_list("community_id", flat=True)
    )
    return Searcher(
        user=user,
        network=network,
        membership=membership,
        communities=communities,
        pools=pools,
    )


def _practices(searcher: Searcher) -> Q:
    network = searcher.network
    if searcher.is_member:
        own = Q(network=network)
    elif searcher.pools and network.shares_provincial_pooling:
        own = Q(network=network, audience__in=POOLED)
    else:
        own = Q(network=network, audience=Audience.PUBLIC)
    if searcher.is_member and searcher.pools:
        own |= Q(network__shares_provincial_pooling=True, audience__in=POOLED)
    return Q(kind=Kind.PRACTICE) & own


def _tools(searcher: Searcher) -> Q:
    if searcher.manages:
        scope = Q()
    elif searcher.is_member:
        scope = Q(audience__in=(Audience.NETWORK, Audience.PUBLIC)) | Q(
            audience=Audience.COMMUNITY, community__in=searcher.communities
        )
    else:
        scope = Q(audience=Audience.PUBLIC)
    return Q(kind=Kind.TOOL, network=searcher.network) & scope


def _communities(searcher: Searcher) -> Q:
    """Outside the network, public communities only (as the list shows)."""
    seen = Q(audience=Audience.PUBLIC)
    if searcher.is_member:
        seen |= Q(audience=Audience.NETWORK)
        if searcher.manages:
            seen |= Q(audience=Audience.COMMUNITY)
        else:
            seen |= Q(audience=Audience.COMMUNITY, community__in=searcher.communities)
    return Q(kind=Kind.COMMUNITY, network=searcher.network) & seen


def _community_content(searcher: Searcher) -> Q:
    return Q(
        kind__in=(Kind.THREAD, Kind.SESSION),
        network=searcher.network,
        community__in=searcher.communities,
    )


def _people(searcher: Searcher) -> Q:
    """Profiles open to the network, one's own, and those of fellow members of
    one's communities (read live: joining or leaving counts at once)."""
    if not searcher.is_member:
        return Q(pk__in=[])
    fellows = CommunityMembership.objects.filter(
        community__in=searcher.communities
    ).values("user")
    return Q(kind=Kind.PERSON, network=searcher.network) & (
        Q(audience=Audience.NETWORK) | Q(user=searcher.user) | Q(user__in=fellows)
    )


def findable(searcher: Searcher) -> QuerySet[SearchDocument]:
    """Every row the person may find from this network's pages."""
    return SearchDocument.objects.filter(
        _practices(searcher)
        | _tools(searcher)
        | _communities(searcher)
        | _community_content(searcher)
        | _people(searcher)
    )


def search(
    searcher: Searcher,
    words: list[str],
    *,
    kind: str = "",
    community: Community | None = None,
    prefix: bool = False,
) -> QuerySet[SearchDocument]:
    """The rows holding every word, best first, narrowed by kind and community."""
    documents = findable(searcher)
    if kind:
        documents = documents.filter(kind=kind)
    if community is not None:
        documents = documents.filter(community=community)
    return backends.match(documents, words, prefix=prefix).prefetch_related("user")


def counts_by_kind(searcher: Searcher, words: list[str], *, community=None) -> dict:
    """How many rows of each kind match (one query), for the filters."""
    documents = findable(searcher)
    if community is not None:
        documents = documents.filter(community=community)
    rows = (
        backends.match(documents, words, ranked=False)
        .order_by()
        .values("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    return dict(rows)


def _last_page(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def result_page(
    searcher: Searcher,
    words: list[str],
    *,
    kind: str = "",
    community: Community | None = None,
    number: int = 1,
    per_page: int = 20,
) -> tuple[list[SearchDocument], dict, int]:
    """One page of results, the counts by kind (which hold the total: no COUNT
    query of its own), and the page's number (past the end: the last page)."""
    if backends.is_postgres():
        return _result_page_postgres(searcher, words, kind, community, number, per_page)
    counts = counts_by_kind(searcher, words, community=community)
    total = counts.get(kind, 0) if kind else sum(counts.values())
    number = min(number, _last_page(total, per_page))
    start = (number - 1) * per_page
    results = search(searcher, words, kind=kind, community=community)
    return list(results[start : start + per_page]) if total else [], counts, number


def _result_page_postgres(searcher, words, kind, community, number, per_page):
    documents = findable(searcher)
    if community is not None:
        documents = documents.filter(community=community)

    def read(number):
        return backends.page_and_counts(
            documents, words, kind=kind, offset=(number - 1) * per_page, limit=per_page
        )

    ids, counts = read(number)
    total = counts.get(kind, 0) if kind else sum(counts.values())
    last = _last_page(total, per_page)
    if number > last:
        number = last
        ids, counts = read(number)
    rows = SearchDocument.objects.filter(pk__in=ids).prefetch_related("user")
    by_id = {row.pk: row for row in rows} if ids else {}
    return [by_id[pk] for pk in ids if pk in by_id], counts, number


def filter_communities(searcher: Searcher) -> QuerySet[Community]:
    """The communities offered in the filter: the person's own here (where
    discussions, sessions and community tools live) — a short list even for
    someone in a network of a thousand communities."""
    return (
        Community.objects.filter(pk__in=searcher.communities)
        .order_by("name", "pk")
        .only("pk", "slug", "name")
    )
