-- The entry's events in each of the run's returns (or streams of logs), as that return reports them.
INSERT INTO work_event_source (run_id, indicator_id, return_id, subject_key, child_key, event_date, month_seq, counted, weight, attribute)
SELECT :run_id, :indicator_id, r.stream_id, s.subject_key, s.child_key, s.event_date,
       CAST(EXTRACT(YEAR FROM s.event_date) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM s.event_date) AS INTEGER) - 1,
       {counted}, {weight}, {attribute}
FROM ({indicator_sql}) s
JOIN run_scope r ON r.run_id = :run_id AND r.return_id = s.return_id AND r.source_kind IN ({sources})
WHERE s.event_date IS NOT NULL
