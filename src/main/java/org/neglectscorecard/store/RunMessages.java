package org.neglectscorecard.store;

import static org.neglectscorecard.store.schema.Tables.RUN_MESSAGE;

import java.util.List;

import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** What a run has to tell the person running it, kept so the summary and workbook can show it. */
@Component
public class RunMessages {

    public static final String WARNING = "WARNING";
    public static final String NOTE = "NOTE";

    public record Message(String level, String text) {
    }

    private final DSLContext dsl;

    public RunMessages(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A restarted step says everything again: forget what it said before. */
    public void clear(long runId, String step) {
        dsl.deleteFrom(RUN_MESSAGE).where(RUN_MESSAGE.RUN_ID.eq(runId).and(RUN_MESSAGE.STEP.eq(step))).execute();
    }

    public void add(long runId, String step, String level, String text) {
        about(runId, step, level, null, text);
    }

    /**
     * A message about one input file the run did not use: shown in the summary as any other, and
     * listed in rejects.csv with the file's name (see {@link #filesNotUsed}).
     */
    public void notUsed(long runId, String step, String level, String file, String text) {
        about(runId, step, level, file, text);
    }

    private void about(long runId, String step, String level, String file, String text) {
        dsl.insertInto(RUN_MESSAGE, RUN_MESSAGE.RUN_ID, RUN_MESSAGE.STEP, RUN_MESSAGE.LEVEL, RUN_MESSAGE.FILE_NAME, RUN_MESSAGE.MESSAGE)
                .values(runId, step, level, file, text.length() > 2000 ? text.substring(0, 1999) + "\u2026" : text).execute();
    }

    /** The files a run did not use, each with why, in the order said; a file said more than once (once per LA) is listed once. */
    public List<NotUsed> filesNotUsed(long runId) {
        return dsl.select(RUN_MESSAGE.FILE_NAME, RUN_MESSAGE.MESSAGE).from(RUN_MESSAGE)
                .where(RUN_MESSAGE.RUN_ID.eq(runId).and(RUN_MESSAGE.FILE_NAME.isNotNull()))
                .orderBy(RUN_MESSAGE.MESSAGE_ID).fetch(r -> new NotUsed(r.value1(), r.value2()))
                .stream().distinct().toList();
    }

    public record NotUsed(String file, String reason) {
    }

    public List<Message> of(long runId) {
        return dsl.select(RUN_MESSAGE.LEVEL, RUN_MESSAGE.MESSAGE).from(RUN_MESSAGE).where(RUN_MESSAGE.RUN_ID.eq(runId))
                .orderBy(RUN_MESSAGE.MESSAGE_ID).fetch(r -> new Message(r.value1(), r.value2()));
    }
}
