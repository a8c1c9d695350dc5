-- Children aged 0 to 17 for each LA and month end: the ONS mid-year estimate for the calendar
-- year before the 31 March that ends the month's reporting year (as DfE does), or the latest
-- published where that is not out yet (flagged, and said in the notes). A population file among
-- the run's inputs (INPUTS.md C1) is used instead of the shipped estimates where it has a figure.
INSERT INTO work_population (run_id, area_code, month_seq, children_0_17, mid_year, latest_instead)
SELECT a.run_id, a.area_code, c.month_seq, p.children_0_17, p.mid_year,
       CASE WHEN p.mid_year < c.year_to_march - 1 THEN TRUE ELSE FALSE END
FROM run_area a
JOIN calendar c ON c.month_end <= :period AND c.month_end >= :first_month
JOIN (SELECT pi.la_code9, pi.mid_year, MAX(pi.children_0_17) AS children_0_17
      FROM population_input pi
      WHERE pi.source_file_id IN (SELECT ri.source_file_id FROM run_input ri WHERE ri.run_id = :run_id)
      GROUP BY pi.la_code9, pi.mid_year
      UNION ALL
      SELECT sp.la_code9, sp.mid_year, sp.children_0_17
      FROM population sp
      WHERE NOT EXISTS (SELECT 1 FROM population_input pi
                        WHERE pi.la_code9 = sp.la_code9 AND pi.mid_year = sp.mid_year
                          AND pi.source_file_id IN (SELECT ri.source_file_id FROM run_input ri WHERE ri.run_id = :run_id))) p
  ON p.la_code9 = a.area_code
 AND p.mid_year = (SELECT MAX(p2.mid_year) FROM (SELECT la_code9, mid_year FROM population
                                                 UNION ALL
                                                 SELECT la_code9, mid_year FROM population_input
                                                 WHERE source_file_id IN (SELECT ri.source_file_id FROM run_input ri WHERE ri.run_id = :run_id)) p2
                   WHERE p2.la_code9 = a.area_code AND p2.mid_year <= c.year_to_march - 1)
WHERE a.run_id = :run_id AND a.is_partnership = FALSE
