-- Each LA month end takes the running sum of the return that reported it.
INSERT INTO work_value (run_id, indicator_id, area_code, month_seq, breakdown, numerator, in_month_numerator)
SELECT run_id, indicator_id, area_code, month_seq, 'all', total, total
FROM (
  SELECT a.run_id, a.indicator_id, a.area_code, a.month_seq,
         (SELECT r.total FROM work_running r
          WHERE r.run_id = a.run_id AND r.indicator_id = a.indicator_id
            AND r.return_id = a.return_id AND r.month_seq = a.month_seq) AS total
  FROM work_assign a
  WHERE a.run_id = :run_id AND a.indicator_id = :indicator_id
) x
