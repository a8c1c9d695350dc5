-- For each LA, kind of return and month end up to the run's period: the earliest return (by
-- reference date) whose span covers the month end. Each month is thus computed from the data as
-- it stood when that month was reported, which is what DfE published. Logs kept by partners
-- (training, audits, ...) are streams: all files of a kind for an area together, over the span
-- they cover between them; "return_id" below is then the stream.
INSERT INTO month_source (run_id, area_code, source_kind, month_seq, return_id)
SELECT run_id, la_code9, source_kind, month_seq, stream_id
FROM (
  SELECT s.run_id, s.la_code9, s.source_kind, c.month_seq, s.stream_id,
         ROW_NUMBER() OVER (PARTITION BY s.la_code9, s.source_kind, c.month_seq
                            ORDER BY s.reference_date, s.stream_id DESC) AS rn
  FROM (SELECT run_id, stream_id, la_code9, source_kind, MIN(reference_date) AS reference_date,
               MIN(cover_from) AS cover_from, MAX(cover_to) AS cover_to
        FROM run_scope WHERE run_id = :run_id
        GROUP BY run_id, stream_id, la_code9, source_kind) s
  JOIN calendar c ON c.month_end >= s.cover_from AND c.month_end <= s.cover_to
  WHERE c.month_end <= :period
) x
WHERE rn = 1
