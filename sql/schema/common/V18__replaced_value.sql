-- A period run again replaces its copies to share, which a board may already have (they are kept
-- beside the new ones). What that copy published of every figure, with its counts, is kept here so
-- the new run's disclosure control can take it as known, as it takes the copies of the months either
-- side: a fresh-eye trial found 26 figures, unchanged by the correction, withheld in one copy and
-- shown in the other. Kept by the run that computed them: a run that did not finish published
-- nothing, so the copy last published is the latest kept of a run that completed (older ones than
-- that are let go).
CREATE TABLE replaced_value (
  job_name             VARCHAR(100)   NOT NULL,
  run_period           DATE           NOT NULL,
  run_id               BIGINT         NOT NULL,
  indicator_id         VARCHAR(60)    NOT NULL,
  area_code            VARCHAR(40)    NOT NULL,
  period_end           DATE           NOT NULL,
  breakdown            VARCHAR(100)   NOT NULL,
  figure               DECIMAL(20, 4) NOT NULL,
  numerator            DECIMAL(20, 4),
  denominator          DECIMAL(20, 4),
  in_month_numerator   DECIMAL(20, 4),
  in_month_denominator DECIMAL(20, 4),
  suppressed           BOOLEAN        NOT NULL,
  in_month_suppressed  BOOLEAN        NOT NULL,
  PRIMARY KEY (job_name, run_period, run_id, indicator_id, area_code, period_end, breakdown)
);
