-- A rate per 10,000 children: the numerator entry's value over the population of children aged
-- 0 to 17 (the partnership's population is the sum of its members').
INSERT INTO work_value (run_id, indicator_id, area_code, month_seq, breakdown, numerator, denominator,
                        in_month_numerator, in_month_denominator)
SELECT n.run_id, :indicator_id, n.area_code, n.month_seq, n.breakdown, n.numerator, p.children_0_17,
       n.in_month_numerator, p.children_0_17
FROM work_value n
JOIN work_population p ON p.run_id = n.run_id AND p.area_code = n.area_code AND p.month_seq = n.month_seq
WHERE n.run_id = :run_id AND n.indicator_id = :numerator_id AND n.breakdown = 'all'
