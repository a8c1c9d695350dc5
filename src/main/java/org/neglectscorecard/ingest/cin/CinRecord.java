package org.neglectscorecard.ingest.cin;

import java.time.LocalDate;

/**
 * A children's social care row, read and checked: from the CIN census (XML or tables), an Ofsted
 * Annex A workbook or an SSDA903 return, which all land in the same child-level tables. Children are known only by {@code childKey}, the keyed hash
 * of LA and child identifier; {@code sourceRow} locates the row for anyone fixing the file.
 */
public sealed interface CinRecord {

    String laCode3();

    int sourceRow();

    /** What a log line may say of a record: its kind and where it came from, never its values. */
    static String describe(CinRecord r) {
        return r.getClass().getSimpleName() + "[LA " + r.laCode3() + ", row " + r.sourceRow() + "]";
    }

    record Header(String laCode3, LocalDate referenceDate, java.time.LocalDateTime made, int sourceRow) implements CinRecord {
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

    /** lastVisitDate and seenAlone come from Annex A List 7 only (the census has neither). */
    record CpPlan(String laCode3, String childKey, String episodeRef, LocalDate startDate, LocalDate endDate,
                  String initialCategory, String latestCategory, Integer previousPlans, LocalDate lastVisitDate,
                  Boolean seenAlone, int sourceRow)
            implements CinRecord {

        public CpPlan(String laCode3, String childKey, String episodeRef, LocalDate startDate, LocalDate endDate,
                      String initialCategory, String latestCategory, Integer previousPlans, int sourceRow) {
            this(laCode3, childKey, episodeRef, startDate, endDate, initialCategory, latestCategory, previousPlans, null, null,
                    sourceRow);
        }

        @Override
        public String toString() {
            return CinRecord.describe(this);
        }
    }

    /** A period of care or an episode within one (SSDA903 Episodes; Annex A List 8, as the episode starting it). */
    record ClaEpisode(String laCode3, String childKey, LocalDate startDate, String reasonNewEpisode, String legalStatus,
                      String categoryOfNeed, LocalDate endDate, int sourceRow) implements CinRecord {
        @Override
        public String toString() {
            return CinRecord.describe(this);
        }
    }

    /** Several records from one row (an Annex A row names the child and gives their plan or episode). */
    record Several(String laCode3, java.util.List<CinRecord> records, int sourceRow) implements CinRecord {
        @Override
        public String toString() {
            return CinRecord.describe(this);
        }
    }
}
