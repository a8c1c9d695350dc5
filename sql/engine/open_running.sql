-- Subjects counting at each month end of each return: +1 in the month a spell starts, -1 in the
-- month it ends (a spell ending on a month end no longer counts at it), summed month by month.
-- Months the return reports are included even without a start or end, so every one has a sum.
INSERT INTO work_running (run_id, indicator_id, return_id, area_code, month_seq, total)
SELECT :run_id, :indicator_id, return_id, NULL, month_seq,
       SUM(delta) OVER (PARTITION BY return_id ORDER BY month_seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM (
  SELECT return_id, month_seq, SUM(delta) AS delta
  FROM (
    SELECT return_id, start_seq AS month_seq, 1 AS delta
    FROM work_spell WHERE run_id = :run_id AND indicator_id = :indicator_id
    UNION ALL
    SELECT return_id, end_seq, -1
    FROM work_spell WHERE run_id = :run_id AND indicator_id = :indicator_id AND end_seq IS NOT NULL
    UNION ALL
    SELECT return_id, month_seq, 0
    FROM work_assign WHERE run_id = :run_id AND indicator_id = :indicator_id
  ) e
  GROUP BY return_id, month_seq
) g
