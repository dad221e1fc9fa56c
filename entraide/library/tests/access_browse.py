"""Who gets what from the library's browse URLs (tests/test_access_matrix.py).

The lists answer everyone. A fresh dossier is made for each role (``kwargs`` is
called once per role), so one role's change does not move the next one's. A
published network dossier is read by network A's members, who may not change it
(403); an unpublished one is a 404 for all but A's project lead and admin.
"""

from entraide.core.testing import Rule, managers_only
from entraide.library.models import Dossier, DossierItem

LEADS_ONLY = managers_only()
# Network A's members read it; only its leads change it (302 once done).
LEADS_CHANGE = managers_only(project_lead=302, admin=302)
# Not published: a 404 for everyone but the leads.
HIDDEN = managers_only(member=404, management=404)
POST_ONLY = {"anonymous": 302}


def _network(world):
    return {"network": world.network.slug}


def _dossier(*, scope="network", published=True, items=0):
    def kwargs(world):
        dossier = Dossier.objects.create(
            network=world.network,
            title="Dossier de références",
            scope=scope,
            is_published=published,
        )
        made = [
            DossierItem.objects.create(
                dossier=dossier,
                position=i,
                kind="link",
                url=f"https://example.org/{i}",
                title=f"Lien {i}",
            )
            for i in range(items)
        ]
        found = {"network": world.network.slug, "pk": dossier.pk}
        if made:
            found["item"] = made[-1].pk
        return found

    return kwargs


def _foreign_dossier(world):
    dossier = Dossier.objects.create(
        network=world.other_network,
        title="Dossier de B",
        scope="public",
        is_published=True,
    )
    return {"network": world.network.slug, "pk": dossier.pk}


PUBLIC = _dossier(scope="public")
NETWORK = _dossier()
DRAFT = _dossier(published=False)
WITH_ITEMS = _dossier(items=2)
DRAFT_WITH_ITEMS = _dossier(published=False, items=2)
DOSSIER_DATA = {"title": "Accueillir un nouvel enfant", "scope": "network"}
LINK_DATA = {"kind": "link", "url": "https://example.org", "title": "Exemple"}


def _post_only(name, kwargs):
    return Rule(name, kwargs=kwargs, expect=POST_ONLY, default=405)


RULES = [
    Rule("library:list", kwargs=_network, default=200),
    Rule("library:dossiers", kwargs=_network, default=200),
    Rule("library:dossier", kwargs=PUBLIC, default=200),
    Rule(
        "library:dossier",
        kwargs=NETWORK,
        expect={"anonymous": 404, "other_network_admin": 404},
    ),
    Rule("library:dossier", kwargs=DRAFT, expect=HIDDEN | {"anonymous": 404}),
    # Another network's dossier is never reached through network A's address.
    Rule("library:dossier", kwargs=_foreign_dossier, default=404),
    Rule("library:dossier_create", kwargs=_network, expect=LEADS_ONLY),
    Rule(
        "library:dossier_create",
        method="POST",
        kwargs=_network,
        data=DOSSIER_DATA,
        expect=LEADS_CHANGE,
    ),
    Rule("library:dossier_edit", kwargs=NETWORK, expect=LEADS_ONLY),
    Rule("library:dossier_edit", kwargs=DRAFT, expect=HIDDEN),
    Rule(
        "library:dossier_edit",
        method="POST",
        kwargs=NETWORK,
        data=DOSSIER_DATA,
        expect=LEADS_CHANGE,
    ),
    _post_only("library:dossier_item_add", NETWORK),
    Rule(
        "library:dossier_item_add",
        method="POST",
        kwargs=NETWORK,
        data=LINK_DATA,
        expect=LEADS_CHANGE,
    ),
    Rule(
        "library:dossier_item_add",
        method="POST",
        kwargs=DRAFT,
        data=LINK_DATA,
        expect=managers_only(project_lead=302, admin=302, member=404, management=404),
    ),
    _post_only("library:dossier_item_remove", WITH_ITEMS),
    Rule(
        "library:dossier_item_remove",
        method="POST",
        kwargs=WITH_ITEMS,
        expect=LEADS_CHANGE,
    ),
    Rule(
        "library:dossier_item_remove",
        method="POST",
        kwargs=DRAFT_WITH_ITEMS,
        expect=managers_only(project_lead=302, admin=302, member=404, management=404),
    ),
    _post_only("library:dossier_item_move", WITH_ITEMS),
    Rule(
        "library:dossier_item_move",
        method="POST",
        kwargs=WITH_ITEMS,
        data={"direction": "up"},
        expect=LEADS_CHANGE,
    ),
]
