"""Reading CSV files of organisations and people, and writing them all or nothing."""

import pytest
from django.test import TestCase

from entraide.core.testing import make_member, make_network, make_person
from entraide.networks import imports, services
from entraide.networks.models import (
    ImportKind,
    Invitation,
    Membership,
    Organisation,
    OrganisationKind,
    PendingImport,
    SubRegion,
)

pytestmark = pytest.mark.django_db

BOM = b"\xef\xbb\xbf"
ALL_ROLES = ["member", "project_lead", "management", "admin"]


@pytest.fixture
def network():
    network = make_network()
    region = network.regions.get()
    SubRegion.objects.create(region=region, name="Trois-Rivières")
    return network


def organisations(network, data: bytes) -> imports.Preview:
    return imports.preview_organisations(network, imports.decode(data))


def people(network, data: bytes, roles=ALL_ROLES) -> imports.Preview:
    return imports.preview_people(network, imports.decode(data), roles=roles)


def confirm(network, actor, kind, data: bytes, roles=ALL_ROLES):
    pending = services.stage_import(
        network=network,
        actor=actor,
        kind=kind,
        text=imports.decode(data),
        filename="fichier.csv",
    )
    with TestCase.captureOnCommitCallbacks(execute=True):
        return services.confirm_import(pending=pending, actor=actor, roles=roles)


# --- Decoding -----------------------------------------------------------------------


def test_cp1252_file_with_semicolons_is_read_with_its_accents(network):
    data = "nom;type\r\nGarderie Les Étoiles;CPE\r\n".encode("cp1252")
    preview = organisations(network, data)
    assert preview.can_confirm
    assert preview.rows[0].data["name"] == "Garderie Les Étoiles"
    assert preview.rows[0].data["kind"] == OrganisationKind.CPE


def test_utf8_file_with_bom_and_commas_is_read(network):
    data = BOM + "nom,type,municipalité\r\nCPE Côté Cour,cpe,Bécancour\r\n".encode()
    preview = organisations(network, data)
    assert preview.can_confirm
    assert preview.rows[0].data["city"] == "Bécancour"


def test_cp1252_bytes_after_a_utf8_bom_are_still_read(network):
    data = BOM + "nom;type\r\nGarderie Les Étoiles;CPE\r\n".encode("cp1252")
    preview = organisations(network, data)
    assert preview.rows[0].data["name"] == "Garderie Les Étoiles"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "Le fichier est vide."),
        (BOM, "Le fichier est vide."),
        (b"\r\n  \r\n", "Le fichier est vide."),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "n'est pas un fichier CSV"),
        (b"PK\x03\x04\x14\x00\x06\x00", "n'est pas un fichier CSV"),
        (b"%PDF-1.7\n\x01\x02\x03\x04", "n'est pas un fichier CSV"),
        (b"\xff\xfen\x00o\x00m\x00", "UTF-16"),
        (b"nom;type\r\n\x81\x8d\x8f\x90\x9d;CPE", "encodage"),
    ],
)
def test_files_that_are_not_csv_text_are_refused_in_french(data, message):
    with pytest.raises(imports.FileProblem) as problem:
        imports.decode(data)
    assert message in problem.value.message


def test_file_over_two_megabytes_is_refused():
    with pytest.raises(imports.FileProblem, match="2 Mo"):
        imports.decode(b"nom;type\r\n" + b"x" * imports.MAX_BYTES)


# --- Headers and values -------------------------------------------------------------


def test_headers_and_values_match_without_case_or_accents(network):
    data = (
        "NOM ; Type ; Sous-Région ; Municipalite ; COURRIEL ; telephone\r\n"
        "CPE La Ruche;cpe;trois-rivieres;Trois-Rivières;info@laruche.example;"
        "819-555-0101\r\n"
        "BC du Centre;Bureau coordonnateur;TROIS RIVIERES;;;\r\n"
        "Garderie Soleil;Garderie non subventionnée;;;;\r\n"
    ).encode()
    preview = organisations(network, data)
    assert preview.errors == []
    first, second, third = preview.rows
    assert first.data["subregion"].name == "Trois-Rivières"
    assert first.data["phone"] == "819-555-0101"
    assert second.data["kind"] == OrganisationKind.HOME_CHILDCARE_OFFICE
    assert third.data["kind"] == OrganisationKind.PRIVATE_DAYCARE


def test_unknown_column_is_ignored_with_a_notice(network):
    preview = organisations(network, b"nom;type;remarque\r\nCPE A;CPE;rien\r\n")
    assert preview.can_confirm
    assert preview.notices == [
        "La colonne « remarque » n'est pas reconnue : elle sera ignorée."
    ]


def test_missing_required_column_names_what_is_expected(network):
    preview = organisations(network, b"nom;ville\r\nCPE A;Nicolet\r\n")
    assert not preview.can_confirm
    assert "Colonne obligatoire absente : « type »" in preview.problems[0]
    assert "nom;type;sous-région" in preview.problems[0]


def test_header_only_file_has_no_rows_to_import(network):
    preview = organisations(network, b"nom;type\r\n")
    assert preview.problems == ["Le fichier ne contient aucune ligne de données."]


def test_blank_lines_are_skipped_and_line_numbers_follow_the_file(network):
    data = b"nom;type\r\n\r\nCPE A;CPE\r\n;;\r\nCPE B;inconnu\r\n"
    preview = organisations(network, data)
    assert [row.line for row in preview.rows] == [3, 5]
    assert preview.rows[1].errors[0].startswith("Ligne 5 : le type « inconnu »")


def test_row_errors_are_french_and_name_their_line(network):
    data = (
        "nom;type;sous-région;courriel\r\n"
        ";CPE;;\r\n"
        "CPE A;Garderie;;\r\n"
        "CPE B;CPE;Nulle-Part;\r\n"
        "CPE C;CPE;;abc\r\n"
        f"{'x' * 201};CPE;;\r\n"
        "cpe b;CPE;;\r\n"
    ).encode()
    preview = organisations(network, data)
    assert not preview.can_confirm
    assert preview.errors == [
        "Ligne 2 : la valeur de la colonne « nom » est obligatoire.",
        "Ligne 3 : le type « Garderie » n'est pas reconnu. Types acceptés : "
        + ", ".join(str(label) for label in OrganisationKind.labels)
        + ".",
        "Ligne 4 : la sous-région « Nulle-Part » n'existe pas dans ce réseau.",
        "Ligne 5 : le courriel « abc » n'est pas valide.",
        "Ligne 6 : la valeur de la colonne « nom » dépasse 200 caractères (201).",
        "Ligne 7 : l'organisation « cpe b » apparaît déjà à la ligne 4.",
    ]


def test_existing_organisation_is_skipped_not_duplicated(network):
    Organisation.objects.create(network=network, name="CPE Les Étoiles", kind="cpe")
    preview = organisations(network, "nom;type\r\ncpe les étoiles;CPE\r\n".encode())
    assert preview.rows[0].status == imports.Status.SKIP
    assert not preview.can_confirm


def test_more_than_five_thousand_rows_are_refused(network):
    lines = "".join(f"CPE {n};CPE\r\n" for n in range(imports.MAX_ROWS + 1))
    preview = organisations(network, f"nom;type\r\n{lines}".encode())
    assert preview.rows == []
    assert "plus de 5\u00a0000 lignes" in preview.problems[0]


def test_exactly_five_thousand_rows_are_accepted(network):
    lines = "".join(f"CPE {n};CPE\r\n" for n in range(imports.MAX_ROWS))
    preview = organisations(network, f"nom;type\r\n{lines}".encode())
    assert preview.can_confirm
    assert len(preview.rows) == imports.MAX_ROWS


def test_row_with_more_values_than_headers_is_an_error(network):
    preview = organisations(network, b"nom;type\r\nCPE A;CPE;en trop\r\n")
    assert preview.errors == [
        "Ligne 2 : cette ligne a plus de valeurs que la ligne d'en-tête."
    ]


def test_quoted_values_may_hold_separators_and_line_breaks(network):
    data = b'nom;type\r\n"CPE A; la suite";CPE\r\n"CPE\r\nB";CPE\r\nCPE C;x\r\n'
    preview = organisations(network, data)
    assert preview.rows[0].data["name"] == "CPE A; la suite"
    assert preview.rows[2].line == 5


# --- People -------------------------------------------------------------------------


def test_people_preview_says_which_rows_add_members_and_which_invite(network):
    make_person("existant@example.org")
    make_member(network, "deja@example.org")
    Organisation.objects.create(
        network=network,
        name="CPE La Ruche",
        kind="cpe",
        subregion=network.subregions.get(name="Trois-Rivières"),
    )
    data = (
        "courriel;prénom;nom;fonction;rôle;organisation;sous-région\r\n"
        "EXISTANT@example.org;Élise;Roy;Éducatrice;;cpe la ruche;\r\n"
        "nouvelle@example.org;Nadia;Côté;gestionnaire;Chargée de projet;;\r\n"
        "deja@example.org;;;;;;\r\n"
    ).encode("cp1252")
    preview = people(network, BOM + data)
    assert preview.errors == []
    existing, new, member = preview.rows
    assert existing.status == imports.Status.MEMBERSHIP
    assert existing.note == "Compte existant : ajout au réseau."
    assert existing.data["organisation"].name == "CPE La Ruche"
    assert existing.data["subregion"].name == "Trois-Rivières"
    assert new.status == imports.Status.INVITATION
    assert new.data["role"] == "project_lead"
    assert new.data["job_role"] == "manager"
    assert new.data["last_name"] == "Côté"
    assert member.status == imports.Status.SKIP


def test_people_errors_duplicates_unknown_values_and_forbidden_roles(network):
    data = (
        "courriel;rôle;organisation;fonction\r\n"
        "a@example.org;;;\r\n"
        "A@Example.org;;;\r\n"
        "b@example.org;;Inconnue;\r\n"
        "c@example.org;Administratrice;;\r\n"
        "d@example.org;;;astronaute\r\n"
        ";;;\r\n"
        "pas-un-courriel;;;\r\n"
    ).encode()
    preview = people(network, data, roles=["member", "project_lead", "management"])
    assert preview.errors == [
        "Ligne 3 : le courriel « a@example.org » apparaît déjà à la ligne 2.",
        "Ligne 4 : l'organisation « Inconnue » n'existe pas dans ce réseau.",
        "Ligne 5 : vous ne pouvez pas donner le rôle « Administratrice ou "
        "administrateur du réseau ».",
        "Ligne 6 : la fonction « astronaute » n'est pas reconnue.",
        "Ligne 8 : le courriel « pas-un-courriel » n'est pas valide.",
    ]


def test_people_file_needs_an_email_column(network):
    preview = people(network, b"nom;prenom\r\nRoy;Elise\r\n")
    assert "« courriel »" in preview.problems[0]


# --- Writing all or nothing ---------------------------------------------------------


def test_confirmed_organisations_are_all_written(network, lead):
    data = "nom;type;sous-région\r\nCPE A;CPE;Trois-Rivières\r\nBC B;BC;\r\n"
    counts = confirm(network, lead, ImportKind.ORGANISATIONS, data.encode("cp1252"))
    assert counts == {"organisations": 2}
    assert set(network.organisations.values_list("name", flat=True)) == {
        "CPE A",
        "BC B",
    }
    assert not PendingImport.objects.exists()


def test_one_bad_row_writes_nothing(network, lead):
    data = b"nom;type\r\nCPE A;CPE\r\nCPE B;CPE\r\nCPE C;inconnu\r\n"
    with pytest.raises(services.ImportRefused) as refusal:
        confirm(network, lead, ImportKind.ORGANISATIONS, data)
    assert refusal.value.preview.error_count == 1
    assert not network.organisations.exists()
    assert PendingImport.objects.count() == 1


def test_confirmation_parses_again_and_sees_what_changed_since_the_preview(
    network, lead
):
    pending = services.stage_import(
        network=network,
        actor=lead,
        kind=ImportKind.PEOPLE,
        text="courriel;sous-région\r\na@example.org;Trois-Rivières\r\n",
        filename="p.csv",
    )
    SubRegion.objects.filter(name="Trois-Rivières").delete()
    with pytest.raises(services.ImportRefused):
        services.confirm_import(pending=pending, actor=lead, roles=ALL_ROLES)
    assert not Invitation.objects.exists()


def test_confirming_twice_writes_once(network, lead):
    pending = services.stage_import(
        network=network,
        actor=lead,
        kind=ImportKind.ORGANISATIONS,
        text="nom;type\r\nCPE A;CPE\r\n",
        filename="o.csv",
    )
    services.confirm_import(pending=pending, actor=lead, roles=ALL_ROLES)
    with pytest.raises(services.ImportRefused, match="déjà été faite"):
        services.confirm_import(pending=pending, actor=lead, roles=ALL_ROLES)
    assert network.organisations.count() == 1


def test_people_import_adds_members_and_emails_invitations(network, lead, mailoutbox):
    existing = make_person("existant@example.org")
    data = b"courriel;prenom\r\nexistant@example.org;\r\nnouvelle@example.org;Nadia\r\n"
    counts = confirm(network, lead, ImportKind.PEOPLE, data)
    assert counts == {"memberships": 1, "invitations": 1}
    assert Membership.objects.filter(network=network, user=existing).exists()
    invitation = Invitation.objects.get(email="nouvelle@example.org")
    assert invitation.first_name == "Nadia"
    assert invitation.invited_by == lead
    invitation_mail = [m for m in mailoutbox if m.to == ["nouvelle@example.org"]]
    assert len(invitation_mail) == 1
    assert invitation.get_accept_url() in invitation_mail[0].body
    assert existing.notifications.filter(kind="networks.joined").exists()


def test_template_files_import_cleanly(network):
    for kind in ImportKind.values:
        text = imports.template_csv(kind)
        preview = imports.preview(
            kind, network, imports.decode(("\ufeff" + text).encode()), roles=ALL_ROLES
        )
        assert preview.errors == [], kind
        assert preview.can_confirm
