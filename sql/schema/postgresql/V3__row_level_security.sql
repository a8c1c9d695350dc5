-- ---------------------------------------------------------------- who can see what (PostgreSQL)
-- Child-level rows belong to an LA. A database role named scorecard_la_<3-digit code> sees and
-- writes only its own LA's rows; the alliance role (scorecard_alliance) sees none of them, only
-- the aggregates in indicator_value. The roles themselves, and their grants, are the DBA's: see
-- sql/schema/postgresql-roles.sql. The owner of the tables (the role that ran this schema, used
-- for a single partnership's own database) is not restricted.
DO $$
DECLARE
  t TEXT;
BEGIN
  FOREACH t IN ARRAY ARRAY['child', 'child_characteristics', 'cin_episode', 'assessment', 'cin_plan', 'cp_plan', 'cla_episode',
                         'training_record', 'case_audit', 'early_help_plan', 'health_appointment', 'health_monthly',
                         'gcp2_assessment', 'police_monthly', 'feedback_response'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    IF NOT EXISTS (SELECT 1 FROM pg_policies WHERE tablename = t AND policyname = 'own_la_rows') THEN
      EXECUTE format('CREATE POLICY own_la_rows ON %I USING (EXISTS (SELECT 1 FROM pg_roles r '
        || 'WHERE r.rolname = ''scorecard_la_'' || la_code3 AND pg_has_role(current_user, r.oid, ''MEMBER''))) '
        || 'WITH CHECK (EXISTS (SELECT 1 FROM pg_roles r '
        || 'WHERE r.rolname = ''scorecard_la_'' || la_code3 AND pg_has_role(current_user, r.oid, ''MEMBER'')))', t);
    END IF;
  END LOOP;
END
$$;
