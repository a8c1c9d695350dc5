-- The month ends every member LA covers (:members LAs, counted by 3-digit code since an LA's
-- 9-character code can change), and whether every member also has a 12-month value there.
INSERT INTO work_partner_month (run_id, indicator_id, month_seq, complete)
SELECT w.run_id, w.indicator_id, w.month_seq,
       CASE WHEN COUNT(DISTINCT CASE WHEN w.numerator IS NOT NULL THEN ra.la_code3 END) = :members THEN TRUE ELSE FALSE END
FROM work_value w
JOIN run_area ra ON ra.run_id = w.run_id AND ra.area_code = w.area_code AND ra.in_partnership = TRUE
WHERE w.run_id = :run_id AND w.indicator_id = :indicator_id AND w.breakdown = 'all'
GROUP BY w.run_id, w.indicator_id, w.month_seq
HAVING COUNT(DISTINCT ra.la_code3) = :members
