"""Nobody finds through search what they may not see elsewhere."""

import pytest

from entraide.search.backends import query_words
from entraide.search.selectors import result_page, search


def listed(searcher, words, **filters) -> list[str]:
    """Every title the pages of results lead to, page after page."""
    found, number = [], 1
    while True:
        page = result_page(searcher, words, number=number, per_page=2, **filters)
        if page.number < number:
            return found
        found += [d.title for d in page.rows]
        number += 1


def titles(corpus, key, query, network=None, **filters):
    """What the person finds: the whole ranking and the pages alike."""
    searcher = corpus.searcher(key, network)
    words = query_words(query)
    whole = [d.title for d in search(searcher, words, **filters)]
    assert listed(searcher, words, **filters) == whole
    return set(whole)


@pytest.mark.parametrize(
    ("key", "found"),
    [
        (None, False),
        ("member", False),
        ("lead", False),
        ("gestion", False),
        ("admin_b", False),
        ("ped", True),
        ("ped2", True),
    ],
)
def test_members_only_thread_is_found_by_its_members_only(corpus, key, found):
    assert ("Morsures à la pouponnière" in titles(corpus, key, "morsures")) is found
    assert ("Rencontre sur les morsures" in titles(corpus, key, "morsures")) is found


def test_a_draft_is_never_found(corpus):
    for key in (None, "member", "lead", "ped"):
        assert "Brouillon sur les morsures" not in titles(corpus, key, "brouillon")


@pytest.mark.parametrize(
    ("key", "network", "expected"),
    [
        # A member of A (which takes part in pooling) finds B's pooled and public
        # sheets, never B's network sheet nor C's (C does not take part).
        (
            "member",
            "a",
            {"Alimentation mise en commun", "Alimentation publique"},
        ),
        # Anonymous on A's pages: only A's public sheets (none about food).
        (None, "a", set()),
        # B's admin on A's pages: A's pooled and public sheets only.
        ("admin_b", "a", set()),
        # B's admin on B's pages: all of B's.
        (
            "admin_b",
            "b",
            {
                "Alimentation saine réseau B",
                "Alimentation mise en commun",
                "Alimentation publique",
            },
        ),
        # C's admin at home: C's own; B's pooled sheets are not C's to see.
        ("admin_c", "c", {"Alimentation du réseau seul"}),
        # Anyone on B's pages without being B's member: B's public sheet (and,
        # for a member of a taking-part network, the pooled one).
        (None, "b", {"Alimentation publique"}),
        ("admin_c", "b", {"Alimentation publique"}),
        ("member", "b", {"Alimentation mise en commun", "Alimentation publique"}),
    ],
)
def test_practice_of_another_network_only_through_pooling_or_public(
    corpus, key, network, expected
):
    found = titles(corpus, key, "alimentation", getattr(corpus, network))
    assert found == expected


def test_network_practice_is_for_members_only(corpus):
    assert "Le jeu extérieur en hiver" in titles(corpus, "member", "hiver")
    for key, network in ((None, "a"), ("admin_b", "a"), ("admin_b", "b")):
        assert not titles(corpus, key, "hiver", getattr(corpus, network))


@pytest.mark.parametrize(
    ("key", "found"),
    [
        (None, False),
        ("member", False),
        ("gestion", False),
        ("ped", True),
        ("lead", True),
    ],
)
def test_community_tool_for_its_members_and_the_leads(corpus, key, found):
    assert ("Gabarit de menu de la pouponnière" in titles(corpus, key, "gabarit")) is (
        found
    )


def test_tool_in_progress_is_never_found(corpus):
    for key in (None, "member", "lead", "ped"):
        assert "Gabarit de menu en cours" not in titles(corpus, key, "gabarit")


@pytest.mark.parametrize(
    ("key", "found"),
    [
        (None, False),
        ("member", False),
        ("gestion", False),
        ("admin_b", False),
        ("ped", True),
        ("lead", True),
    ],
)
def test_members_only_community_is_listed_to_members_and_managers(corpus, key, found):
    assert ("Pédagogie et jeu" in titles(corpus, key, "pédagogie")) is found


def test_network_community_is_listed_to_network_members_only(corpus):
    assert "Gestion des installations" in titles(corpus, "member", "installations")
    assert not titles(corpus, None, "installations")
    assert not titles(corpus, "admin_b", "installations")


@pytest.mark.parametrize(
    ("key", "found"),
    [
        (None, False),
        ("member", False),
        ("lead", False),
        ("admin_b", False),
        ("ped2", True),
    ],
)
def test_private_profile_is_found_by_fellow_community_members_only(corpus, key, found):
    # Paule Lavoie keeps the default: seen by the members of her communities.
    assert ("Paule Lavoie" in titles(corpus, key, "lavoie")) is found


def test_profile_open_to_the_network_is_found_by_its_members(corpus):
    for key in ("member", "lead", "ped"):
        assert "Gaston Bélanger" in titles(corpus, key, "belanger")
    for key, network in ((None, "a"), ("admin_b", "a"), ("admin_b", "b")):
        assert not titles(corpus, key, "belanger", getattr(corpus, network))


def test_privacy_and_membership_changes_count_at_once(
    corpus, django_capture_on_commit_callbacks
):
    from entraide.accounts.services import update_privacy
    from entraide.networks.models import Membership
    from entraide.networks.services import remove_membership

    person = corpus.people["gestion"]
    with django_capture_on_commit_callbacks(execute=True):
        update_privacy(user=person, data={"profile_visibility": "communities"})
    assert not titles(corpus, "member", "belanger")
    with django_capture_on_commit_callbacks(execute=True):
        update_privacy(user=person, data={"profile_visibility": "network"})
    assert titles(corpus, "member", "belanger") == {"Gaston Bélanger"}
    membership = Membership.objects.get(user=person, network=corpus.a)
    with django_capture_on_commit_callbacks(execute=True):
        remove_membership(membership=membership, actor=corpus.people["lead"])
    assert not titles(corpus, "member", "belanger")


def test_removed_community_member_no_longer_finds_its_threads(corpus):
    from entraide.communities.models import CommunityMembership

    CommunityMembership.objects.filter(user=corpus.people["ped"]).delete()
    assert not titles(corpus, "ped", "morsures")


def test_filters_narrow_by_kind_and_community(corpus):
    assert titles(corpus, "ped", "morsures", kind="session") == {
        "Rencontre sur les morsures"
    }
    assert titles(corpus, "gestion", "pratiques", community=corpus.gestion) == {
        "Recrutement d'éducatrices qualifiées"
    }


def test_a_fellow_who_leaves_the_community_no_longer_finds_a_private_profile(corpus):
    from entraide.communities.models import CommunityMembership

    assert titles(corpus, "ped2", "lavoie") == {"Paule Lavoie"}
    CommunityMembership.objects.filter(user=corpus.people["ped2"]).delete()
    assert not titles(corpus, "ped2", "lavoie")
