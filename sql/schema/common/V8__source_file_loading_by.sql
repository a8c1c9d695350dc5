-- The job whose run is loading a file (a file is one row whatever jobs use it: two partnerships'
-- jobs on a shared database read the same DfE files). A run reading a file again from its first row
-- removes what an earlier attempt stored of it; it must not remove what another job's run, still
-- running, is storing.
ALTER TABLE source_file ADD COLUMN loading_by VARCHAR(200);
