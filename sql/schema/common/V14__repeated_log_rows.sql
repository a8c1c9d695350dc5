-- A partner's log sent twice over the same months (last quarter's export left beside this one, a
-- month re-sent in a new file) would count its rows twice. Of the run's logs for one LA and kind,
-- a row whose key (the same one that refuses a row given twice in one file: the audit reference,
-- the practitioner with course and date, the month, ...) a later file also gives is marked with
-- that file's return, and the indicators count the later file's row only. Set afresh by each run
-- from the logs it uses (scopeReturns), so a file taken out of the input folder stops hiding rows.
ALTER TABLE training_record ADD COLUMN repeated_in BIGINT;
ALTER TABLE case_audit ADD COLUMN repeated_in BIGINT;
ALTER TABLE early_help_plan ADD COLUMN repeated_in BIGINT;
ALTER TABLE health_monthly ADD COLUMN repeated_in BIGINT;
ALTER TABLE gcp2_assessment ADD COLUMN repeated_in BIGINT;
ALTER TABLE police_monthly ADD COLUMN repeated_in BIGINT;
