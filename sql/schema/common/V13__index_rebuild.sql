-- Used on H2 only: the indexes being rebuilt after a run was killed (IndexRebuild), each with the
-- statements that drop and make it, kept until every one has been made again. A rebuild that is
-- itself killed part-way is then finished by the next run, from this list, instead of leaving an
-- index dropped and forgotten.
CREATE TABLE IF NOT EXISTS index_rebuild (
  step       INTEGER       NOT NULL PRIMARY KEY,
  drop_sql   VARCHAR(4000) NOT NULL,
  create_sql VARCHAR(4000) NOT NULL
);
