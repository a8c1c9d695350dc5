-- Disclosure control decided once per run, in the database (issue 11): `suppressed` is now final
-- (small numbers and every figure that would let one be worked out), and the in-month figure a
-- chart plots is withheld on its own (in_month_suppressed), so every output reads the same verdict.
-- The in-month numerator and denominator are kept so a percentage in a month built on a count of 1
-- to 5 children can be withheld too.
ALTER TABLE indicator_value ADD COLUMN in_month_numerator DECIMAL(20, 4);
ALTER TABLE indicator_value ADD COLUMN in_month_denominator DECIMAL(20, 4);
ALTER TABLE indicator_value ADD COLUMN in_month_suppressed BOOLEAN DEFAULT FALSE NOT NULL;
-- The run that computed the value, so revisions can say which file moved a figure.
ALTER TABLE indicator_value ADD COLUMN run_id BIGINT;

-- A period run again (a corrected return arrived) replaces that period's values: the headline
-- figures it replaced are kept here, so the new run can list every month that moved.
CREATE TABLE superseded_value (
  job_name     VARCHAR(100)   NOT NULL,
  run_period   DATE           NOT NULL,
  run_id       BIGINT,                   -- the run that had computed them
  indicator_id VARCHAR(60)    NOT NULL,
  area_code    VARCHAR(40)    NOT NULL,
  area_name    VARCHAR(200)   NOT NULL,
  period_end   DATE           NOT NULL,
  figure       DECIMAL(20, 4) NOT NULL,
  suppressed   BOOLEAN        NOT NULL,
  PRIMARY KEY (job_name, run_period, indicator_id, area_code, period_end)
);
