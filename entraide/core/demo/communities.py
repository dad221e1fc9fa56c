"""Demo communities and committees of the two demo networks, with their people.

Deterministic and idempotent: communities are found again by (network, slug),
memberships by (community, person), and a seat already held keeps its terms.
Mandates and welcome messages follow the source documents (seeds/).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db import transaction

from entraide.accounts.models import JobRole
from entraide.communities.models import (
    Community,
    CommunityKind,
    CommunityMembership,
    CommunityRole,
    JoinPolicy,
    SeatTerm,
    Visibility,
)
from entraide.communities.services import sync_seats
from entraide.core.demo.accounts import DEMO_DOMAIN
from entraide.networks.models import Membership, Network, Organisation, OrganisationKind

TERM_START, TERM_END = date(2025, 9, 1), date(2027, 8, 31)
# Sub-regions whose last seat stays vacant, so the demo shows seats to fill.
VACANT_LAST_SEAT = ("Drummond", "Mékinac", "L'Érable")


def demo(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


@dataclass(frozen=True)
class CommunitySpec:
    network: str
    slug: str
    name: str
    kind: str
    mandate: str
    means: str
    welcome: str
    audience: tuple[str, ...] = ()
    sessions: tuple[int | None, int | None] = (None, None)
    season: tuple[int | None, int | None] = (None, None)
    visibility: str = Visibility.NETWORK
    join_policy: str = JoinPolicy.REQUEST
    seats_per_subregion: int = 0
    # Demo accounts and their role in the community.
    people: tuple[tuple[str, str], ...] = ()
    # Generated members: job roles (and organisation kinds) they come from, how many.
    members_from: tuple[str, ...] = ()
    organisation_kinds: tuple[str, ...] = ()
    members: int = 0
    partners: tuple[str, ...] = field(default_factory=tuple)


RECENSION = (
    "Établir un calendrier de rencontres pour l'année avec des thèmes choisis. "
    "Remettre les fiches techniques de recension au Comité régional Odyssée."
)

COMMUNITIES = (
    CommunitySpec(
        network="mcq",
        slug="gestion-et-gouvernance",
        name="Communauté de pratique Gestion et gouvernance",
        kind=CommunityKind.PRACTICE,
        mandate="Partage d'expertise, échanges et recension des pratiques de "
        "gestion et de gouvernance, par sous-région.",
        means=RECENSION,
        welcome="Bienvenue! Nos trois rencontres de l'année : **septembre-octobre** "
        "(processus d'analyse et thèmes), **novembre** (recension sur le thème "
        "choisi) et **février** (analyse du rapport du comité scientifique).",
        audience=(JobRole.MANAGER,),
        sessions=(3, 3),
        season=(9, 2),
        people=(("direction", CommunityRole.MEMBER),),
        members_from=(JobRole.MANAGER,),
        members=12,
    ),
    CommunitySpec(
        network="mcq",
        slug="pedagogie",
        name="Communauté de pratique Pédagogie",
        kind=CommunityKind.PRACTICE,
        mandate="Partage d'expertise, échanges et recension des pratiques "
        "pédagogiques des CPE en installation.",
        means=RECENSION.replace("thèmes choisis", "thèmes pédagogiques choisis"),
        welcome="Bienvenue dans la communauté des responsables de la pédagogie! "
        "Nous nous rencontrons **3 à 4 fois par année, de septembre à mai**. "
        "Apportez vos outils : nous les améliorons ensemble.",
        audience=(JobRole.PEDAGOGY_LEAD, JobRole.EDUCATOR),
        sessions=(3, 4),
        season=(9, 5),
        people=(
            ("conseillere", CommunityRole.FACILITATOR),
            ("educatrice", CommunityRole.MEMBER),
            ("deux.reseaux", CommunityRole.MENTOR),
        ),
        members_from=(JobRole.PEDAGOGY_LEAD,),
        organisation_kinds=(OrganisationKind.CPE,),
        members=10,
    ),
    CommunitySpec(
        network="mcq",
        slug="directions-generales",
        name="Groupe des directions générales",
        kind=CommunityKind.LEARNING,
        mandate="Travailler en collaboration pour instaurer une réflexion "
        "pédagogique dans les milieux.",
        means="Rencontres d'échange de septembre à mai, lectures partagées.",
        welcome="Un espace entre directions générales pour porter la réflexion "
        "pédagogique dans nos équipes.",
        audience=(JobRole.MANAGER,),
        sessions=(3, 4),
        season=(9, 5),
        visibility=Visibility.MEMBERS,
        people=(("direction", CommunityRole.MEMBER),),
        members_from=(JobRole.MANAGER,),
        members=8,
    ),
    CommunitySpec(
        network="mcq",
        slug="bureaux-coordonnateurs",
        name="Groupe CPE et bureaux coordonnateurs",
        kind=CommunityKind.LEARNING,
        mandate="Trouver une façon de se rencontrer pour répondre le plus possible "
        "aux besoins des responsables de services de garde en milieu familial.",
        means="Rencontres de septembre à mai, en virtuel le soir.",
        welcome="Bienvenue aux CPE, aux bureaux coordonnateurs et aux RSG!",
        audience=(JobRole.HOME_PROVIDER, JobRole.ADVISOR),
        sessions=(3, 4),
        season=(9, 5),
        join_policy=JoinPolicy.OPEN,
        people=(("rsg", CommunityRole.MEMBER),),
        members_from=(JobRole.HOME_PROVIDER,),
        members=10,
    ),
    CommunitySpec(
        network="mcq",
        slug="alimentation",
        name="Groupe des responsables de l'alimentation",
        kind=CommunityKind.LEARNING,
        mandate="Informer et susciter la réflexion en lien avec Odyssée et le "
        "Programme éducatif en mettant en action différents moyens d'application.",
        means="Rencontres d'octobre à mai; partage de menus et d'outils.",
        welcome="Bienvenue! Partagez vos menus, vos trucs et vos questions.",
        audience=(JobRole.FOOD_SERVICE_LEAD,),
        sessions=(3, 3),
        season=(10, 5),
        join_policy=JoinPolicy.OPEN,
        members_from=(JobRole.FOOD_SERVICE_LEAD,),
        members=8,
    ),
    CommunitySpec(
        network="mcq",
        slug="comite-regional-odyssee",
        name="Comité régional Odyssée",
        kind=CommunityKind.REGIONAL_COMMITTEE,
        mandate="Faire les ponts entre la chargée de projet et les communautés de "
        "pratique; mobiliser les membres de chaque sous-région.",
        means="Rencontres avec la chargée de projet et transfert des connaissances. "
        "Octobre : structurer le processus; novembre : recension; janvier : "
        "analyse et retour des analyses.",
        welcome="Merci de représenter votre sous-région! Deux représentantes par "
        "sous-région portent les fiches de recension de leur milieu.",
        sessions=(4, 4),
        season=(10, 6),
        visibility=Visibility.MEMBERS,
        join_policy=JoinPolicy.INVITATION,
        seats_per_subregion=2,
        people=(("chargee.projet", CommunityRole.FACILITATOR),),
    ),
    CommunitySpec(
        network="mcq",
        slug="comite-scientifique",
        name="Comité scientifique",
        kind=CommunityKind.SCIENTIFIC_COMMITTEE,
        mandate="Analyser et évaluer les pratiques recensées soumises par le "
        "comité régional; produire un rapport.",
        means="Grille d'évaluation commune; rapport annuel à la direction.",
        welcome="Bienvenue au comité scientifique.",
        sessions=(2, 3),
        visibility=Visibility.MEMBERS,
        join_policy=JoinPolicy.INVITATION,
        people=(
            ("deux.reseaux", CommunityRole.FACILITATOR),
            ("chargee.projet", CommunityRole.MEMBER),
        ),
        members_from=(JobRole.RESEARCHER,),
        members=3,
    ),
    CommunitySpec(
        network="mcq",
        slug="comite-site-internet",
        name="Comité du site Internet",
        kind=CommunityKind.OTHER_COMMITTEE,
        mandate="Diffuser les résultats de la recension par le site Internet du "
        "regroupement et préparer le communiqué mensuel.",
        means="Une rencontre par trimestre; relecture du communiqué.",
        welcome="Bienvenue au comité du site Internet!",
        sessions=(4, 4),
        join_policy=JoinPolicy.INVITATION,
        people=(("chargee.projet", CommunityRole.FACILITATOR),),
        members_from=(JobRole.ADVISOR,),
        members=3,
    ),
    CommunitySpec(
        network="pancanadien",
        slug="cap-educatrices",
        name="CAP virtuelle des éducatrices et éducateurs",
        kind=CommunityKind.LEARNING,
        mandate="Créer un réseau d'entraide et permettre l'échange de meilleures "
        "pratiques entre éducatrices et éducateurs en milieu minoritaire "
        "francophone.",
        means="Séances mensuelles virtuelles de co-construction et "
        "d'apprentissage, animées par des mentors d'expérience.",
        welcome="Bienvenue! Chaque mois, nous développons ensemble des outils "
        "pratiques adaptés à nos besoins.",
        audience=(JobRole.EDUCATOR,),
        sessions=(10, 10),
        season=(9, 6),
        join_policy=JoinPolicy.OPEN,
        people=(
            ("educator.en", CommunityRole.MEMBER),
            ("pancanadien.admin", CommunityRole.FACILITATOR),
        ),
        members_from=(JobRole.EDUCATOR,),
        members=15,
        partners=("Collège Aurore du Nord", "Cabinet-conseil Boussole"),
    ),
    CommunitySpec(
        network="pancanadien",
        slug="cap-gestionnaires",
        name="CAP virtuelle des gestionnaires",
        kind=CommunityKind.LEARNING,
        mandate="Soutenir le démarrage de services de garde et développer une "
        "stratégie concertée pour le recrutement et la rétention de personnel "
        "qualifié ou ayant le potentiel de se qualifier.",
        means="Séances mensuelles virtuelles avec des partenaires experts.",
        welcome="Bienvenue aux gestionnaires! Nos séances sont mensuelles.",
        audience=(JobRole.MANAGER,),
        sessions=(10, 10),
        season=(9, 6),
        people=(
            ("pancanadien.admin", CommunityRole.FACILITATOR),
            ("deux.reseaux", CommunityRole.MENTOR),
        ),
        members_from=(JobRole.MANAGER,),
        members=12,
        partners=(
            "Collège Aurore du Nord",
            "Cabinet-conseil Boussole",
            "Assemblée provinciale de la francophonie",
        ),
    ),
)

# Partner organisations the pan-Canadian CAPs need beyond the network's own.
EXTRA_PARTNERS = {
    "pancanadien": (
        ("Cabinet-conseil Boussole", OrganisationKind.PARTNER, "Ottawa"),
        (
            "Assemblée provinciale de la francophonie",
            OrganisationKind.PARTNER,
            "Ottawa",
        ),
    )
}


def _partners(network: Network) -> dict[str, Organisation]:
    for name, kind, city in EXTRA_PARTNERS.get(network.slug, ()):
        if not network.organisations.filter(name__iexact=name).exists():
            Organisation.objects.create(
                network=network,
                name=name,
                kind=kind,
                city=city,
                # Both partners are in Ottawa, in the Est ontarien sub-region.
                subregion=network.subregions.filter(name="Est ontarien").first(),
            )
    return {o.name: o for o in network.organisations.all()}


def _community(spec: CommunitySpec, network: Network) -> Community:
    community, _created = Community.objects.update_or_create(
        network=network,
        slug=spec.slug,
        defaults={
            "name": spec.name,
            "kind": spec.kind,
            "mandate": spec.mandate,
            "means": spec.means,
            "welcome_message": spec.welcome,
            "audience_job_roles": list(spec.audience),
            "sessions_per_year_min": spec.sessions[0],
            "sessions_per_year_max": spec.sessions[1],
            "season_start_month": spec.season[0],
            "season_end_month": spec.season[1],
            "visibility": spec.visibility,
            "join_policy": spec.join_policy,
            "seats_per_subregion": spec.seats_per_subregion,
            "archived_at": None,
        },
    )
    return community


def _members(spec: CommunitySpec, community: Community, network: Network) -> None:
    wanted = {}
    if spec.members:
        people = Membership.objects.filter(
            network=network, user__job_role__in=spec.members_from
        )
        if spec.organisation_kinds:
            people = people.filter(organisation__kind__in=spec.organisation_kinds)
        for user_id in people.order_by("user__email").values_list("user_id", flat=True)[
            : spec.members
        ]:
            wanted[user_id] = CommunityRole.MEMBER
    by_email = dict(
        Membership.objects.filter(
            network=network, user__email__in=[demo(local) for local, _r in spec.people]
        ).values_list("user__email", "user_id")
    )
    for local, role in spec.people:
        if demo(local) in by_email:
            wanted[by_email[demo(local)]] = role
    existing = dict(community.memberships.values_list("user_id", "role"))
    CommunityMembership.objects.bulk_create(
        [
            CommunityMembership(community=community, user_id=user_id, role=role)
            for user_id, role in wanted.items()
            if user_id not in existing
        ]
    )
    for user_id, role in wanted.items():
        if user_id in existing and existing[user_id] != role:
            community.memberships.filter(user_id=user_id).update(role=role)


def _seats(community: Community, network: Network) -> None:
    """Most seats held by people of their sub-region; a few left vacant."""
    sync_seats(community=community)
    held = set(
        SeatTerm.objects.filter(seat__community=community).values_list(
            "holder_id", flat=True
        )
    )
    new_terms, new_members = [], []
    members = set(community.memberships.values_list("user_id", flat=True))
    for seat in community.seats.select_related("subregion").order_by("pk"):
        if seat.terms.exists():
            continue
        last = seat.number == community.seats_per_subregion
        if last and seat.subregion.name in VACANT_LAST_SEAT:
            continue
        candidate = (
            Membership.objects.filter(network=network, subregion=seat.subregion)
            .exclude(user_id__in=held)
            .order_by("user__email")
            .values_list("user_id", flat=True)
            .first()
        )
        if candidate is None:
            continue
        held.add(candidate)
        new_terms.append(
            SeatTerm(
                seat=seat, holder_id=candidate, starts_on=TERM_START, ends_on=TERM_END
            )
        )
        if candidate not in members:
            members.add(candidate)
            new_members.append(
                CommunityMembership(community=community, user_id=candidate)
            )
    SeatTerm.objects.bulk_create(new_terms)
    CommunityMembership.objects.bulk_create(new_members)


@transaction.atomic
def load_communities() -> int:
    """Create or refresh the demo communities; return how many there are."""
    networks = {
        n.slug: n for n in Network.objects.filter(slug__in=["mcq", "pancanadien"])
    }
    partners = {slug: _partners(network) for slug, network in networks.items()}
    for spec in COMMUNITIES:
        network = networks.get(spec.network)
        if network is None:
            continue
        community = _community(spec, network)
        community.partner_organisations.set(
            [partners[spec.network][name] for name in spec.partners]
        )
        _members(spec, community, network)
        if community.has_seats:
            _seats(community, network)
    return Community.objects.filter(network__in=networks.values()).count()
