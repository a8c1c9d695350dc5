-- The return each LA month end of this indicator is computed from: among the kinds of return the
-- indicator accepts ({sources}), the first in order of preference ({source_order}).
INSERT INTO work_assign (run_id, indicator_id, area_code, month_seq, return_id)
SELECT run_id, :indicator_id, area_code, month_seq, return_id
FROM (
  SELECT m.run_id, m.area_code, m.month_seq, m.return_id,
         ROW_NUMBER() OVER (PARTITION BY m.area_code, m.month_seq ORDER BY {source_order}) AS rn
  FROM month_source m
  WHERE m.run_id = :run_id AND m.source_kind IN ({sources})
) x
WHERE rn = 1
