-- The partnership's counts: sums of its member LAs', for month ends every member covers
-- (:members LAs, counted by 3-digit code since an LA's 9-character code can change). A 12-month
-- value only where every member has one.
INSERT INTO work_value (run_id, indicator_id, area_code, month_seq, breakdown, numerator, in_month_numerator)
SELECT v.run_id, v.indicator_id, :partnership, v.month_seq, v.breakdown,
       CASE WHEN v.breakdown = 'all' AND COUNT(v.numerator) < :members THEN NULL ELSE SUM(v.numerator) END,
       SUM(v.in_month_numerator)
FROM work_value v
JOIN run_area ra ON ra.run_id = v.run_id AND ra.area_code = v.area_code AND ra.in_partnership = TRUE
WHERE v.run_id = :run_id AND v.indicator_id = :indicator_id
  AND v.month_seq IN (
    SELECT w.month_seq
    FROM work_value w
    JOIN run_area r2 ON r2.run_id = w.run_id AND r2.area_code = w.area_code AND r2.in_partnership = TRUE
    WHERE w.run_id = :run_id AND w.indicator_id = :indicator_id AND w.breakdown = 'all'
    GROUP BY w.month_seq
    HAVING COUNT(DISTINCT r2.la_code3) = :members)
  AND (v.breakdown = 'all' OR v.month_seq IN (
    SELECT w.month_seq
    FROM work_value w
    JOIN run_area r3 ON r3.run_id = w.run_id AND r3.area_code = w.area_code AND r3.in_partnership = TRUE
    WHERE w.run_id = :run_id AND w.indicator_id = :indicator_id AND w.breakdown = 'all' AND w.numerator IS NOT NULL
    GROUP BY w.month_seq
    HAVING COUNT(DISTINCT r3.la_code3) = :members))
GROUP BY v.run_id, v.indicator_id, v.month_seq, v.breakdown
