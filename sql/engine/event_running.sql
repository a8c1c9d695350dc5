-- Events counting at each month end, within each reporting return's view: + its weight (1 for a
-- count) where an event's span starts, - its weight where it ends, summed month by month. The months the return reports are
-- included even without events. The events are read once, summed by span, and each span's sum
-- is then counted at both its ends (the table was read once for the starts and again for the ends).
INSERT INTO work_running (run_id, indicator_id, return_id, area_code, month_seq, total)
SELECT :run_id, :indicator_id, return_id, NULL, month_seq,
       SUM(delta) OVER (PARTITION BY return_id ORDER BY month_seq ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
FROM (
  SELECT return_id, month_seq, SUM(delta) AS delta
  FROM (
    SELECT g.return_id, CASE WHEN k.edge = 1 THEN g.window_start ELSE g.window_end END AS month_seq, k.edge * g.total AS delta
    FROM (SELECT return_id, window_start, window_end, SUM(weight) AS total
          FROM work_event WHERE run_id = :run_id AND indicator_id = :indicator_id AND window_start IS NOT NULL
          GROUP BY return_id, window_start, window_end) g
    CROSS JOIN (VALUES (1), (-1)) AS k (edge)
    UNION ALL
    SELECT return_id, month_seq, 0
    FROM work_assign WHERE run_id = :run_id AND indicator_id = :indicator_id
  ) e
  GROUP BY return_id, month_seq
) g
