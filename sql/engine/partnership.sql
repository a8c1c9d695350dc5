-- The partnership's counts: sums of its member LAs', for month ends every member covers; a
-- 12-month value and breakdowns only where every member has a value. Where a source gives the
-- partnership's figure itself (a file for the whole partnership, like a police force's or a
-- training log kept by the partnership), that figure stands and nothing is summed for the month.
INSERT INTO work_value (run_id, indicator_id, area_code, month_seq, breakdown, numerator, in_month_numerator)
SELECT v.run_id, v.indicator_id, :partnership, v.month_seq, v.breakdown,
       CASE WHEN m.complete THEN SUM(v.numerator) END,
       SUM(v.in_month_numerator)
FROM work_value v
JOIN run_area ra ON ra.run_id = v.run_id AND ra.area_code = v.area_code AND ra.in_partnership = TRUE
JOIN work_partner_month m ON m.run_id = v.run_id AND m.indicator_id = v.indicator_id AND m.month_seq = v.month_seq
WHERE v.run_id = :run_id AND v.indicator_id = :indicator_id AND (v.breakdown = 'all' OR m.complete = TRUE)
  AND NOT EXISTS (SELECT 1 FROM work_value own
                  WHERE own.run_id = v.run_id AND own.indicator_id = v.indicator_id
                    AND own.area_code = :partnership AND own.month_seq = v.month_seq)
GROUP BY v.run_id, v.indicator_id, v.month_seq, v.breakdown, m.complete
