"""The demo accounts: one per role, all with the same published password."""

from dataclasses import dataclass

from entraide.accounts.models import JobRole, Language
from entraide.networks.models import NetworkRole

# Published on purpose: it is printed at the end of ``load_demo`` and by
# ``scripts/serve.sh``. Never load the demo into a database that holds real people.
DEMO_PASSWORD = "entraide-demo-2026"
DEMO_DOMAIN = "demo.entraide.ca"


@dataclass(frozen=True)
class DemoMembership:
    network: str  # slug
    role: str
    organisation: str = ""
    subregion: str = ""  # when there is no organisation to take it from


@dataclass(frozen=True)
class DemoAccount:
    email: str
    first_name: str
    last_name: str
    job_role: str
    memberships: tuple[DemoMembership, ...]
    can_do: str
    language: str = Language.FRENCH
    time_zone: str = "America/Toronto"


DEMO_ACCOUNTS = (
    DemoAccount(
        email=f"chargee.projet@{DEMO_DOMAIN}",
        first_name="Nathalie",
        last_name="Bellemare",
        job_role=JobRole.ADVISOR,
        memberships=(
            DemoMembership("mcq", NetworkRole.PROJECT_LEAD, subregion="Trois-Rivières"),
        ),
        can_do="Project lead of Réseau MCQ: territory, organisations, people",
    ),
    DemoAccount(
        email=f"admin.reseau@{DEMO_DOMAIN}",
        first_name="Martin",
        last_name="Gélinas",
        job_role=JobRole.OTHER,
        memberships=(
            DemoMembership("mcq", NetworkRole.ADMIN, subregion="Trois-Rivières"),
        ),
        can_do="Administrator of Réseau MCQ: members, roles, invitations, imports",
    ),
    DemoAccount(
        email=f"direction@{DEMO_DOMAIN}",
        first_name="Sylvie",
        last_name="Lampron",
        job_role=JobRole.MANAGER,
        memberships=(
            DemoMembership(
                "mcq", NetworkRole.MANAGEMENT, organisation="CPE Les Petits Bouleaux"
            ),
        ),
        can_do="Management of Réseau MCQ (CPE director): member view of the network",
    ),
    DemoAccount(
        email=f"educatrice@{DEMO_DOMAIN}",
        first_name="Camille",
        last_name="Bourassa",
        job_role=JobRole.EDUCATOR,
        memberships=(
            DemoMembership(
                "mcq", NetworkRole.MEMBER, organisation="CPE Les Petits Bouleaux"
            ),
        ),
        can_do="Educator, member of Réseau MCQ, Trois-Rivières",
    ),
    DemoAccount(
        email=f"rsg@{DEMO_DOMAIN}",
        first_name="Liliane",
        last_name="Boisvert",
        job_role=JobRole.HOME_PROVIDER,
        memberships=(
            DemoMembership(
                "mcq",
                NetworkRole.MEMBER,
                organisation="Service de garde en milieu familial Les Trésors de Lili",
            ),
        ),
        can_do="Home-childcare provider (RSG), member of Réseau MCQ, Shawinigan",
    ),
    DemoAccount(
        email=f"conseillere@{DEMO_DOMAIN}",
        first_name="Geneviève",
        last_name="Trudel",
        job_role=JobRole.PEDAGOGY_LEAD,
        memberships=(
            DemoMembership(
                "mcq", NetworkRole.MEMBER, organisation="CPE Les Trottinettes"
            ),
        ),
        can_do="Pedagogy lead, member of Réseau MCQ, Drummondville",
    ),
    DemoAccount(
        email=f"pancanadien.admin@{DEMO_DOMAIN}",
        first_name="Marc-André",
        last_name="Cormier",
        job_role=JobRole.ADVISOR,
        memberships=(
            DemoMembership("pancanadien", NetworkRole.ADMIN, subregion="Sud-Est"),
        ),
        can_do="Administrator of the pan-Canadian network (Moncton); sees no MCQ data",
        time_zone="America/Moncton",
    ),
    DemoAccount(
        email=f"educator.en@{DEMO_DOMAIN}",
        first_name="Emily",
        last_name="Fraser",
        job_role=JobRole.EDUCATOR,
        memberships=(
            DemoMembership(
                "pancanadien",
                NetworkRole.MEMBER,
                organisation="Centre éducatif Les Petits Saumons",
            ),
        ),
        can_do="Educator in Vancouver, uses Entraide in English (Pacific time)",
        language=Language.ENGLISH,
        time_zone="America/Vancouver",
    ),
    DemoAccount(
        email=f"deux.reseaux@{DEMO_DOMAIN}",
        first_name="Hélène",
        last_name="Desaulniers",
        job_role=JobRole.RESEARCHER,
        memberships=(
            DemoMembership(
                "mcq",
                NetworkRole.MEMBER,
                organisation="Cégep régional de Trois-Rivières",
            ),
            DemoMembership("pancanadien", NetworkRole.MEMBER),
        ),
        can_do="College researcher, member of both networks (one account, two roles)",
    ),
)


def accounts_table() -> str:
    """The demo accounts as a plain-text table for a terminal."""
    headers = ("Email", "Password", "What they can do")
    rows = [(a.email, DEMO_PASSWORD, a.can_do) for a in DEMO_ACCOUNTS]
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(3)]
    lines = [headers, tuple("-" * w for w in widths), *rows]
    return "\n".join(
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )
