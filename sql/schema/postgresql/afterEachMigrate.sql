-- After each migration (a Flyway callback, PostgreSQL only): on a database shared by LAs
-- (sql/schema/postgresql-roles.sql), each LA's role was given the tables there were when the DBA ran
-- that script. Every role that may write the work tables (each LA's, not the alliance's) is given
-- the tables and sequences a migration has just added, so the LAs' jobs carry on after an upgrade.
DO $$
DECLARE
  r TEXT;
BEGIN
  FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
           WHERE table_schema = current_schema() AND table_name = 'work_running' AND privilege_type = 'INSERT'
             AND grantee <> current_user LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), r);
    EXECUTE format('GRANT USAGE ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), r);
  END LOOP;
END
$$;
