-- Subjects counting at each month end: +1 in the month a spell starts, -1 in the month it ends
-- (a spell ending on a month end no longer counts at it), summed month by month within each
-- return, read at the months that return reports.
INSERT INTO work_value (run_id, indicator_id, area_code, month_seq, breakdown, numerator, in_month_numerator)
SELECT a.run_id, a.indicator_id, a.area_code, a.month_seq, 'all', r.open_count, r.open_count
FROM work_assign a
JOIN (
  SELECT return_id, month_seq,
         SUM(delta) OVER (PARTITION BY return_id ORDER BY month_seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS open_count
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
) r ON r.return_id = a.return_id AND r.month_seq = a.month_seq
WHERE a.run_id = :run_id AND a.indicator_id = :indicator_id
