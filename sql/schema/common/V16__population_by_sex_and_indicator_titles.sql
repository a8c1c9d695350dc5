-- A population file may give each LA's children by sex (explore-education-statistics' layout with a
-- sex column). Its rows were all taken as the whole population, the largest winning: a file of Male
-- and Female rows only gave the boys as all the children, doubling every rate. Kept with their sex
-- ('M', 'F'; NULL for all children), so population.sql takes the Total, or Male and Female added.
ALTER TABLE population_input ADD COLUMN sex VARCHAR(1);

-- Targets and commentary name an indicator by its id or, as officers type them, by its title
-- (Targets.resolve), which can be longer than an id: a 64-character title stopped the whole run.
ALTER TABLE target ALTER COLUMN indicator_id SET DATA TYPE VARCHAR(200);
ALTER TABLE commentary ALTER COLUMN indicator_id SET DATA TYPE VARCHAR(200);
