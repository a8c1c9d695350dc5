package org.neglectscorecard.job;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.springframework.batch.core.BatchStatus;

/**
 * A job's past runs, read straight from Spring Batch's tables (what {@link RunService#attempts}
 * gives through the JobRepository, without needing the application started): for each run (job
 * instance), its latest execution, newest first. For 'history', which must answer at once.
 */
public final class RunHistory {

    private RunHistory() {
    }

    /** One run: its period and attempt, how its latest execution went, and where its outputs are. */
    public record Run(long runId, LocalDate period, long attempt, BatchStatus status, LocalDateTime created,
                      LocalDateTime started, LocalDateTime ended, String output) {
    }

    private static final Table<?> INSTANCE = table(name("batch_job_instance"));
    private static final Table<?> EXECUTION = table(name("batch_job_execution"));
    private static final Table<?> PARAMS = table(name("batch_job_execution_params"));
    private static final Field<Long> INSTANCE_ID = field(name("job_instance_id"), Long.class);
    private static final Field<Long> EXECUTION_ID = field(name("job_execution_id"), Long.class);

    /** The runs (job instances) of the job that completed: only they published copies of their figures. */
    public static java.util.Set<Long> completed(DSLContext dsl, String jobName) {
        java.util.Set<Long> out = new java.util.HashSet<>();
        of(dsl, jobName).stream().filter(r -> r.status() == BatchStatus.COMPLETED).forEach(r -> out.add(r.runId()));
        return out;
    }

    public static List<Run> of(DSLContext dsl, String jobName) {
        var latest = dsl.select(EXECUTION_ID, INSTANCE_ID, field(name("status"), String.class),
                        field(name("create_time"), LocalDateTime.class), field(name("start_time"), LocalDateTime.class),
                        field(name("end_time"), LocalDateTime.class))
                .from(EXECUTION)
                .where(EXECUTION_ID.in(select(max(EXECUTION_ID)).from(EXECUTION).where(INSTANCE_ID.in(
                        select(INSTANCE_ID).from(INSTANCE).where(field(name("job_name")).eq(ScorecardJobConfig.JOB_NAME))))
                        .groupBy(INSTANCE_ID)))
                .fetch();
        Map<Long, Map<String, String>> params = new HashMap<>();
        dsl.select(EXECUTION_ID, field(name("parameter_name"), String.class), field(name("parameter_value"), String.class))
                .from(PARAMS).where(EXECUTION_ID.in(latest.getValues(EXECUTION_ID)))
                .forEach(p -> params.computeIfAbsent(p.value1(), k -> new HashMap<>()).put(p.value2(), p.value3()));
        return latest.stream()
                .map(e -> {
                    Map<String, String> p = params.getOrDefault(e.value1(), Map.of());
                    return p.get(RunContext.JOB) == null || !p.get(RunContext.JOB).equals(jobName) ? null
                            : new Run(e.value2(), LocalDate.parse(p.get(RunContext.PERIOD)),
                            p.get(RunContext.ATTEMPT) == null ? 1 : Long.parseLong(p.get(RunContext.ATTEMPT)),
                            BatchStatus.valueOf(e.value3()), e.value4(), e.value5(), e.value6(), p.get(RunContext.OUTPUT));
                })
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(Run::created).reversed())
                .toList();
    }
}
