"""The two demo networks: territory, member organisations and who their people are.

Organisation names are plausible but generic; none is meant to be a real centre.
"""

from dataclasses import dataclass, field

from entraide.accounts.models import JobRole
from entraide.core.demo import names
from entraide.networks.models import OrganisationKind as Kind

QUEBEC_NAMES = (names.FRENCH_FIRST_NAMES, names.QUEBEC_SURNAMES)
ACADIAN_NAMES = (names.FRENCH_FIRST_NAMES, names.ACADIAN_SURNAMES)
FRANCO_NAMES = (names.FRENCH_FIRST_NAMES, names.FRANCO_CANADIAN_SURNAMES)
NEWCOMER_NAMES = (names.NEWCOMER_FIRST_NAMES, names.NEWCOMER_SURNAMES)
MIXED_NAMES = (names.FRENCH_FIRST_NAMES, names.ENGLISH_SURNAMES)
ENGLISH_NAMES = (names.ENGLISH_FIRST_NAMES, names.ENGLISH_SURNAMES)


@dataclass(frozen=True)
class SubRegionSpec:
    name: str
    time_zone: str = "America/Toronto"


@dataclass(frozen=True)
class RegionSpec:
    name: str
    subregions: tuple[SubRegionSpec, ...]
    # Share of people who use the platform in English.
    english_share: float = 0.0
    # (first names, surnames) pools with their weights.
    name_pools: tuple[tuple[tuple, int], ...] = ((QUEBEC_NAMES, 1),)


@dataclass(frozen=True)
class OrganisationSpec:
    name: str
    kind: str
    subregion: str
    city: str


@dataclass(frozen=True)
class NetworkSpec:
    slug: str
    name: str
    short_name: str
    description: str
    province: str
    time_zone: str
    contact_email: str
    regions: tuple[RegionSpec, ...]
    organisations: tuple[OrganisationSpec, ...]
    # Where a unique room is created for each virtual session.
    video_service_url: str = ""
    # How many generated people (on top of the demo accounts) hold each job role.
    job_roles: dict[str, int] = field(default_factory=dict)
    project_leads: int = 0
    management: int = 0
    admins: int = 0


# Which organisations a person of each job role may work for, in order of preference.
ORGANISATION_KINDS_BY_JOB_ROLE = {
    JobRole.EDUCATOR: (Kind.CPE, Kind.SUBSIDISED_DAYCARE, Kind.PRIVATE_DAYCARE),
    JobRole.HOME_PROVIDER: (Kind.HOME_PROVIDER, Kind.HOME_CHILDCARE_OFFICE),
    JobRole.MANAGER: (
        Kind.CPE,
        Kind.SUBSIDISED_DAYCARE,
        Kind.PRIVATE_DAYCARE,
        Kind.HOME_CHILDCARE_OFFICE,
    ),
    JobRole.PEDAGOGY_LEAD: (
        Kind.CPE,
        Kind.HOME_CHILDCARE_OFFICE,
        Kind.SUBSIDISED_DAYCARE,
    ),
    JobRole.FOOD_SERVICE_LEAD: (Kind.CPE, Kind.SUBSIDISED_DAYCARE),
    JobRole.ADVISOR: (Kind.HOME_CHILDCARE_OFFICE, Kind.PARTNER),
    JobRole.RESEARCHER: (Kind.COLLEGE,),
    JobRole.PARTNER: (Kind.PARTNER, Kind.COLLEGE),
    JobRole.OTHER: (Kind.CPE, Kind.HOME_CHILDCARE_OFFICE, Kind.PARTNER),
}

_TR, _SH, _HSM = "Trois-Rivières", "Shawinigan", "Haut-Saint-Maurice"
_MAS, _MEK, _DC = "Maskinongé", "Mékinac", "Des Chenaux"
_DRU, _ART, _BEC = "Drummond", "Arthabaska", "Bécancour"
_NY, _ERA = "Nicolet-Yamaska", "L'Érable"


def _orgs(kind: str, subregion: str, *rows: tuple[str, str]) -> list[OrganisationSpec]:
    return [OrganisationSpec(name, kind, subregion, city) for name, city in rows]


MCQ = NetworkSpec(
    slug="mcq",
    name="Réseau Mauricie–Centre-du-Québec",
    short_name="Réseau MCQ",
    description=(
        "Le regroupement des centres de la petite enfance et des bureaux "
        "coordonnateurs de la Mauricie et du Centre-du-Québec : communautés de "
        "pratique, comité régional, recension des pratiques et communiqué mensuel."
    ),
    province="QC",
    time_zone="America/Toronto",
    contact_email="info@mcq.demo.entraide.ca",
    video_service_url="https://visio.mcq.demo.entraide.ca",
    regions=(
        RegionSpec(
            "Mauricie",
            tuple(SubRegionSpec(n) for n in (_TR, _SH, _HSM, _MAS, _MEK, _DC)),
        ),
        RegionSpec(
            "Centre-du-Québec",
            tuple(SubRegionSpec(n) for n in (_DRU, _ART, _BEC, _NY, _ERA)),
        ),
    ),
    organisations=tuple(
        _orgs(
            Kind.CPE,
            _TR,
            ("CPE Les Petits Bouleaux", "Trois-Rivières"),
            ("CPE La Marelle du Cap", "Trois-Rivières"),
            ("CPE Flocons d'érable", "Trois-Rivières"),
        )
        + _orgs(
            Kind.HOME_CHILDCARE_OFFICE,
            _TR,
            ("Bureau coordonnateur de Trois-Rivières", "Trois-Rivières"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            _TR,
            ("Garderie Les Explorateurs du fleuve", "Trois-Rivières"),
        )
        + _orgs(
            Kind.PRIVATE_DAYCARE,
            _TR,
            ("Garderie Arc-en-ciel des Forges", "Trois-Rivières"),
        )
        + _orgs(
            Kind.COLLEGE,
            _TR,
            ("Cégep régional de Trois-Rivières", "Trois-Rivières"),
        )
        + _orgs(
            Kind.PARTNER,
            _TR,
            ("Centre de pédiatrie sociale des Trois Rivières", "Trois-Rivières"),
            ("Atelier Grandir ensemble, consultation pédagogique", "Trois-Rivières"),
        )
        + _orgs(
            Kind.CPE,
            _SH,
            ("CPE Les Lucioles", "Shawinigan"),
            ("CPE Le Petit Train de Grand-Mère", "Shawinigan"),
        )
        + _orgs(
            Kind.HOME_CHILDCARE_OFFICE,
            _SH,
            ("Bureau coordonnateur Le Nid de Shawinigan", "Shawinigan"),
        )
        + _orgs(Kind.SUBSIDISED_DAYCARE, _SH, ("Garderie La Pirouette", "Shawinigan"))
        + _orgs(
            Kind.HOME_PROVIDER,
            _SH,
            ("Service de garde en milieu familial Les Trésors de Lili", "Shawinigan"),
        )
        + _orgs(Kind.CPE, _HSM, ("CPE Les Bambins de La Tuque", "La Tuque"))
        + _orgs(
            Kind.HOME_CHILDCARE_OFFICE,
            _HSM,
            ("Bureau coordonnateur du Haut-Saint-Maurice", "La Tuque"),
        )
        + _orgs(
            Kind.PARTNER,
            _HSM,
            ("Table petite enfance du Haut-Saint-Maurice", "La Tuque"),
        )
        + _orgs(Kind.CPE, _MAS, ("CPE La Ribambelle", "Louiseville"))
        + _orgs(
            Kind.PRIVATE_DAYCARE, _MAS, ("Garderie Les Petits Pommiers", "Saint-Paulin")
        )
        + _orgs(
            Kind.HOME_PROVIDER,
            _MAS,
            (
                "Service de garde en milieu familial Chez Mamie Jo",
                "Saint-Alexis-des-Monts",
            ),
        )
        + _orgs(Kind.CPE, _MEK, ("CPE Les Pieds mouillés", "Saint-Tite"))
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            _MEK,
            ("Garderie Au pays des merveilles", "Sainte-Thècle"),
        )
        + _orgs(
            Kind.CPE,
            _DC,
            ("CPE Les Chenapans de Batiscan", "Sainte-Geneviève-de-Batiscan"),
        )
        + _orgs(
            Kind.HOME_PROVIDER,
            _DC,
            ("Service de garde en milieu familial La Cabane à Léo", "Saint-Narcisse"),
        )
        + _orgs(
            Kind.CPE,
            _DRU,
            ("CPE Les Trottinettes", "Drummondville"),
            ("CPE Le Jardin de Drummond", "Drummondville"),
            ("CPE Mille-Pattes", "Drummondville"),
        )
        + _orgs(
            Kind.HOME_CHILDCARE_OFFICE,
            _DRU,
            ("Bureau coordonnateur de Drummond", "Drummondville"),
        )
        + _orgs(
            Kind.PRIVATE_DAYCARE,
            _DRU,
            ("Garderie Les Petits Génies du Centre", "Drummondville"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            _DRU,
            ("Garderie La Clé des champs", "Saint-Cyrille-de-Wendover"),
        )
        + _orgs(Kind.PARTNER, _DRU, ("Maison de la famille Drummond", "Drummondville"))
        + _orgs(
            Kind.CPE,
            _ART,
            ("CPE Les Pommettes rouges", "Victoriaville"),
            ("CPE Les Petits Sentiers", "Warwick"),
        )
        + _orgs(
            Kind.HOME_CHILDCARE_OFFICE,
            _ART,
            ("Bureau coordonnateur des Bois-Francs", "Victoriaville"),
        )
        + _orgs(
            Kind.PRIVATE_DAYCARE,
            _ART,
            ("Garderie Les Amis du boisé", "Victoriaville"),
        )
        + _orgs(Kind.CPE, _BEC, ("CPE Le Héron bleu", "Bécancour"))
        + _orgs(
            Kind.HOME_PROVIDER,
            _BEC,
            (
                "Service de garde en milieu familial Les Petites Grenouilles",
                "Bécancour",
            ),
        )
        + _orgs(Kind.CPE, _NY, ("CPE Les Coccinelles de Nicolet", "Nicolet"))
        + _orgs(
            Kind.SUBSIDISED_DAYCARE, _NY, ("Garderie Le Petit Phare", "Pierreville")
        )
        + _orgs(Kind.CPE, _ERA, ("CPE L'Érablière enchantée", "Plessisville"))
        + _orgs(
            Kind.HOME_CHILDCARE_OFFICE,
            _ERA,
            ("Bureau coordonnateur de L'Érable", "Plessisville"),
        )
    ),
    job_roles={
        JobRole.EDUCATOR: 100,
        JobRole.HOME_PROVIDER: 24,
        JobRole.MANAGER: 26,
        JobRole.PEDAGOGY_LEAD: 14,
        JobRole.FOOD_SERVICE_LEAD: 10,
        JobRole.ADVISOR: 8,
        JobRole.RESEARCHER: 3,
        JobRole.PARTNER: 5,
        JobRole.OTHER: 3,
    },
    project_leads=0,  # Nathalie, a demo account, is the network's one project lead.
    management=4,
    admins=1,
)


def _sub(name: str, time_zone: str) -> SubRegionSpec:
    return SubRegionSpec(name, time_zone)


PANCANADIEN = NetworkSpec(
    slug="pancanadien",
    name="Réseau pancanadien francophone de la petite enfance",
    short_name="Réseau pancanadien",
    description=(
        "Des communautés d'apprentissage professionnelles virtuelles pour les "
        "éducatrices, éducateurs et gestionnaires des services de garde "
        "francophones en situation minoritaire, de St. John's à Vancouver."
    ),
    province="",
    time_zone="America/Toronto",
    contact_email="info@pancanadien.demo.entraide.ca",
    video_service_url="https://visio.pancanadien.demo.entraide.ca",
    regions=(
        RegionSpec(
            "Terre-Neuve-et-Labrador",
            (
                _sub("Saint-Jean (St. John's)", "America/St_Johns"),
                _sub("Péninsule de Port-au-Port", "America/St_Johns"),
            ),
            english_share=0.2,
            name_pools=((ACADIAN_NAMES, 3), (MIXED_NAMES, 1)),
        ),
        RegionSpec(
            "Île-du-Prince-Édouard",
            (
                _sub("Évangéline", "America/Halifax"),
                _sub("Charlottetown", "America/Halifax"),
            ),
            english_share=0.15,
            name_pools=((ACADIAN_NAMES, 4), (MIXED_NAMES, 1)),
        ),
        RegionSpec(
            "Nouvelle-Écosse",
            (
                _sub("Clare", "America/Halifax"),
                _sub("Chéticamp", "America/Halifax"),
                _sub("Halifax métropolitain", "America/Halifax"),
            ),
            english_share=0.15,
            name_pools=((ACADIAN_NAMES, 4), (MIXED_NAMES, 1)),
        ),
        RegionSpec(
            "Nouveau-Brunswick",
            (
                _sub("Nord-Est", "America/Moncton"),
                _sub("Nord-Ouest", "America/Moncton"),
                _sub("Sud-Est", "America/Moncton"),
                _sub("Centre-Sud (Fredericton)", "America/Moncton"),
            ),
            english_share=0.05,
            name_pools=((ACADIAN_NAMES, 6), (QUEBEC_NAMES, 1)),
        ),
        RegionSpec(
            "Ontario",
            (
                _sub("Est ontarien", "America/Toronto"),
                _sub("Nord de l'Ontario", "America/Toronto"),
                _sub("Centre-Sud-Ouest", "America/Toronto"),
            ),
            english_share=0.15,
            name_pools=((FRANCO_NAMES, 5), (NEWCOMER_NAMES, 2), (MIXED_NAMES, 1)),
        ),
        RegionSpec(
            "Manitoba",
            (
                _sub("Saint-Boniface", "America/Winnipeg"),
                _sub("Région de la Rivière-Rouge", "America/Winnipeg"),
            ),
            english_share=0.2,
            name_pools=((FRANCO_NAMES, 4), (NEWCOMER_NAMES, 1), (MIXED_NAMES, 1)),
        ),
        RegionSpec(
            "Saskatchewan",
            (_sub("Regina", "America/Regina"), _sub("Saskatoon", "America/Regina")),
            english_share=0.3,
            name_pools=((FRANCO_NAMES, 3), (NEWCOMER_NAMES, 1), (ENGLISH_NAMES, 1)),
        ),
        RegionSpec(
            "Alberta",
            (
                _sub("Edmonton", "America/Edmonton"),
                _sub("Calgary", "America/Edmonton"),
                _sub("Rivière-la-Paix", "America/Edmonton"),
            ),
            english_share=0.3,
            name_pools=((FRANCO_NAMES, 3), (NEWCOMER_NAMES, 2), (ENGLISH_NAMES, 1)),
        ),
        RegionSpec(
            "Colombie-Britannique",
            (
                _sub("Grand Vancouver", "America/Vancouver"),
                _sub("Île de Vancouver", "America/Vancouver"),
            ),
            english_share=0.35,
            name_pools=((FRANCO_NAMES, 3), (NEWCOMER_NAMES, 2), (ENGLISH_NAMES, 2)),
        ),
        RegionSpec(
            "Yukon",
            (_sub("Whitehorse", "America/Whitehorse"),),
            english_share=0.3,
            name_pools=((QUEBEC_NAMES, 2), (ENGLISH_NAMES, 1)),
        ),
        RegionSpec(
            "Territoires du Nord-Ouest",
            # Yellowknife keeps Mountain time: tzdata now links it to Edmonton.
            (_sub("Yellowknife", "America/Edmonton"),),
            english_share=0.3,
            name_pools=((QUEBEC_NAMES, 2), (ENGLISH_NAMES, 1)),
        ),
        RegionSpec(
            "Nunavut",
            (_sub("Iqaluit", "America/Iqaluit"),),
            english_share=0.3,
            name_pools=((QUEBEC_NAMES, 2), (ENGLISH_NAMES, 1)),
        ),
    ),
    organisations=tuple(
        _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Saint-Jean (St. John's)",
            ("Garderie Les Petits Macareux", "St. John's"),
        )
        + _orgs(
            Kind.PARTNER,
            "Saint-Jean (St. John's)",
            ("Association des parents francophones de Terre-Neuve", "St. John's"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Péninsule de Port-au-Port",
            ("Centre éducatif Le Phare de la Péninsule", "Cap-Saint-Georges"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Évangéline",
            ("Centre de la petite enfance Les Coquillages", "Wellington"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Charlottetown",
            ("Garderie Le Petit Voilier", "Charlottetown"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Clare",
            ("Centre éducatif La Baie", "Pointe-de-l'Église"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Chéticamp",
            ("Garderie Les Petits Homards", "Chéticamp"),
        )
        + _orgs(
            Kind.PARTNER,
            "Halifax métropolitain",
            ("Regroupement des parents acadiens de la Nouvelle-Écosse", "Halifax"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Nord-Est",
            ("Centre éducatif Les Étoiles de mer", "Caraquet"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Nord-Ouest",
            ("Centre de la petite enfance Le Jardin des Brayons", "Edmundston"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Sud-Est",
            ("Garderie Les Petits Acadiens", "Dieppe"),
        )
        + _orgs(
            Kind.HOME_PROVIDER,
            "Sud-Est",
            ("Service de garde en milieu familial Chez Tante Aurore", "Shédiac"),
        )
        + _orgs(
            Kind.PARTNER,
            "Sud-Est",
            ("Association acadienne des services de garde", "Dieppe"),
        )
        + _orgs(
            Kind.PRIVATE_DAYCARE,
            "Centre-Sud (Fredericton)",
            ("Centre éducatif Les Petites Pousses", "Fredericton"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Est ontarien",
            ("Centre éducatif Les Trilles de l'Est", "Ottawa"),
        )
        + _orgs(
            Kind.PARTNER,
            "Est ontarien",
            ("Association francophone de la petite enfance de l'Ontario", "Ottawa"),
        )
        + _orgs(
            Kind.COLLEGE, "Nord de l'Ontario", ("Collège Aurore du Nord", "Sudbury")
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Nord de l'Ontario",
            ("Centre de la petite enfance Les Aurores", "Timmins"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Centre-Sud-Ouest",
            ("Garderie Le Carrousel", "Toronto"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Saint-Boniface",
            ("Centre éducatif Les Cerisiers", "Winnipeg"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Région de la Rivière-Rouge",
            ("Garderie Les Tournesols", "Saint-Pierre-Jolys"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE, "Regina", ("Garderie Les Petits Bisons", "Regina")
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Saskatoon",
            ("Centre éducatif La Prairie", "Saskatoon"),
        )
        + _orgs(
            Kind.COLLEGE, "Edmonton", ("Campus francophone des Prairies", "Edmonton")
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Edmonton",
            ("Centre éducatif Les Petits Castors d'Edmonton", "Edmonton"),
        )
        + _orgs(
            Kind.PRIVATE_DAYCARE,
            "Calgary",
            ("Centre éducatif Les Petits Rocheux", "Calgary"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Rivière-la-Paix",
            ("Garderie La Rivière-la-Paix", "Falher"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Grand Vancouver",
            ("Centre éducatif Les Petits Saumons", "Vancouver"),
        )
        + _orgs(
            Kind.PARTNER,
            "Grand Vancouver",
            ("Réseau des familles francophones du Pacifique", "Vancouver"),
        )
        + _orgs(
            Kind.PRIVATE_DAYCARE,
            "Île de Vancouver",
            ("Garderie L'Île aux enfants", "Victoria"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Whitehorse",
            ("Garderie Le Petit Nord", "Whitehorse"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Yellowknife",
            ("Garderie Les Aurores boréales", "Yellowknife"),
        )
        + _orgs(
            Kind.SUBSIDISED_DAYCARE,
            "Iqaluit",
            ("Garderie Les Petits Narvals", "Iqaluit"),
        )
    ),
    job_roles={
        JobRole.EDUCATOR: 80,
        JobRole.HOME_PROVIDER: 6,
        JobRole.MANAGER: 28,
        JobRole.PEDAGOGY_LEAD: 12,
        JobRole.FOOD_SERVICE_LEAD: 4,
        JobRole.ADVISOR: 6,
        JobRole.RESEARCHER: 4,
        JobRole.PARTNER: 5,
        JobRole.OTHER: 2,
    },
    project_leads=1,
    management=3,
    admins=1,
)

NETWORKS = (MCQ, PANCANADIEN)
