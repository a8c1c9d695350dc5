-- Month ends whose twelve months (the month itself and the eleven before) are all covered: only
-- these have a 12-month value.
INSERT INTO work_cover12 (run_id, indicator_id, area_code, month_seq)
SELECT a.run_id, a.indicator_id, a.area_code, a.month_seq
FROM work_assign a
WHERE a.run_id = :run_id AND a.indicator_id = :indicator_id
  AND (SELECT COUNT(*) FROM work_assign b
       WHERE b.run_id = a.run_id AND b.indicator_id = a.indicator_id AND b.area_code = a.area_code
         AND b.month_seq BETWEEN a.month_seq - 11 AND a.month_seq) = 12
