"""Writing a tool: a new tool, its numbered versions, its files, its co-authors.

A tool's content lives in its versions, never overwritten. Every save locks the
tool's row and compares its ``lock_version`` with the one the person started from:
when someone else saved in between, the save is refused and nothing is written.
A version without a new file keeps the previous one's file (the same stored name),
so every version can still be downloaded as it was. Choices (community, themes,
audience, co-authors) are checked here as well as in the form: a forged request
cannot file a tool under a community one does not belong to.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from entraide.accounts.models import JobRole
from entraide.communities.models import CommunityMembership
from entraide.core.uploads import CheckedUpload, check_upload
from entraide.library import permissions as perms
from entraide.library.models import (
    CONTENT_FIELDS,
    Tool,
    ToolKind,
    ToolStatus,
    ToolVersion,
)
from entraide.library.search import tool_search_text
from entraide.networks.models import Membership
from entraide.notifications.services import notify
from entraide.search.services import index_later

TOOL_FIELDS = (
    "kind",
    "themes",
    "audience_job_roles",
    "age_group",
    "language",
    "licence",
)
SCALAR_FIELDS = ("kind", "age_group", "language", "licence")
CONFLICT = "conflict"


def _split(fields: dict) -> tuple[dict, dict]:
    unknown = set(fields) - set(CONTENT_FIELDS) - set(TOOL_FIELDS)
    if unknown:
        raise TypeError(f"Unknown tool fields: {sorted(unknown)}")
    content = {k: v for k, v in fields.items() if k in CONTENT_FIELDS}
    meta = {k: v for k, v in fields.items() if k in TOOL_FIELDS}
    return content, meta


def _clean_text(value) -> str:
    """Trimmed, without NUL, with one kind of line break whatever was sent."""
    text = (value or "").replace("\x00", "")
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _apply(tool: Tool, meta: dict) -> None:
    for name in SCALAR_FIELDS:
        if name in meta:
            setattr(tool, name, meta[name] or "")
    if "audience_job_roles" in meta:
        roles = meta["audience_job_roles"] or []
        tool.audience_job_roles = [r for r in JobRole.values if r in set(roles)]


def _meta_errors(tool: Tool, meta: dict) -> dict:
    errors: dict[str, list] = {}
    themes = meta.get("themes")
    if themes is not None and any(t.network_id != tool.network_id for t in themes):
        errors["themes"] = [_("Choisissez des thèmes du réseau.")]
    roles = meta.get("audience_job_roles") or []
    if any(role not in JobRole.values for role in roles):
        errors["audience_job_roles"] = [_("Choisissez des fonctions dans la liste.")]
    return errors


def _validate(tool: Tool, version: ToolVersion, meta: dict) -> None:
    """Every problem at once, on the fields the form shows."""
    errors: dict[str, list] = {}
    for target, exclude in (
        (
            tool,
            [
                "network",
                "community",
                "created_by",
                "current_version",
                "published_version",
                "audience_job_roles",
            ],
        ),
        (version, ["tool", "created_by", "file"]),
    ):
        try:
            target.full_clean(exclude=exclude, validate_unique=False)
        except ValidationError as error:
            errors.update(error.message_dict)
    if not version.title:
        errors["title"] = [_("Donnez un titre à l'outil.")]
    if tool.kind == ToolKind.VIDEO and not version.video_url:
        errors.setdefault("video_url", []).append(
            _("Un outil de type vidéo a besoin du lien de la vidéo.")
        )
    elif not (version.body or version.file or version.video_url):
        errors["body"] = [
            _(
                "Ajoutez un document en ligne, un fichier ou un lien vers une "
                "vidéo : l'outil a besoin d'un contenu."
            )
        ]
    errors.update(_meta_errors(tool, meta))
    if errors:
        raise ValidationError(errors)


def _checked(uploaded) -> CheckedUpload | None:
    if uploaded is None:
        return None
    try:
        return check_upload(uploaded)
    except ValidationError as error:
        raise ValidationError({"file": error.error_list}) from None


def _build_version(tool, actor, content: dict, number: int, note="") -> ToolVersion:
    return ToolVersion(
        tool=tool,
        number=number,
        created_by=actor,
        change_note=_clean_text(note),
        **{name: _clean_text(content.get(name)) for name in CONTENT_FIELDS},
    )


def _keep_file(version: ToolVersion, previous: ToolVersion | None) -> None:
    """The previous version's file, by its stored name (nothing copied)."""
    if previous is None or not previous.file:
        return
    version.file.name = previous.file.name
    version.file_name = previous.file_name
    version.file_type = previous.file_type
    version.file_size = previous.file_size


def _store(version: ToolVersion, checked: CheckedUpload, stored: list) -> None:
    version.file.save(f"outil{checked.extension}", checked.content, save=False)
    stored.append(version.file.name)
    version.file_name = checked.original_name
    version.file_type = checked.content_type
    version.file_size = checked.size


def _discard_files(names: list[str]) -> None:
    storage = ToolVersion._meta.get_field("file").storage
    for name in names:
        storage.delete(name)


def _refresh_search_text(tool: Tool) -> None:
    tool.search_text = tool_search_text(tool)
    Tool.objects.filter(pk=tool.pk).update(search_text=tool.search_text)
    index_later(tool)


def _check_community(viewer: perms.Viewer, community) -> None:
    if community is None:
        if not viewer.leads:
            raise ValidationError(
                {"community": _("Choisissez une de vos communautés.")},
                code="community",
            )
        return
    if (
        community.network_id != viewer.network.pk
        or community.pk not in viewer.working_communities()
        and not (viewer.leads and perms.can_create_tool(viewer, community))
    ):
        raise ValidationError(
            {"community": _("Choisissez une de vos communautés.")}, code="community"
        )


def create_tool(*, viewer: perms.Viewer, community=None, file=None, **fields) -> Tool:
    """A new tool in co-construction with its first version.

    The file is checked from its content before anything is written; whatever
    fails once it is stored removes it again, so no row or file is left behind.
    """
    _check_community(viewer, community)
    if not perms.can_create_tool(viewer, community):
        raise ValidationError(
            _("Vous ne pouvez pas créer d'outil ici."), code="not_allowed"
        )
    content, meta = _split(fields)
    tool = Tool(
        network=viewer.network,
        community=community,
        created_by=viewer.user,
        status=ToolStatus.IN_PROGRESS,
    )
    _apply(tool, meta)
    version = _build_version(tool, viewer.user, content, 1)
    checked = _checked(file)
    if checked is not None:
        version.file_name = checked.original_name
        version.file.name = "pending"
    _validate(tool, version, meta)
    stored: list[str] = []
    try:
        with transaction.atomic():
            tool.save()
            if meta.get("themes") is not None:
                tool.themes.set(meta["themes"])
            version.tool = tool
            if checked is not None:
                _store(version, checked, stored)
            version.save()
            tool.current_version = version
            tool.save(update_fields=["current_version"])
            _refresh_search_text(tool)
    except BaseException:
        _discard_files(stored)
        raise
    return tool


def _content_of(version: ToolVersion | None) -> dict:
    return {name: getattr(version, name, "") or "" for name in CONTENT_FIELDS}


def conflict_error() -> ValidationError:
    return ValidationError(
        _(
            "Quelqu'un d'autre a enregistré cet outil pendant que vous le "
            "modifiiez. Rien n'a été écrasé : votre texte est conservé ci-dessous. "
            "Comparez-le avec ce qui vient d'être enregistré, puis enregistrez "
            "de nouveau."
        ),
        code=CONFLICT,
    )


def save_version(
    *,
    tool: Tool,
    actor,
    expected_lock_version: int | None,
    change_note: str = "",
    file=None,
    remove_file: bool = False,
    **fields,
) -> ToolVersion:
    """A new version when the content or the file changed; the tool's other
    fields saved either way.

    Refused when the tool moved since ``expected_lock_version`` was read, or when
    it is no longer in co-construction.
    """
    content, meta = _split(fields)
    checked = _checked(file)
    stored: list[str] = []
    try:
        with transaction.atomic():
            locked = (
                Tool.objects.select_for_update()
                .select_related("network")
                .get(pk=tool.pk)
            )
            if locked.lock_version != expected_lock_version:
                raise conflict_error()
            if not locked.is_editable():
                raise ValidationError(
                    _("Cet outil ne peut plus être modifié à cette étape."),
                    code="not_editable",
                )
            current = ToolVersion.objects.filter(pk=locked.current_version_id).first()
            merged = {**_content_of(current), **content}
            _apply(locked, meta)
            last = locked.versions.aggregate(last=Max("number"))["last"] or 0
            version = _build_version(locked, actor, merged, last + 1, change_note)
            if not remove_file:
                _keep_file(version, current)
            if checked is not None:
                version.file.name = "pending"
            _validate(locked, version, meta)
            same_file = checked is None and (
                current is not None and version.file.name == current.file.name
            )
            if (
                current is not None
                and same_file
                and (_content_of(current) == _content_of(version))
            ):
                version = current
            else:
                if checked is not None:
                    _store(version, checked, stored)
                version.save()
                locked.current_version = version
            if meta.get("themes") is not None:
                locked.themes.set(meta["themes"])
            locked.lock_version += 1
            locked.save()
            _refresh_search_text(locked)
    except BaseException:
        _discard_files(stored)
        raise
    for name in (
        *SCALAR_FIELDS,
        "audience_job_roles",
        "lock_version",
        "current_version",
        "search_text",
        "updated_at",
    ):
        setattr(tool, name, getattr(locked, name))
    return version


def co_author_candidates(tool: Tool):
    """Whom a tool's co-authors are picked among: its community's members, or the
    network's members for a network tool; never its creator."""
    from entraide.accounts.models import User

    if tool.community_id is not None:
        ids = CommunityMembership.objects.filter(community_id=tool.community_id).values(
            "user_id"
        )
    else:
        ids = Membership.objects.filter(network_id=tool.network_id).values("user_id")
    people = User.objects.filter(pk__in=ids, is_active=True)
    if tool.created_by_id:
        people = people.exclude(pk=tool.created_by_id)
    return people.order_by("first_name", "last_name", "pk")


def set_co_authors(*, tool: Tool, actor, co_authors) -> Tool:
    """The tool's co-authors, chosen among its community (or network); each one
    newly named hears of it once the change is committed."""
    if tool.status == ToolStatus.ARCHIVED:
        raise ValidationError(
            _("Cet outil est archivé : ses coautrices et coauteurs ne changent plus."),
            code="archived",
        )
    wanted = {person.pk for person in co_authors}
    allowed = set(
        co_author_candidates(tool).filter(pk__in=wanted).values_list("pk", flat=True)
    )
    if wanted - allowed:
        raise ValidationError(
            {
                "co_authors": _(
                    "Choisissez des membres de la communauté qui bâtit l'outil."
                )
            },
            code="co_authors",
        )
    with transaction.atomic():
        locked = Tool.objects.select_for_update().get(pk=tool.pk)
        before = set(locked.co_authors.values_list("pk", flat=True))
        locked.co_authors.set(list(allowed))
        added = [p for p in co_authors if p.pk in allowed - before]
        title = str(tool)
        url = tool.get_absolute_url()
        person = (actor.get_full_name() or actor.email) if actor else ""
        for someone in added:
            if actor is not None and someone.pk == actor.pk:
                continue
            transaction.on_commit(
                lambda someone=someone: notify(
                    recipient=someone,
                    kind="library.co_author_added",
                    context={
                        "network": tool.network.name,
                        "person": person,
                        "tool": title,
                    },
                    url=url,
                    actor=actor,
                    network=tool.network,
                    community=tool.community,
                )
            )
    return tool
