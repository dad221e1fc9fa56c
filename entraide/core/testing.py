"""Test helpers: a real SMTP server, axe checks, people and networks."""

import email
import email.policy
import threading
from pathlib import Path

from aiosmtpd.controller import Controller

AXE_PATH = (
    Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
)
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
        self.controller = Controller(
            _Handler(self), hostname="127.0.0.1", port=port or 0
        )

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


def assert_accessible(page, *, context: str = "") -> None:
    """Run axe-core (WCAG 2.0–2.2 A and AA) on the page; fail on any violation."""
    page.add_script_tag(path=str(AXE_PATH))
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


def make_person(
    email_address: str,
    *,
    password: str = "motdepasse-solide-2026",  # noqa: S107
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
