-- An entry's spells counted by the months they start and end in (spell_months.sql), from which
-- open_running.sql sums the months. Counting and summing were one statement of derived tables
-- nested seven deep, which H2 planned afresh for every way of joining each level: 0.25-0.3 s to
-- plan a statement that runs in 0.02 s on a small return, for every open-at-month-end indicator.
CREATE TABLE work_spell_month (
  run_id       BIGINT      NOT NULL,
  indicator_id VARCHAR(60) NOT NULL,
  return_id    BIGINT      NOT NULL,
  start_seq    INTEGER     NOT NULL,
  end_seq      INTEGER,
  spells       INTEGER     NOT NULL
);
CREATE INDEX work_spell_month_indicator ON work_spell_month (run_id, indicator_id);

-- On a database shared by LAs (sql/schema/postgresql-roles.sql), each LA's role was given the tables
-- there were when the DBA ran that script: this one, new, is given to every role that may write the
-- work table beside it, so their jobs carry on after the upgrade.
DO $$
DECLARE
  r TEXT;
BEGIN
  FOR r IN SELECT DISTINCT grantee FROM information_schema.role_table_grants
           WHERE table_schema = current_schema() AND table_name = 'work_running' AND privilege_type = 'INSERT'
             AND grantee <> current_user LOOP
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON work_spell_month TO %I', r);
  END LOOP;
END
$$;
