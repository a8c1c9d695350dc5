package org.neglectscorecard.ingest.cin;

import java.time.LocalDate;

/**
 * A CIN census row, read and checked. Children are known only by {@code childKey}, the keyed hash
 * of LA and child identifier; {@code sourceRow} locates the row for anyone fixing the file.
 */
public sealed interface CinRecord {

    String laCode3();

    int sourceRow();

    record Header(String laCode3, LocalDate referenceDate, int sourceRow) implements CinRecord {
    }

    record Child(String laCode3, String childKey, LocalDate birthDate, LocalDate expectedBirthDate, String gender,
                 int sourceRow) implements CinRecord {
    }

    record Characteristics(String laCode3, String childKey, String ethnicity, Boolean disabled, int sourceRow)
            implements CinRecord {
    }

    record Episode(String laCode3, String childKey, String episodeRef, LocalDate referralDate, LocalDate closureDate,
                   String primaryNeed, String reasonForClosure, Boolean referralNfa, int sourceRow) implements CinRecord {
    }

    record Assessment(String laCode3, String childKey, String episodeRef, LocalDate startDate,
                      LocalDate authorisedDate, String factors, int sourceRow) implements CinRecord {
    }

    record CinPlan(String laCode3, String childKey, String episodeRef, LocalDate startDate, LocalDate endDate,
                   int sourceRow) implements CinRecord {
    }

    record CpPlan(String laCode3, String childKey, String episodeRef, LocalDate startDate, LocalDate endDate,
                  String initialCategory, String latestCategory, Integer previousPlans, int sourceRow)
            implements CinRecord {
    }
}
