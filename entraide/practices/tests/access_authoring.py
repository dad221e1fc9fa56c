"""Access rules of the authoring pages (gathered in access.py).

Network A's plain ``member`` writes the sheet. A draft is theirs alone: everyone
else of network A gets 404, like network B's admin. Once submitted, the regional
committee and the network's leads and management read it (200) but may not edit
it (403), nor may its author any more; the scientific committee does not see it yet.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from entraide.core.testing import Rule
from entraide.practices.models import PracticeSheet, SheetState

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

OTHERS = (
    "management",
    "project_lead",
    "admin",
    "other_network_admin",
    "community_member",
    "other_community_member",
    "facilitator",
    "regional_committee",
    "scientific_committee",
)
# A draft: the author only.
AUTHOR_ONLY = {"anonymous": 302, "member": 200, **dict.fromkeys(OTHERS, 404)}
AUTHOR_ACTS = {**AUTHOR_ONLY, "member": 302}
# Any member of network A.
MEMBERS = {
    "anonymous": 302,
    "member": 200,
    **dict.fromkeys(OTHERS, 200),
    "other_network_admin": 404,
}
MEMBERS_ACT = {**{role: 302 for role in MEMBERS}, "other_network_admin": 404}
# A submitted sheet: read by its author, the regional committee and the leads.
SUBMITTED_READERS = {
    **AUTHOR_ONLY,
    "management": 200,
    "project_lead": 200,
    "admin": 200,
    "regional_committee": 200,
}
SUBMITTED_EDIT = {
    role: (403 if code == 200 else code) for role, code in SUBMITTED_READERS.items()
}


def _draft(world):
    from entraide.practices.services import authoring

    world.extra["authoring_sheet"] = authoring.create_sheet(
        network=world.network,
        author=world.people["member"],
        title="Les routines du matin",
        summary="Accueillir chaque enfant par son prénom.",
    )


def _two_versions(world):
    from entraide.practices.services import authoring

    _draft(world)
    sheet = world.extra["authoring_sheet"]
    authoring.save_version(
        sheet=sheet,
        actor=world.people["member"],
        expected_lock_version=sheet.lock_version,
        summary="Accueillir chaque enfant et sa famille.",
    )


def _submitted(world):
    _with_evidence(world)
    sheet = world.extra["authoring_sheet"]
    PracticeSheet.objects.filter(pk=sheet.pk).update(state=SheetState.SUBMITTED)


def _with_evidence(world):
    from entraide.practices.services import authoring

    _draft(world)
    world.extra["authoring_evidence"] = authoring.attach_evidence(
        sheet=world.extra["authoring_sheet"],
        actor=world.people["member"],
        uploaded=SimpleUploadedFile("plan.pdf", PDF, "application/pdf"),
    )


def _network(world):
    return {"network": world.network.slug}


def _sheet(world):
    return {"network": world.network.slug, "pk": world.extra["authoring_sheet"].pk}


def _diff(world):
    return {**_sheet(world), "old": 1, "new": 2}


def _evidence(world):
    return {**_sheet(world), "evidence": world.extra["authoring_evidence"].pk}


def _sheet_data(world):
    """The form as the page gives it, with the sheet's lock as it is now."""
    sheet = PracticeSheet.objects.get(pk=world.extra["authoring_sheet"].pk)
    return {
        "title": "La sieste en douceur",
        "summary": "Une routine calme.",
        "lock_version": str(sheet.lock_version),
    }


def _new_sheet_data(world):
    return {"title": "La sieste en douceur", "summary": "Une routine calme."}


def _file_data(world):
    return {"file": SimpleUploadedFile("bilan.pdf", PDF, "application/pdf")}


RULES = [
    Rule("practices:mine", kwargs=_network, expect=MEMBERS),
    Rule("practices:create", kwargs=_network, expect=MEMBERS),
    Rule(
        "practices:create",
        method="POST",
        kwargs=_network,
        data=_new_sheet_data,
        expect=MEMBERS_ACT,
    ),
    Rule("practices:detail", kwargs=_sheet, setup=_draft, expect=AUTHOR_ONLY),
    Rule("practices:detail", kwargs=_sheet, setup=_submitted, expect=SUBMITTED_READERS),
    Rule("practices:edit", kwargs=_sheet, setup=_draft, expect=AUTHOR_ONLY),
    Rule(
        "practices:edit",
        method="POST",
        kwargs=_sheet,
        setup=_draft,
        data=_sheet_data,
        expect=AUTHOR_ACTS,
    ),
    Rule("practices:edit", kwargs=_sheet, setup=_submitted, expect=SUBMITTED_EDIT),
    Rule("practices:versions", kwargs=_sheet, setup=_draft, expect=AUTHOR_ONLY),
    Rule(
        "practices:versions",
        kwargs=_sheet,
        setup=_submitted,
        expect=SUBMITTED_READERS,
    ),
    Rule(
        "practices:version_diff",
        kwargs=_diff,
        setup=_two_versions,
        expect=AUTHOR_ONLY,
    ),
    Rule("practices:evidence", kwargs=_sheet, setup=_draft, expect=AUTHOR_ONLY),
    Rule(
        "practices:evidence",
        method="POST",
        kwargs=_sheet,
        setup=_draft,
        data=_file_data,
        expect=AUTHOR_ACTS,
    ),
    Rule("practices:evidence", kwargs=_sheet, setup=_submitted, expect=SUBMITTED_EDIT),
    Rule(
        "practices:evidence_download",
        kwargs=_evidence,
        setup=_with_evidence,
        expect=AUTHOR_ONLY,
    ),
    Rule(
        "practices:evidence_download",
        kwargs=_evidence,
        setup=_submitted,
        expect=SUBMITTED_READERS,
    ),
    Rule(
        "practices:evidence_remove",
        method="POST",
        kwargs=_evidence,
        setup=_with_evidence,
        expect=AUTHOR_ACTS,
    ),
    Rule(
        "practices:evidence_remove",
        method="POST",
        kwargs=_evidence,
        setup=_submitted,
        expect=SUBMITTED_EDIT,
    ),
]
