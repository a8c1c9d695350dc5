-- Children aged 0 to 17 for each LA and month end: the ONS mid-year estimate for the calendar
-- year before the 31 March that ends the month's reporting year (as DfE does), or the latest
-- published where that is not out yet (flagged, and said in the notes).
INSERT INTO work_population (run_id, area_code, month_seq, children_0_17, mid_year, latest_instead)
SELECT a.run_id, a.area_code, c.month_seq, p.children_0_17, p.mid_year,
       CASE WHEN p.mid_year < c.year_to_march - 1 THEN TRUE ELSE FALSE END
FROM run_area a
JOIN calendar c ON c.month_end <= :period AND c.month_end >= :first_month
JOIN population p ON p.la_code9 = a.area_code
 AND p.mid_year = (SELECT MAX(p2.mid_year) FROM population p2
                   WHERE p2.la_code9 = a.area_code AND p2.mid_year <= c.year_to_march - 1)
WHERE a.run_id = :run_id AND a.is_partnership = FALSE
