"""The full-text part of the index, each database its own.

PostgreSQL: the ``entraide_french`` text search configuration (French stems,
accents removed by ``unaccent``) and a GIN index on ``vector``. SQLite: the FTS5
table ``search_fts`` (rowid = the document's id) over text folded in Python.
"""

from django.db import migrations

POSTGRES_UP = (
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    """DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'entraide_french') THEN
    CREATE TEXT SEARCH CONFIGURATION entraide_french (COPY = french);
    ALTER TEXT SEARCH CONFIGURATION entraide_french
      ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;
  END IF;
END
$$""",
    "CREATE INDEX IF NOT EXISTS search_document_vector"
    " ON search_searchdocument USING gin (vector)",
)
POSTGRES_DOWN = "DROP INDEX IF EXISTS search_document_vector;"
SQLITE_UP = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "title, body, tokenize = 'unicode61 remove_diacritics 2')"
)
SQLITE_DOWN = "DROP TABLE IF EXISTS search_fts"


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        for statement in POSTGRES_UP:
            schema_editor.execute(statement)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_UP)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(POSTGRES_DOWN)
    elif vendor == "sqlite":
        schema_editor.execute(SQLITE_DOWN)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
