"""Who gets what from each discussions URL (see tests/test_access_matrix.py).

The World's "pedagogie" community is members-only: its member and facilitator read
it; everyone else of network A gets 404 (network managers included: community
content is for members), like network B's admin. The facilitator moderates.
"""

from itertools import count

from django.core.files.base import ContentFile

from entraide.core.testing import Rule

_serial = count(1)

NOT_MEMBERS = {
    "anonymous": 302,
    "member": 404,
    "management": 404,
    "project_lead": 404,
    "admin": 404,
    "other_network_admin": 404,
    "other_community_member": 404,
    "regional_committee": 404,
    "scientific_committee": 404,
}
READERS = {**NOT_MEMBERS, "community_member": 200, "facilitator": 200}
# Writers are redirected to the result.
WRITERS = {**NOT_MEMBERS, "community_member": 302, "facilitator": 302}
# The facilitator's own post: only its author may edit or delete it.
FACILITATOR_ONLY = {**NOT_MEMBERS, "community_member": 403, "facilitator": 200}
FACILITATOR_ACTS = {**NOT_MEMBERS, "community_member": 403, "facilitator": 302}
# A post by the community member: they edit it, the facilitator may not.
MEMBER_ONLY = {**NOT_MEMBERS, "community_member": 200, "facilitator": 403}
MEMBER_ACTS = {**NOT_MEMBERS, "community_member": 302, "facilitator": 403}


def _community(world, **kwargs):
    return {
        "network": world.network.slug,
        "community": world.community.slug,
        **kwargs,
    }


def _new_thread(world, author_key="facilitator"):
    from entraide.discussions.models import Thread

    return Thread.objects.create(
        community=world.community,
        author=world.people[author_key],
        title=f"Les routines du matin {next(_serial)}",
        body="Comment vivez-vous l'arrivée des enfants?",
        last_activity_at=world.community.created_at,
    )


def _thread(world):
    """A thread by the facilitator, made once, never changed by a rule."""
    if "thread" not in world.extra:
        world.extra["thread"] = _new_thread(world)
    return world.extra["thread"]


def _fresh_thread(world):
    world.extra["fresh_thread"] = _new_thread(world)


def _fresh_reply(world):
    from entraide.discussions.models import Reply

    world.extra["fresh_reply"] = Reply.objects.create(
        thread=_thread(world),
        author=world.people["community_member"],
        body="Nous chantons une chanson d'accueil.",
    )


def _fresh_report(world):
    from entraide.discussions.models import Report

    world.extra["report"] = Report.objects.create(
        community=world.community,
        thread=_thread(world),
        reporter=world.people["community_member"],
        reason="Propos blessants",
    )


def _attachment(world):
    from entraide.discussions.models import Attachment

    if "attachment" not in world.extra:
        attachment = Attachment(
            thread=_thread(world),
            uploaded_by=world.people["facilitator"],
            original_name="grille.pdf",
            content_type="application/pdf",
            size=9,
        )
        attachment.file.save("x.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
        world.extra["attachment"] = attachment
    return world.extra["attachment"]


def _thread_kwargs(world):
    return _community(world, pk=_thread(world).pk)


def _fresh_thread_kwargs(world):
    return _community(world, pk=world.extra["fresh_thread"].pk)


def _reply_kwargs(world):
    reply = world.extra["fresh_reply"]
    return _community(world, pk=reply.thread_id, reply_pk=reply.pk)


def _report_kwargs(world):
    return _community(world, report_pk=world.extra["report"].pk)


def _attachment_kwargs(world):
    return _community(world, attachment_pk=_attachment(world).pk)


NEW_THREAD = {"kind": "question", "title": "Sieste", "body": "Combien de temps?"}
BODY = {"body": "Merci pour le partage!"}
REASON = {"reason": "Propos blessants"}

RULES = [
    Rule("discussions:list", kwargs=_community, expect=READERS),
    Rule("discussions:create", kwargs=_community, expect=READERS),
    Rule(
        "discussions:create",
        method="POST",
        kwargs=_community,
        data=NEW_THREAD,
        expect=WRITERS,
    ),
    Rule("discussions:detail", kwargs=_thread_kwargs, expect=READERS),
    Rule("discussions:reply", kwargs=_thread_kwargs, expect=READERS),
    Rule(
        "discussions:reply",
        method="POST",
        kwargs=_thread_kwargs,
        data=BODY,
        expect=WRITERS,
    ),
    Rule("discussions:edit", kwargs=_thread_kwargs, expect=FACILITATOR_ONLY),
    Rule(
        "discussions:edit",
        method="POST",
        kwargs=_thread_kwargs,
        data={**NEW_THREAD, "title": "Les routines du matin"},
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "discussions:delete",
        kwargs=_fresh_thread_kwargs,
        setup=_fresh_thread,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "discussions:delete",
        method="POST",
        kwargs=_fresh_thread_kwargs,
        setup=_fresh_thread,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "discussions:follow",
        method="POST",
        kwargs=_thread_kwargs,
        data={"follow": "1"},
        expect=WRITERS,
    ),
    Rule("discussions:report", kwargs=_thread_kwargs, expect=MEMBER_ONLY),
    Rule(
        "discussions:report",
        method="POST",
        kwargs=_thread_kwargs,
        data=REASON,
        expect=MEMBER_ACTS,
    ),
    Rule(
        "discussions:hide",
        kwargs=_fresh_thread_kwargs,
        setup=_fresh_thread,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "discussions:hide",
        method="POST",
        kwargs=_fresh_thread_kwargs,
        setup=_fresh_thread,
        data=REASON,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "discussions:unhide",
        method="POST",
        kwargs=_fresh_thread_kwargs,
        setup=_fresh_thread,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "discussions:lock",
        method="POST",
        kwargs=_fresh_thread_kwargs,
        setup=_fresh_thread,
        data={"locked": "1"},
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "discussions:pin",
        method="POST",
        kwargs=_fresh_thread_kwargs,
        setup=_fresh_thread,
        data={"pinned": "1"},
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "discussions:reply_edit",
        kwargs=_reply_kwargs,
        setup=_fresh_reply,
        expect=MEMBER_ONLY,
    ),
    Rule(
        "discussions:reply_edit",
        method="POST",
        kwargs=_reply_kwargs,
        setup=_fresh_reply,
        data=BODY,
        expect=MEMBER_ACTS,
    ),
    Rule(
        "discussions:reply_delete",
        kwargs=_reply_kwargs,
        setup=_fresh_reply,
        expect=MEMBER_ONLY,
    ),
    Rule(
        "discussions:reply_delete",
        method="POST",
        kwargs=_reply_kwargs,
        setup=_fresh_reply,
        expect=MEMBER_ACTS,
    ),
    Rule(
        "discussions:helpful",
        method="POST",
        kwargs=_reply_kwargs,
        setup=_fresh_reply,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "discussions:reply_report",
        kwargs=_reply_kwargs,
        setup=_fresh_reply,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "discussions:reply_report",
        method="POST",
        kwargs=_reply_kwargs,
        setup=_fresh_reply,
        data=REASON,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "discussions:reply_hide",
        kwargs=_reply_kwargs,
        setup=_fresh_reply,
        expect=FACILITATOR_ONLY,
    ),
    Rule(
        "discussions:reply_hide",
        method="POST",
        kwargs=_reply_kwargs,
        setup=_fresh_reply,
        data=REASON,
        expect=FACILITATOR_ACTS,
    ),
    Rule(
        "discussions:reply_unhide",
        method="POST",
        kwargs=_reply_kwargs,
        setup=_fresh_reply,
        expect=FACILITATOR_ACTS,
    ),
    Rule("discussions:reports", kwargs=_community, expect=FACILITATOR_ONLY),
    Rule(
        "discussions:report_resolve",
        method="POST",
        kwargs=_report_kwargs,
        setup=_fresh_report,
        data={"resolution": "Message masqué"},
        expect=FACILITATOR_ACTS,
    ),
    Rule("discussions:attachment", kwargs=_attachment_kwargs, expect=READERS),
]
