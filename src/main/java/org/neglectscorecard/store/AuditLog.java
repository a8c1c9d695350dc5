package org.neglectscorecard.store;

import static org.neglectscorecard.store.schema.Tables.AUDIT_LOG;
import static org.neglectscorecard.store.schema.Tables.RUN_INPUT;
import static org.neglectscorecard.store.schema.Tables.SOURCE_FILE;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.jooq.DSLContext;
import org.neglectscorecard.ingest.InputScanner;
import org.springframework.stereotype.Component;

/**
 * The audit log (audit_log): who ran what, when, which files it read (by checksum) and what it
 * wrote (by checksum), and every purge. A data protection officer's record of processing.
 */
@Component
public class AuditLog {

    public record Entry(LocalDateTime at, String user, String host, String event, String jobName, LocalDate period,
                        String details) {
    }

    private final DSLContext dsl;

    /**
     * The date before which purge has deleted child-level rows (the latest purge that deleted any), or
     * null: every purge is recorded here with its cut-off as its period.
     */
    public static java.time.LocalDate purgedBefore(DSLContext dsl) {
        return dsl.select(org.jooq.impl.DSL.max(AUDIT_LOG.PERIOD)).from(AUDIT_LOG)
                .where(AUDIT_LOG.EVENT.eq("PURGE").and(AUDIT_LOG.DETAILS.isNull().or(AUDIT_LOG.DETAILS.notLike("deleted 0 %"))))
                .fetchOne(0, java.time.LocalDate.class);
    }

    public AuditLog(DSLContext dsl) {
        this.dsl = dsl;
    }

    public void record(String event, String jobName, LocalDate period, Long runId, String details) {
        dsl.insertInto(AUDIT_LOG, AUDIT_LOG.AT, AUDIT_LOG.OS_USER, AUDIT_LOG.HOST, AUDIT_LOG.EVENT, AUDIT_LOG.JOB_NAME,
                        AUDIT_LOG.PERIOD, AUDIT_LOG.RUN_ID, AUDIT_LOG.DETAILS)
                .values(LocalDateTime.now().withNano(0), System.getProperty("user.name", "unknown"), host(), event, jobName,
                        period, runId, details == null || details.length() <= 8000 ? details : details.substring(0, 7999) + "\u2026")
                .execute();
    }

    /** The files a run read, by checksum, and what became of them. */
    public String inputsOf(long runId) {
        StringBuilder s = new StringBuilder();
        dsl.select(RUN_INPUT.DISPLAY_NAME, SOURCE_FILE.CHECKSUM, SOURCE_FILE.STATUS).from(RUN_INPUT)
                .join(SOURCE_FILE).on(SOURCE_FILE.SOURCE_FILE_ID.eq(RUN_INPUT.SOURCE_FILE_ID))
                .where(RUN_INPUT.RUN_ID.eq(runId)).orderBy(RUN_INPUT.DISPLAY_NAME)
                .forEach(r -> s.append("read ").append(r.value1()).append(" sha256:").append(r.value2()).append(' ')
                        .append(r.value3().toLowerCase()).append('\n'));
        return s.toString();
    }

    /** The files in an output folder, by checksum. */
    public static String outputsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        try (Stream<Path> files = Files.walk(folder)) {
            java.util.Map<Path, Integer> inFolders = new java.util.TreeMap<>();
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = folder.relativize(f);
                if (relative.getNameCount() > 1) {
                    inFolders.merge(relative.getName(0), 1, Integer::sum);   // the charts: one line, not fifty
                    continue;
                }
                s.append("wrote ").append(relative).append(" sha256:").append(InputScanner.checksum(f)).append('\n');
            }
            inFolders.forEach((dir, n) -> s.append("wrote ").append(dir).append("/ (").append(n).append(n == 1 ? " file" : " files")
                    .append(")\n"));
        } catch (IOException e) {
            s.append("(the outputs could not be listed: ").append(e.getMessage()).append(")\n");
        }
        return s.toString();
    }

    public List<Entry> latest(int limit) {
        return dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.AUDIT_ID.desc()).limit(limit)
                .fetch(r -> new Entry(r.getAt(), r.getOsUser(), r.getHost(), r.getEvent(), r.getJobName(), r.getPeriod(), r.getDetails()));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
