"""Test helpers: a real SMTP server, axe checks, people and networks."""

import email
import email.policy
import functools
import socket
import threading
from pathlib import Path

from aiosmtpd.controller import Controller
from django.contrib.auth.hashers import Argon2PasswordHasher

AXE_PATH = (
    Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
)
PASSWORD = "motdepasse-solide-2026"  # noqa: S105 (test people only)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]


class _Handler:
    def __init__(self, fixture):
        self.fixture = fixture

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(
            envelope.content, policy=email.policy.default
        )
        with self.fixture.lock:
            if self.fixture.refuse:
                return "451 4.3.0 Temporary failure, try again later"
            self.fixture.messages.append(message)
            self.fixture.envelopes.append((envelope.mail_from, list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"


class SMTPFixture:
    """An aiosmtpd server on loopback that keeps every message it accepts."""

    def __init__(self, port: int = 0):
        self.lock = threading.Lock()
        self.messages: list[email.message.EmailMessage] = []
        self.envelopes: list[tuple[str, list[str]]] = []
        self.refuse = False
        if not port:
            # aiosmtpd checks the server by connecting to its port: 0 would fail.
            with socket.socket() as probe:
                probe.bind(("127.0.0.1", 0))
                port = probe.getsockname()[1]
        self.controller = Controller(_Handler(self), hostname="127.0.0.1", port=port)

    def start(self):
        self.controller.start()

    def stop(self):
        self.controller.stop()

    @property
    def port(self) -> int:
        return self.controller.server.sockets[0].getsockname()[1]

    def clear(self):
        with self.lock:
            self.messages.clear()
            self.envelopes.clear()
            self.refuse = False

    def to(self, address: str) -> list:
        with self.lock:
            return [m for m in self.messages if address.lower() in m["To"].lower()]

    @staticmethod
    def body(message) -> str:
        part = message.get_body(preferencelist=("plain", "html"))
        return part.get_content() if part is not None else ""


@functools.cache
def _axe_source() -> str:
    return AXE_PATH.read_text(encoding="utf-8")


def assert_accessible(page, *, context: str = "") -> None:
    """Run axe-core (WCAG 2.0–2.2 A and AA) on the page; fail on any violation."""
    # Evaluated through the DevTools protocol: the page's CSP stays enforced.
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(_axe_source())
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: tags})", AXE_TAGS
    )
    violations = result["violations"]
    if violations:
        lines = [f"axe found {len(violations)} violation(s) on {page.url} {context}"]
        for violation in violations:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
            lines.append(f"- {violation['id']}: {violation['help']} → {targets}")
        raise AssertionError("\n".join(lines))


def sign_in(page, live_server, email: str, password: str = PASSWORD) -> None:
    """Sign in through the real login page as a person made by ``make_person``."""
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/comptes/login/")
    page.get_by_label("Courriel (obligatoire)", exact=True).fill(email)
    page.get_by_label("Mot de passe (obligatoire)", exact=True).fill(password)
    page.get_by_role("button", name="Connexion").click()
    page.wait_for_url(f"{live_server.url}/")


class FastArgon2PasswordHasher(Argon2PasswordHasher):
    """Argon2 at its smallest cost, for tests: the production algorithm and stored
    format, without a tenth of a second and 100 MB per person made."""

    time_cost = 1
    memory_cost = 64
    parallelism = 1


FAST_HASHERS = ["entraide.core.testing.FastArgon2PasswordHasher"]


def make_person(
    email_address: str,
    *,
    password: str = PASSWORD,
    **fields,
):
    """A person with a verified email who can sign in."""
    from allauth.account.models import EmailAddress

    from entraide.accounts.models import User

    fields.setdefault("first_name", email_address.split("@")[0].capitalize())
    fields.setdefault("last_name", "Test")
    user = User.objects.create_user(email_address, password, **fields)
    EmailAddress.objects.create(
        user=user, email=user.email, verified=True, primary=True
    )
    return user


def make_network(slug: str = "mcq", name: str = "Réseau Mauricie–Centre-du-Québec"):
    """A network with one region and two sub-regions."""
    from entraide.networks.models import Network, Region, SubRegion

    network = Network.objects.create(slug=slug, name=name, province="QC")
    region = Region.objects.create(network=network, name=f"Région {slug}")
    SubRegion.objects.create(region=region, name=f"Sous-région A {slug}")
    SubRegion.objects.create(region=region, name=f"Sous-région B {slug}")
    return network


def make_member(network, email_address: str, *, role: str = "member", **fields):
    from entraide.networks.models import Membership

    user = make_person(email_address, **fields)
    Membership.objects.create(network=network, user=user, role=role)
    return user


# --- Access matrix ----------------------------------------------------------------
# Every URL pattern of the project has rules in its app's ``tests/access.py``
# (a list named ``RULES``); tests/test_access_matrix.py walks them all for every role.

ROLES = (
    "anonymous",
    "member",
    "management",
    "project_lead",
    "admin",
    "other_network_admin",
    "community_member",
    "other_community_member",
    "facilitator",
    "regional_committee",
    "scientific_committee",
)

# Community roles are network members too: a rule that does not name them
# expects what it expects of a plain network member.
ROLE_FALLBACK = {
    "community_member": "member",
    "other_community_member": "member",
    "facilitator": "member",
    "regional_committee": "member",
    "scientific_committee": "member",
}


class World:
    """Two networks with one person per role, built once for the access matrix.

    Network A ("reseau-a") holds every role; network B ("reseau-b") has its own
    admin and its own objects, which nobody of A may reach.
    """

    def __init__(self):
        from entraide.networks.models import Organisation

        self.network = make_network("reseau-a", "Réseau A")
        self.other_network = make_network("reseau-b", "Réseau B")
        self.people = {"anonymous": None}
        for role in ("member", "management", "project_lead", "admin"):
            self.people[role] = make_member(
                self.network, f"{role.replace('_', '-')}@a.example", role=role
            )
        self.people["other_network_admin"] = make_member(
            self.other_network, "admin@b.example", role="admin"
        )
        self.region = self.network.regions.first()
        self.subregion = self.network.subregions.first()
        self.organisation = Organisation.objects.create(
            network=self.network, name="CPE A", kind="cpe", subregion=self.subregion
        )
        self.other_region = self.other_network.regions.first()
        self.other_subregion = self.other_network.subregions.first()
        self.other_organisation = Organisation.objects.create(
            network=self.other_network, name="CPE B", kind="cpe"
        )
        self._build_communities()
        self.extra: dict = {}

    def _build_communities(self):
        """A members-only community of practice, another community, two committees,
        and one in network B. Each community person is a plain member of network A.
        """
        from entraide.communities.models import Community, CommunityMembership

        def person(key: str):
            user = make_member(self.network, f"{key.replace('_', '-')}@a.example")
            self.people[key] = user
            return user

        def community(network, slug, **fields):
            return Community.objects.create(
                network=network,
                slug=slug,
                name=slug.replace("-", " ").title(),
                **fields,
            )

        self.community = community(
            self.network, "pedagogie", visibility="members", join_policy="request"
        )
        self.other_community = community(
            self.network, "gestion", visibility="network", join_policy="open"
        )
        self.regional_committee = community(
            self.network,
            "comite-regional",
            kind="regional_committee",
            visibility="members",
            join_policy="invitation",
            seats_per_subregion=2,
        )
        self.scientific_committee = community(
            self.network,
            "comite-scientifique",
            kind="scientific_committee",
            visibility="members",
            join_policy="invitation",
        )
        self.foreign_community = community(
            self.other_network, "pedagogie-b", visibility="network", join_policy="open"
        )
        for key, target, role in (
            ("community_member", self.community, "member"),
            ("other_community_member", self.other_community, "member"),
            ("facilitator", self.community, "facilitator"),
            ("regional_committee", self.regional_committee, "member"),
            ("scientific_committee", self.scientific_committee, "member"),
        ):
            CommunityMembership.objects.create(
                community=target, user=person(key), role=role
            )


class Rule:
    """What each role gets from one URL with one method.

    ``expect`` maps role to status code; ``default`` applies to unlisted roles.
    ``kwargs`` and ``data`` may be callables taking the World.
    """

    def __init__(
        self,
        name: str,
        *,
        method: str = "GET",
        expect: dict[str, int] | None = None,
        default: int = 200,
        kwargs=None,
        data=None,
        setup=None,
    ):
        self.name = name
        self.method = method
        self.expect = expect or {}
        self.default = default
        self.kwargs = kwargs or {}
        self.data = data
        self.setup = setup
        unknown = set(self.expect) - set(ROLES)
        if unknown:
            raise ValueError(f"Unknown roles in rule {name}: {unknown}")

    def expected(self, role: str) -> int:
        if role in self.expect:
            return self.expect[role]
        fallback = ROLE_FALLBACK.get(role)
        if fallback in self.expect:
            return self.expect[fallback]
        return self.default

    def resolve(self, world, value):
        return value(world) if callable(value) else value


def members_only(**overrides) -> dict[str, int]:
    """Anonymous is sent to sign in; everyone signed in gets 200."""
    return {"anonymous": 302, **overrides}


def managers_only(**overrides) -> dict[str, int]:
    """Network A's project lead and admin; others of A get 403, B's admin 404."""
    return {
        "anonymous": 302,
        "member": 403,
        "management": 403,
        "project_lead": 200,
        "admin": 200,
        "other_network_admin": 404,
        **overrides,
    }
