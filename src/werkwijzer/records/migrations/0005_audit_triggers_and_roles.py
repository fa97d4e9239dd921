"""PostgreSQL refuses TRUNCATE, DELETE and UPDATE of the audit log, and the audit tables
get an owner of their own (docs/decisions/0010-audit-tamper-evidence.md). A no-op on
other databases (SQLite in development relies on the model and the admin).

Triggers, the part that is always enforced:
- records_auditevent: every UPDATE and DELETE (per row) and TRUNCATE is refused.
- records_auditchainhead: UPDATE only when the counter grows (appends move it forward);
  DELETE and TRUNCATE are refused.
- They are ENABLE ALWAYS, so `session_replication_role = replica` does not skip them.
- One way past them: a session of the tables' owner (or a superuser) that sets
  `werkwijzer.audit_maintenance = on` (`werkwijzer flush` does, which is how Django's test
  framework empties the database). Anyone can set that variable, but the triggers also
  check that the current user owns the table; the owner could drop the triggers anyway, so
  the switch gives nobody a right they did not have.

Role split, done when the migrating user may create roles (superuser or CREATEROLE);
otherwise the migration says so and docs/operations.md shows how an operator does it:
- `werkwijzer_audit_owner` (NOLOGIN) owns both audit tables and the trigger functions
  (and may create in their schema, which a new owner needs); the migrating user becomes a
  member, so later migrations can still alter the tables.
- `werkwijzer_audit_writer` (NOLOGIN) may SELECT and INSERT the events and SELECT, INSERT
  and UPDATE the head (the row lock and the forward-moving counter); grant it to the
  application's login user, which must not be a member of the owner role.
Roles belong to the whole PostgreSQL server, so they are created only when missing and
never dropped here.
"""

from django.db import migrations

# Inlined in both functions (not a helper): with search_path pinned to pg_catalog nobody
# can slip in a look-alike function or table, and each trigger stands on its own.
MAINTENANCE = """
    IF coalesce(current_setting('werkwijzer.audit_maintenance', true), '') = 'on'
       AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = TG_RELID),
                       'USAGE') THEN
        IF TG_LEVEL = 'STATEMENT' THEN
            RETURN NULL;
        ELSIF TG_OP = 'DELETE' THEN
            RETURN OLD;
        END IF;
        RETURN NEW;
    END IF;
"""

TRIGGERS = f"""
CREATE OR REPLACE FUNCTION records_audit_refuse() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
{MAINTENANCE}
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'The audit log cannot be changed or emptied; see docs/operations.md.';
END;
$$;

CREATE OR REPLACE FUNCTION records_auditchainhead_forward_only() RETURNS trigger
    LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.id = OLD.id AND NEW.last_sequence > OLD.last_sequence THEN
        RETURN NEW;
    END IF;
{MAINTENANCE}
    RAISE EXCEPTION 'records_auditchainhead only moves forward: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'The chain head grows with every audit event and never goes back.';
END;
$$;

DROP TRIGGER IF EXISTS records_auditevent_refuse_change ON records_auditevent;
CREATE TRIGGER records_auditevent_refuse_change
    BEFORE UPDATE OR DELETE ON records_auditevent
    FOR EACH ROW EXECUTE FUNCTION records_audit_refuse();
DROP TRIGGER IF EXISTS records_auditevent_refuse_truncate ON records_auditevent;
CREATE TRIGGER records_auditevent_refuse_truncate
    BEFORE TRUNCATE ON records_auditevent
    FOR EACH STATEMENT EXECUTE FUNCTION records_audit_refuse();
DROP TRIGGER IF EXISTS records_auditchainhead_forward_only ON records_auditchainhead;
CREATE TRIGGER records_auditchainhead_forward_only
    BEFORE UPDATE OR DELETE ON records_auditchainhead
    FOR EACH ROW EXECUTE FUNCTION records_auditchainhead_forward_only();
DROP TRIGGER IF EXISTS records_auditchainhead_refuse_truncate ON records_auditchainhead;
CREATE TRIGGER records_auditchainhead_refuse_truncate
    BEFORE TRUNCATE ON records_auditchainhead
    FOR EACH STATEMENT EXECUTE FUNCTION records_audit_refuse();

ALTER TABLE records_auditevent ENABLE ALWAYS TRIGGER records_auditevent_refuse_change;
ALTER TABLE records_auditevent ENABLE ALWAYS TRIGGER records_auditevent_refuse_truncate;
ALTER TABLE records_auditchainhead ENABLE ALWAYS TRIGGER records_auditchainhead_forward_only;
ALTER TABLE records_auditchainhead ENABLE ALWAYS TRIGGER records_auditchainhead_refuse_truncate;
"""

CAN_CREATE_ROLES = "SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user"

ROLES = """
DO $$
BEGIN
    -- Another database on the same server may create them at the same moment.
    BEGIN
        CREATE ROLE werkwijzer_audit_owner NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    BEGIN
        CREATE ROLE werkwijzer_audit_writer NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END;
    IF NOT pg_has_role(current_user, 'werkwijzer_audit_owner', 'MEMBER') THEN
        GRANT werkwijzer_audit_owner TO CURRENT_USER;
    END IF;
    -- A new owner needs CREATE on the tables' schema.
    EXECUTE format('GRANT USAGE, CREATE ON SCHEMA %I TO werkwijzer_audit_owner', current_schema());
    ALTER TABLE records_auditevent OWNER TO werkwijzer_audit_owner;
    ALTER TABLE records_auditchainhead OWNER TO werkwijzer_audit_owner;
    ALTER FUNCTION records_audit_refuse() OWNER TO werkwijzer_audit_owner;
    ALTER FUNCTION records_auditchainhead_forward_only() OWNER TO werkwijzer_audit_owner;
    REVOKE ALL ON records_auditevent, records_auditchainhead FROM PUBLIC;
    GRANT SELECT, INSERT ON records_auditevent TO werkwijzer_audit_writer;
    GRANT SELECT, INSERT, UPDATE ON records_auditchainhead TO werkwijzer_audit_writer;
END
$$;
"""

UNDO = """
DROP TRIGGER IF EXISTS records_auditevent_refuse_change ON records_auditevent;
DROP TRIGGER IF EXISTS records_auditevent_refuse_truncate ON records_auditevent;
DROP TRIGGER IF EXISTS records_auditchainhead_forward_only ON records_auditchainhead;
DROP TRIGGER IF EXISTS records_auditchainhead_refuse_truncate ON records_auditchainhead;
DROP FUNCTION IF EXISTS records_audit_refuse();
DROP FUNCTION IF EXISTS records_auditchainhead_forward_only();
DO $$
BEGIN
    IF (SELECT tableowner FROM pg_tables WHERE tablename = 'records_auditevent')
            = 'werkwijzer_audit_owner' THEN
        ALTER TABLE records_auditevent OWNER TO CURRENT_USER;
        ALTER TABLE records_auditchainhead OWNER TO CURRENT_USER;
    END IF;
END
$$;
"""


def protect(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(TRIGGERS, params=None)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(CAN_CREATE_ROLES)
        (may_create_roles,) = cursor.fetchone()
    if not may_create_roles:
        # Said here, not as a NOTICE: `migrate` does not show the database's notices.
        print(
            "\n  Audit log: this database user may not create roles, so the audit tables "
            "keep their owner;\n  the triggers protect them. For the role split see "
            "docs/operations.md (Audit log)."
        )
        return
    schema_editor.execute(ROLES, params=None)


def unprotect(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(UNDO, params=None)


class Migration(migrations.Migration):
    dependencies = [("records", "0004_audit_key_and_reseal")]

    operations = [migrations.RunPython(protect, unprotect, elidable=False)]
