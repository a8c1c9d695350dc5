-- Events counting at a breakdown month end (seen through the return that reported it), by the
-- group ({label}) their child fell in at the event.
INSERT INTO work_value (run_id, indicator_id, area_code, month_seq, breakdown, numerator, in_month_numerator)
SELECT :run_id, :indicator_id, area_code, month_seq, :dimension || '=' || label, SUM(weight), NULL
FROM (
  SELECT c.area_code, c.month_seq, e.weight, {label} AS label
  FROM work_breakdown_month b
  JOIN work_cover12 c ON c.run_id = b.run_id AND c.indicator_id = :indicator_id AND c.month_seq = b.month_seq
  JOIN work_assign a ON a.run_id = c.run_id AND a.indicator_id = c.indicator_id
                    AND a.area_code = c.area_code AND a.month_seq = c.month_seq
  JOIN work_event e ON e.run_id = c.run_id AND e.indicator_id = c.indicator_id AND e.return_id = a.return_id
                   AND e.window_start <= c.month_seq AND e.window_end > c.month_seq
  LEFT JOIN child_profile p ON p.return_id = e.source_return_id AND p.child_key = e.child_key
  WHERE b.run_id = :run_id
) x
GROUP BY area_code, month_seq, label
