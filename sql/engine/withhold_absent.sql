-- Month ends whose figure would need a column a return does not give (absent_column): no value,
-- never a zero. {absent_months} picks the months served by a return (a stream, for logs) that
-- lacks a column this entry's SQL reads, within the months that return's own file covers: a log's
-- small extra file without a column loses the months it covers, not the whole stream's history. A
-- month end loses its value when any month of its figure came from them ({window}: 0 for a count
-- at the month end, 11 for the 12 months to it). Runs before the partnership's sums, so the
-- partnership has no value for those months either.
DELETE FROM work_value
WHERE run_id = :run_id AND indicator_id = :indicator_id
  AND EXISTS (SELECT 1 FROM work_assign a
              WHERE a.run_id = work_value.run_id AND a.indicator_id = work_value.indicator_id
                AND a.area_code = work_value.area_code AND ({absent_months})
                AND a.month_seq BETWEEN work_value.month_seq - {window} AND work_value.month_seq)
