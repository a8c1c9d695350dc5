-- Children aged 0 to 17 for each LA and month end: the ONS mid-year estimate for the calendar
-- year before the 31 March that ends the month's reporting year (as DfE does), or the latest
-- published where that is not out yet (flagged, and said in the notes). A population file among
-- the run's inputs (INPUTS.md C1) is used instead of the shipped estimates where it has a figure.
-- A file giving children by sex (population_input.sex) gives its Total, or Male and Female added.
-- Estimates are matched to the LA by its 3-digit code (through the la table), never by the
-- 9-character code: North Yorkshire's estimates for 2022 carry E10000023, for 2023 E06000065.
INSERT INTO work_population (run_id, area_code, month_seq, children_0_17, mid_year, latest_instead)
SELECT a.run_id, a.area_code, c.month_seq, p.children_0_17, p.mid_year,
       CASE WHEN p.mid_year < c.year_to_march - 1 THEN TRUE ELSE FALSE END
FROM run_area a
JOIN calendar c ON c.month_end <= :period AND c.month_end >= :first_month
JOIN (SELECT l.la_code3, pi.mid_year,
             COALESCE(MAX(CASE WHEN pi.sex IS NULL THEN pi.children_0_17 END),
                      MAX(CASE WHEN pi.sex = 'M' THEN pi.children_0_17 END)
                      + MAX(CASE WHEN pi.sex = 'F' THEN pi.children_0_17 END)) AS children_0_17
      FROM population_input pi
      JOIN la l ON l.la_code9 = pi.la_code9
      WHERE pi.source_file_id IN (SELECT ri.source_file_id FROM run_input ri WHERE ri.run_id = :run_id)
      GROUP BY l.la_code3, pi.mid_year
      HAVING COALESCE(MAX(CASE WHEN pi.sex IS NULL THEN pi.children_0_17 END),
                      MAX(CASE WHEN pi.sex = 'M' THEN pi.children_0_17 END)
                      + MAX(CASE WHEN pi.sex = 'F' THEN pi.children_0_17 END)) IS NOT NULL
      UNION ALL
      SELECT l.la_code3, sp.mid_year, MAX(sp.children_0_17)
      FROM population sp
      JOIN la l ON l.la_code9 = sp.la_code9
      WHERE NOT EXISTS (SELECT 1 FROM population_input pi
                        JOIN la l2 ON l2.la_code9 = pi.la_code9
                        WHERE l2.la_code3 = l.la_code3 AND pi.mid_year = sp.mid_year
                          AND pi.source_file_id IN (SELECT ri.source_file_id FROM run_input ri WHERE ri.run_id = :run_id))
      GROUP BY l.la_code3, sp.mid_year) p
  ON p.la_code3 = a.la_code3
 AND p.mid_year = (SELECT MAX(p2.mid_year) FROM (SELECT l3.la_code3, sp3.mid_year FROM population sp3 JOIN la l3 ON l3.la_code9 = sp3.la_code9
                                                 UNION ALL
                                                 SELECT l4.la_code3, pi4.mid_year FROM population_input pi4 JOIN la l4 ON l4.la_code9 = pi4.la_code9
                                                 WHERE pi4.source_file_id IN (SELECT ri.source_file_id FROM run_input ri WHERE ri.run_id = :run_id)) p2
                   WHERE p2.la_code3 = a.la_code3 AND p2.mid_year <= c.year_to_march - 1)
WHERE a.run_id = :run_id AND a.is_partnership = FALSE
