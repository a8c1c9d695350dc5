package org.neglectscorecard.testing;

import java.sql.Connection;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.db.MVPrimaryIndex;
import org.h2.mvstore.db.MVSecondaryIndex;
import org.h2.mvstore.db.MVTable;
import org.h2.result.SearchRow;

/**
 * Damage to an H2 database of the kind a process killed part-way was seen to leave, made by taking
 * an entry out of H2's own store behind the SQL layer's back: a row gone from its table with its
 * index entries left, or an index entry gone with its row left.
 */
public final class H2Damage {

    private H2Damage() {
    }

    /** Takes the row out of its table, leaving every index entry that points to it. */
    public static void removeRowBehindItsIndexes(Connection c, String table, long rowId) throws Exception {
        ((MVPrimaryIndex) table(c, table).getScanIndex(session(c))).getMVMap().remove(rowId);
    }

    /** Takes the row's entry out of the index whose name begins so, leaving the row. */
    public static void removeIndexEntry(Connection c, String table, String indexNamePrefix, long rowId) throws Exception {
        MVSecondaryIndex index = (MVSecondaryIndex) table(c, table).getIndexes().stream()
                .filter(i -> i.getName().startsWith(indexNamePrefix)).findFirst().orElseThrow();
        SearchRow entry = index.getMVMap().keySet().stream().filter(k -> k.getKey() == rowId).findFirst().orElseThrow();
        index.getMVMap().remove(entry);
    }

    private static SessionLocal session(Connection c) throws Exception {
        return (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
    }

    private static MVTable table(Connection c, String name) throws Exception {
        SessionLocal s = session(c);
        return (MVTable) s.getDatabase().getSchema("PUBLIC").getTableOrView(s, name);
    }
}
