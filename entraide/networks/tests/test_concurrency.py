"""A double click on « Accepter » or « Confirmer » writes once, on both databases."""

import threading

import pytest
from django.db import connection

from entraide.core.testing import make_member, make_network, make_person
from entraide.networks import services
from entraide.networks.models import ImportKind, Membership

pytestmark = pytest.mark.django_db(transaction=True)


def at_once(*calls):
    """Run the calls in threads released together; return what each raised."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            call()
        except Exception as error:
            outcomes[index] = error
        finally:
            connection.close()

    threads = [
        threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


def test_two_simultaneous_accepts_make_one_membership():
    network = make_network()
    lead = make_member(network, "lead@example.org", role="project_lead")
    invitation = services.invite_person(network=network, actor=lead, email="n@x.org")
    person = make_person("n@x.org")
    token = invitation.token()
    outcomes = at_once(
        lambda: services.accept_invitation(token=token, user=person),
        lambda: services.accept_invitation(token=token, user=person),
    )
    assert Membership.objects.filter(user=person).count() == 1
    refused = [o for o in outcomes if o is not None]
    assert len(refused) == 1
    assert isinstance(refused[0], services.InvitationUnusable)


def test_two_simultaneous_confirmations_import_once():
    network = make_network()
    lead = make_member(network, "lead@example.org", role="project_lead")
    pending = services.stage_import(
        network=network,
        actor=lead,
        kind=ImportKind.ORGANISATIONS,
        text="nom;type\r\nCPE A;CPE\r\nCPE B;CPE\r\n",
        filename="o.csv",
    )
    roles = ["member"]
    outcomes = at_once(
        lambda: services.confirm_import(pending=pending, actor=lead, roles=roles),
        lambda: services.confirm_import(pending=pending, actor=lead, roles=roles),
    )
    assert network.organisations.count() == 2
    assert sum(isinstance(o, services.ImportRefused) for o in outcomes) == 1
