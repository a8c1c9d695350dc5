-- The entry's events, each taken only from the return that reported its month, and the span of
-- month ends it counts in: [window_start, window_end). Without distinct, every counted event
-- counts in the twelve month ends from its own. With distinct ({distinct} is 1 = 1), a subject
-- counts in a 12-month window at its first event in it, so an event's span starts no earlier
-- than twelve months after the subject's previous event.
INSERT INTO work_event (run_id, indicator_id, area_code, return_id, subject_key, child_key, event_date, month_seq, counted,
                        window_start, window_end)
SELECT :run_id, :indicator_id, area_code, return_id, subject_key, child_key, event_date, month_seq, counted,
       CASE WHEN counted <> 1 THEN NULL
            WHEN {distinct} AND prev_seq IS NOT NULL AND prev_seq + 12 > month_seq THEN
                 CASE WHEN prev_seq + 12 < month_seq + 12 THEN prev_seq + 12 ELSE NULL END
            ELSE month_seq END,
       month_seq + 12
FROM (
  SELECT a.area_code, e.return_id, e.subject_key, e.child_key, e.event_date, e.month_seq, e.counted,
         LAG(e.month_seq) OVER (PARTITION BY a.area_code, e.subject_key
                                ORDER BY e.event_date, e.counted DESC, e.return_id) AS prev_seq
  FROM (
    SELECT s.return_id, s.subject_key, s.child_key, s.event_date, {counted} AS counted,
           CAST(EXTRACT(YEAR FROM s.event_date) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM s.event_date) AS INTEGER) - 1 AS month_seq
    FROM ({indicator_sql}) s
    WHERE s.event_date IS NOT NULL
      AND s.return_id IN (SELECT r.return_id FROM run_scope r WHERE r.run_id = :run_id AND r.source_kind IN ({sources}))
  ) e
  JOIN work_assign a ON a.run_id = :run_id AND a.indicator_id = :indicator_id
                    AND a.return_id = e.return_id AND a.month_seq = e.month_seq
) x
