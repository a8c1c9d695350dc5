-- The values of one indicator into indicator_value: rounded half up ({value} and {in_month}),
-- suppressed where a count of children or families from 1 to 5 could identify them
-- ({suppressed}; the protectSmallNumbers step then decides the final verdict, secondary
-- suppression included). A zero denominator gives no row; so does a month with no 12-month value,
-- and a month before the strategy began for a figure counted since it began ({from}).
INSERT INTO indicator_value (job_name, run_period, indicator_id, area_code, area_name, period_end, breakdown,
                             figure, numerator, denominator, in_month_figure, in_month_numerator, in_month_denominator,
                             unit, suppressed, run_id)
SELECT :job_name, :period, v.indicator_id, v.area_code, ra.area_name, c.month_end, v.breakdown,
       {value}, {numerator}, {denominator}, {in_month}, v.in_month_numerator, {in_month_denominator},
       :unit, {suppressed}, :run_id
FROM work_value v
JOIN run_area ra ON ra.run_id = v.run_id AND ra.area_code = v.area_code
JOIN calendar c ON c.month_seq = v.month_seq
WHERE v.run_id = :run_id AND v.indicator_id = :indicator_id AND v.numerator IS NOT NULL {has_denominator} {from}
