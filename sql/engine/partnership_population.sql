-- The partnership's children: the sum of its members', for months every member has a figure for.
INSERT INTO work_population (run_id, area_code, month_seq, children_0_17, mid_year, latest_instead)
SELECT w.run_id, :partnership, w.month_seq, SUM(w.children_0_17), MAX(w.mid_year),
       CASE WHEN SUM(CASE WHEN w.latest_instead THEN 1 ELSE 0 END) > 0 THEN TRUE ELSE FALSE END
FROM work_population w
JOIN run_area a ON a.run_id = w.run_id AND a.area_code = w.area_code AND a.in_partnership = TRUE
WHERE w.run_id = :run_id
GROUP BY w.run_id, w.month_seq
HAVING COUNT(DISTINCT a.la_code3) = :members
