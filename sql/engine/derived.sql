-- A percentage, ratio or mean: the numerator entry's value over the denominator entry's, area by
-- area (the partnership's from its summed counts), month by month, breakdown by breakdown.
-- A breakdown's group with none counted in the numerator has no numerator row (its events are only
-- the groups they are in): where the numerator has a value for the area and month, that is a zero,
-- not no data ("zero means zero"), and the group's share is 0 of its denominator. Without it an LA's
-- 0 of 1 was missing beside the partnership's 1 of 2 formed from it.
INSERT INTO work_value (run_id, indicator_id, area_code, month_seq, breakdown, numerator, denominator,
                        in_month_numerator, in_month_denominator)
SELECT d.run_id, :indicator_id, d.area_code, d.month_seq, d.breakdown, COALESCE(n.numerator, 0), d.numerator,
       CASE WHEN n.area_code IS NOT NULL THEN n.in_month_numerator WHEN d.in_month_numerator IS NOT NULL THEN 0 END,
       d.in_month_numerator
FROM work_value d
LEFT JOIN work_value n ON n.run_id = d.run_id AND n.indicator_id = :numerator_id AND n.area_code = d.area_code
                      AND n.month_seq = d.month_seq AND n.breakdown = d.breakdown
WHERE d.run_id = :run_id AND d.indicator_id = :denominator_id
  AND (n.area_code IS NOT NULL
       OR d.breakdown <> 'all' AND EXISTS (SELECT 1 FROM work_value h
                                           WHERE h.run_id = d.run_id AND h.indicator_id = :numerator_id
                                             AND h.area_code = d.area_code AND h.month_seq = d.month_seq
                                             AND h.breakdown = 'all'))
