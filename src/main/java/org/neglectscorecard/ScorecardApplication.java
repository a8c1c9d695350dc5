package org.neglectscorecard;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring context behind every command that touches the database. No
 * {@code @EnableBatchProcessing}: it would switch off Boot's JobRepository schema set-up.
 */
@SpringBootApplication
public class ScorecardApplication {
}
