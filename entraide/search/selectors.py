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

import operator
from dataclasses import dataclass
from functools import reduce

from django.conf import settings
from django.db.models import F, Q, QuerySet
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
    """The person as seen from ``network`` (two queries; none when anonymous)."""
    if user is None or not user.is_authenticated:
        return Searcher(user=None, network=network, membership=None)
    memberships = list(
        Membership.objects.filter(user=user).annotate(
            pools=F("network__shares_provincial_pooling")
        )
    )
    membership = next((m for m in memberships if m.network_id == network.pk), None)
    if membership is not None:
        pools = network.shares_provincial_pooling
    else:
        pools = any(m.pools for m in memberships)
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


def _community_content(kind: str):
    """Discussions or sessions: those of one's own communities (none without)."""

    def rule(searcher: Searcher) -> Q | None:
        if not searcher.communities:
            return None
        return Q(
            kind=kind, network=searcher.network, community__in=searcher.communities
        )

    return rule


def _people(searcher: Searcher) -> Q | None:
    """Profiles open to the network, one's own, and those of fellow members of
    one's communities (read live: joining or leaving counts at once); members
    only."""
    if not searcher.is_member:
        return None
    fellows = CommunityMembership.objects.filter(
        community__in=searcher.communities
    ).values("user")
    return Q(kind=Kind.PERSON, network=searcher.network) & (
        Q(audience=Audience.NETWORK) | Q(user=searcher.user) | Q(user__in=fellows)
    )


# Who may find each kind: a rule gives ``None`` when the person can find none.
RULES = {
    Kind.PRACTICE: _practices,
    Kind.TOOL: _tools,
    Kind.THREAD: _community_content(Kind.THREAD),
    Kind.SESSION: _community_content(Kind.SESSION),
    Kind.COMMUNITY: _communities,
    Kind.PERSON: _people,
}


def _rules(searcher: Searcher) -> dict[str, Q]:
    """The rules of the kinds this person may find something of."""
    rules = {kind: rule(searcher) for kind, rule in RULES.items()}
    return {kind: rule for kind, rule in rules.items() if rule is not None}


def findable(searcher: Searcher, kind: str = "") -> QuerySet[SearchDocument]:
    """Every row the person may find from this network's pages (of ``kind`` if
    given)."""
    rules = _rules(searcher)
    if kind:
        rules = {kind: rules[kind]} if kind in rules else {}
    if not rules:
        return SearchDocument.objects.none()
    return SearchDocument.objects.filter(reduce(operator.or_, rules.values()))


def search(
    searcher: Searcher,
    words: list[str],
    *,
    kind: str = "",
    community: Community | None = None,
    prefix: bool = False,
) -> QuerySet[SearchDocument]:
    """Every row holding every word, best first, narrowed by kind and community:
    the whole ranking, unbounded (``result_page`` is what pages show)."""
    documents = findable(searcher, kind)
    if community is not None:
        documents = documents.filter(community=community)
    return backends.match(documents, words, prefix=prefix).prefetch_related("user")


@dataclass(frozen=True)
class Results:
    """One page of results and what the filters show.

    ``counts`` holds, per kind, the matches up to ``settings.SEARCH_COUNT_MAX``;
    the kinds in ``more`` have more than that. ``reachable`` is how many results
    the pages lead to: every match when no kind in view has more, otherwise the
    ``settings.SEARCH_LISTED_MAX`` best of a bounded set of candidates."""

    rows: list
    counts: dict
    more: frozenset
    number: int
    reachable: int

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def is_lower_bound(self) -> bool:
        return bool(self.more)


def _signature(searcher: Searcher) -> tuple:
    """Everything ``findable`` reads of the person: the SQL of their searches is
    the same while it stays the same."""
    membership = searcher.membership
    return (
        searcher.network.pk,
        searcher.network.shares_provincial_pooling,
        searcher.user.pk if searcher.user is not None else None,
        membership.role if membership is not None else None,
        searcher.communities,
        searcher.pools,
    )


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
    prefix: bool = False,
) -> Results:
    """One page of results, best first, and the counts by kind, in two to four
    queries whatever the number of matches.

    For each kind the first ``SEARCH_COUNT_MAX`` + 1 matches the index gives are
    counted and ranked. A kind with more matches than that is also looked for
    among the network's ``SEARCH_RECENT_WINDOW`` newest rows of that kind (those
    the person may see), so that recent matches always compete; the best of both
    are listed, at most ``SEARCH_LISTED_MAX`` of them. Below those bounds the
    ranking is the whole ranking, the same as ``search``."""
    cap = settings.SEARCH_COUNT_MAX
    listed_max = settings.SEARCH_LISTED_MAX
    end = min(max(1, number) * per_page, listed_max)
    wanted = [kind] if kind else list(RULES)

    def documents():
        found = findable(searcher)
        return found if community is None else found.filter(community=community)

    key = (*_signature(searcher), community.pk if community else None)
    kinds = list(_rules(searcher))
    # Kinds out of view are only counted (one row each says how many).
    probed = backends.candidates(
        documents,
        [(k, end if k in wanted else 1) for k in kinds],
        words,
        prefix=prefix,
        key=key,
        limit=cap + 1,
    )
    counts = {row[0]: min(row[1], cap) for row in probed}
    more = frozenset(row[0] for row in probed if row[1] > cap)
    best = {pk: (rank, at) for k, _n, pk, rank, at in probed if k in wanted}
    # How many rows the listing holds at least: every match of a kind in view,
    # and for a broad kind its counted or its recent matches, the more.
    found = {k: counts.get(k, 0) for k in wanted}
    broad = sorted(more & set(wanted))
    if broad:
        recent = backends.candidates(
            documents,
            [(k, end) for k in broad],
            words,
            prefix=prefix,
            key=key,
            newest=lambda: SearchDocument.objects.filter(network=searcher.network),
            window=settings.SEARCH_RECENT_WINDOW,
        )
        for k in broad:
            found[k] = cap + 1
        for row_kind, n, pk, rank, at in recent:
            best.setdefault(pk, (rank, at))
            found[row_kind] = max(found[row_kind], n)
    reachable = min(sum(found.values()), listed_max)
    number = min(max(1, number), _last_page(reachable, per_page))
    # Best rank first, then the newest, then the oldest row: sorted from the
    # last key to the first (each sort keeps the order of equal keys).
    ordered = sorted(best)
    ordered.sort(key=lambda pk: best[pk][1], reverse=True)
    ordered.sort(key=lambda pk: best[pk][0], reverse=True)
    ids = ordered[:reachable][(number - 1) * per_page : number * per_page]
    rows = SearchDocument.objects.filter(pk__in=ids).prefetch_related("user")
    by_id = {row.pk: row for row in rows} if ids else {}
    return Results(
        rows=[by_id[pk] for pk in ids if pk in by_id],
        counts={k: n for k, n in counts.items() if n},
        more=more,
        number=number,
        reachable=reachable,
    )


def filter_communities(searcher: Searcher) -> QuerySet[Community]:
    """The communities offered in the filter: the person's own here (where
    discussions, sessions and community tools live) — a short list even for
    someone in a network of a thousand communities."""
    return (
        Community.objects.filter(pk__in=searcher.communities)
        .order_by("name", "pk")
        .only("pk", "slug", "name")
    )
