-- For each LA, kind of return and month end up to the run's period: the earliest return (by
-- reference date) whose span covers the month end. Each month is thus computed from the data as
-- it stood when that month was reported, which is what DfE published.
INSERT INTO month_source (run_id, area_code, source_kind, month_seq, return_id)
SELECT run_id, la_code9, source_kind, month_seq, return_id
FROM (
  SELECT s.run_id, s.la_code9, s.source_kind, c.month_seq, s.return_id,
         ROW_NUMBER() OVER (PARTITION BY s.la_code9, s.source_kind, c.month_seq
                            ORDER BY s.reference_date, s.return_id DESC) AS rn
  FROM run_scope s
  JOIN calendar c ON c.month_end >= s.cover_from AND c.month_end <= s.cover_to
  WHERE s.run_id = :run_id AND c.month_end <= :period
) x
WHERE rn = 1
