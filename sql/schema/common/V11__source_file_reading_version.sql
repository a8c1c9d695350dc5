-- Which release's reading a loaded file went through. A release that reads returns differently (an
-- end date's missing heading, "N/A" for no date, "1,000", an ID written NULL) would otherwise leave
-- every file an earlier release loaded as that release read it, since a file is known by its content
-- and not loaded again: the next run loads such files again, in place. NULL: read by a release
-- before this column.
ALTER TABLE source_file ADD COLUMN reading_version INT;
