package org.neglectscorecard.store;

import static org.neglectscorecard.store.schema.Tables.ASSESSMENT;
import static org.neglectscorecard.store.schema.Tables.CHILD;
import static org.neglectscorecard.store.schema.Tables.CHILD_CHARACTERISTICS;
import static org.neglectscorecard.store.schema.Tables.CIN_EPISODE;
import static org.neglectscorecard.store.schema.Tables.CIN_PLAN;
import static org.neglectscorecard.store.schema.Tables.CLA_EPISODE;
import static org.neglectscorecard.store.schema.Tables.CP_PLAN;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jooq.DSLContext;
import org.neglectscorecard.ingest.ParsedRow;
import org.neglectscorecard.ingest.Rejection;
import org.neglectscorecard.ingest.cin.CinRecord;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

/**
 * Writes checked children's social care records (CIN census, Annex A, SSDA903) into the
 * child-level tables, one JDBC batch per table per chunk, within the chunk's transaction (so a restart resumes exactly where the last commit left
 * off). Values left out of otherwise good rows are recorded beside them.
 */
public class ChildLevelWriter implements ItemWriter<ParsedRow<CinRecord>> {

    private final DSLContext dsl;
    private final ReturnRegistry returns;
    private final SourceFiles files;
    private final RejectionLog rejections;
    private final long sourceFileId;
    private final String sourceKind;
    private final Map<String, Long> returnIds = new HashMap<>();

    /** @param sourceKind CIN_CENSUS, ANNEX_A or SSDA903: the kind of return the rows are (statutory_return.source_kind) */
    public ChildLevelWriter(StoreAccess store, long sourceFileId, String sourceKind) {
        this.dsl = store.dsl();
        this.returns = store.returns();
        this.files = store.files();
        this.rejections = store.rejections();
        this.sourceFileId = sourceFileId;
        this.sourceKind = sourceKind;
    }

    @Override
    public void write(Chunk<? extends ParsedRow<CinRecord>> chunk) {
        List<CinRecord.Child> children = new ArrayList<>();
        List<CinRecord.Characteristics> characteristics = new ArrayList<>();
        List<CinRecord.Episode> episodes = new ArrayList<>();
        List<CinRecord.Assessment> assessments = new ArrayList<>();
        List<CinRecord.CinPlan> cinPlans = new ArrayList<>();
        List<CinRecord.CpPlan> cpPlans = new ArrayList<>();
        List<CinRecord.ClaEpisode> claEpisodes = new ArrayList<>();
        List<Rejection> leftOut = new ArrayList<>();
        List<Rejection> notes = new ArrayList<>();
        List<CinRecord> records = new ArrayList<>();
        for (ParsedRow<CinRecord> parsed : chunk) {
            leftOut.addAll(parsed.valuesIgnored());
            notes.addAll(parsed.notes());
            if (parsed.record() instanceof CinRecord.Several several) {
                records.addAll(several.records());
            } else {
                records.add(parsed.record());
            }
        }
        for (CinRecord record : records) {
            if (record instanceof CinRecord.Header h) {
                if (h.laCode3() != null) {
                    returnId(h.laCode3());
                }
                files.setHeader(sourceFileId, h.laCode3(), h.referenceDate(), h.made());
            } else if (record instanceof CinRecord.Child c) {
                children.add(c);
            } else if (record instanceof CinRecord.Characteristics c) {
                characteristics.add(c);
            } else if (record instanceof CinRecord.Episode e) {
                episodes.add(e);
            } else if (record instanceof CinRecord.Assessment a) {
                assessments.add(a);
            } else if (record instanceof CinRecord.CinPlan p) {
                cinPlans.add(p);
            } else if (record instanceof CinRecord.CpPlan p) {
                cpPlans.add(p);
            } else if (record instanceof CinRecord.ClaEpisode e) {
                claEpisodes.add(e);
            }
        }
        writeChildren(children);
        writeCharacteristics(characteristics);
        writeEpisodes(episodes);
        writeAssessments(assessments);
        writeCinPlans(cinPlans);
        writeCpPlans(cpPlans);
        writeClaEpisodes(claEpisodes);
        rejections.record(sourceFileId, leftOut, RejectionLog.VALUE_LEFT_OUT);
        rejections.record(sourceFileId, notes, RejectionLog.NOTE);
    }

    private long returnId(String laCode3) {
        return returnIds.computeIfAbsent(laCode3, la -> returns.returnFor(sourceFileId, sourceKind, la));
    }

    private void writeChildren(List<CinRecord.Child> rows) {
        if (rows.isEmpty()) {
            return;
        }
        BulkInsert batch = new BulkInsert(dsl, CHILD, CHILD.RETURN_ID, CHILD.LA_CODE3, CHILD.CHILD_KEY, CHILD.BIRTH_DATE,
                CHILD.EXPECTED_BIRTH_DATE, CHILD.GENDER, CHILD.SOURCE_ROW);
        for (CinRecord.Child c : rows) {
            batch.add(returnId(c.laCode3()), c.laCode3(), c.childKey(), c.birthDate(), c.expectedBirthDate(), c.gender(), c.sourceRow());
        }
        batch.execute();
    }

    private void writeCharacteristics(List<CinRecord.Characteristics> rows) {
        if (rows.isEmpty()) {
            return;
        }
        BulkInsert batch = new BulkInsert(dsl, CHILD_CHARACTERISTICS, CHILD_CHARACTERISTICS.RETURN_ID,
                CHILD_CHARACTERISTICS.LA_CODE3, CHILD_CHARACTERISTICS.CHILD_KEY, CHILD_CHARACTERISTICS.ETHNICITY, CHILD_CHARACTERISTICS.DISABLED,
                CHILD_CHARACTERISTICS.SOURCE_ROW);
        for (CinRecord.Characteristics c : rows) {
            batch.add(returnId(c.laCode3()), c.laCode3(), c.childKey(), c.ethnicity(), c.disabled(), c.sourceRow());
        }
        batch.execute();
    }

    private void writeEpisodes(List<CinRecord.Episode> rows) {
        if (rows.isEmpty()) {
            return;
        }
        BulkInsert batch = new BulkInsert(dsl, CIN_EPISODE, CIN_EPISODE.RETURN_ID, CIN_EPISODE.LA_CODE3, CIN_EPISODE.CHILD_KEY,
                CIN_EPISODE.EPISODE_REF, CIN_EPISODE.REFERRAL_DATE, CIN_EPISODE.CLOSURE_DATE, CIN_EPISODE.PRIMARY_NEED,
                CIN_EPISODE.REASON_FOR_CLOSURE, CIN_EPISODE.REFERRAL_NFA, CIN_EPISODE.SOURCE_ROW);
        for (CinRecord.Episode e : rows) {
            batch.add(returnId(e.laCode3()), e.laCode3(), e.childKey(), e.episodeRef(), e.referralDate(), e.closureDate(),
                    e.primaryNeed(), e.reasonForClosure(), e.referralNfa(), e.sourceRow());
        }
        batch.execute();
    }

    private void writeAssessments(List<CinRecord.Assessment> rows) {
        if (rows.isEmpty()) {
            return;
        }
        BulkInsert batch = new BulkInsert(dsl, ASSESSMENT, ASSESSMENT.RETURN_ID, ASSESSMENT.LA_CODE3, ASSESSMENT.CHILD_KEY,
                ASSESSMENT.EPISODE_REF, ASSESSMENT.START_DATE, ASSESSMENT.AUTHORISED_DATE, ASSESSMENT.FACTORS,
                ASSESSMENT.SOURCE_ROW);
        for (CinRecord.Assessment a : rows) {
            batch.add(returnId(a.laCode3()), a.laCode3(), a.childKey(), a.episodeRef(), a.startDate(), a.authorisedDate(),
                    a.factors(), a.sourceRow());
        }
        batch.execute();
    }

    private void writeCinPlans(List<CinRecord.CinPlan> rows) {
        if (rows.isEmpty()) {
            return;
        }
        BulkInsert batch = new BulkInsert(dsl, CIN_PLAN, CIN_PLAN.RETURN_ID, CIN_PLAN.LA_CODE3, CIN_PLAN.CHILD_KEY,
                CIN_PLAN.EPISODE_REF, CIN_PLAN.START_DATE, CIN_PLAN.END_DATE, CIN_PLAN.SOURCE_ROW);
        for (CinRecord.CinPlan p : rows) {
            batch.add(returnId(p.laCode3()), p.laCode3(), p.childKey(), p.episodeRef(), p.startDate(), p.endDate(), p.sourceRow());
        }
        batch.execute();
    }

    private void writeCpPlans(List<CinRecord.CpPlan> rows) {
        if (rows.isEmpty()) {
            return;
        }
        BulkInsert batch = new BulkInsert(dsl, CP_PLAN, CP_PLAN.RETURN_ID, CP_PLAN.LA_CODE3, CP_PLAN.CHILD_KEY,
                CP_PLAN.EPISODE_REF, CP_PLAN.START_DATE, CP_PLAN.END_DATE, CP_PLAN.INITIAL_CATEGORY,
                CP_PLAN.LATEST_CATEGORY, CP_PLAN.PREVIOUS_PLANS, CP_PLAN.LAST_VISIT_DATE, CP_PLAN.SEEN_ALONE, CP_PLAN.SOURCE_ROW);
        for (CinRecord.CpPlan p : rows) {
            batch.add(returnId(p.laCode3()), p.laCode3(), p.childKey(), p.episodeRef(), p.startDate(), p.endDate(),
                    p.initialCategory(), p.latestCategory(), p.previousPlans(), p.lastVisitDate(), p.seenAlone(), p.sourceRow());
        }
        batch.execute();
    }

    private void writeClaEpisodes(List<CinRecord.ClaEpisode> rows) {
        if (rows.isEmpty()) {
            return;
        }
        BulkInsert batch = new BulkInsert(dsl, CLA_EPISODE, CLA_EPISODE.RETURN_ID, CLA_EPISODE.LA_CODE3,
                CLA_EPISODE.CHILD_KEY, CLA_EPISODE.START_DATE, CLA_EPISODE.REASON_NEW_EPISODE, CLA_EPISODE.LEGAL_STATUS,
                CLA_EPISODE.CATEGORY_OF_NEED, CLA_EPISODE.END_DATE, CLA_EPISODE.SOURCE_ROW);
        for (CinRecord.ClaEpisode e : rows) {
            batch.add(returnId(e.laCode3()), e.laCode3(), e.childKey(), e.startDate(), e.reasonNewEpisode(), e.legalStatus(),
                    e.categoryOfNeed(), e.endDate(), e.sourceRow());
        }
        batch.execute();
    }
}
