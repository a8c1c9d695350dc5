-- The month ends breakdowns are computed for: each 31 March up to the run's period, and the
-- run's period itself.
INSERT INTO work_breakdown_month (run_id, month_seq)
SELECT :run_id, month_seq FROM calendar
WHERE month_end <= :period AND (MOD(month_seq, 12) = 2 OR month_end = :period)
