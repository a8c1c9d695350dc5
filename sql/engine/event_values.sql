-- Events counting at each month end: +1 where an event's span starts, -1 where it ends, summed
-- month by month within each LA; the 12-month value only where all twelve months are covered.
-- Beside it, the count in the month itself (what SPC charts read for flows).
INSERT INTO work_value (run_id, indicator_id, area_code, month_seq, breakdown, numerator, in_month_numerator)
SELECT a.run_id, a.indicator_id, a.area_code, a.month_seq, 'all',
       CASE WHEN c.month_seq IS NULL THEN NULL ELSE r.total END,
       COALESCE(m.in_month, 0)
FROM work_assign a
JOIN (
  SELECT area_code, month_seq,
         SUM(delta) OVER (PARTITION BY area_code ORDER BY month_seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS total
  FROM (
    SELECT area_code, month_seq, SUM(delta) AS delta
    FROM (
      SELECT area_code, window_start AS month_seq, 1 AS delta
      FROM work_event WHERE run_id = :run_id AND indicator_id = :indicator_id AND window_start IS NOT NULL
      UNION ALL
      SELECT area_code, window_end, -1
      FROM work_event WHERE run_id = :run_id AND indicator_id = :indicator_id AND window_start IS NOT NULL
      UNION ALL
      SELECT area_code, month_seq, 0
      FROM work_assign WHERE run_id = :run_id AND indicator_id = :indicator_id
    ) e
    GROUP BY area_code, month_seq
  ) g
) r ON r.area_code = a.area_code AND r.month_seq = a.month_seq
LEFT JOIN work_cover12 c ON c.run_id = a.run_id AND c.indicator_id = a.indicator_id
                        AND c.area_code = a.area_code AND c.month_seq = a.month_seq
LEFT JOIN (
  SELECT area_code, month_seq, {in_month_count} AS in_month
  FROM work_event
  WHERE run_id = :run_id AND indicator_id = :indicator_id AND counted = 1
  GROUP BY area_code, month_seq
) m ON m.area_code = a.area_code AND m.month_seq = a.month_seq
WHERE a.run_id = :run_id AND a.indicator_id = :indicator_id
