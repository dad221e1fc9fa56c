"""Who gets what from each networks URL (see tests/test_access_matrix.py)."""

from itertools import count

from entraide.core.testing import Rule, make_network, managers_only, members_only
from entraide.networks.models import (
    ImportKind,
    Invitation,
    Membership,
    PendingImport,
    Region,
    SubRegion,
)

_serial = count(1)


def _a(world, **kwargs):
    return {"network": world.network.slug, **kwargs}


def _b(world, **kwargs):
    return {"network": world.other_network.slug, **kwargs}


def _fresh_region(world):
    return Region.objects.create(network=world.network, name=f"Vide {next(_serial)}")


def _fresh_subregion(world):
    return SubRegion.objects.create(region=world.region, name=f"Vide {next(_serial)}")


def _fresh_membership(world):
    from entraide.core.testing import make_person

    person = make_person(f"jetable-{next(_serial)}@a.example")
    return Membership.objects.create(network=world.network, user=person)


def _fresh_invitation(world, network=None):
    invitation = Invitation(
        network=network or world.network,
        email=f"invitee-{next(_serial)}@example.org",
        invited_by=world.people["admin"],
    )
    world.extra["token"] = invitation.issue_token()
    invitation.save()
    return invitation


def _elsewhere(world):
    """A third network nobody of the matrix belongs to: accepting changes nothing."""
    if "network_c" not in world.extra:
        world.extra["network_c"] = make_network("reseau-c", "Réseau C")
    return world.extra["network_c"]


def _token_of_fresh_invitation(world):
    invitation = _fresh_invitation(world, _elsewhere(world))
    return {"token": invitation.token()}


def _token_of_used_invitation(world):
    invitation = _fresh_invitation(world, _elsewhere(world))
    invitation.accepted_at = invitation.created_at
    invitation.save()
    return {"token": invitation.token()}


def _project_lead_upload(world):
    if "pending_import" not in world.extra:
        world.extra["pending_import"] = PendingImport.objects.create(
            network=world.network,
            created_by=world.people["project_lead"],
            kind=ImportKind.ORGANISATIONS,
            filename="orgs.csv",
            content="nom;type\r\nGarderie Test;CPE\r\n",
        )
    return _a(world, pk=world.extra["pending_import"].pk)


def _member_membership(world):
    return world.network.memberships.get(user=world.people["member"])


def _admin_membership(world):
    return world.network.memberships.get(user=world.people["admin"])


# Every management page of network A, GET, with the object it shows.
MANAGEMENT_PAGES = [
    ("networks:manage", lambda w: {}),
    ("networks:regions", lambda w: {}),
    ("networks:region_create", lambda w: {}),
    ("networks:region_edit", lambda w: {"pk": w.region.pk}),
    ("networks:region_delete", lambda w: {"pk": w.region.pk}),
    ("networks:subregion_create", lambda w: {}),
    ("networks:subregion_edit", lambda w: {"pk": w.subregion.pk}),
    ("networks:subregion_delete", lambda w: {"pk": w.subregion.pk}),
    ("networks:organisations", lambda w: {}),
    ("networks:organisation_create", lambda w: {}),
    ("networks:organisation_edit", lambda w: {"pk": w.organisation.pk}),
    ("networks:people", lambda w: {}),
    ("networks:person_edit", lambda w: {"pk": _member_membership(w).pk}),
    ("networks:person_remove", lambda w: {"pk": _member_membership(w).pk}),
    ("networks:invitations", lambda w: {}),
    ("networks:import", lambda w: {}),
    ("networks:import_template", lambda w: {"kind": "organisations"}),
    ("networks:import_template", lambda w: {"kind": "personnes"}),
]

# The same pages of network B, with B's objects: only B's admin gets them.
OTHER_NETWORK_PAGES = [
    ("networks:manage", lambda w: {}),
    ("networks:regions", lambda w: {}),
    ("networks:region_edit", lambda w: {"pk": w.other_region.pk}),
    ("networks:region_delete", lambda w: {"pk": w.other_region.pk}),
    ("networks:subregion_edit", lambda w: {"pk": w.other_subregion.pk}),
    ("networks:organisations", lambda w: {}),
    ("networks:organisation_edit", lambda w: {"pk": w.other_organisation.pk}),
    ("networks:people", lambda w: {}),
    ("networks:invitations", lambda w: {}),
    ("networks:import", lambda w: {}),
]

# B's objects reached through A's address: nobody gets them.
CROSSED_OBJECTS = [
    ("networks:region_edit", lambda w: w.other_region.pk),
    ("networks:region_delete", lambda w: w.other_region.pk),
    ("networks:subregion_edit", lambda w: w.other_subregion.pk),
    ("networks:subregion_delete", lambda w: w.other_subregion.pk),
    ("networks:organisation_edit", lambda w: w.other_organisation.pk),
    (
        "networks:person_edit",
        lambda w: w.other_network.memberships.get().pk,
    ),
    (
        "networks:person_remove",
        lambda w: w.other_network.memberships.get().pk,
    ),
]


def _unique_name(prefix):
    return lambda w: {"name": f"{prefix} {next(_serial)}", "position": 0}


def _found_by_nobody(name, kwargs) -> Rule:
    """Signed in or not, nobody gets it: 404 (anonymous is sent to sign in)."""
    return Rule(name, kwargs=kwargs, expect={"anonymous": 302}, default=404)


def _managers_write(name, *, kwargs, data=None) -> Rule:
    """A POST each manager of A makes and is sent on (302); others as for the page.

    Data and objects are fresh per request so that the second manager is not
    refused by the first one's write.
    """
    return Rule(
        name,
        method="POST",
        data={} if data is None else data,
        kwargs=kwargs,
        expect=managers_only(project_lead=302, admin=302),
    )


RULES = [
    Rule(
        "networks:detail",
        kwargs=lambda w: {"network": w.network.slug},
        expect=members_only(other_network_admin=404),
    ),
    Rule(
        "networks:detail",
        kwargs=lambda w: {"network": w.other_network.slug},
        expect=members_only(other_network_admin=200),
        default=404,
    ),
    *[
        Rule(
            name,
            kwargs=lambda w, extra=extra: _a(w, **extra(w)),
            expect=managers_only(),
        )
        for name, extra in MANAGEMENT_PAGES
    ],
    *[
        Rule(
            name,
            kwargs=lambda w, extra=extra: _b(w, **extra(w)),
            expect={"anonymous": 302, "other_network_admin": 200},
            default=404,
        )
        for name, extra in OTHER_NETWORK_PAGES
    ],
    *[
        _found_by_nobody(name, kwargs=lambda w, pk=pk: _a(w, pk=pk(w)))
        for name, pk in CROSSED_OBJECTS
    ],
    # A project lead cannot change or remove a network admin.
    Rule(
        "networks:person_edit",
        kwargs=lambda w: _a(w, pk=_admin_membership(w).pk),
        expect=managers_only(project_lead=403),
    ),
    Rule(
        "networks:person_remove",
        kwargs=lambda w: _a(w, pk=_admin_membership(w).pk),
        expect=managers_only(project_lead=403),
    ),
    _found_by_nobody(
        "networks:import_template", kwargs=lambda w: _a(w, kind="inconnu")
    ),
    # Writes.
    _managers_write("networks:region_create", data=_unique_name("Région"), kwargs=_a),
    Rule(
        "networks:region_create",
        method="POST",
        data={},
        kwargs=_a,
        expect=managers_only(),
    ),
    _managers_write(
        "networks:region_edit",
        data=_unique_name("Région"),
        kwargs=lambda w: _a(w, pk=w.region.pk),
    ),
    _managers_write(
        "networks:region_delete", kwargs=lambda w: _a(w, pk=_fresh_region(w).pk)
    ),
    _managers_write(
        "networks:subregion_create",
        data=lambda w: {**_unique_name("Sous-région")(w), "region": w.region.pk},
        kwargs=_a,
    ),
    _managers_write(
        "networks:subregion_edit",
        data=lambda w: {**_unique_name("Sous-région")(w), "region": w.region.pk},
        kwargs=lambda w: _a(w, pk=w.subregion.pk),
    ),
    _managers_write(
        "networks:subregion_delete",
        kwargs=lambda w: _a(w, pk=_fresh_subregion(w).pk),
    ),
    _managers_write(
        "networks:organisation_create",
        data=lambda w: {"name": f"CPE {next(_serial)}", "kind": "cpe"},
        kwargs=_a,
    ),
    _managers_write(
        "networks:organisation_edit",
        data=lambda w: {"name": f"CPE A {next(_serial)}", "kind": "cpe"},
        kwargs=lambda w: _a(w, pk=w.organisation.pk),
    ),
    _managers_write(
        "networks:person_edit",
        data={"role": "member"},
        kwargs=lambda w: _a(w, pk=_member_membership(w).pk),
    ),
    _managers_write(
        "networks:person_remove",
        kwargs=lambda w: _a(w, pk=_fresh_membership(w).pk),
    ),
    _managers_write(
        "networks:invitations",
        data=lambda w: {
            "email": f"nouvelle-{next(_serial)}@example.org",
            "role": "member",
        },
        kwargs=_a,
    ),
    _managers_write(
        "networks:invitation_resend",
        kwargs=lambda w: _a(w, pk=_fresh_invitation(w).pk),
    ),
    _managers_write(
        "networks:invitation_revoke",
        kwargs=lambda w: _a(w, pk=_fresh_invitation(w).pk),
    ),
    Rule(
        "networks:invitation_resend",
        kwargs=lambda w: _a(w, pk=_fresh_invitation(w).pk),
        expect={"anonymous": 302},
        default=405,
    ),
    Rule(
        "networks:invitation_revoke",
        kwargs=lambda w: _a(w, pk=_fresh_invitation(w).pk),
        expect={"anonymous": 302},
        default=405,
    ),
    Rule(
        "networks:invitation_resend",
        method="POST",
        data={},
        kwargs=lambda w: _b(w, pk=_fresh_invitation(w, w.other_network).pk),
        expect={"anonymous": 302, "other_network_admin": 302},
        default=404,
    ),
    Rule(
        "networks:import",
        method="POST",
        data={},
        kwargs=_a,
        expect=managers_only(),
    ),
    # Someone's upload is theirs alone: another manager gets 404.
    Rule(
        "networks:import_preview",
        kwargs=_project_lead_upload,
        expect=managers_only(admin=404),
    ),
    Rule(
        "networks:import_preview",
        method="POST",
        data={"cancel": "1"},
        kwargs=_project_lead_upload,
        expect=managers_only(project_lead=302, admin=404),
    ),
    # The invitation link is public: it explains itself to anyone.
    Rule("networks:invitation_accept", kwargs=_token_of_fresh_invitation),
    Rule(
        "networks:invitation_accept",
        method="POST",
        data={},
        kwargs=_token_of_fresh_invitation,
        default=302,
    ),
    Rule("networks:invitation_accept", kwargs={"token": "inconnu"}, default=404),
    Rule(
        "networks:invitation_accept",
        method="POST",
        data={},
        kwargs={"token": "inconnu"},
        default=404,
    ),
    Rule(
        "networks:invitation_accept",
        kwargs=_token_of_used_invitation,
        default=410,
    ),
]
