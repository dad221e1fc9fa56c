"""The project lead writes, publishes and withdraws news and edits the public texts."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from entraide.dissemination import services
from entraide.dissemination.models import NewsPost, PublicSite

pytestmark = pytest.mark.django_db


def _save(content, title="Rentrée 2026", **fields):
    return services.save_news(
        network=content.network,
        actor=content.lead,
        title=title,
        summary=fields.pop("summary", ""),
        body=fields.pop("body", "Texte."),
        **fields,
    )


def test_new_post_is_a_draft_with_an_address_from_its_title(content):
    post = _save(content, "Rentrée : l'équipe s'agrandit!")
    assert post.status == "draft" and post.published_at is None
    assert post.slug == "rentree-lequipe-sagrandit"
    assert post.author == content.lead


def test_same_title_gets_a_distinct_address(content):
    first, second = _save(content), _save(content)
    assert (first.slug, second.slug) == ("rentree-2026", "rentree-2026-2")


def test_title_without_letters_still_gets_an_address(content):
    assert _save(content, "!!!").slug == "nouvelle"


def test_published_post_keeps_its_address_when_retitled(content):
    post = _save(content)
    services.publish_news(post=post, actor=content.lead)
    post = _save(content, "Un autre titre", post=NewsPost.objects.get(pk=post.pk))
    assert post.slug == "rentree-2026" and post.title == "Un autre titre"


def test_publish_and_unpublish(content):
    post = _save(content)
    post = services.publish_news(post=post, actor=content.lead)
    assert post.status == "published" and post.published_at is not None
    with pytest.raises(ValidationError):
        services.publish_news(post=post, actor=content.lead)
    post = services.unpublish_news(post=post, actor=content.lead)
    assert post.status == "draft" and post.published_at is None
    with pytest.raises(ValidationError):
        services.unpublish_news(post=post, actor=content.lead)


@pytest.mark.parametrize("who", ["member", "other"])
def test_only_the_networks_managers_write(content, who):
    from entraide.core.testing import make_member

    actor = (
        content.member
        if who == "member"
        else make_member(content.other_network, "admin@autre.example", role="admin")
    )
    with pytest.raises(ValidationError):
        services.save_news(
            network=content.network, actor=actor, title="T", summary="", body="B"
        )
    with pytest.raises(ValidationError):
        services.publish_news(post=content.objects["draft"], actor=actor)
    with pytest.raises(ValidationError):
        services.update_public_site(
            network=content.network,
            actor=actor,
            description="",
            about="",
            contact="",
            contact_email="",
        )


def test_post_of_another_network_cannot_be_edited_through_this_one(content):
    other = NewsPost.objects.create(
        network=content.other_network, title="B", slug="b", body="B"
    )
    with pytest.raises(ValidationError):
        _save(content, post=other)


def test_update_public_site_creates_then_updates(content):
    kwargs = dict(about="A", contact="C", contact_email=" info@mcq.example ")
    services.update_public_site(
        network=content.network, actor=content.lead, description="D1", **kwargs
    )
    services.update_public_site(
        network=content.network, actor=content.lead, description="D2", **kwargs
    )
    site = PublicSite.objects.get(network=content.network)
    assert (site.description, site.contact_email) == ("D2", "info@mcq.example")
    assert site.updated_by == content.lead


# --- Views ---------------------------------------------------------------------


def test_lead_writes_publishes_and_withdraws_a_post(client, content):
    client.force_login(content.lead)
    response = client.post(
        reverse("dissemination:news_create", kwargs={"network": "mcq"}),
        {
            "title": "Colloque de mai",
            "summary": "Inscriptions ouvertes",
            "body": "**Oui**",
        },
    )
    post = NewsPost.objects.get(title="Colloque de mai")
    edit = reverse("dissemination:news_edit", kwargs={"network": "mcq", "pk": post.pk})
    assert response.status_code == 302 and response["Location"] == edit
    public = reverse(
        "dissemination:news_detail", kwargs={"site": "mcq", "slug": post.slug}
    )
    assert client.get(public).status_code == 404
    client.post(
        reverse("dissemination:news_publish", kwargs={"network": "mcq", "pk": post.pk})
    )
    assert client.get(public).status_code == 200
    page = client.get(edit).content.decode()
    assert "<strong>Oui</strong>" in page  # the preview
    client.post(
        reverse(
            "dissemination:news_unpublish", kwargs={"network": "mcq", "pk": post.pk}
        )
    )
    assert client.get(public).status_code == 404


def test_manage_lists_drafts_and_published_posts(client, content):
    client.force_login(content.lead)
    html = client.get(
        reverse("dissemination:manage", kwargs={"network": "mcq"})
    ).content.decode()
    assert "PRIVÉ brouillon" in html and "Nouvelle publiée" in html
    assert "B Nouvelle publiée" not in html


def test_form_errors_keep_the_typed_text(client, content):
    client.force_login(content.lead)
    response = client.post(
        reverse("dissemination:news_create", kwargs={"network": "mcq"}),
        {"title": "", "summary": "Mon résumé é", "body": "Mon texte à garder"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Donnez un titre à la nouvelle." in html
    assert "Mon texte à garder" in html and "Mon résumé é" in html
    assert not NewsPost.objects.filter(summary="Mon résumé é").exists()


def test_site_texts_edited_through_the_form(client, content):
    client.force_login(content.lead)
    url = reverse("dissemination:site_edit", kwargs={"network": "mcq"})
    response = client.post(
        url,
        {
            "description": "Réseau des CPE.",
            "about": "Notre **mission**",
            "contact": "Rue des Forges",
            "contact_email": "pas-un-courriel",
        },
    )
    assert "Entrez une adresse courriel valide." in response.content.decode()
    response = client.post(
        url,
        {"description": "Réseau des CPE.", "about": "Notre **mission**", "contact": ""},
    )
    assert response.status_code == 302
    about = client.get(reverse("dissemination:about", kwargs={"site": "mcq"}))
    assert "<strong>mission</strong>" in about.content.decode()
