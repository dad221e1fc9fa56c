"""Benchmark data: networks with their territory, organisations, people, notifications.

    python bench/generate.py --scale small|regional|national

National is the sizing target of DESIGN.md: 100,000 people and 5,000 organisations
in 20 networks. Rows go in with bulk inserts, in batches, in one transaction, into an
empty database (bench/run.sh makes a fresh one). Deterministic: random.Random(2026).
"""

import argparse
import os
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOMAIN = "bench.entraide.test"
BENCH_EMAIL = f"banc.essai@{DOMAIN}"
BENCH_COMMUNITY = "communaute-banc"
BENCH_MEMBERS = 300
BENCH_THREADS = 200
BENCH_REPLIES = 300
BENCH_SEATS = 100
BATCH = 5_000
CHUNK = 10_000  # people built and inserted at a time, to bound memory


@dataclass(frozen=True)
class Scale:
    networks: int
    people: int
    organisations: int
    notifications_per_person: int = 2
    bench_notifications: int = 300
    second_network_share: float = 0.1
    communities: int = 30
    members_per_community: int = 60
    threads_per_community: int = 15
    replies_per_thread: int = 5
    # Practice sheets in all, for search: the second network holds the rest.
    search_sheets: int = 5_000


SCALES = {
    "small": Scale(networks=3, people=2_000, organisations=100),
    "regional": Scale(
        networks=5,
        people=20_000,
        organisations=1_000,
        communities=200,
        search_sheets=20_000,
    ),
    "national": Scale(
        networks=20,
        people=100_000,
        organisations=5_000,
        communities=1_000,
        search_sheets=50_000,
    ),
}

FIRST_NAMES = (
    "Amélie", "Annie", "Catherine", "Chantal", "Émilie", "Geneviève", "Isabelle",
    "Julie", "Karine", "Manon", "Marie-Ève", "Mélanie", "Nathalie", "Sophie",
    "Sylvie", "Valérie", "Aminata", "Emily", "Marc", "Olivier",
)  # fmt: skip
LAST_NAMES = (
    "Arsenault", "Bélanger", "Bergeron", "Bouchard", "Côté", "Cormier", "Fortin",
    "Gagnon", "Gauthier", "LeBlanc", "Lavoie", "Morin", "Paquette", "Pelletier",
    "Roy", "Séguin", "Tremblay", "Diallo", "Fraser", "Smith",
)  # fmt: skip
PROVINCE_TIME_ZONES = {
    "NL": "America/St_Johns",
    "PE": "America/Halifax",
    "NS": "America/Halifax",
    "NB": "America/Moncton",
    "QC": "America/Toronto",
    "ON": "America/Toronto",
    "MB": "America/Winnipeg",
    "SK": "America/Regina",
    "AB": "America/Edmonton",
    "BC": "America/Vancouver",
    "YT": "America/Whitehorse",
    "NT": "America/Edmonton",
    "NU": "America/Iqaluit",
}
ORGANISATION_KINDS = {  # kind: (name prefix, weight)
    "cpe": ("CPE", 40),
    "home_office": ("Bureau coordonnateur", 8),
    "subsidised_daycare": ("Garderie subventionnée", 20),
    "private_daycare": ("Garderie", 15),
    "home_provider": ("Milieu familial", 12),
    "college": ("Collège", 1),
    "partner": ("Partenaire", 4),
}
JOB_ROLES = {
    "educator": 60,
    "home_provider": 12,
    "manager": 10,
    "pedagogy_lead": 6,
    "food_service_lead": 4,
    "advisor": 3,
    "researcher": 1,
    "partner": 2,
    "other": 2,
}


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
    import django

    django.setup()


def _split(total: int, weights: list[float]) -> list[int]:
    """``total`` split along ``weights``, every share at least 1, summing to total."""
    shares = [max(1, int(total * w / sum(weights))) for w in weights]
    shares[0] += total - sum(shares)
    return shares


def generate(scale: Scale, *, seed: int = 2026, log=print) -> dict[str, int]:
    """Insert a whole data set at ``scale``; return the row counts."""
    from django.contrib.auth.hashers import make_password
    from django.db import connection, transaction
    from django.utils import timezone

    from entraide.accounts.models import User
    from entraide.networks.models import (
        Membership,
        Network,
        Organisation,
        Province,
        Region,
        SubRegion,
    )
    from entraide.notifications.models import Notification

    rng = random.Random(seed)
    now = timezone.now()
    password = make_password(None)  # unusable: the bench signs in through a session
    counts = {"people": 0, "memberships": 0, "notifications": 0}

    # Network sizes follow a long tail: one large network, many small ones.
    sizes = _split(scale.people, [1 / (i + 1) for i in range(scale.networks)])
    org_counts = _split(scale.organisations, sizes)
    provinces = list(Province.values)

    with transaction.atomic():
        networks = Network.objects.bulk_create(
            Network(
                slug=f"reseau-{i + 1:02d}",
                name=f"Réseau {i + 1:02d} de la petite enfance",
                province=provinces[i % len(provinces)],
                time_zone=PROVINCE_TIME_ZONES[provinces[i % len(provinces)]],
            )
            for i in range(scale.networks)
        )
        regions = Region.objects.bulk_create(
            Region(network=network, name=f"Région {r + 1}", position=r)
            for network in networks
            for r in range(rng.randint(3, 10))
        )
        subregions = SubRegion.objects.bulk_create(
            (
                SubRegion(
                    region=region,
                    network_id=region.network_id,
                    name=f"Secteur {region.position + 1}-{s + 1}",
                    position=s,
                )
                for region in regions
                for s in range(rng.randint(2, 8))
            ),
            batch_size=BATCH,
        )
        subregions_of = {network.pk: [] for network in networks}
        for subregion in subregions:
            subregions_of[subregion.network_id].append(subregion.pk)
        kinds = list(ORGANISATION_KINDS)
        kind_weights = [weight for _prefix, weight in ORGANISATION_KINDS.values()]
        organisations = []
        for network, count in zip(networks, org_counts, strict=True):
            for _n in range(count):
                kind = rng.choices(kinds, kind_weights)[0]
                organisations.append(
                    Organisation(
                        network=network,
                        name=f"{ORGANISATION_KINDS[kind][0]} {len(organisations):05d}",
                        kind=kind,
                        subregion_id=rng.choice(subregions_of[network.pk]),
                    )
                )
        Organisation.objects.bulk_create(organisations, batch_size=BATCH)
        orgs_of = {network.pk: [] for network in networks}
        for organisation in organisations:
            orgs_of[organisation.network_id].append(
                (organisation.pk, organisation.subregion_id)
            )
        counts = {
            "networks": len(networks),
            "regions": len(regions),
            "subregions": len(subregions),
            "organisations": len(organisations),
            **counts,
        }
        log(
            f"{len(networks)} networks, {len(regions)} regions, "
            f"{len(subregions)} sub-regions, {len(organisations)} organisations"
        )

        job_roles, job_weights = list(JOB_ROLES), list(JOB_ROLES.values())

        def person(email: str, network) -> User:
            return User(
                email=email,
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                job_role=rng.choices(job_roles, job_weights)[0],
                language="en" if rng.random() < 0.1 else "fr-ca",
                time_zone=network.time_zone,
                password=password,
                date_joined=now,
            )

        def membership(user_id: int, network, role: str = "member") -> Membership:
            organisation_id, subregion_id = rng.choice(orgs_of[network.pk])
            return Membership(
                network=network,
                user_id=user_id,
                role=role,
                organisation_id=organisation_id,
                subregion_id=subregion_id,
                joined_at=now,
            )

        def notifications(user_id: int, network, count: int, unread: float):
            return [
                Notification(
                    recipient_id=user_id,
                    network=network,
                    kind="networks.joined",
                    context={"network": network.name},
                    url=f"/r/{network.slug}/",
                    read_at=None if rng.random() < unread else now,
                )
                for _ in range(count)
            ]

        bench_user = User.objects.create(
            email=BENCH_EMAIL,
            first_name="Banc",
            last_name="D'essai",
            job_role="educator",
            password=password,
        )
        Membership.objects.bulk_create(
            membership(bench_user.pk, network) for network in networks[:3]
        )
        Notification.objects.bulk_create(
            notifications(bench_user.pk, networks[0], scale.bench_notifications, 0.1)
        )
        counts["people"] += 1
        counts["memberships"] += min(3, len(networks))
        counts["notifications"] += scale.bench_notifications

        number = 0
        members_of = {network.pk: [] for network in networks}
        for network, size in zip(networks, sizes, strict=True):
            roles = ["project_lead", "admin", "admin"] + ["management"] * max(
                1, size // 500
            )
            for start in range(0, size, CHUNK):
                users = User.objects.bulk_create(
                    (
                        person(f"p{number + i:06d}@{DOMAIN}", network)
                        for i in range(min(CHUNK, size - start))
                    ),
                    batch_size=BATCH,
                )
                number += len(users)
                members_of[network.pk].extend(user.pk for user in users)
                rows = []
                for i, user in enumerate(users):
                    role = roles[start + i] if start + i < len(roles) else "member"
                    rows.append(membership(user.pk, network, role))
                    if len(networks) > 1 and rng.random() < scale.second_network_share:
                        other = rng.choice([n for n in networks if n is not network])
                        rows.append(membership(user.pk, other))
                Membership.objects.bulk_create(rows, batch_size=BATCH)
                notes = []
                for user in users:
                    count = rng.randint(0, 2 * scale.notifications_per_person)
                    notes += notifications(user.pk, network, count, 0.3)
                Notification.objects.bulk_create(notes, batch_size=BATCH)
                counts["people"] += len(users)
                counts["memberships"] += len(rows)
                counts["notifications"] += len(notes)
            log(f"{network.slug}: {size} people")
        generate_communities(
            scale, rng, networks, sizes, members_of, bench_user, now, counts, log
        )
        generate_practices(
            scale, rng, networks[0], members_of, bench_user, now, counts, log
        )
        generate_library(scale, rng, networks[0], members_of, now, counts, log)
        generate_plan(rng, networks[0], members_of, now, counts, log)
        generate_survey(scale, rng, networks[0], members_of, now, counts, log)
        if len(networks) > 1:
            generate_search_sheets(scale, rng, networks[1], members_of, now, counts)

    from entraide.search.services import rebuild

    started = time.monotonic()
    counts["search_entries"] = sum(rebuild().values())
    log(
        f"search index: {counts['search_entries']} entries in "
        f"{time.monotonic() - started:.1f} s"
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return counts


def generate_communities(
    scale, rng, networks, sizes, members_of, bench_user, now, counts, log
) -> None:
    """Communities with members, threads and replies; one bench community.

    The bench person belongs to ``communaute-banc`` of the largest network, with
    BENCH_THREADS threads, the newest of which has BENCH_REPLIES replies.
    """
    from datetime import timedelta

    from entraide.communities.models import Community, CommunityMembership
    from entraide.discussions.models import Reply, Thread

    body = (
        "Bonjour à toutes, comment organisez-vous la transition vers la sieste "
        "quand les enfants arrivent de la cour? Nous cherchons des idées simples."
    )
    shares = _split(scale.communities, sizes)
    communities = []
    for network, count in zip(networks, shares, strict=True):
        for c in range(count):
            communities.append(
                Community(
                    network=network,
                    slug=f"communaute-{c + 1:04d}",
                    name=f"Communauté de pratique {c + 1:04d}",
                    kind="practice",
                    visibility=rng.choice(["network", "members"]),
                    join_policy=rng.choice(["open", "request"]),
                    mandate="Partager nos pratiques et bâtir des outils ensemble.",
                    welcome_message="Bienvenue! Présentez-vous dans la discussion.",
                )
            )
    communities.append(
        Community(
            network=networks[0],
            slug=BENCH_COMMUNITY,
            name="Communauté de pratique du banc d'essai",
            kind="practice",
            visibility="members",
            join_policy="request",
            mandate="Mesurer les pages d'une communauté très active.",
            welcome_message="Bienvenue dans la communauté du banc d'essai.",
        )
    )
    Community.objects.bulk_create(communities, batch_size=BATCH)
    memberships, threads = [], []
    for community in communities:
        pool = members_of[community.network_id]
        bench = community.slug == BENCH_COMMUNITY
        size = (
            BENCH_MEMBERS if bench else rng.randint(5, 2 * scale.members_per_community)
        )
        chosen = rng.sample(pool, min(size, len(pool)))
        if bench:
            chosen = [bench_user.pk, *[pk for pk in chosen if pk != bench_user.pk]]
        memberships += [
            CommunityMembership(
                community=community,
                user_id=pk,
                role="facilitator" if i == 1 else "member",
                joined_at=now,
            )
            for i, pk in enumerate(chosen)
        ]
        count = (
            BENCH_THREADS if bench else rng.randint(0, 2 * scale.threads_per_community)
        )
        for t in range(count):
            threads.append(
                Thread(
                    community=community,
                    author_id=rng.choice(chosen),
                    kind=rng.choice(["question", "sharing", "announcement"]),
                    title=f"Sujet {t + 1} : la transition vers la sieste",
                    body=body,
                    last_activity_at=now - timedelta(minutes=t),
                )
            )
    CommunityMembership.objects.bulk_create(memberships, batch_size=BATCH)
    Thread.objects.bulk_create(threads, batch_size=BATCH)
    members_in = {}
    for membership in memberships:
        members_in.setdefault(membership.community_id, []).append(membership.user_id)
    replies, bench_community = [], communities[-1]
    for thread in threads:
        bench = thread.community_id == bench_community.pk and thread.title.startswith(
            "Sujet 1 :"
        )
        count = BENCH_REPLIES if bench else rng.randint(0, 2 * scale.replies_per_thread)
        thread.reply_count = count
        replies += [
            Reply(
                thread=thread,
                author_id=rng.choice(members_in[thread.community_id]),
                body="Chez nous, une chanson douce et une routine de trois étapes.",
            )
            for _ in range(count)
        ]
        if len(replies) >= CHUNK:
            Reply.objects.bulk_create(replies, batch_size=BATCH)
            counts["replies"] = counts.get("replies", 0) + len(replies)
            replies = []
    Reply.objects.bulk_create(replies, batch_size=BATCH)
    counts["replies"] = counts.get("replies", 0) + len(replies)
    Thread.objects.bulk_update(threads, ["reply_count"], batch_size=BATCH)
    generate_sessions(rng, bench_community, members_in[bench_community.pk], now, counts)
    counts["communities"] = len(communities)
    counts["community_memberships"] = len(memberships)
    counts["threads"] = len(threads)
    log(
        f"{len(communities)} communities, {len(memberships)} community memberships, "
        f"{len(threads)} threads, {counts['replies']} replies"
    )


PRACTICE_TITLES = (
    "Chanson du rangement pour les éducatrices et les trottineurs",
    "Jeu libre en forêt toute l'année",
    "Accueillir un enfant autiste au groupe",
    "Journal de bord photo pour les familles",
    "Collation préparée par les enfants",
    "Accueil et mentorat des nouvelles éducatrices",
)


def generate_practices(
    scale, rng, network, members_of, bench_user, now, counts, log
) -> None:
    """Sheets of the largest network at every step, most of them published (one
    per 50 people: 2,000 at national scale), with their search text folded; the
    bench person sits on both committees, so their queues can be measured."""
    from datetime import timedelta

    from entraide.communities.models import Community, CommunityMembership
    from entraide.practices.models import (
        InterventionZone,
        PracticeSheet,
        PracticeTheme,
        SheetState,
        SheetVersion,
    )
    from entraide.practices.search import fold

    zones = InterventionZone.objects.bulk_create(
        [InterventionZone(network=network, name=f"Zone {i + 1}") for i in range(4)]
    )
    themes = PracticeTheme.objects.bulk_create(
        [PracticeTheme(network=network, name=f"Thème {i + 1}") for i in range(6)]
    )
    subregions = list(network.subregions.all())
    authors = members_of[network.pk]
    for kind, slug, name in (
        ("regional_committee", "comite-regional", "Comité régional"),
        ("scientific_committee", "comite-scientifique", "Comité scientifique"),
    ):
        committee = Community.objects.create(
            network=network,
            slug=slug,
            name=name,
            kind=kind,
            visibility="members",
            join_policy="invitation",
        )
        CommunityMembership.objects.create(
            community=committee, user=bench_user, joined_at=now
        )
    states = [SheetState.PUBLISHED] * 6 + [
        SheetState.SUBMITTED,
        SheetState.RETAINED,
        SheetState.SENT_TO_SCIENTIFIC,
        SheetState.DRAFT,
    ]
    summary = "Les éducatrices préparent les enfants à la transition en chantant."
    sheets = []
    for i in range(max(scale.people // 50, 10)):
        state = rng.choice(states)
        published = state == SheetState.PUBLISHED
        sheets.append(
            PracticeSheet(
                network=network,
                author_id=rng.choice(authors),
                subregion=rng.choice(subregions) if subregions else None,
                zone=rng.choice(zones),
                age_group=rng.choice(["0_18m", "18m_3", "3_5", "all"]),
                setting=rng.choice(["installation", "home", "both"]),
                state=state,
                scope=rng.choice(["network", "provincial", "public"])
                if published
                else "",
                published_at=now - timedelta(hours=i) if published else None,
                search_text=fold(f"{PRACTICE_TITLES[i % 6]} {i} {summary}"),
            )
        )
    PracticeSheet.objects.bulk_create(sheets, batch_size=BATCH)
    versions = SheetVersion.objects.bulk_create(
        [
            SheetVersion(
                sheet=sheet,
                number=1,
                title=f"{PRACTICE_TITLES[i % 6]} {i}",
                summary=summary,
                steps="1. Annoncer.\n2. Chanter.\n3. Ranger ensemble.",
            )
            for i, sheet in enumerate(sheets)
        ],
        batch_size=BATCH,
    )
    for sheet, version in zip(sheets, versions, strict=True):
        sheet.current_version = version
        if sheet.state == SheetState.PUBLISHED:
            sheet.published_version = version
    PracticeSheet.objects.bulk_update(
        sheets, ["current_version", "published_version"], batch_size=BATCH
    )
    PracticeSheet.themes.through.objects.bulk_create(
        [
            PracticeSheet.themes.through(
                practicesheet=sheet, practicetheme=themes[i % len(themes)]
            )
            for i, sheet in enumerate(sheets)
        ],
        batch_size=BATCH,
    )
    counts["practice_sheets"] = len(sheets)
    log(f"{len(sheets)} practice sheets in {network.slug}")


SEARCH_SUMMARIES = (
    "Les éducatrices préparent les enfants à la transition en chantant.",
    "Sortir jouer dehors chaque jour, même en hiver, avec des vêtements adaptés.",
    "Un menu équilibré préparé avec les familles et la responsable de l'alimentation.",
    "Observer le jeu symbolique des trottineurs et noter leurs progrès.",
    "Accueillir chaque famille le matin avec un mot sur la nuit de l'enfant.",
    "La gestionnaire soutient la rétention du personnel éducateur qualifié.",
    "Des routines visuelles pour les transitions entre les activités.",
    "Une causerie hebdomadaire sur les émotions et la résolution de conflits.",
)


SEARCH_CONTEXTS = (
    "Dans notre installation, plusieurs enfants arrivaient tôt et attendaient "
    "longtemps avant le début des activités.",
    "Les éducatrices du groupe des poupons constataient des pleurs fréquents au "
    "moment du dîner.",
    "Le milieu familial accueille six enfants de 18 mois à 5 ans dans un espace "
    "restreint.",
    "La direction souhaitait mieux soutenir les nouvelles éducatrices pendant "
    "leurs premières semaines.",
    "Les familles demandaient plus de nouvelles de la journée de leur enfant.",
    "L'équipe voulait offrir plus de jeu actif malgré une cour de petite taille.",
    "Des enfants allophones arrivaient au groupe sans connaître le français.",
    "Le comité de parents avait relevé un besoin d'information sur l'alimentation.",
    "Les transitions entre les routines créaient de l'agitation dans le groupe.",
    "Une éducatrice a proposé d'essayer cette pratique après une formation régionale.",
)
SEARCH_STEPS = (
    "Présenter la pratique à l'équipe lors d'une rencontre pédagogique.",
    "Observer les enfants pendant une semaine et noter ce qui fonctionne.",
    "Préparer le matériel avec les enfants et l'installer à leur hauteur.",
    "Informer les familles par une note et une photo dans le journal de bord.",
    "Ajuster l'horaire de la journée pour laisser plus de temps au jeu libre.",
    "Faire un retour en équipe après un mois et consigner les ajustements.",
    "Inviter la conseillère pédagogique à observer une période de jeu.",
    "Adapter l'activité aux poupons en simplifiant les consignes.",
    "Chanter une comptine connue pour annoncer chaque transition.",
    "Prévoir un coin calme où un enfant peut se retirer quelques minutes.",
    "Afficher les pictogrammes de la routine près de la porte du local.",
    "Partager les observations avec la responsable du soutien pédagogique.",
)
SEARCH_RESOURCES = (
    "Un bac de matériel recyclé, des foulards et quelques instruments de musique.",
    "Le programme éducatif Accueillir la petite enfance, chapitre sur le jeu.",
    "Des pictogrammes imprimés et plastifiés par l'équipe.",
    "Une heure de libération par mois pour la rencontre d'équipe.",
    "Le soutien de la conseillère pédagogique du bureau coordonnateur.",
    "Des vêtements de rechange et des bottes pour chaque enfant.",
    "Un cahier de communication partagé avec les familles.",
    "Une grille d'observation simple remplie pendant la semaine.",
)
SEARCH_RESULTS = (
    "Les enfants participent davantage et les conflits ont diminué.",
    "Les familles disent mieux comprendre la journée de leur enfant.",
    "Les nouvelles éducatrices se sentent plus en confiance après un mois.",
    "Les transitions sont plus calmes et plus courtes qu'avant.",
    "Les poupons s'endorment plus facilement après le dîner.",
    "L'équipe a adopté la pratique dans les quatre groupes de l'installation.",
    "Les enfants nomment davantage leurs émotions pendant la causerie.",
    "La pratique demande du temps au début, puis devient une habitude.",
)
TITLE_ENDINGS = (
    "",
    " au quotidien",
    " en milieu familial",
    " avec les poupons",
    " pour les 3 à 5 ans",
    " : l'essai de notre équipe",
)


def _sentences(rng, bank, low, high) -> str:
    return " ".join(rng.sample(bank, rng.randint(low, high)))


def generate_search_sheets(scale, rng, network, members_of, now, counts) -> None:
    """Published sheets of the second network (every scope) up to
    ``scale.search_sheets`` sheets in all: what the search is measured on.
    Each has the five parts of a real sheet (about 1,000–1,500 characters);
    their words vary so that a word matches from none or a few of them to
    nearly all (« éducatrices », « enfants »)."""
    from datetime import timedelta

    from entraide.practices.models import PracticeSheet, SheetState, SheetVersion

    total = scale.search_sheets - counts.get("practice_sheets", 0)
    if total <= 0:
        return
    authors = members_of[network.pk]
    sheets = [
        PracticeSheet(
            network=network,
            author_id=rng.choice(authors),
            age_group=rng.choice(["0_18m", "18m_3", "3_5", "all"]),
            setting=rng.choice(["installation", "home", "both"]),
            state=SheetState.PUBLISHED,
            scope=rng.choice(["network", "provincial", "public"]),
            published_at=now - timedelta(minutes=i),
        )
        for i in range(total)
    ]
    PracticeSheet.objects.bulk_create(sheets, batch_size=BATCH)
    versions = SheetVersion.objects.bulk_create(
        [
            SheetVersion(
                sheet=sheet,
                number=1,
                title=f"{PRACTICE_TITLES[i % 6]}{TITLE_ENDINGS[i % 5]} {i}",
                summary=" ".join(
                    [
                        SEARCH_SUMMARIES[rng.randrange(len(SEARCH_SUMMARIES))],
                        "La pratique a été essayée par une équipe du réseau.",
                    ]
                ),
                context_need=_sentences(rng, SEARCH_CONTEXTS, 2, 4),
                steps="\n".join(
                    f"{n}. {step}"
                    for n, step in enumerate(rng.sample(SEARCH_STEPS, 6), start=1)
                ),
                resources=_sentences(rng, SEARCH_RESOURCES, 2, 4),
                results=_sentences(rng, SEARCH_RESULTS, 2, 4),
            )
            for i, sheet in enumerate(sheets)
        ],
        batch_size=BATCH,
    )
    for sheet, version in zip(sheets, versions, strict=True):
        sheet.current_version = version
        sheet.published_version = version
    PracticeSheet.objects.bulk_update(
        sheets, ["current_version", "published_version"], batch_size=BATCH
    )
    counts["practice_sheets"] = counts.get("practice_sheets", 0) + total


TOOL_TITLES = (
    ("template", "Gabarit de menu pour les éducatrices"),
    ("observation_grid", "Grille d'observation du jeu extérieur"),
    ("poster", "Affiche du lavage des mains"),
    ("checklist", "Liste d'accueil d'une nouvelle éducatrice"),
    ("guide", "Guide de communication avec les familles"),
    ("training", "Atelier sur l'inclusion"),
)


def generate_library(scale, rng, network, members_of, now, counts, log) -> None:
    """Tools of the largest network (one per 50 people: 2,000 at national scale),
    most of them published at every scope, with their search text folded the way
    ``library.search.tool_search_text`` does (kind, title, description, theme)."""
    from datetime import timedelta

    from django.utils import translation

    from entraide.communities.models import Community
    from entraide.library.models import Tool, ToolKind, ToolStatus, ToolVersion
    from entraide.practices.models import PracticeTheme
    from entraide.practices.search import fold

    themes = list(PracticeTheme.objects.filter(network=network).order_by("pk"))
    communities = list(
        Community.objects.filter(network=network, kind="practice").values_list(
            "pk", flat=True
        )
    ) or [None]
    authors = members_of[network.pk]
    statuses = [ToolStatus.PUBLISHED] * 7 + [
        ToolStatus.IN_PROGRESS,
        ToolStatus.VALIDATED,
        ToolStatus.ARCHIVED,
    ]
    description = "Un outil co-construit par la communauté, prêt à imprimer."
    with translation.override("fr"):
        kinds = {value: str(label) for value, label in ToolKind.choices}
    tools, titles = [], []
    for i in range(max(scale.people // 50, 10)):
        kind, base = TOOL_TITLES[i % len(TOOL_TITLES)]
        status = rng.choice(statuses)
        published = status == ToolStatus.PUBLISHED
        title = f"{base} {i}"
        theme = themes[i % len(themes)].name if themes else ""
        tools.append(
            Tool(
                network=network,
                community_id=rng.choice(communities),
                created_by_id=rng.choice(authors),
                kind=kind,
                age_group=rng.choice(["", "0_18m", "18m_3", "3_5", "all"]),
                audience_job_roles=rng.choice([[], ["educator"], ["manager"]]),
                status=status,
                scope=rng.choice(["network", "public", "community"])
                if published
                else "",
                published_at=now - timedelta(hours=i) if published else None,
                download_count=rng.randint(0, 500),
                use_count=rng.randint(0, 40),
                search_text=fold(f"{kinds[kind]} {title} {description} {theme}"),
            )
        )
        titles.append(title)
    Tool.objects.bulk_create(tools, batch_size=BATCH)
    versions = ToolVersion.objects.bulk_create(
        [
            ToolVersion(
                tool=tool,
                number=1,
                title=title,
                description=description,
                body="## Comment l'utiliser\n\n1. Imprimer.\n2. Essayer en équipe.",
            )
            for tool, title in zip(tools, titles, strict=True)
        ],
        batch_size=BATCH,
    )
    for tool, version in zip(tools, versions, strict=True):
        tool.current_version = version
        if tool.status == ToolStatus.PUBLISHED:
            tool.published_version = version
    Tool.objects.bulk_update(
        tools, ["current_version", "published_version"], batch_size=BATCH
    )
    if themes:
        Tool.themes.through.objects.bulk_create(
            [
                Tool.themes.through(tool=tool, practicetheme=themes[i % len(themes)])
                for i, tool in enumerate(tools)
            ],
            batch_size=BATCH,
        )
    counts["tools"] = len(tools)
    log(f"{len(tools)} tools in {network.slug}")


def generate_plan(rng, network, members_of, now, counts, log) -> None:
    """An action plan for the largest network: 10 mandates, 200 actions at every
    status, indicators of every kind, a history row and a follow-up note per action."""
    import datetime

    from entraide.communities.models import Community
    from entraide.plans.models import (
        Action,
        ActionUpdate,
        FollowUpNote,
        Indicator,
        IndicatorKind,
        IndicatorMeasure,
        Mandate,
        Objective,
        Plan,
        Target,
    )

    today = now.date()
    start = (
        today.replace(month=7, day=1)
        if today.month >= 7
        else today.replace(year=today.year - 1, month=7, day=1)
    )
    end = start.replace(year=start.year + 2) - datetime.timedelta(days=1)
    plan = Plan.objects.create(
        network=network,
        title="Plan d'action régional",
        period_start=start,
        period_end=end,
        status="active",
    )
    communities = list(Community.objects.filter(network=network).order_by("pk")[:20])
    subregions = list(network.subregions.order_by("pk"))
    people = members_of[network.pk]
    statuses = ["not_started", "in_progress", "in_progress", "done", "cancelled"]
    kinds = ["months", "months", "dates", "ongoing", "moment"]
    actions, indicators = [], []
    for m in range(10):
        mandate = Mandate.objects.create(plan=plan, title=f"Mandat {m + 1}", position=m)
        for o in range(2):
            objective = Objective.objects.create(
                mandate=mandate, title=f"Objectif {m + 1}.{o + 1}", position=o
            )
            target = Target.objects.create(
                objective=objective, expected_result="Le résultat attendu."
            )
            for a in range(10):
                kind = kinds[a % len(kinds)]
                first = start + datetime.timedelta(days=30 * rng.randrange(0, 18))
                actions.append(
                    Action(
                        plan=plan,
                        target=target,
                        description=f"Action {m + 1}.{o + 1}.{a + 1}",
                        schedule_kind=kind,
                        starts_on=first if kind != "moment" else None,
                        ends_on=first + datetime.timedelta(days=rng.randrange(20, 200))
                        if kind in ("months", "dates")
                        else None,
                        schedule_note="Dès sortie des résultats"
                        if kind == "moment"
                        else "",
                        status=rng.choice(statuses),
                        progress=rng.randrange(0, 101, 10),
                        position=a,
                    )
                )
            # A survey's response rate comes with the bench survey.
            kinds_here = [
                k
                for k in IndicatorKind.values
                if k != IndicatorKind.SURVEY_RESPONSE_RATE
            ]
            for i, ind_kind in enumerate(kinds_here):
                indicators.append(
                    Indicator(
                        plan=plan,
                        target=target,
                        name=f"Indicateur {ind_kind} {m + 1}.{o + 1}",
                        kind=ind_kind,
                        # Sheets are counted by sub-region, the others by community.
                        community=rng.choice(communities)
                        if communities and ind_kind != "sheets_gathered"
                        else None,
                        subregion=rng.choice(subregions)
                        if ind_kind == "sheets_gathered" and subregions
                        else None,
                        period_start=start,
                        period_end=end,
                        goal_min=3,
                        goal_max=4,
                        position=i,
                    )
                )
    Action.objects.bulk_create(actions, batch_size=BATCH)
    Indicator.objects.bulk_create(indicators, batch_size=BATCH)
    Action.responsible_people.through.objects.bulk_create(
        [
            Action.responsible_people.through(action=action, user_id=rng.choice(people))
            for action in actions
        ],
        batch_size=BATCH,
    )
    if communities:
        Action.responsible_communities.through.objects.bulk_create(
            [
                Action.responsible_communities.through(
                    action=action, community=rng.choice(communities)
                )
                for action in actions
            ],
            batch_size=BATCH,
        )
    ActionUpdate.objects.bulk_create(
        [
            ActionUpdate(
                action=action,
                actor_id=rng.choice(people),
                from_status="not_started",
                to_status=action.status,
                to_progress=action.progress,
                created_at=now - datetime.timedelta(days=rng.randrange(0, 90)),
            )
            for action in actions
        ],
        batch_size=BATCH,
    )
    notes = FollowUpNote.objects.bulk_create(
        [
            FollowUpNote(
                action=action,
                subregion=rng.choice(subregions),
                author_id=rng.choice(people),
                text="Suivi de la sous-région.",
                impacts="Des équipes mobilisées.",
            )
            for action in actions
            if subregions
        ],
        batch_size=BATCH,
    )
    IndicatorMeasure.objects.bulk_create(
        [
            IndicatorMeasure(
                indicator=ind, value=rng.randrange(0, 5), measured_on=today
            )
            for ind in indicators
            if ind.kind == "manual"
        ],
        batch_size=BATCH,
    )
    counts["plan_actions"] = len(actions)
    counts["plan_indicators"] = len(indicators)
    counts["plan_follow_ups"] = len(notes)
    log(f"{len(actions)} plan actions in {network.slug}")


def generate_survey(scale, rng, network, members_of, now, counts, log) -> None:
    """An open anonymous survey of the whole largest network: every member invited,
    a third reminded, one response in four sent (at most 5,000), the plan following
    its response rate."""
    import datetime

    from entraide.accounts.models import User
    from entraide.networks.models import Membership
    from entraide.plans.models import Indicator, Plan
    from entraide.surveys.models import (
        Answer,
        Invitation,
        Mailing,
        Participation,
        Question,
        Response,
        Section,
        Survey,
    )

    survey = Survey.objects.create(
        network=network,
        title="Sondage des besoins du réseau",
        audience="network",
        is_anonymous=True,
        status="open",
        opens_at=now - datetime.timedelta(days=10),
        closes_at=now + datetime.timedelta(days=20),
    )
    section = Section.objects.create(survey=survey, title="Vos besoins")
    themes = [f"Thème {n}" for n in range(1, 7)]
    questions = [
        Question.objects.create(
            section=section, survey=survey, kind=kind, text=text, position=i, **more
        )
        for i, (kind, text, more) in enumerate(
            [
                (
                    "single",
                    "Participez-vous à une communauté ?",
                    {"options": ["Oui", "Non"]},
                ),
                ("multiple", "Quels moments ?", {"options": ["Matin", "Midi", "Soir"]}),
                ("scale", "Votre aisance en ligne", {}),
                ("ranking", "Classez les thèmes", {"options": themes}),
                ("number", "Années d'expérience", {}),
                ("long_text", "Un besoin à nommer ?", {}),
            ]
        )
    ]
    people = members_of[network.pk]
    where = dict(
        Membership.objects.filter(network=network).values_list("user", "subregion")
    )
    roles = dict(User.objects.filter(pk__in=people).values_list("pk", "job_role"))
    invitation = Mailing.objects.create(
        survey=survey, kind="invitation", created_at=now, completed_at=now
    )
    reminder = Mailing.objects.create(
        survey=survey, kind="reminder", created_at=now, completed_at=now
    )
    Invitation.objects.bulk_create(
        [Invitation(mailing=invitation, user_id=pk) for pk in people]
        + [Invitation(mailing=reminder, user_id=pk) for pk in people[::3]],
        batch_size=BATCH,
    )
    answering = people[::4][:5000]
    Participation.objects.bulk_create(
        [Participation(survey=survey, user_id=pk) for pk in answering],
        batch_size=BATCH,
    )
    responses = Response.objects.bulk_create(
        [
            Response(
                survey=survey,
                subregion_id=where.get(pk),
                job_role=roles.get(pk, ""),
                submitted_on=now.date(),
            )
            for pk in answering
        ],
        batch_size=BATCH,
    )
    single, multiple, scale_q, ranking, number, text = questions
    answers = []
    for response in responses:
        order = rng.sample(themes, len(themes))
        answers += [
            Answer(
                response=response, question=single, value=rng.choice(["Oui", "Non"])
            ),
            Answer(response=response, question=multiple, value=["Matin", "Soir"]),
            Answer(response=response, question=scale_q, value=rng.randint(1, 5)),
            Answer(response=response, question=ranking, value=order),
            Answer(response=response, question=number, value=rng.randint(0, 30)),
        ]
        if rng.random() < 0.2:
            answers.append(
                Answer(response=response, question=text, value="Du temps pour se voir.")
            )
        if len(answers) >= CHUNK:
            Answer.objects.bulk_create(answers, batch_size=BATCH)
            answers = []
    Answer.objects.bulk_create(answers, batch_size=BATCH)
    plan = Plan.objects.filter(network=network).order_by("pk").first()
    if plan is not None:
        target = plan.indicators.order_by("pk").first().target
        Indicator.objects.create(
            plan=plan,
            target=target,
            name="Taux de réponse au sondage des besoins",
            kind="survey_rate",
            survey=survey,
            goal_min=60,
        )
    counts["survey_responses"] = len(responses)
    log(f"1 survey with {len(responses)} responses in {network.slug}")


def generate_sessions(rng, community, member_ids, now, counts) -> None:
    """A season of monthly sessions in the bench community, the next one full."""
    from datetime import timedelta

    from entraide.meetings.models import Registration, Session

    sessions = Session.objects.bulk_create(
        Session(
            community=community,
            title=f"Rencontre mensuelle {month + 1}",
            theme="Les transitions",
            description="Échanges sur les **transitions** et outils à partager.",
            starts_at=now + timedelta(days=30 * (month - 4)),
            duration_minutes=90,
            format="virtual",
            video_url="https://visio.example.org/banc",
            capacity=BENCH_SEATS,
            status="held" if month < 4 else "confirmed",
        )
        for month in range(10)
    )
    upcoming = sessions[4]
    Registration.objects.bulk_create(
        Registration(
            session=upcoming,
            user_id=user_id,
            status="registered" if i < BENCH_SEATS else "waitlisted",
        )
        for i, user_id in enumerate(member_ids[: BENCH_SEATS + 20])
    )
    counts["sessions"] = len(sessions)
    generate_session_records(community, sessions, member_ids, now, counts)


def generate_session_records(community, sessions, member_ids, now, counts) -> None:
    """The season's themes, agendas, attendance, minutes and open follow-ups.

    Past sessions are held with 100 people present, published minutes and six
    follow-ups each (24 still open on the next session's page); the next session
    has a 12-point agenda. The bench person attended all four and has calendar feeds.
    """
    import secrets
    from datetime import date

    from entraide.meetings.models import (
        AgendaItem,
        Attendance,
        CalendarFeed,
        Decision,
        FollowUp,
        Session,
        YearTheme,
    )
    from entraide.meetings.planning import current_season

    season = current_season(now.date(), 9)
    YearTheme.objects.bulk_create(
        YearTheme(
            community=community, season=season, title=f"Thème {i + 1}", position=i
        )
        for i in range(10)
    )
    past, upcoming = sessions[:4], sessions[4]
    AgendaItem.objects.bulk_create(
        AgendaItem(
            session=session,
            title=f"Point {i + 1} : retour sur les pratiques",
            description="Tour de table et **échanges** sur les outils essayés.",
            duration_minutes=10,
            presenter_id=member_ids[i % len(member_ids)],
            position=i,
        )
        for session in [*past, upcoming]
        for i in range(12)
    )
    present = member_ids[:BENCH_SEATS]
    Attendance.objects.bulk_create(
        (
            Attendance(session=session, user_id=user_id, status="present")
            for session in past
            for user_id in present
        ),
        batch_size=BATCH,
    )
    Session.objects.filter(pk__in=[s.pk for s in past]).update(
        minutes="Compte rendu : **échanges** riches sur les transitions.",
        minutes_published_at=now,
    )
    Decision.objects.bulk_create(
        Decision(session=session, text=f"Décision {i + 1}", position=i)
        for session in past
        for i in range(3)
    )
    FollowUp.objects.bulk_create(
        FollowUp(
            session=session,
            description=f"Suivi {i + 1} de la rencontre",
            assignee_id=member_ids[i % len(member_ids)],
            due_on=date(2031, 1, 1),
            status="open",
        )
        for session in past
        for i in range(6)
    )
    bench_user = member_ids[0]
    CalendarFeed.objects.bulk_create(
        [
            CalendarFeed(user_id=bench_user, token=secrets.token_urlsafe(32)),
            CalendarFeed(
                user_id=bench_user,
                community=community,
                token=secrets.token_urlsafe(32),
            ),
        ]
    )
    counts["attendances"] = len(past) * len(present)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=SCALES, default="small")
    args = parser.parse_args()
    setup_django()
    from entraide.accounts.models import User

    if User.objects.exists():
        sys.exit("The database already holds people: bench/run.sh makes a fresh one.")
    started = time.monotonic()
    counts = generate(SCALES[args.scale])
    seconds = time.monotonic() - started
    print(", ".join(f"{value:,} {name}" for name, value in counts.items()))
    print(f"GENERATED {args.scale} in {seconds:.1f} s")


if __name__ == "__main__":
    main()
