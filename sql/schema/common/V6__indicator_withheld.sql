-- Indicators a run could not compute for some months because a return lacks a column (or table)
-- their SQL reads (absent_column): the run summary, the Completeness sheet and the list of figures
-- with no value say which, for whom, and which file to fix.
CREATE TABLE indicator_withheld (
  run_id       BIGINT       NOT NULL,
  indicator_id VARCHAR(60)  NOT NULL,  -- a base entry; the figures built on it have no value either
  area_code    VARCHAR(40)  NOT NULL,  -- the LA (or the partnership, for a partnership-wide log)
  file_name    VARCHAR(500) NOT NULL,
  file_table   VARCHAR(100),
  file_column  VARCHAR(100) NOT NULL,
  cover_from   DATE         NOT NULL,  -- the months the return serves
  cover_to     DATE         NOT NULL
);
CREATE INDEX indicator_withheld_run ON indicator_withheld (run_id);
