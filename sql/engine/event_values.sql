-- Each LA month end: the 12-month count from the view of the return that reported it, where all
-- twelve months are covered; and beside it the count in the month itself (what SPC charts read
-- for flows).
INSERT INTO work_value (run_id, indicator_id, area_code, month_seq, breakdown, numerator, in_month_numerator)
SELECT a.run_id, a.indicator_id, a.area_code, a.month_seq, 'all',
       CASE WHEN EXISTS (SELECT 1 FROM work_cover12 c
                         WHERE c.run_id = a.run_id AND c.indicator_id = a.indicator_id
                           AND c.area_code = a.area_code AND c.month_seq = a.month_seq)
            THEN (SELECT r.total FROM work_running r
                  WHERE r.run_id = a.run_id AND r.indicator_id = a.indicator_id
                    AND r.return_id = a.return_id AND r.month_seq = a.month_seq) END,
       (SELECT {in_month_count} FROM work_event e
        WHERE e.run_id = a.run_id AND e.indicator_id = a.indicator_id AND e.return_id = a.return_id
          AND e.month_seq = a.month_seq AND e.counted = 1)
FROM work_assign a
WHERE a.run_id = :run_id AND a.indicator_id = :indicator_id
