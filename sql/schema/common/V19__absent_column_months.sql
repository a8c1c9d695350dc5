-- The months a log's unreadable values fall in. A partner's log covers every month it has rows for,
-- and its values that could not be read withheld the figures needing them for all of those months:
-- twelve audit answers written "Partially" in one year left five years of a percentage with no value,
-- for every LA (a trial, 5 December). Where set, only the month ends from month_from to month_to lose
-- their value (and the 12-month figures that include them); null, every month the return serves.
ALTER TABLE absent_column ADD COLUMN month_from DATE;
ALTER TABLE absent_column ADD COLUMN month_to DATE;

-- Where a rejected row of a partner's monthly counts (a service's month, a police month) was for:
-- its month and LA, and the table it would have gone in. A month's total without it would be too low
-- (a trial: the all-services percentage published from two of four services); that month has no value.
ALTER TABLE rejection ADD COLUMN row_month DATE;
ALTER TABLE rejection ADD COLUMN row_la_code3 VARCHAR(3);
ALTER TABLE rejection ADD COLUMN row_table VARCHAR(40);
