package org.neglectscorecard.cli;

import java.time.Duration;

final class Durations {

    private Durations() {
    }

    static String words(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return String.format("%.1f seconds", d.toMillis() / 1000.0);
        }
        return s / 60 + " min " + s % 60 + " s";
    }
}
