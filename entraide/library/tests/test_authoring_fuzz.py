"""The tool form fuzzed: any input gives a page or a redirect, never a 5xx, and a
refused form gives back what was typed."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from entraide.library.models import Tool, ToolVersion
from entraide.library.tests.factories import make_tool

pytestmark = pytest.mark.django_db

ODD_TEXT = st.one_of(
    st.text(max_size=300),
    st.text(alphabet="\x00\u202e\u200béàÉ<>&\"'=+-@0123456789 \n:/.", max_size=60),
    st.just("x" * 20_500),
)
ODD_ID = st.one_of(ODD_TEXT, st.integers(-(10**12), 10**12).map(str))
CHOICE = st.one_of(ODD_TEXT, st.sampled_from(["template", "video", "fr", "cc_by"]))


@pytest.fixture(autouse=True)
def _quick(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    title=ODD_TEXT,
    description=ODD_TEXT,
    body=ODD_TEXT,
    video_url=ODD_TEXT,
    kind=CHOICE,
    language=CHOICE,
    licence=CHOICE,
    age_group=ODD_TEXT,
    community=ODD_ID,
    themes=st.lists(ODD_ID, max_size=3),
    audience=st.lists(ODD_TEXT, max_size=3),
    lock_version=ODD_ID,
    change_note=ODD_TEXT,
    file_bytes=st.one_of(st.none(), st.binary(max_size=200)),
    edit=st.booleans(),
)
def test_tool_form_never_fails(
    library,
    title,
    description,
    body,
    video_url,
    kind,
    language,
    licence,
    age_group,
    community,
    themes,
    audience,
    lock_version,
    change_note,
    file_bytes,
    edit,
):
    if not hasattr(library, "fuzz_tool"):
        library.fuzz_tool = make_tool(
            library.network, community=library.community, created_by=library.author
        )
    tool = library.fuzz_tool
    client = Client()
    client.force_login(library.author)
    kwargs = {"network": library.network.slug}
    if edit:
        kwargs["pk"] = tool.pk
    data = {
        "title": title,
        "description": description,
        "body": body,
        "video_url": video_url,
        "kind": kind,
        "language": language,
        "licence": licence,
        "age_group": age_group,
        "community": community,
        "themes": themes,
        "audience_job_roles": audience,
        "lock_version": lock_version,
        "change_note": change_note,
    }
    if file_bytes is not None:
        data["file"] = SimpleUploadedFile("fichier.pdf", file_bytes)
    name = "library:edit" if edit else "library:create"
    before = (Tool.objects.count(), ToolVersion.objects.count())
    response = client.post(reverse(name, kwargs=kwargs), data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert (Tool.objects.count(), ToolVersion.objects.count()) == before
        if title.strip() and "\x00" not in title and len(title) <= 200:
            assert response.context["form"]["title"].value() == title


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(co_authors=st.lists(ODD_ID, max_size=4), status=ODD_TEXT, page=ODD_TEXT)
def test_co_authors_and_list_filters_never_fail(library, co_authors, status, page):
    if not hasattr(library, "fuzz_tool"):
        library.fuzz_tool = make_tool(
            library.network, community=library.community, created_by=library.author
        )
    tool = library.fuzz_tool
    client = Client()
    client.force_login(library.author)
    response = client.post(
        reverse("library:co_authors", kwargs={"network": "mcq", "pk": tool.pk}),
        {"co_authors": co_authors},
    )
    assert response.status_code in (200, 302)
    mine = reverse("library:mine", kwargs={"network": "mcq"})
    response = client.get(mine, {"statut": status, "page": page})
    assert response.status_code == 200
