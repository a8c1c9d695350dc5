-- Database roles for a regional alliance sharing one PostgreSQL database (run by the DBA, once,
-- as the owner of the scorecard's tables, after the first run has created them; psql variables
-- are not used, so edit the LA codes below).
--
-- Each LA runs its jobs as its own role and sees only its own children's rows (row-level security
-- in postgresql.sql); the alliance's analysts use scorecard_alliance, which reads the aggregates
-- (indicator_value) and nothing child-level.

-- The alliance: aggregates only.
CREATE ROLE scorecard_alliance LOGIN PASSWORD 'change me';
GRANT USAGE ON SCHEMA public TO scorecard_alliance;
GRANT SELECT ON indicator_value, run_area, la, population, calendar TO scorecard_alliance;

-- One role per member LA (repeat for each; here Luton, 821).
CREATE ROLE scorecard_la_821 LOGIN PASSWORD 'change me';
GRANT USAGE ON SCHEMA public TO scorecard_la_821;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO scorecard_la_821;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO scorecard_la_821;
-- Tables and sequences a later version's migrations add (run by the owner, as this script is) are
-- granted the same, so an LA's jobs carry on after an upgrade.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO scorecard_la_821;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO scorecard_la_821;
