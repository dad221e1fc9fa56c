"""The registry of notification kinds.

Each capability registers the kinds it sends, with a label (shown in preferences) and
a title pattern rendered in the reader's language from the notification's context.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Kind:
    key: str
    label: Promise
    title: Promise
    email_by_default: bool = True
    # Dotted path of a function (notification) -> EmailExtras | None, called when
    # the email is built, in the recipient's language and time zone.
    email_extras: str = ""
    # {context key: dotted path of a TextChoices}: the context keeps the stored
    # value, the title shows its label in the reader's language.
    choices: tuple[tuple[str, str], ...] = ()
    # Sent about one community (``notify(community=...)``): a person may choose
    # another frequency for it in each of their communities.
    per_community: bool = False

    @property
    def group(self) -> str:
        return self.key.partition(".")[0]


# Headings of the preferences page, by the first part of a kind's key.
GROUPS = {
    "networks": _("Réseaux"),
    "communities": _("Communautés"),
    "discussions": _("Discussions"),
    "meetings": _("Rencontres"),
    "practices": _("Recension des pratiques"),
    "library": _("Boîte à outils"),
    "plans": _("Plan d'action"),
    "surveys": _("Sondages"),
}
OTHER_GROUP = _("Autres")


def group_label(group: str):
    return GROUPS.get(group, OTHER_GROUP)


@dataclass(frozen=True)
class Detail:
    """One line of an email's details: « Quand : 8 décembre… », maybe a link."""

    label: str
    value: str
    url: str = ""


@dataclass(frozen=True)
class EmailExtras:
    details: tuple[Detail, ...] = ()
    # (file name, content, MIME type)
    attachments: tuple[tuple[str, bytes, str], ...] = ()


KINDS: dict[str, Kind] = {}
# The apps whose notifications are about one community (``notify(community=…)``).
PER_COMMUNITY_GROUPS = {"communities", "discussions", "meetings", "library"}


def register(
    key: str,
    *,
    label,
    title,
    email_by_default: bool = True,
    email_extras: str = "",
    choices: dict[str, str] | None = None,
    per_community: bool | None = None,
) -> Kind:
    """Add a kind; ``per_community`` defaults to the kinds of community apps."""
    if per_community is None:
        per_community = key.partition(".")[0] in PER_COMMUNITY_GROUPS
    kind = Kind(
        key=key,
        label=label,
        title=title,
        email_by_default=email_by_default,
        email_extras=email_extras,
        choices=tuple((choices or {}).items()),
        per_community=per_community,
    )
    KINDS[key] = kind
    return kind


def email_extras(notification) -> EmailExtras:
    """The details and attachments a kind adds to its emails (often none)."""
    kind = KINDS.get(notification.kind)
    if kind is None or not kind.email_extras:
        return EmailExtras()
    return import_string(kind.email_extras)(notification) or EmailExtras()


def get(key: str) -> Kind:
    return KINDS[key]


def render_title(key: str, context: dict) -> str:
    """A notification's title in the active language.

    Falls back to the kind's label when the context lacks a value the pattern needs,
    and to the raw key for a kind no longer registered, so an old row never breaks
    a page or an email.
    """
    kind = KINDS.get(key)
    if kind is None:
        return key
    if kind.choices:
        context = dict(context)
        for name, path in kind.choices:
            labels = dict(import_string(path).choices)
            if context.get(name) in labels:
                context[name] = labels[context[name]]
    try:
        return str(kind.title) % context
    except (KeyError, TypeError, ValueError):
        return str(kind.label)


NETWORK_JOINED = register(
    "networks.joined",
    label=_("Bienvenue dans un réseau"),
    title=_("%(network)s : vous faites maintenant partie de ce réseau."),
)
ROLE_CHANGED = register(
    "networks.role_changed",
    label=_("Changement de votre rôle dans un réseau"),
    title=_("%(network)s : votre rôle est maintenant « %(role)s »."),
)
INVITATION_ACCEPTED = register(
    "networks.invitation_accepted",
    label=_("Invitation acceptée"),
    title=_("%(network)s : %(person)s a accepté votre invitation."),
    email_by_default=False,
)
IMPORT_COMPLETED = register(
    "networks.import_completed",
    label=_("Importation terminée"),
    title=_("%(network)s : importation terminée (%(summary)s)."),
)
COMMUNITY_JOIN_REQUESTED = register(
    "communities.join_requested",
    label=_("Demande d'adhésion à une communauté que j'anime"),
    title=_("%(community)s : %(person)s demande à se joindre à la communauté."),
)
COMMUNITY_JOIN_APPROVED = register(
    "communities.join_approved",
    label=_("Demande d'adhésion acceptée"),
    title=_("%(community)s : votre demande d'adhésion est acceptée. Bienvenue!"),
)
COMMUNITY_JOIN_DECLINED = register(
    "communities.join_declined",
    label=_("Demande d'adhésion refusée"),
    title=_("%(community)s : votre demande d'adhésion n'a pas été retenue."),
)
COMMUNITY_INVITED = register(
    "communities.invited",
    label=_("Invitation à une communauté"),
    title=_("%(community)s : %(person)s vous invite à vous joindre à la communauté."),
)
COMMUNITY_ROLE_CHANGED = register(
    "communities.role_changed",
    label=_("Changement de votre rôle dans une communauté"),
    title=_("%(community)s : votre rôle est maintenant « %(role)s »."),
)
COMMUNITY_SEAT_ASSIGNED = register(
    "communities.seat_assigned",
    label=_("Siège attribué dans un comité"),
    title=_(
        "%(community)s : vous occupez un siège de la sous-région %(subregion)s "
        "du %(starts_on)s au %(ends_on)s."
    ),
)
DISCUSSION_REPLY = register(
    "discussions.reply",
    label=_("Nouvelle réponse dans un sujet que je suis"),
    title=_("%(community)s : %(person)s a répondu dans « %(thread)s »."),
)
DISCUSSION_MENTION = register(
    "discussions.mention",
    label=_("Mention de mon nom dans une discussion"),
    title=_("%(community)s : %(person)s vous a mentionné dans « %(thread)s »."),
)
DISCUSSION_REPORTED = register(
    "discussions.reported",
    label=_("Message signalé à l'animation"),
    title=_("%(community)s : un message a été signalé dans « %(thread)s »."),
)
DISCUSSION_REPORT_RESOLVED = register(
    "discussions.report_resolved",
    label=_("Suite donnée à mon signalement"),
    title=_("%(community)s : votre signalement sur « %(thread)s » a été traité."),
)
DISCUSSION_HIDDEN = register(
    "discussions.hidden",
    label=_("Message masqué par l'animation"),
    title=_("%(community)s : l'animation a masqué votre message dans « %(thread)s »."),
)
MEETING_REGISTERED = register(
    "meetings.registered",
    label=_("Confirmation de mon inscription à une rencontre"),
    title=_("%(community)s : votre inscription à « %(session)s » est confirmée."),
    email_extras="entraide.meetings.emails.with_calendar",
)
MEETING_WAITLISTED = register(
    "meetings.waitlisted",
    label=_("Inscription en liste d'attente d'une rencontre"),
    title=_(
        "%(community)s : la rencontre « %(session)s » est complète, vous êtes en "
        "liste d'attente."
    ),
    email_extras="entraide.meetings.emails.details",
)
MEETING_PROMOTED = register(
    "meetings.promoted",
    label=_("Place libérée pour moi dans une rencontre"),
    title=_(
        "%(community)s : une place s'est libérée, vous êtes inscrit à « %(session)s »."
    ),
    email_extras="entraide.meetings.emails.with_calendar",
)
MEETING_REMINDER = register(
    "meetings.reminder",
    label=_("Rappel avant une rencontre où je suis inscrit"),
    title=_("%(community)s : rappel, « %(session)s » commence bientôt."),
    email_extras="entraide.meetings.emails.details",
)
MEETING_CANCELLED = register(
    "meetings.cancelled",
    label=_("Annulation d'une rencontre où je suis inscrit"),
    title=_("%(community)s : la rencontre « %(session)s » est annulée."),
    email_extras="entraide.meetings.emails.with_calendar",
)
MEETING_AGENDA_PROPOSED = register(
    "meetings.agenda_proposed",
    label=_("Point proposé à l'ordre du jour d'une rencontre que j'anime"),
    title=_(
        "%(community)s : %(person)s propose le point « %(item)s » pour « %(session)s »."
    ),
)
MEETING_AGENDA_ACCEPTED = register(
    "meetings.agenda_accepted",
    label=_("Mon point retenu à l'ordre du jour"),
    title=_(
        "%(community)s : votre point « %(item)s » est à l'ordre du jour de "
        "« %(session)s »."
    ),
)
MEETING_AGENDA_DECLINED = register(
    "meetings.agenda_declined",
    label=_("Mon point non retenu à l'ordre du jour"),
    title=_(
        "%(community)s : votre point « %(item)s » n'est pas retenu pour "
        "« %(session)s »."
    ),
    email_extras="entraide.meetings.services.agenda.declined_email_extras",
)
MEETING_MINUTES_PUBLISHED = register(
    "meetings.minutes_published",
    label=_("Compte rendu publié d'une rencontre de ma communauté"),
    title=_("%(community)s : le compte rendu de « %(session)s » est publié."),
)
MEETING_FOLLOW_UP_ASSIGNED = register(
    "meetings.follow_up_assigned",
    label=_("Suivi d'une rencontre qui m'est confié"),
    title=_(
        "%(community)s : un suivi de « %(session)s » vous est confié : %(follow_up)s"
    ),
)
PRACTICE_SUBMITTED = register(
    "practices.submitted",
    label=_("Fiche de pratique soumise au comité régional"),
    title=_(
        "%(network)s : %(person)s soumet la fiche « %(sheet)s » au comité régional."
    ),
)
PRACTICE_NEEDS_CHANGES = register(
    "practices.needs_changes",
    label=_("Modifications demandées à ma fiche de pratique"),
    title=_("%(network)s : des modifications sont demandées à la fiche « %(sheet)s »."),
)
PRACTICE_RETAINED = register(
    "practices.retained",
    label=_("Ma fiche de pratique retenue par le comité régional"),
    title=_("%(network)s : la fiche « %(sheet)s » est retenue par le comité régional."),
)
PRACTICE_NOT_RETAINED = register(
    "practices.not_retained",
    label=_("Ma fiche de pratique non retenue"),
    title=_("%(network)s : la fiche « %(sheet)s » n'est pas retenue."),
)
PRACTICE_SENT_TO_SCIENTIFIC = register(
    "practices.sent_to_scientific",
    label=_("Fiche de pratique à évaluer par le comité scientifique"),
    title=_("%(network)s : la fiche « %(sheet)s » est à évaluer."),
)
PRACTICE_EVALUATED = register(
    "practices.evaluated",
    label=_("Fiche de pratique évaluée, à formaliser"),
    title=_(
        "%(network)s : la fiche « %(sheet)s » est évaluée et peut être formalisée."
    ),
)
PRACTICE_PUBLISHED = register(
    "practices.published",
    label=_("Ma fiche de pratique publiée"),
    title=_("%(network)s : la fiche « %(sheet)s » est publiée (%(scope)s)."),
    choices={"scope": "entraide.practices.models.Scope"},
)
PRACTICE_CO_AUTHOR_ADDED = register(
    "practices.co_author_added",
    label=_("On m'ajoute comme coautrice ou coauteur d'une fiche de pratique"),
    title=_(
        "%(network)s : %(person)s vous ajoute comme coautrice ou coauteur "
        "de la fiche « %(sheet)s »."
    ),
)
TOOL_CO_AUTHOR_ADDED = register(
    "library.co_author_added",
    label=_("On m'ajoute comme coautrice ou coauteur d'un outil"),
    title=_(
        "%(network)s : %(person)s vous ajoute comme coautrice ou coauteur "
        "de l'outil « %(tool)s »."
    ),
)
TOOL_COMMENTED = register(
    "library.commented",
    label=_("Commentaire ou suggestion sur un outil que je coconstruis"),
    title=_("%(network)s : %(person)s commente l'outil « %(tool)s »."),
)
TOOL_SUGGESTION_RESOLVED = register(
    "library.suggestion_resolved",
    label=_("Suite donnée à ma suggestion sur un outil"),
    title=_(
        "%(network)s : suite donnée à votre suggestion sur l'outil « %(tool)s » : "
        "%(outcome)s."
    ),
    choices={"outcome": "entraide.library.models.SuggestionStatus"},
)
TOOL_VALIDATED = register(
    "library.validated",
    label=_("Outil validé par sa communauté"),
    title=_("%(network)s : l'outil « %(tool)s » est validé."),
)
TOOL_PUBLISHED = register(
    "library.published",
    label=_("Outil que je coconstruis publié"),
    title=_("%(network)s : l'outil « %(tool)s » est publié (%(scope)s)."),
    choices={"scope": "entraide.library.models.ToolScope"},
)
