"""Indexes for searches whose work stays bounded (``selectors.result_page``).

The newest rows of a kind in a network are read through a btree index, which
also stands for the network's own index (it starts with the network). On PostgreSQL the
one GIN index of migration 0002 becomes one partial GIN index per kind, so that
counting the matches of one kind never reads the rows of another: a new kind
needs its own index here.
"""

import django.db.models.deletion
from django.db import migrations, models

KINDS = ("practice", "tool", "thread", "session", "community", "person")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for kind in KINDS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS search_vector_{kind} ON search_searchdocument"
            f" USING gin (vector) WHERE kind = '{kind}'"
        )
    schema_editor.execute("DROP INDEX IF EXISTS search_document_vector")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_document_vector"
        " ON search_searchdocument USING gin (vector)"
    )
    for kind in KINDS:
        schema_editor.execute(f"DROP INDEX IF EXISTS search_vector_{kind}")


class Migration(migrations.Migration):
    dependencies = [
        ("networks", "0004_network_shares_provincial_pooling"),
        ("search", "0002_fulltext"),
    ]

    operations = [
        migrations.AlterField(
            model_name="searchdocument",
            name="network",
            field=models.ForeignKey(
                db_index=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="networks.network",
            ),
        ),
        migrations.RemoveIndex(model_name="searchdocument", name="search_network_kind"),
        migrations.AddIndex(
            model_name="searchdocument",
            index=models.Index(
                fields=["network", "kind", "-updated_at"], name="search_network_recent"
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
