"""Puts the demo networks in the database: deterministic, idempotent and fast.

Every row is found again by its natural key (network slug, region and organisation
names, email), so a second run updates the same rows instead of adding new ones, and
the random choices come from one seeded generator, so every run plans the same data.
"""

import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import check_password, make_password
from django.db import transaction
from django.db.models import Model
from django.utils import timezone, translation

from entraide.accounts.models import JobRole, Language, User
from entraide.core.demo.accounts import DEMO_ACCOUNTS, DEMO_DOMAIN, DEMO_PASSWORD
from entraide.core.demo.networks import (
    ENGLISH_NAMES,
    NETWORKS,
    ORGANISATION_KINDS_BY_JOB_ROLE,
    NetworkSpec,
    RegionSpec,
)
from entraide.networks.models import (
    Membership,
    Network,
    NetworkRole,
    Organisation,
    Region,
    SubRegion,
)
from entraide.notifications import kinds
from entraide.notifications.models import Notification

SEED = 2026
# The start of a school year: people joined over the following months.
FIRST_JOINED = datetime(2024, 8, 26, 13, 0, tzinfo=UTC)

# Job roles from which a network's generated project leads, management and admins come.
ROLE_SOURCES = {
    NetworkRole.PROJECT_LEAD: (JobRole.PEDAGOGY_LEAD, JobRole.ADVISOR),
    NetworkRole.MANAGEMENT: (JobRole.MANAGER,),
    NetworkRole.ADMIN: (JobRole.ADVISOR, JobRole.OTHER, JobRole.MANAGER),
}


@dataclass
class PlannedMembership:
    network: str
    role: str
    organisation: str | None
    subregion: str | None
    joined_at: datetime


@dataclass
class PlannedPerson:
    email: str
    first_name: str
    last_name: str
    job_role: str
    language: str
    time_zone: str
    date_joined: datetime
    memberships: list[PlannedMembership] = field(default_factory=list)


@dataclass
class NetworkSummary:
    slug: str
    name: str
    regions: int
    subregions: int
    organisations: int
    people: int


def _ascii_slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9-]", "", text.lower().replace(" ", "-"))


class _Planner:
    """Plans every demo person from the specs; touches no database."""

    def __init__(self):
        self.rng = random.Random(SEED)
        self.emails = {account.email for account in DEMO_ACCOUNTS}
        self.full_names = {(a.first_name, a.last_name) for a in DEMO_ACCOUNTS}

    def people(self) -> list[PlannedPerson]:
        people = [self._demo_account(account) for account in DEMO_ACCOUNTS]
        for spec in NETWORKS:
            people += self._network_people(spec)
        return people

    def _joined(self) -> datetime:
        return FIRST_JOINED + timedelta(
            days=self.rng.randrange(0, 450), minutes=self.rng.randrange(0, 600)
        )

    def _demo_account(self, account) -> PlannedPerson:
        joined = FIRST_JOINED
        return PlannedPerson(
            email=account.email,
            first_name=account.first_name,
            last_name=account.last_name,
            job_role=account.job_role,
            language=account.language,
            time_zone=account.time_zone,
            date_joined=joined,
            memberships=[
                PlannedMembership(
                    m.network,
                    m.role,
                    m.organisation or None,
                    m.subregion or None,
                    joined,
                )
                for m in account.memberships
            ],
        )

    def _name(self, region: RegionSpec) -> tuple[str, str, bool]:
        """A first name and surname not used yet, and whether they are English."""
        pools = [pool for pool, _weight in region.name_pools]
        weights = [weight for _pool, weight in region.name_pools]
        for _attempt in range(50):
            pool = self.rng.choices(pools, weights)[0]
            name = (self.rng.choice(pool[0]), self.rng.choice(pool[1]))
            if name not in self.full_names:
                break
        self.full_names.add(name)
        return name[0], name[1], pool is ENGLISH_NAMES

    def _email(self, first_name: str, last_name: str) -> str:
        local = f"{_ascii_slug(first_name)}.{_ascii_slug(last_name)}"
        email, number = f"{local}@{DEMO_DOMAIN}", 1
        while email in self.emails:
            number += 1
            email = f"{local}{number}@{DEMO_DOMAIN}"
        self.emails.add(email)
        return email

    def _network_people(self, spec: NetworkSpec) -> list[PlannedPerson]:
        region_of = {
            sub.name: region for region in spec.regions for sub in region.subregions
        }
        time_zone_of = {
            sub.name: sub.time_zone
            for region in spec.regions
            for sub in region.subregions
        }
        job_roles = [
            role for role, count in spec.job_roles.items() for _ in range(count)
        ]
        self.rng.shuffle(job_roles)
        people = []
        for job_role in job_roles:
            kinds_ = ORGANISATION_KINDS_BY_JOB_ROLE[job_role]
            candidates = [o for o in spec.organisations if o.kind in kinds_]
            organisation = self.rng.choice(candidates)
            region = region_of[organisation.subregion]
            first_name, last_name, english = self._name(region)
            english = english or self.rng.random() < region.english_share
            joined = self._joined()
            people.append(
                PlannedPerson(
                    email=self._email(first_name, last_name),
                    first_name=first_name,
                    last_name=last_name,
                    job_role=job_role,
                    language=Language.ENGLISH if english else Language.FRENCH,
                    time_zone=time_zone_of[organisation.subregion],
                    date_joined=joined,
                    memberships=[
                        PlannedMembership(
                            spec.slug,
                            NetworkRole.MEMBER,
                            organisation.name,
                            organisation.subregion,
                            joined,
                        )
                    ],
                )
            )
        self._give_roles(spec, people)
        return people

    def _give_roles(self, spec: NetworkSpec, people: list[PlannedPerson]) -> None:
        wanted = {
            NetworkRole.PROJECT_LEAD: spec.project_leads,
            NetworkRole.MANAGEMENT: spec.management,
            NetworkRole.ADMIN: spec.admins,
        }
        for role, count in wanted.items():
            candidates = [
                m
                for person in people
                if person.job_role in ROLE_SOURCES[role]
                for m in person.memberships
                if m.role == NetworkRole.MEMBER
            ]
            for membership in self.rng.sample(candidates, count):
                membership.role = role


def _upsert(
    model: type[Model], rows: list[Model], existing, key, fields: list[str]
) -> list[Model]:
    """Create the rows whose key is new, update the others; return rows with pks."""
    known = {key(obj): obj.pk for obj in existing}
    new, old = [], []
    for row in rows:
        pk = known.get(key(row))
        if pk is None:
            new.append(row)
        else:
            row.pk = pk
            old.append(row)
    model.objects.bulk_create(new, batch_size=500)
    if old:
        model.objects.bulk_update(old, fields, batch_size=500)
    return rows


def _password_hash(emails: list[str]) -> str:
    """One hash for everyone: hashing 350 passwords with argon2 would take minutes.

    A second run keeps the stored hash when it still matches, so no row changes.
    """
    stored = (
        User.objects.filter(email__in=emails).values_list("password", flat=True).first()
    )
    if stored and check_password(DEMO_PASSWORD, stored):
        return stored
    return make_password(DEMO_PASSWORD)


def _load_territory(spec: NetworkSpec) -> tuple[Network, dict, dict]:
    network, _created = Network.objects.update_or_create(
        slug=spec.slug,
        defaults={
            "name": spec.name,
            "short_name": spec.short_name,
            "description": spec.description,
            "province": spec.province,
            "time_zone": spec.time_zone,
            "contact_email": spec.contact_email,
            "video_service_url": spec.video_service_url,
        },
    )
    regions = _upsert(
        Region,
        [
            Region(network=network, name=region.name, position=position)
            for position, region in enumerate(spec.regions)
        ],
        network.regions.all(),
        lambda r: r.name.lower(),
        ["position"],
    )
    subregion_rows = [
        SubRegion(region=region, network=network, name=sub.name, position=position)
        for region, region_spec in zip(regions, spec.regions, strict=True)
        for position, sub in enumerate(region_spec.subregions)
    ]
    subregions = {
        s.name: s
        for s in _upsert(
            SubRegion,
            subregion_rows,
            network.subregions.all(),
            lambda s: s.name.lower(),
            ["region", "position"],
        )
    }
    organisations = {
        o.name: o
        for o in _upsert(
            Organisation,
            [
                Organisation(
                    network=network,
                    name=org.name,
                    kind=org.kind,
                    subregion=subregions[org.subregion],
                    city=org.city,
                )
                for org in spec.organisations
            ],
            network.organisations.all(),
            lambda o: o.name.lower(),
            ["kind", "subregion", "city"],
        )
    }
    return network, subregions, organisations


def _load_people(
    people: list[PlannedPerson], places: dict[str, tuple[Network, dict, dict]]
) -> dict[str, User]:
    emails = [p.email for p in people]
    password = _password_hash(emails)
    users = _upsert(
        User,
        [
            User(
                email=p.email,
                first_name=p.first_name,
                last_name=p.last_name,
                job_role=p.job_role,
                language=p.language,
                time_zone=p.time_zone,
                date_joined=p.date_joined,
                password=password,
                is_active=True,
            )
            for p in people
        ],
        User.objects.filter(email__in=emails),
        lambda u: u.email,
        [
            "first_name",
            "last_name",
            "job_role",
            "language",
            "time_zone",
            "date_joined",
            "password",
            "is_active",
        ],
    )
    by_email = {u.email: u for u in users}
    _upsert(
        EmailAddress,
        [
            EmailAddress(user=u, email=u.email, verified=True, primary=True)
            for u in users
        ],
        EmailAddress.objects.filter(user__in=users),
        lambda e: (e.user_id, e.email.lower()),
        ["verified", "primary"],
    )
    memberships = []
    for person in people:
        for m in person.memberships:
            network, subregions, organisations = places[m.network]
            organisation = organisations[m.organisation] if m.organisation else None
            subregion = (
                organisation.subregion
                if organisation
                else subregions.get(m.subregion or "")
            )
            memberships.append(
                Membership(
                    network=network,
                    user=by_email[person.email],
                    role=m.role,
                    organisation=organisation,
                    subregion=subregion,
                    joined_at=m.joined_at,
                )
            )
    _upsert(
        Membership,
        memberships,
        Membership.objects.filter(user__in=users),
        lambda m: (m.network_id, m.user_id),
        ["role", "organisation", "subregion", "joined_at"],
    )
    return by_email


def _load_notifications(users: dict[str, User], networks: list[Network]) -> None:
    """A few past notifications so the demo accounts' bell is not empty.

    Written as rows, not through ``notify()``: they are backdated history, not news,
    and ``notify()`` would queue an email for each of them the moment the demo
    starts. The rows are what ``notify()`` itself records.
    """
    by_id = {n.pk: n for n in networks}
    lead_of = {
        m.network_id: m.user
        for m in Membership.objects.filter(
            network__in=networks, role=NetworkRole.PROJECT_LEAD
        ).select_related("user")
    }
    demo_users = [users[a.email] for a in DEMO_ACCOUNTS]
    existing = set(
        Notification.objects.filter(recipient__in=demo_users).values_list(
            "recipient_id", "kind", "network_id"
        )
    )
    now = timezone.now()
    new = []
    memberships = Membership.objects.filter(user__in=demo_users, network__in=networks)
    for membership in memberships.order_by("pk"):
        network = by_id[membership.network_id]
        user = next(u for u in demo_users if u.pk == membership.user_id)
        actor = lead_of.get(network.pk)
        with translation.override(user.language):
            role = str(membership.get_role_display())
        # Everyone has something unread: the welcome, or else the newer role change.
        has_role = membership.role != NetworkRole.MEMBER
        planned = [(kinds.NETWORK_JOINED, {}, now - timedelta(days=30), has_role)]
        if has_role:
            planned.append(
                (kinds.ROLE_CHANGED, {"role": role}, now - timedelta(days=2), False)
            )
        for kind, extra, when, read in planned:
            if (user.pk, kind.key, network.pk) in existing:
                continue
            new.append(
                (
                    Notification(
                        recipient=user,
                        network=network,
                        actor=actor if actor and actor.pk != user.pk else None,
                        kind=kind.key,
                        context={"network": network.name, **extra},
                        url=network.get_absolute_url(),
                        read_at=when if read else None,
                    ),
                    when,
                )
            )
    Notification.objects.bulk_create([n for n, _when in new])
    for notification, when in new:
        # created_at is auto_now_add: backdate after the insert.
        Notification.objects.filter(pk=notification.pk).update(created_at=when)


@transaction.atomic
def load_demo() -> list[NetworkSummary]:
    """Create or refresh the demo networks and people; return what they hold."""
    places = {spec.slug: _load_territory(spec) for spec in NETWORKS}
    users = _load_people(_Planner().people(), places)
    networks = [network for network, _subs, _orgs in places.values()]
    _load_notifications(users, networks)
    return [
        NetworkSummary(
            slug=network.slug,
            name=network.name,
            regions=network.regions.count(),
            subregions=network.subregions.count(),
            organisations=network.organisations.count(),
            people=network.memberships.count(),
        )
        for network in networks
    ]
