-- Each month end's 12 months are seen through the return that reported that month end (the data
-- as it stood when it was reported): for each such return, its own events from the eleven months
-- before its first month on, and, for those earlier months, the events it does not have (matched
-- by subject: child and start or referral date) as the return reporting them had them. A year's
-- return (a census or SSDA903 as at 31 March) is the final word for the months of its own year,
-- also reported earlier by a mid-year extract: a plan it corrected or took out is not counted
-- again from the extract, so 31 March's figure is the return's own, as DfE's is. (An extract or an
-- Annex A viewing months a year's return reported still takes what that return had.)
--
-- [window_start, window_end) is the span of month ends an event counts in. Without distinct,
-- every counted event counts in the twelve month ends from its own. With distinct ({distinct} is
-- 1 = 1), a subject counts in a 12-month window at its first event in it, so an event's span
-- starts no earlier than twelve months after the subject's previous event.
--
-- The earlier months' events are read once for each return reporting some of them (its months
-- among the eleven, from the first to the last): joined month by month, H2 read all of that
-- return's events for each month (1.5 million rows read for 170,000 events, in the national extract).
INSERT INTO work_event (run_id, indicator_id, area_code, return_id, source_return_id, subject_key, child_key, event_date, month_seq, counted,
                        weight, attribute, window_start, window_end)
SELECT :run_id, :indicator_id, area_code, view_return, source_return, subject_key, child_key, event_date, month_seq, counted,
       weight, attribute,
       CASE WHEN counted <> 1 THEN NULL
            WHEN {distinct} AND prev_seq IS NOT NULL AND prev_seq + 12 > month_seq THEN
                 CASE WHEN prev_seq < month_seq THEN prev_seq + 12 ELSE NULL END
            ELSE month_seq END,
       month_seq + 12
FROM (
  SELECT v.area_code, v.view_return, v.source_return, v.subject_key, v.child_key, v.event_date, v.month_seq, v.counted,
         v.weight, v.attribute,
         LAG(v.month_seq) OVER (PARTITION BY v.view_return, v.subject_key
                                ORDER BY v.event_date, v.counted DESC, v.source_return) AS prev_seq
  FROM (
    SELECT w.area_code, w.return_id AS view_return, e.return_id AS source_return, e.subject_key, e.child_key,
           e.event_date, e.month_seq, e.counted, e.weight, e.attribute
    FROM (SELECT area_code, return_id, MIN(month_seq) AS first_seq, MAX(month_seq) AS last_seq
          FROM work_assign WHERE run_id = :run_id AND indicator_id = :indicator_id
          GROUP BY area_code, return_id) w
    JOIN work_event_source e ON e.run_id = :run_id AND e.indicator_id = :indicator_id AND e.return_id = w.return_id
                            AND e.month_seq BETWEEN w.first_seq - 11 AND w.last_seq
    UNION ALL
    SELECT p.area_code, p.view_return, e.return_id, e.subject_key, e.child_key, e.event_date, e.month_seq, e.counted,
           e.weight, e.attribute
    FROM (SELECT w.area_code, w.return_id AS view_return, a.return_id AS source_return,
                 MIN(a.month_seq) AS from_seq, MAX(a.month_seq) AS to_seq
          FROM (SELECT area_code, return_id, MIN(month_seq) AS first_seq
                FROM work_assign WHERE run_id = :run_id AND indicator_id = :indicator_id
                GROUP BY area_code, return_id) w
          JOIN (SELECT stream_id,
                       CASE WHEN MIN(source_kind) IN ('CIN_CENSUS', 'SSDA903') AND EXTRACT(MONTH FROM MIN(reference_date)) = 3
                                 AND EXTRACT(DAY FROM MIN(reference_date)) = 31
                            THEN MIN(CAST(EXTRACT(YEAR FROM cover_from) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM cover_from) AS INTEGER) - 1)
                            ELSE 999999 END AS cover_seq
                FROM run_scope WHERE run_id = :run_id GROUP BY stream_id) c ON c.stream_id = w.return_id
          JOIN work_assign a ON a.run_id = :run_id AND a.indicator_id = :indicator_id AND a.area_code = w.area_code
                            AND a.month_seq BETWEEN w.first_seq - 11 AND w.first_seq - 1
                            AND a.month_seq < c.cover_seq
          GROUP BY w.area_code, w.return_id, a.return_id) p
    JOIN work_event_source e ON e.run_id = :run_id AND e.indicator_id = :indicator_id
                            AND e.return_id = p.source_return AND e.month_seq BETWEEN p.from_seq AND p.to_seq
    JOIN work_assign a ON a.run_id = :run_id AND a.indicator_id = :indicator_id AND a.area_code = p.area_code
                      AND a.month_seq = e.month_seq AND a.return_id = p.source_return
    WHERE NOT EXISTS (SELECT 1 FROM work_event_source o
                      WHERE o.run_id = :run_id AND o.indicator_id = :indicator_id
                        AND o.return_id = p.view_return AND o.subject_key = e.subject_key)
  ) v
) x
