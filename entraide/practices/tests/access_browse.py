"""Access rules of the published practices, exports and statistics (gathered in
access.py), and the helper that writes a published sheet for browse tests."""

from django.utils import timezone

from entraide.core.testing import Rule

COMMITTEES_AND_LEADS = {
    "anonymous": 302,
    "member": 403,
    "management": 403,
    "project_lead": 200,
    "admin": 200,
    "other_network_admin": 404,
    "regional_committee": 200,
    "scientific_committee": 200,
}
MEMBERS_OF_A = {"anonymous": 404, "other_network_admin": 404}


def published_sheet(network, title, *, scope="public", state="published", **fields):
    """A sheet written directly at ``state`` with one version (no service, no mail)."""
    from entraide.practices.models import PracticeSheet, SheetVersion
    from entraide.practices.search import fold

    themes = fields.pop("themes", ())
    content = {
        key: fields.pop(key)
        for key in ("summary", "context_need", "steps", "results")
        if key in fields
    }
    sheet = PracticeSheet.objects.create(
        network=network,
        state=state,
        scope=scope if state == "published" else "",
        published_at=timezone.now() if state == "published" else None,
        **fields,
    )
    version = SheetVersion.objects.create(sheet=sheet, number=1, title=title, **content)
    sheet.current_version = version
    if state == "published":
        sheet.published_version = version
    sheet.search_text = fold(" ".join([title, *content.values()]))
    sheet.save()
    sheet.themes.set(themes)
    return sheet


def _sheet(scope, network="network"):
    def setup(world):
        world.extra[f"practice_{scope}_{network}"] = published_sheet(
            getattr(world, network), f"Pratique {scope}", scope=scope
        )

    return setup


def _pk(scope, network="network"):
    def kwargs(world):
        return {
            "network": world.network.slug,
            "pk": world.extra[f"practice_{scope}_{network}"].pk,
        }

    return kwargs


def _network(world):
    return {"network": world.network.slug}


RULES = [
    Rule("practices:list", kwargs=_network, default=200),
    Rule(
        "practices:practice",
        kwargs=_pk("public"),
        setup=_sheet("public"),
        default=200,
    ),
    Rule(
        "practices:practice",
        kwargs=_pk("network"),
        setup=_sheet("network"),
        expect=MEMBERS_OF_A,
    ),
    Rule(
        "practices:practice",
        kwargs=_pk("provincial"),
        setup=_sheet("provincial"),
        expect=MEMBERS_OF_A,
    ),
    # Network B's sheets are not in A's catalogue (neither takes part in pooling).
    Rule(
        "practices:practice",
        kwargs=_pk("provincial", "other_network"),
        setup=_sheet("provincial", "other_network"),
        default=404,
    ),
    Rule(
        "practices:practice_pdf",
        kwargs=_pk("public"),
        setup=_sheet("public"),
        default=200,
    ),
    Rule(
        "practices:practice_pdf",
        kwargs=_pk("network"),
        setup=_sheet("network"),
        expect=MEMBERS_OF_A,
    ),
    Rule("practices:inventory_csv", kwargs=_network, expect=COMMITTEES_AND_LEADS),
    Rule("practices:retained_pdf", kwargs=_network, expect=COMMITTEES_AND_LEADS),
    Rule("practices:statistics", kwargs=_network, expect=COMMITTEES_AND_LEADS),
]
