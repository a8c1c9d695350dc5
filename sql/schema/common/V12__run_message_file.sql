-- The input file a run's message is about, where it is about one: a file the run did not use (not a
-- table this program reads, or with no date in it) is then listed in rejects.csv, the performance
-- officer's working file, and not only in the summary. NULL: a message about the run as a whole.
ALTER TABLE run_message ADD COLUMN file_name VARCHAR(1000);
