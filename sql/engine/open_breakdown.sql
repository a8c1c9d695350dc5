-- Subjects counting at a breakdown month end, by the group ({label}) their child falls in then.
-- The subjects open at each month end are found first and only their children's profiles read:
-- joined in one FROM, H2 read the profile of every spell of the return before the calendar told it
-- which were open (44,000 profile lookups a breakdown, where 1,600 count, in the national extract).
-- The breakdown months are joined, not tested with IN (SELECT ...), which H2 evaluated again for
-- each of the LA's month rows (three fifths of the statement's time, by JFR).
INSERT INTO work_value (run_id, indicator_id, area_code, month_seq, breakdown, numerator, in_month_numerator)
SELECT :run_id, :indicator_id, area_code, month_seq, :dimension || '=' || label, COUNT(DISTINCT subject_key), NULL
FROM (
  SELECT o.area_code, o.month_seq, o.subject_key, {label} AS label
  FROM (
    SELECT a.area_code, a.month_seq, c.month_end, s.return_id, s.subject_key, s.child_key, s.attribute
    FROM work_breakdown_month b
    JOIN work_assign a ON a.run_id = b.run_id AND a.indicator_id = :indicator_id AND a.month_seq = b.month_seq
    JOIN calendar c ON c.month_seq = a.month_seq
    JOIN work_spell s ON s.run_id = a.run_id AND s.indicator_id = a.indicator_id AND s.return_id = a.return_id
                     AND s.start_date <= c.month_end AND (s.end_date IS NULL OR s.end_date > c.month_end)
    WHERE b.run_id = :run_id
  ) o
  LEFT JOIN child_profile p ON p.return_id = o.return_id AND p.child_key = o.child_key
) x
GROUP BY area_code, month_seq, label
