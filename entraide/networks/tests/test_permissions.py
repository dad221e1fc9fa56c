"""Who may do what in a network: roles × actions as a truth table."""

import pytest

from entraide.networks import permissions
from entraide.networks.models import Membership, Network

ROLES = ("outsider", "member", "management", "project_lead", "admin")


def membership(role: str, network_id: int = 1) -> Membership | None:
    if role == "outsider":
        return None
    return Membership(network=Network(pk=network_id), role=role)


def target(role: str) -> Membership:
    return Membership(network=Network(pk=1), role=role)


ACTIONS = {
    "view network": lambda m: permissions.can_view_network(m),
    "manage network": lambda m: permissions.can_manage_network(m),
    "manage territory": lambda m: permissions.can_manage_territory(m),
    "manage organisations": lambda m: permissions.can_manage_organisations(m),
    "invite people": lambda m: permissions.can_invite_people(m),
    "import a file": lambda m: permissions.can_import(m),
    "give the member role": lambda m: permissions.can_assign_role(m, "member"),
    "give the project lead role": lambda m: permissions.can_assign_role(
        m, "project_lead"
    ),
    "give the admin role": lambda m: permissions.can_assign_role(m, "admin"),
    "edit a member": lambda m: permissions.can_edit_membership(m, target("member")),
    "edit a project lead": lambda m: permissions.can_edit_membership(
        m, target("project_lead")
    ),
    "edit an admin": lambda m: permissions.can_edit_membership(m, target("admin")),
    "remove a member": lambda m: permissions.can_remove_membership(m, target("member")),
    "remove an admin": lambda m: permissions.can_remove_membership(m, target("admin")),
}

#                                 outsider member  management lead   admin
TRUTH = {
    "view network":               (False, True,  True,  True,  True),
    "manage network":             (False, False, False, True,  True),
    "manage territory":           (False, False, False, True,  True),
    "manage organisations":       (False, False, False, True,  True),
    "invite people":              (False, False, False, True,  True),
    "import a file":              (False, False, False, True,  True),
    "give the member role":       (False, False, False, True,  True),
    "give the project lead role": (False, False, False, True,  True),
    "give the admin role":        (False, False, False, False, True),
    "edit a member":              (False, False, False, True,  True),
    "edit a project lead":        (False, False, False, True,  True),
    "edit an admin":              (False, False, False, False, True),
    "remove a member":            (False, False, False, True,  True),
    "remove an admin":            (False, False, False, False, True),
}  # fmt: skip


@pytest.mark.parametrize("action", list(TRUTH))
@pytest.mark.parametrize("role", ROLES)
def test_truth_table(role, action):
    expected = TRUTH[action][ROLES.index(role)]
    assert ACTIONS[action](membership(role)) is expected


@pytest.mark.parametrize("role", ["project_lead", "admin"])
def test_managers_cannot_edit_people_of_another_network(role):
    assert not permissions.can_edit_membership(membership(role, 2), target("member"))


def test_admins_may_give_every_role_and_project_leads_all_but_admin():
    assert permissions.assignable_roles(membership("admin")) == [
        "member",
        "project_lead",
        "management",
        "admin",
    ]
    assert "admin" not in permissions.assignable_roles(membership("project_lead"))
    assert permissions.assignable_roles(membership("member")) == []
