-- A percentage, ratio or mean: the numerator entry's value over the denominator entry's, area by
-- area (the partnership's from its summed counts), month by month, breakdown by breakdown.
INSERT INTO work_value (run_id, indicator_id, area_code, month_seq, breakdown, numerator, denominator,
                        in_month_numerator, in_month_denominator)
SELECT n.run_id, :indicator_id, n.area_code, n.month_seq, n.breakdown, n.numerator, d.numerator,
       n.in_month_numerator, d.in_month_numerator
FROM work_value n
JOIN work_value d ON d.run_id = n.run_id AND d.indicator_id = :denominator_id AND d.area_code = n.area_code
                 AND d.month_seq = n.month_seq AND d.breakdown = n.breakdown
WHERE n.run_id = :run_id AND n.indicator_id = :numerator_id
