-- The spells ({spells}: spells.sql itself, or stored_spells.sql where open_spells.sql kept them for
-- a breakdown) counted by the months they start and end in, for open_running.sql.
INSERT INTO work_spell_month (run_id, indicator_id, return_id, start_seq, end_seq, spells)
SELECT :run_id, :indicator_id, return_id, start_seq, end_seq, COUNT(*)
FROM ({spells}) s
GROUP BY return_id, start_seq, end_seq
