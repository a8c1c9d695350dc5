-- Subjects counting at a breakdown month end, by the group ({label}) their child falls in then.
INSERT INTO work_value (run_id, indicator_id, area_code, month_seq, breakdown, numerator, in_month_numerator)
SELECT :run_id, :indicator_id, area_code, month_seq, :dimension || '=' || label, COUNT(DISTINCT subject_key), NULL
FROM (
  SELECT a.area_code, a.month_seq, s.subject_key, {label} AS label
  FROM work_assign a
  JOIN calendar c ON c.month_seq = a.month_seq
  JOIN work_spell s ON s.run_id = a.run_id AND s.indicator_id = a.indicator_id AND s.return_id = a.return_id
                   AND s.start_date <= c.month_end AND (s.end_date IS NULL OR s.end_date > c.month_end)
  LEFT JOIN child_profile p ON p.return_id = s.return_id AND p.child_key = s.child_key
  WHERE a.run_id = :run_id AND a.indicator_id = :indicator_id
    AND a.month_seq IN (SELECT month_seq FROM work_breakdown_month WHERE run_id = :run_id)
) x
GROUP BY area_code, month_seq, label
