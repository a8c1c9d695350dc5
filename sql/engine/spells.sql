-- The entry's spells, restricted to the run's returns, with a subject's overlapping spells cut so
-- that it counts once: each spell starts no earlier than the latest end among the subject's
-- earlier spells, and a spell wholly inside an earlier one is dropped. A spell that ends on or
-- before it starts never counts at a month end and is dropped too. start_seq and end_seq are the
-- months the spell starts and ends in. Read by open_spells.sql (kept for a breakdown) or straight
-- by open_running.sql (an entry without breakdowns: nothing else reads its spells).
SELECT return_id, subject_key, child_key, attribute, eff_start AS start_date, end_date,
       CAST(EXTRACT(YEAR FROM eff_start) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM eff_start) AS INTEGER) - 1 AS start_seq,
       CASE WHEN end_date IS NULL THEN NULL
            ELSE CAST(EXTRACT(YEAR FROM end_date) AS INTEGER) * 12 + CAST(EXTRACT(MONTH FROM end_date) AS INTEGER) - 1 END AS end_seq
FROM (
  SELECT return_id, subject_key, child_key, attribute, end_date, prev_end,
         CASE WHEN prev_end IS NOT NULL AND prev_end > start_date THEN prev_end ELSE start_date END AS eff_start
  FROM (
    SELECT r.stream_id AS return_id, s.subject_key, s.child_key, s.attribute, s.start_date, s.end_date,
           MAX(COALESCE(s.end_date, DATE '9999-12-31')) OVER (
             PARTITION BY r.stream_id, s.subject_key
             ORDER BY s.start_date, s.end_date NULLS LAST
             ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev_end
    FROM ({indicator_sql}) s
    JOIN run_scope r ON r.run_id = :run_id AND r.return_id = s.return_id AND r.source_kind IN ({sources})
    WHERE s.start_date IS NOT NULL AND (s.end_date IS NULL OR s.end_date > s.start_date)
  ) w
) x
WHERE (prev_end IS NULL OR COALESCE(end_date, DATE '9999-12-31') > prev_end)
  AND (end_date IS NULL OR end_date > eff_start)
