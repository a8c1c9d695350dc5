package org.neglectscorecard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings that are the operator's rather than a job's.
 *
 * @param pseudonymKey the key for pseudonymising child identifiers; normally given as the
 *                     environment variable SCORECARD_PSEUDONYM_KEY, never written in a file in
 *                     the repository
 * @param sqlDir       where the schema, engine statements and indicator catalogue are read from
 *                     when that folder exists (else the copy built into the jar)
 * @param dataDir      where the embedded H2 database lives
 * @param computeWorkers how many catalogue entries are computed at a time, each on a database
 *                     connection of its own (unset, empty or 0: one a processor core, at most four)
 */
@ConfigurationProperties("scorecard")
public record ScorecardProperties(String pseudonymKey, @DefaultValue("sql") String sqlDir,
                                  @DefaultValue("data") String dataDir, Integer computeWorkers) {

    /** The workers the indicator engine is given. */
    public int workers() {
        return computeWorkers != null && computeWorkers > 0 ? computeWorkers : Math.min(4, Runtime.getRuntime().availableProcessors());
    }

    /** The key from configuration, else from the environment, else null. */
    public String resolvedKey() {
        if (pseudonymKey != null && !pseudonymKey.isBlank()) {
            return pseudonymKey;
        }
        String env = System.getenv("SCORECARD_PSEUDONYM_KEY");
        return env == null || env.isBlank() ? null : env;
    }
}
