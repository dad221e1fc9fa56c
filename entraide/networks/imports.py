"""Reading organisations and people from a CSV file, without writing anything.

Files come from spreadsheets: UTF-8 with or without a BOM, or Windows-1252, with
commas or semicolons, French headers typed by hand. Headers and values are matched
without regard to case, accents, dashes or spaces. ``preview_*`` returns what each
line would do, with French messages; the services write every line or none.
"""

import codecs
import csv
import io
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, replace

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models.functions import Lower
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from entraide.accounts.models import JobRole, User
from entraide.networks.models import (
    ImportKind,
    Invitation,
    Membership,
    Network,
    NetworkRole,
    OrganisationKind,
)

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
DELIMITERS = (";", ",", "\t")


class FileProblem(Exception):
    """The file as a whole cannot be read; ``message`` says why, in French."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def too_large_message() -> str:
    return _("Le fichier dépasse 2 Mo. Divisez-le en plusieurs fichiers.")


def normalise(value: str) -> str:
    """Fold case, accents, dashes, underscores and repeated spaces away."""
    value = unicodedata.normalize("NFKD", value)
    value = "".join(
        char
        for char in value
        if not unicodedata.combining(char) and unicodedata.category(char) != "Cf"
    )
    value = value.casefold().replace("’", "'")
    return re.sub(r"[\s_\-]+", " ", value).strip()


def has_invisible_characters(value: str) -> bool:
    """Control or format characters (NUL, bidi marks, zero-width spaces)."""
    return any(unicodedata.category(char) in {"Cc", "Cf"} for char in value)


def decode(data: bytes) -> str:
    """The file's text, or FileProblem if it is empty, too big or not CSV text."""
    if len(data) > MAX_BYTES:
        raise FileProblem(too_large_message())
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise FileProblem(
            _(
                "Ce fichier est encodé en UTF-16. Enregistrez-le plutôt en « CSV "
                "UTF-8 » ou en « CSV (séparateur : point-virgule) »."
            )
        )
    if not data.strip():
        raise FileProblem(_("Le fichier est vide."))
    not_csv = FileProblem(
        _(
            "Ce fichier n'est pas un fichier CSV. Dans votre tableur, choisissez "
            "« Enregistrer sous » puis le format CSV."
        )
    )
    if b"\x00" in data:
        raise not_csv
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise FileProblem(
                _(
                    "L'encodage de ce fichier n'est pas reconnu. Enregistrez-le en "
                    "« CSV UTF-8 »."
                )
            ) from None
    if any(unicodedata.category(c) == "Cc" and c not in "\t\r\n" for c in text):
        raise not_csv
    return text


def sniff_delimiter(header_line: str) -> str:
    """The separator, guessed from the header line.

    French spreadsheets save with semicolons, English ones with commas; header
    names hold neither, so the most frequent wins (semicolon on a tie).
    """
    counts = {d: header_line.count(d) for d in DELIMITERS}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the header written in our templates (part of the file format)
    label: object  # shown in the preview, translated
    aliases: tuple[str, ...] = ()
    required: bool = False
    max_length: int | None = None


EMAIL_COLUMN = Column(
    "email",
    "courriel",
    gettext_lazy("Courriel"),
    ("adresse courriel", "email", "e-mail", "mail", "adresse électronique"),
    max_length=254,
)
SUBREGION_COLUMN = Column(
    "subregion",
    "sous-région",
    gettext_lazy("Sous-région"),
    ("sous region", "sousregion", "subregion", "sub region"),
    max_length=120,
)

ORGANISATION_COLUMNS = (
    Column(
        "name",
        "nom",
        gettext_lazy("Nom"),
        ("nom de l'organisation", "organisation", "name"),
        required=True,
        max_length=200,
    ),
    Column(
        "kind",
        "type",
        gettext_lazy("Type"),
        ("type d'organisation", "kind"),
        required=True,
    ),
    SUBREGION_COLUMN,
    Column(
        "city",
        "municipalité",
        gettext_lazy("Municipalité"),
        ("ville", "city", "municipality"),
        max_length=120,
    ),
    EMAIL_COLUMN,
    Column(
        "phone",
        "téléphone",
        gettext_lazy("Téléphone"),
        ("tel", "tél", "phone", "numéro de téléphone"),
        max_length=40,
    ),
    Column(
        "permit_number",
        "numéro de permis",
        gettext_lazy("Numéro de permis"),
        ("permis", "no de permis", "permit", "permit number"),
        max_length=40,
    ),
)

PEOPLE_COLUMNS = (
    replace(EMAIL_COLUMN, required=True),
    Column(
        "first_name",
        "prénom",
        gettext_lazy("Prénom"),
        ("first name", "firstname", "given name"),
        max_length=100,
    ),
    Column(
        "last_name",
        "nom",
        gettext_lazy("Nom"),
        ("nom de famille", "last name", "lastname", "surname"),
        max_length=100,
    ),
    Column(
        "job_role",
        "fonction",
        gettext_lazy("Fonction"),
        ("poste", "titre", "job", "job role", "job title"),
    ),
    Column("role", "rôle", gettext_lazy("Rôle"), ("role dans le reseau", "role")),
    Column(
        "organisation",
        "organisation",
        gettext_lazy("Organisation"),
        ("organization", "employeur", "milieu"),
        max_length=200,
    ),
    SUBREGION_COLUMN,
)

COLUMNS = {
    ImportKind.ORGANISATIONS: ORGANISATION_COLUMNS,
    ImportKind.PEOPLE: PEOPLE_COLUMNS,
}

EXAMPLES = {
    ImportKind.ORGANISATIONS: [
        ["CPE Les Petits Pas", "CPE", "", "Trois-Rivières", "info@example.org", ""],
        ["Bureau coordonnateur du Centre", "Bureau coordonnateur", "", "", "", ""],
    ],
    ImportKind.PEOPLE: [
        ["marie.tremblay@example.org", "Marie", "Tremblay", "Éducatrice", "Membre"],
    ],
}

# Words people type for each choice, besides its key and its French and English
# labels.
KIND_ALIASES = {
    OrganisationKind.CPE: ("cpe", "centre de la petite enfance", "installation"),
    OrganisationKind.HOME_CHILDCARE_OFFICE: (
        "bureau coordonnateur",
        "bc",
        "bcgmf",
        "bureau coordonnateur de la garde en milieu familial",
    ),
    OrganisationKind.SUBSIDISED_DAYCARE: ("garderie subventionnée",),
    OrganisationKind.PRIVATE_DAYCARE: (
        "garderie non subventionnée",
        "garderie privée",
        "garderie privée non subventionnée",
    ),
    OrganisationKind.HOME_PROVIDER: (
        "rsg",
        "milieu familial",
        "service de garde en milieu familial",
        "responsable d'un service de garde en milieu familial",
    ),
    OrganisationKind.COLLEGE: ("collège", "cégep", "université"),
    OrganisationKind.PARTNER: ("partenaire",),
    OrganisationKind.OTHER: ("autre",),
}
ROLE_ALIASES = {
    NetworkRole.MEMBER: ("membre",),
    NetworkRole.PROJECT_LEAD: (
        "chargée de projet",
        "chargé de projet",
        "charge de projet",
        "chargée ou chargé de projet",
    ),
    NetworkRole.MANAGEMENT: ("direction", "gestion"),
    NetworkRole.ADMIN: (
        "admin",
        "administratrice",
        "administrateur",
        "administratrice du réseau",
        "administrateur du réseau",
    ),
}
JOB_ALIASES = {
    JobRole.EDUCATOR: ("éducatrice", "éducateur"),
    JobRole.HOME_PROVIDER: ("rsg", "responsable de service de garde"),
    JobRole.MANAGER: (
        "gestionnaire",
        "direction",
        "direction générale",
        "directrice",
        "directeur",
        "dg",
    ),
    JobRole.PEDAGOGY_LEAD: ("conseillère pédagogique", "conseiller pédagogique"),
    JobRole.FOOD_SERVICE_LEAD: (
        "responsable de l'alimentation",
        "cuisinière",
        "cuisinier",
    ),
    JobRole.ADVISOR: ("agente de soutien", "agent de soutien"),
    JobRole.RESEARCHER: ("chercheuse", "chercheur"),
    JobRole.PARTNER: ("partenaire",),
    JobRole.OTHER: ("autre",),
}


def choice_lookup(choices, aliases: dict) -> dict[str, str]:
    lookup: dict[str, str] = {}
    for value, label in choices.choices:
        words = [value, *aliases.get(value, ())]
        for language in ("fr-ca", "en"):
            with translation.override(language):
                words.append(str(label))
        for word in words:
            lookup.setdefault(normalise(word), value)
    return lookup


class Matcher:
    """Find one of the network's objects by a name typed in any case or accents."""

    def __init__(self, objects, name=lambda obj: obj.name):
        self.by_key = defaultdict(list)
        self.name = name
        for obj in objects:
            self.by_key[normalise(name(obj))].append(obj)

    def find(self, value: str):
        """The object, None if unknown; raises LookupError if ambiguous."""
        candidates = self.by_key.get(normalise(value), [])
        if len(candidates) > 1:
            exact = [
                c for c in candidates if self.name(c).casefold() == value.casefold()
            ]
            if len(exact) == 1:
                return exact[0]
            raise LookupError(value)
        return candidates[0] if candidates else None


class Status:
    CREATE = "create"
    MEMBERSHIP = "membership"
    INVITATION = "invitation"
    SKIP = "skip"
    ERROR = "error"


@dataclass
class Row:
    line: int
    values: dict[str, str]
    status: str = Status.CREATE
    note: str = ""
    errors: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)

    def error(self, problem: str) -> None:
        self.status = Status.ERROR
        self.errors.append(
            _("Ligne %(line)s : %(problem)s") % {"line": self.line, "problem": problem}
        )

    def cells(self, columns) -> list[str]:
        return [self.values.get(column.key, "") for column in columns]


@dataclass
class Preview:
    kind: str
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for row in self.rows if row.status == status)

    @property
    def error_count(self) -> int:
        return self.count(Status.ERROR)

    @property
    def to_write(self) -> list[Row]:
        writes = (Status.CREATE, Status.MEMBERSHIP, Status.INVITATION)
        return [row for row in self.rows if row.status in writes]

    @property
    def can_confirm(self) -> bool:
        return not self.problems and not self.error_count and bool(self.to_write)

    @property
    def errors(self) -> list[str]:
        return [*self.problems, *(e for row in self.rows for e in row.errors)]


def read_table(text: str, kind: str) -> Preview:
    """Split the text into rows keyed by column; file-level problems stop here."""
    columns = COLUMNS[kind]
    preview = Preview(kind=kind)
    lines = text.splitlines()
    header_line = next((line for line in lines if line.strip()), "")
    if not header_line:
        preview.problems.append(_("Le fichier est vide."))
        return preview
    reader = csv.reader(
        io.StringIO(text, newline=""), delimiter=sniff_delimiter(header_line)
    )
    by_alias = {}
    for column in columns:
        for word in (column.key, column.header, str(column.label), *column.aliases):
            by_alias.setdefault(normalise(word), column)
    try:
        header = next((row for row in reader if any(c.strip() for c in row)), None)
        if header is None:
            preview.problems.append(_("Le fichier est vide."))
            return preview
        positions: dict[int, Column] = {}
        for index, cell in enumerate(header):
            if not cell.strip():
                continue
            column = by_alias.get(normalise(cell))
            if column is None:
                preview.notices.append(
                    _("La colonne « %(name)s » n'est pas reconnue : elle sera ignorée.")
                    % {"name": cell.strip()[:80]}
                )
            elif column in positions.values():
                preview.problems.append(
                    _("La colonne « %(name)s » apparaît deux fois.")
                    % {"name": column.header}
                )
            else:
                positions[index] = column
        missing = [
            c.header for c in columns if c.required and c not in positions.values()
        ]
        if missing:
            preview.problems.append(
                _(
                    "Colonne obligatoire absente : %(missing)s. La première ligne doit "
                    "nommer les colonnes, par exemple : %(expected)s."
                )
                % {
                    "missing": ", ".join(f"« {name} »" for name in missing),
                    "expected": ";".join(c.header for c in columns),
                }
            )
        if preview.problems:
            return preview
        preview.columns = [c for c in columns if c in positions.values()]
        previous_end = reader.line_num
        for cells in reader:
            line, previous_end = previous_end + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(preview.rows) >= MAX_ROWS:
                preview.problems.append(
                    _(
                        "Le fichier contient plus de %(max)s lignes. Divisez-le en "
                        "plusieurs fichiers."
                    )
                    % {"max": f"{MAX_ROWS:,}".replace(",", "\u00a0")}
                )
                preview.rows = []
                return preview
            values = {column.key: "" for column in preview.columns}
            row = Row(line=line, values=values)
            for index, cell in enumerate(cells):
                if index in positions:
                    values[positions[index].key] = cell.strip()
                elif index >= len(header) and cell.strip():
                    row.error(
                        _("cette ligne a plus de valeurs que la ligne d'en-tête.")
                    )
            preview.rows.append(row)
    except csv.Error:
        preview.problems.append(
            _("Le fichier CSV est mal formé près de la ligne %(line)s.")
            % {"line": reader.line_num}
        )
        preview.rows = []
        return preview
    if not preview.rows:
        preview.problems.append(_("Le fichier ne contient aucune ligne de données."))
    return preview


def _check_common(row: Row, columns) -> None:
    for column in columns:
        value = row.values.get(column.key, "")
        if column.required and not value:
            row.error(
                _("la valeur de la colonne « %(column)s » est obligatoire.")
                % {"column": column.header}
            )
        elif column.max_length and len(value) > column.max_length:
            row.error(
                _(
                    "la valeur de la colonne « %(column)s » dépasse %(max)s "
                    "caractères (%(length)s)."
                )
                % {
                    "column": column.header,
                    "max": column.max_length,
                    "length": len(value),
                }
            )
    if row.values.get("email") and len(row.values["email"]) <= 254:
        try:
            validate_email(row.values["email"])
        except ValidationError:
            row.error(
                _("le courriel « %(value)s » n'est pas valide.")
                % {"value": row.values["email"][:80]}
            )


def _match(row: Row, key: str, matcher: Matcher, unknown: str, ambiguous: str):
    value = row.values.get(key, "")
    if not value:
        return None
    try:
        found = matcher.find(value)
    except LookupError:
        row.error(ambiguous % {"value": value[:80]})
        return None
    if found is None:
        row.error(unknown % {"value": value[:80]})
    return found


def _match_subregion(row: Row, subregions: Matcher):
    return _match(
        row,
        "subregion",
        subregions,
        _("la sous-région « %(value)s » n'existe pas dans ce réseau."),
        _("la sous-région « %(value)s » correspond à plusieurs sous-régions."),
    )


def _match_choice(row: Row, key: str, lookup: dict, message: str, **extra):
    value = row.values.get(key, "")
    if not value:
        return ""
    found = lookup.get(normalise(value))
    if found is None:
        row.error(message % {"value": value[:80], **extra})
        return ""
    return found


def preview_organisations(network: Network, text: str) -> Preview:
    preview = read_table(text, ImportKind.ORGANISATIONS)
    if preview.problems:
        return preview
    subregions = Matcher(network.subregions.all())
    existing = {
        name.casefold() for name in network.organisations.values_list("name", flat=True)
    }
    kinds = choice_lookup(OrganisationKind, KIND_ALIASES)
    accepted_kinds = ", ".join(str(label) for label in OrganisationKind.labels)
    seen: dict[str, int] = {}
    for row in preview.rows:
        _check_common(row, preview.columns)
        name = row.values.get("name", "")
        if has_invisible_characters(name):
            row.error(_("le nom contient des caractères invisibles ou de contrôle."))
        kind = _match_choice(
            row,
            "kind",
            kinds,
            _(
                "le type « %(value)s » n'est pas reconnu. "
                "Types acceptés : %(accepted)s."
            ),
            accepted=accepted_kinds,
        )
        subregion = _match_subregion(row, subregions)
        key = name.casefold()
        if name and key in seen:
            row.error(
                _("l'organisation « %(name)s » apparaît déjà à la ligne %(line)s.")
                % {"name": name[:80], "line": seen[key]}
            )
        elif name:
            seen[key] = row.line
        if row.status == Status.ERROR:
            continue
        if key in existing:
            row.status = Status.SKIP
            row.note = _("Existe déjà dans le réseau : ligne ignorée.")
            continue
        row.note = _("Nouvelle organisation.")
        row.data = {
            "name": name,
            "kind": kind,
            "subregion": subregion,
            "city": row.values.get("city", ""),
            "email": row.values.get("email", "").lower(),
            "phone": row.values.get("phone", ""),
            "permit_number": row.values.get("permit_number", ""),
        }
    return preview


def preview_people(network: Network, text: str, *, roles: list[str]) -> Preview:
    """``roles`` are the network roles the importing manager may give."""
    preview = read_table(text, ImportKind.PEOPLE)
    if preview.problems:
        return preview
    organisations = Matcher(network.organisations.select_related("subregion"))
    subregions = Matcher(network.subregions.all())
    role_lookup = choice_lookup(NetworkRole, ROLE_ALIASES)
    job_lookup = choice_lookup(JobRole, JOB_ALIASES)
    emails = {row.values.get("email", "").lower() for row in preview.rows} - {""}
    accounts = {
        user.email.lower(): user
        for user in User.objects.annotate(email_lower=Lower("email")).filter(
            email_lower__in=emails
        )
    }
    members = set(
        Membership.objects.filter(
            network=network, user__in=list(accounts.values())
        ).values_list("user_id", flat=True)
    )
    invited = {
        email.lower()
        for email in Invitation.objects.pending()
        .filter(network=network)
        .annotate(email_lower=Lower("email"))
        .filter(email_lower__in=emails)
        .values_list("email", flat=True)
    }
    seen: dict[str, int] = {}
    for row in preview.rows:
        _check_common(row, preview.columns)
        email = row.values.get("email", "").lower()
        for key in ("first_name", "last_name"):
            if has_invisible_characters(row.values.get(key, "")):
                row.error(
                    _("le nom contient des caractères invisibles ou de contrôle.")
                )
        job_role = _match_choice(
            row,
            "job_role",
            job_lookup,
            _("la fonction « %(value)s » n'est pas reconnue."),
        )
        role = (
            _match_choice(
                row, "role", role_lookup, _("le rôle « %(value)s » n'est pas reconnu.")
            )
            or NetworkRole.MEMBER
        )
        if role not in roles:
            row.error(
                _("vous ne pouvez pas donner le rôle « %(value)s ».")
                % {"value": NetworkRole(role).label}
            )
        organisation = _match(
            row,
            "organisation",
            organisations,
            _("l'organisation « %(value)s » n'existe pas dans ce réseau."),
            _("l'organisation « %(value)s » correspond à plusieurs organisations."),
        )
        subregion = _match_subregion(row, subregions)
        if subregion is None and organisation is not None:
            subregion = organisation.subregion
        if email and email in seen:
            row.error(
                _("le courriel « %(value)s » apparaît déjà à la ligne %(line)s.")
                % {"value": email[:80], "line": seen[email]}
            )
        elif email:
            seen[email] = row.line
        if row.status == Status.ERROR:
            continue
        row.data = {
            "email": email,
            "role": role,
            "organisation": organisation,
            "subregion": subregion,
        }
        account = accounts.get(email)
        if account is not None and account.pk in members:
            row.status = Status.SKIP
            row.note = _("Fait déjà partie du réseau : ligne ignorée.")
        elif account is not None:
            row.status = Status.MEMBERSHIP
            row.note = _("Compte existant : ajout au réseau.")
            row.data["user"] = account
        elif email in invited:
            row.status = Status.SKIP
            row.note = _("Une invitation est déjà en attente : ligne ignorée.")
        else:
            row.status = Status.INVITATION
            row.note = _("Nouvelle personne : invitation envoyée par courriel.")
            row.data.update(
                first_name=row.values.get("first_name", ""),
                last_name=row.values.get("last_name", ""),
                job_role=job_role,
            )
    return preview


def preview(kind: str, network: Network, text: str, *, roles: list[str]) -> Preview:
    if kind == ImportKind.PEOPLE:
        return preview_people(network, text, roles=roles)
    return preview_organisations(network, text)


def template_csv(kind: str) -> str:
    """An example file: our headers and a line or two, as spreadsheets save them."""
    columns = COLUMNS[kind]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([column.header for column in columns])
    for example in EXAMPLES[kind]:
        writer.writerow(example + [""] * (len(columns) - len(example)))
    return buffer.getvalue()
