package org.neglectscorecard.store;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Rows for one table, inserted as one JDBC batch: jOOQ renders the statement once (from the
 * generated table and fields), and the values are bound by JDBC directly. jOOQ's own batch binds
 * each value through its binding machinery, which was a third of the writers' time when loading
 * (JFR on the sample: 88 of 266 samples in ChildLevelWriter and ReferenceWriter were jOOQ's).
 * Each value is first converted to its field's type as jOOQ would have done. Runs in the chunk's
 * transaction, on its connection.
 */
public final class BulkInsert {

    private final DSLContext dsl;
    private final Field<?>[] fields;
    private final int[] sqlTypes;
    private final String sql;
    private final List<Object[]> rows = new ArrayList<>();

    public BulkInsert(DSLContext dsl, Table<?> table, Field<?>... fields) {
        this.dsl = dsl;
        this.fields = fields;
        this.sqlTypes = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
            sqlTypes[i] = fields[i].getDataType().getSQLType();
        }
        this.sql = dsl.render(dsl.insertInto(table, fields).values(Collections.nCopies(fields.length, null)));
    }

    /** A row's values, in the order of the fields. */
    public void add(Object... values) {
        if (values.length != fields.length) {
            throw new IllegalArgumentException(values.length + " values for " + fields.length + " columns");
        }
        Object[] row = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            row[i] = fields[i].getDataType().convert(values[i]);
        }
        rows.add(row);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Inserts the rows added since the last time. */
    public void execute() {
        if (rows.isEmpty()) {
            return;
        }
        dsl.connection(c -> {
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        if (row[i] == null) {
                            insert.setNull(i + 1, sqlTypes[i]);
                        } else {
                            insert.setObject(i + 1, row[i]);
                        }
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
        rows.clear();
    }
}
