-- Subjects counting at each month end of each return: +1 in the month a spell starts, -1 in the
-- month it ends (a spell ending on a month end no longer counts at it), summed month by month.
-- Months the return reports are included even without a start or end, so every one has a sum.
-- The spells are read as spell_months.sql counted them by start and end month, and each count
-- then taken at both.
INSERT INTO work_running (run_id, indicator_id, return_id, area_code, month_seq, total)
SELECT :run_id, :indicator_id, return_id, NULL, month_seq,
       SUM(delta) OVER (PARTITION BY return_id ORDER BY month_seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM (
  SELECT return_id, month_seq, SUM(delta) AS delta
  FROM (
    SELECT g.return_id, CASE WHEN k.edge = 1 THEN g.start_seq ELSE g.end_seq END AS month_seq, k.edge * g.spells AS delta
    FROM work_spell_month g
    JOIN (VALUES (1), (-1)) AS k (edge) ON k.edge = 1 OR g.end_seq IS NOT NULL
    WHERE g.run_id = :run_id AND g.indicator_id = :indicator_id
    UNION ALL
    SELECT return_id, month_seq, 0
    FROM work_assign WHERE run_id = :run_id AND indicator_id = :indicator_id
  ) e
  GROUP BY return_id, month_seq
) g
