"""Access rules of the evaluation pages (gathered in access.py), and the sheets
they need, built through the real services.

The grid is the project leads'; the scientific committee evaluates sheets sent to
it; the project lead or the regional committee formalises; the project lead
publishes and revises. Network A's members who may not see the sheet get 404;
those who see it but may not act, 403; network B's admin, 404.
"""

from entraide.core.testing import Rule

SHEET_CONTENT = {
    "title": "Les transitions en chanson",
    "summary": "Des comptines pour passer d'une activité à l'autre.",
    "steps": "1. Choisir une comptine.\n2. La chanter à chaque transition.",
    "results": "Moins de pleurs au rangement.",
}


def sheet_at(state: str, *, network, author, rep, evaluator=None, lead=None, **fields):
    """A sheet written by ``author`` and moved to ``state`` by the people whose
    step it is (``rep`` of the regional committee, then ``evaluator``)."""
    from entraide.practices.services import authoring, workflow

    sheet = authoring.create_sheet(
        network=network, author=author, **{**SHEET_CONTENT, **fields}
    )
    steps = [
        ("submitted", lambda: workflow.submit_sheet(sheet=sheet, actor=author)),
        ("retained", lambda: workflow.retain_sheet(sheet=sheet, actor=rep)),
        (
            "sent_to_scientific",
            lambda: workflow.send_to_scientific(sheet=sheet, actor=rep),
        ),
        (
            "evaluated",
            lambda: workflow.mark_evaluated(sheet=sheet, actor=evaluator or rep),
        ),
    ]
    for step, move in steps:
        move()
        if step == state:
            return sheet
    from entraide.practices.services import evaluation

    evaluation.formalise(
        sheet=sheet, actor=rep, expected_lock_version=sheet.lock_version
    )
    if state == "formalised":
        return sheet
    workflow.publish_sheet(sheet=sheet, actor=lead, scope="network")
    return sheet


def _author(world):
    from entraide.core.testing import make_member

    if "evaluation_author" not in world.extra:
        world.extra["evaluation_author"] = make_member(
            world.network, "autrice-evaluation@a.example"
        )
    return world.extra["evaluation_author"]


def _setup(state):
    def setup(world):
        world.extra["evaluation_sheet"] = sheet_at(
            state,
            network=world.network,
            author=_author(world),
            rep=world.people["regional_committee"],
            evaluator=world.people["scientific_committee"],
            lead=world.people["project_lead"],
        )

    return setup


def _network(world):
    return {"network": world.network.slug}


def _sheet(world):
    return {"network": world.network.slug, "pk": world.extra["evaluation_sheet"].pk}


def _grid_data(world):
    from entraide.practices.services.evaluation import default_grid

    criteria = list(default_grid(world.network).criteria.all())
    data = {
        "scale_min": "1",
        "scale_max": "5",
        "low_label": "Faible",
        "high_label": "Excellent",
        "criteria-TOTAL_FORMS": str(len(criteria)),
        "criteria-INITIAL_FORMS": str(len(criteria)),
        "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "20",
    }
    for i, criterion in enumerate(criteria):
        data[f"criteria-{i}-criterion_id"] = str(criterion.pk)
        data[f"criteria-{i}-name"] = criterion.name
        data[f"criteria-{i}-help_text"] = criterion.help_text
    return data


def _formalise_data(world):
    sheet = world.extra["evaluation_sheet"]
    sheet.refresh_from_db()
    return {
        **SHEET_CONTENT,
        "title": "Les transitions en chanson (version formalisée)",
        "change_note": "",
        "lock_version": str(sheet.lock_version),
    }


def _publish_data(world):
    """Each role finds the sheet formalised (the project lead published it before
    the admin's turn: it is revised back)."""
    from entraide.practices.services import workflow

    sheet = world.extra["evaluation_sheet"]
    sheet.refresh_from_db()
    if sheet.state == "published":
        workflow.revise_sheet(sheet=sheet, actor=world.people["project_lead"])
    return {"scope": "network"}


def _revise_data(world):
    """Each role finds the sheet published (published again after a revision)."""
    from entraide.practices.services import workflow

    sheet = world.extra["evaluation_sheet"]
    sheet.refresh_from_db()
    if sheet.state == "formalised":
        workflow.publish_sheet(
            sheet=sheet, actor=world.people["project_lead"], scope="network"
        )
    return {}


OUTSIDE = {"anonymous": 302, "other_network_admin": 404}
LEADS_ONLY = {
    **OUTSIDE,
    "member": 403,
    "management": 403,
    "project_lead": 200,
    "admin": 200,
}
QUEUE = {**LEADS_ONLY, "scientific_committee": 200}
# A sheet at the scientific committee: plain members do not see it (404); the
# network's management, leads and both committees do.
SEEN_BY = {
    **OUTSIDE,
    "member": 404,
    "management": 403,
    "project_lead": 403,
    "admin": 403,
    "regional_committee": 403,
    "scientific_committee": 403,
}
EVALUATE = {**SEEN_BY, "scientific_committee": 200}
EVALUATE_POST = {**SEEN_BY, "scientific_committee": 302}
FORMALISE = {**SEEN_BY, "project_lead": 200, "admin": 200, "regional_committee": 200}
FORMALISE_POST = {
    **SEEN_BY,
    "project_lead": 302,
    "admin": 302,
    "regional_committee": 302,
}
PUBLISH = {**SEEN_BY, "project_lead": 200, "admin": 200}
PUBLISH_POST = {**SEEN_BY, "project_lead": 302, "admin": 302}

RULES = [
    Rule("practices:grid", kwargs=_network, expect=LEADS_ONLY),
    Rule(
        "practices:grid",
        method="POST",
        kwargs=_network,
        data=_grid_data,
        expect={**LEADS_ONLY, "project_lead": 302, "admin": 302},
    ),
    Rule(
        "practices:queue_scientific",
        kwargs=_network,
        setup=_setup("sent_to_scientific"),
        expect=QUEUE,
    ),
    Rule(
        "practices:evaluate",
        kwargs=_sheet,
        setup=_setup("sent_to_scientific"),
        expect=EVALUATE,
    ),
    Rule(
        "practices:evaluate",
        method="POST",
        kwargs=_sheet,
        setup=_setup("sent_to_scientific"),
        data={"has_conflict": "no", "conflict_note": ""},
        expect=EVALUATE_POST,
    ),
    Rule(
        "practices:formalise",
        kwargs=_sheet,
        setup=_setup("evaluated"),
        expect=FORMALISE,
    ),
    Rule(
        "practices:formalise",
        method="POST",
        kwargs=_sheet,
        setup=_setup("evaluated"),
        data=_formalise_data,
        expect=FORMALISE_POST,
    ),
    Rule(
        "practices:publish",
        kwargs=_sheet,
        setup=_setup("formalised"),
        expect=PUBLISH,
    ),
    Rule(
        "practices:publish",
        method="POST",
        kwargs=_sheet,
        setup=_setup("formalised"),
        data=_publish_data,
        expect=PUBLISH_POST,
    ),
    Rule(
        "practices:revise",
        kwargs=_sheet,
        setup=_setup("published"),
        expect=PUBLISH,
    ),
    Rule(
        "practices:revise",
        method="POST",
        kwargs=_sheet,
        setup=_setup("published"),
        data=_revise_data,
        expect=PUBLISH_POST,
    ),
]
