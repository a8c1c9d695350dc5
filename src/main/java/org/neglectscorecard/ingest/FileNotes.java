package org.neglectscorecard.ingest;

import java.util.List;

/**
 * A reader that, having read a file, has things to tell the person that belong to no one row: a
 * block of XML it does not know and passed over, a list with headings but no rows. The job records
 * them as notes once the file is read; validate reports them the same way.
 */
public interface FileNotes {

    List<Rejection> notes();

    /** The headings of each table read, by the table's name as its rows carry it ("List 7", "ChildProtectionPlans"). */
    default java.util.Map<String, TableHeader> headingsRead() {
        return java.util.Map.of();
    }

    /** Tables set aside for a column they lack, the file's other tables read (by the name its rows carry). */
    default List<String> tablesSetAside() {
        return List.of();
    }

    /** Of each table's headings, those no column it reads was found under (none said: not known). */
    default java.util.Map<String, List<String>> headingsNotRead() {
        return java.util.Map.of();
    }
}
