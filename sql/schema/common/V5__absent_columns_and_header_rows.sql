-- A column (or a whole table) an indicator needs that a loaded return does not give: the indicators
-- that need it are withheld for the months the return serves, never computed as zero. Named by the
-- store column it would have filled, and by what the file calls it.
CREATE TABLE absent_column (
  source_file_id BIGINT       NOT NULL,
  return_id      BIGINT,                 -- the statutory_return it concerns, where known
  store_table    VARCHAR(40)  NOT NULL,  -- e.g. cp_plan
  store_column   VARCHAR(40)  NOT NULL,  -- e.g. initial_category
  file_table     VARCHAR(100),           -- as the file names it: ChildProtectionPlans, List 7, Episodes
  file_column    VARCHAR(100) NOT NULL   -- the canonical heading or element: InitialCategoryOfAbuse
);
CREATE INDEX absent_column_return ON absent_column (return_id);

-- Rows of a census Header table are kept on source_file (not in a table of their own), so rows
-- loaded can still be counted from what is stored: they are counted here.
ALTER TABLE source_file ADD COLUMN header_rows INTEGER DEFAULT 0 NOT NULL;
