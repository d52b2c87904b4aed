"""On PostgreSQL the database itself refuses to change a fact, or to delete one still within its
retention period, whoever connects (a console, a script, another application): the model's own
refusals only hold for code that goes through Django."""

from django.db import migrations

GUARD = """
CREATE OR REPLACE FUNCTION evidence_fact_guard() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'evidence_fact %: evidence is append-only', OLD.id;
    END IF;
    IF OLD.keep_until >= CURRENT_DATE THEN
        RAISE EXCEPTION 'evidence_fact %: kept until %', OLD.id, OLD.keep_until;
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER evidence_fact_guard BEFORE UPDATE OR DELETE ON evidence_fact
    FOR EACH ROW EXECUTE FUNCTION evidence_fact_guard();
"""
UNGUARD = """
DROP TRIGGER IF EXISTS evidence_fact_guard ON evidence_fact;
DROP FUNCTION IF EXISTS evidence_fact_guard();
"""


def _on_postgres(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql, params=None)  # RAISE uses %, not a placeholder

    return run


class Migration(migrations.Migration):
    dependencies = [("evidence", "0001_ledger")]

    operations = [migrations.RunPython(_on_postgres(GUARD), _on_postgres(UNGUARD))]
