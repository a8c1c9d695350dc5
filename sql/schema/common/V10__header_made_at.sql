-- When the case management system made a CIN census return (its header's Source DateTime): of two
-- returns for the same LA and date loaded together, the one made later is used. The files' dates on
-- disk decided before, and a folder copied afresh (which resets them) could bring back the original
-- in place of its correction.
ALTER TABLE source_file ADD COLUMN header_made_at TIMESTAMP;
