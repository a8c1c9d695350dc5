-- The entry's spells ({spells}: spells.sql), kept for its breakdowns (open_breakdown.sql).
INSERT INTO work_spell (run_id, indicator_id, return_id, subject_key, child_key, attribute, start_date, end_date, start_seq, end_seq)
SELECT :run_id, :indicator_id, s.return_id, s.subject_key, s.child_key, s.attribute, s.start_date, s.end_date, s.start_seq, s.end_seq
FROM ({spells}) s
