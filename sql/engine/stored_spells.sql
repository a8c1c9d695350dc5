-- The entry's spells as open_spells.sql kept them.
SELECT return_id, start_seq, end_seq FROM work_spell WHERE run_id = :run_id AND indicator_id = :indicator_id
