package org.neglectscorecard.ingest.cin;

import java.time.LocalDate;

/**
 * A CIN census row, read and checked. Children are known only by {@code childKey}, the keyed hash
 * of LA and child identifier; {@code sourceRow} locates the row for anyone fixing the file.
 */
public sealed interface CinRecord {

    String laCode3();

    int sourceRow();

    /** What a log line may say of a record: its kind and where it came from, never its values. */
    static String describe(CinRecord r) {
        return r.getClass().getSimpleName() + "[LA " + r.laCode3() + ", row " + r.sourceRow() + "]";
    }

    record Header(String laCode3, LocalDate referenceDate, int sourceRow) implements CinRecord {
        @Override
        public String toString() {
            return CinRecord.describe(this);
        }
    }

    record Child(String laCode3, String childKey, LocalDate birthDate, LocalDate expectedBirthDate, String gender,
                 int sourceRow) implements CinRecord {
        @Override
        public String toString() {
            return CinRecord.describe(this);
        }
    }

    record Characteristics(String laCode3, String childKey, String ethnicity, Boolean disabled, int sourceRow)
            implements CinRecord {
        @Override
        public String toString() {
            return CinRecord.describe(this);
        }
    }

    record Episode(String laCode3, String childKey, String episodeRef, LocalDate referralDate, LocalDate closureDate,
                   String primaryNeed, String reasonForClosure, Boolean referralNfa, int sourceRow) implements CinRecord {
        @Override
        public String toString() {
            return CinRecord.describe(this);
        }
    }

    record Assessment(String laCode3, String childKey, String episodeRef, LocalDate startDate,
                      LocalDate authorisedDate, String factors, int sourceRow) implements CinRecord {
        @Override
        public String toString() {
            return CinRecord.describe(this);
        }
    }

    record CinPlan(String laCode3, String childKey, String episodeRef, LocalDate startDate, LocalDate endDate,
                   int sourceRow) implements CinRecord {
        @Override
        public String toString() {
            return CinRecord.describe(this);
        }
    }

    record CpPlan(String laCode3, String childKey, String episodeRef, LocalDate startDate, LocalDate endDate,
                  String initialCategory, String latestCategory, Integer previousPlans, int sourceRow)
            implements CinRecord {
        @Override
        public String toString() {
            return CinRecord.describe(this);
        }
    }
}
