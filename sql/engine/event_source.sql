-- The entry's events in each of the run's returns, as that return reports them.
INSERT INTO work_event_source (run_id, indicator_id, return_id, subject_key, child_key, event_date, month_seq, counted, weight, attribute)
SELECT :run_id, :indicator_id, s.return_id, s.subject_key, s.child_key, s.event_date,
       CAST(EXTRACT(YEAR FROM s.event_date) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM s.event_date) AS INTEGER) - 1,
       {counted}, {weight}, {attribute}
FROM ({indicator_sql}) s
WHERE s.event_date IS NOT NULL
  AND s.return_id IN (SELECT r.return_id FROM run_scope r WHERE r.run_id = :run_id AND r.source_kind IN ({sources}))
