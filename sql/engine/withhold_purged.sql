-- Months whose figure would be counted from a multi-agency log whose older rows purge deleted
-- (Purge: a log row goes once its own date is before the retention cut-off, while the log's
-- return still covers its first months): no value, never the smaller count of what is left. A
-- trial's purge at five years turned a 12-month count of neglect audits from 34 to 22 and a
-- count since the strategy began to 0, each published as a figure. :keep_from is the first month
-- end whose figure is whole again (IndicatorEngine.withholdWherePurged).
DELETE FROM work_value
WHERE run_id = :run_id AND indicator_id = :indicator_id
  AND month_seq < COALESCE((SELECT MIN(c.month_seq) FROM calendar c WHERE c.month_end >= :keep_from), 2147483647)
