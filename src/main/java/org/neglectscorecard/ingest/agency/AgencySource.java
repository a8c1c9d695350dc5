package org.neglectscorecard.ingest.agency;

import static org.neglectscorecard.ingest.agency.AgencyColumn.code;
import static org.neglectscorecard.ingest.agency.AgencyColumn.date;
import static org.neglectscorecard.ingest.agency.AgencyColumn.la;
import static org.neglectscorecard.ingest.agency.AgencyColumn.month;
import static org.neglectscorecard.ingest.agency.AgencyColumn.number;
import static org.neglectscorecard.ingest.agency.AgencyColumn.reference;
import static org.neglectscorecard.ingest.agency.AgencyColumn.text;
import static org.neglectscorecard.ingest.agency.AgencyColumn.yesNo;
import static org.neglectscorecard.ingest.agency.AgencyColumn.yesNoNa;

import java.util.List;

import org.neglectscorecard.ingest.TableHeader;

/**
 * The multi-agency sources of INPUTS.md section B, each one table with no national format: the
 * project's template defines it. Everything about a source is here (columns, headings accepted,
 * codes, the table it is stored in, the dates that say what it covers), so the reader, the
 * checks, the writer and the template all follow this one description.
 */
public enum AgencySource {

    TRAINING("TRAINING", "Training records", "Training", "training_record",
            "One row per practitioner per course attended (INPUTS.md B1). Kept by the partnership's learning and "
                    + "development team or each agency. Practitioners are known only by a reference: no names.",
            List.of("course_date"), List.of("practitioner_key", "course", "course_date"),
            List.of(
                    reference("Practitioner reference", "practitioner_key", "Required. Your own reference for the practitioner "
                            + "(an employee number or learning-system ID, never a name). The same person keeps the same reference "
                            + "across courses and years, so they are counted once.", "P-104233", "Practitioner ID", "Staff reference",
                            "Learner ID", "Practitioner", "Practitioner reference (pseudonymous)"),
                    text("Agency", false, 100, "agency", "The practitioner's organisation, e.g. Bedford Borough Council, "
                            + "East London NHS Foundation Trust.", "Example NHS Trust", "Organisation", "Employer"),
                    code("Agency sector", true, AgencyCodes.AGENCY_SECTOR, "agency_sector", "Required. The kind of agency: "
                            + "pick from the list.", "Health", "Sector", "Agency type"),
                    code("Course", true, AgencyCodes.COURSE, "course", "Required. Which course: pick from the list (Neglect "
                            + "awareness, Multi-agency neglect, Graded Care Profile 2, Neglect screening tool, Other).",
                            "Multi-agency neglect", "Course name", "Course type", "Training course", "Course title", "Learning title",
                            "Activity title", "Event name"),
                    code("Single- or multi-agency", false, AgencyCodes.DELIVERY, "delivery", "Whether the session was for one "
                            + "agency's staff or multi-agency.", "Multi-agency", "Delivery", "Single or multi agency",
                            "Single/Multi-agency", "Single/multi agency"),
                    date("Course date", true, "course_date", "Required. The date the course was attended (the last day, for a "
                            + "course over several days).", "2025-05-14", "Date", "Date attended", "Session date"),
                    yesNo("Completed", true, AgencyCodes.COURSE_COMPLETION, "completed", "Required. Y if the practitioner "
                            + "completed the course, N if they booked but did not attend or did not finish (a learning system's "
                            + "Attended / Did not attend is read too).", "Y", "Completed (Y/N)", "Attended", "Attendance",
                            "Attendance status", "Completion status", "Attended (Y/N)"),
                    number("Confidence before", false, 1, 5, "confidence_before", "How confident the practitioner felt about "
                            + "recognising and responding to neglect before the course, 1 (not at all) to 5 (very).", "2",
                            "Confidence before (1-5)", "Pre-course confidence"),
                    number("Confidence after", false, 1, 5, "confidence_after", "The same, after the course, 1 to 5.", "4",
                            "Confidence after (1-5)", "Post-course confidence"),
                    yesNo("GCP2 licensed", false, "gcp2_licensed", "Y if, with this course, the practitioner holds a licence "
                            + "to use the Graded Care Profile 2.", "N", "GCP2 licensed (Y/N)", "GCP2 licence"),
                    la())),

    CASE_AUDIT("AUDIT", "Case audit outcomes", "Audits", "case_audit",
            "One row per case audited or reviewed (INPUTS.md B2): multi-agency case audits, single-agency audits, rapid "
                    + "reviews and child safeguarding practice reviews. Cases are known only by a reference.",
            List.of("audit_date"), List.of("audit_ref"),
            List.of(
                    text("Audit reference", true, 40, "audit_ref", "Required. Your reference for this audit of this case; "
                            + "each row has its own.", "MACA-2025-031", "Audit ID", "Audit ref"),
                    date("Audit date", true, "audit_date", "Required. The date the audit was completed.", "2025-06-30",
                            "Date of audit", "Date completed"),
                    reference("Case reference", "case_key", "Required. The case's reference in the recording system (never a "
                            + "name). Stored only in scrambled form.", "C-558812", "Case ID", "Child reference", "Case reference (pseudonymous)"),
                    code("Tier", false, AgencyCodes.TIER, "tier", "The level of need when audited: Early help, Child in need, "
                            + "Child protection or Child looked after.", "Child protection", "Level of need"),
                    code("Kind of audit", true, AgencyCodes.AUDIT_KIND, "kind", "Required. Multi-agency case audit, "
                            + "Single-agency audit, Rapid review or Child safeguarding practice review.",
                            "Multi-agency case audit", "Audit type", "Type", "Kind", "Type of audit"),
                    code("Theme", true, AgencyCodes.AUDIT_THEME, "theme", "Required. Neglect if the audit's theme (or, for "
                            + "a review, a key factor) was neglect; otherwise Other.", "Neglect", "Audit theme", "Key factor"),
                    yesNo("Multi-agency", false, "multi_agency", "Y if more than one agency took part.", "Y",
                            "Multi-agency (Y/N)"),
                    code("Overall grade", false, AgencyCodes.GRADE, "grade", "Outstanding, Good, Requires improvement or "
                            + "Inadequate (leave blank for reviews, which are not graded).", "Good", "Grade", "Overall judgement"),
                    yesNoNa("Assessment effective", "assessment_effective", "Y, N or Not applicable.", "Y"),
                    yesNoNa("Plan clear and measurable", "plan_clear", "Y, N or Not applicable.", "Y", "Plan SMART"),
                    yesNoNa("Impact evidenced", "impact_evidenced", "Y, N or Not applicable: is a difference for the child "
                            + "evidenced?", "N"),
                    yesNoNa("Neglect tool used well", "tools_used_well", "Y, N or Not applicable: was the Graded Care Profile "
                            + "2 or the neglect screening tool used, and used well?", "Y", "GCP2 or screening tool used well",
                            "Neglect tools used well", "Neglect tool (GCP2 or screening tool) used well"),
                    yesNoNa("Child's voice captured", "voice_captured", "Y, N or Not applicable: are the child's voice and "
                            + "lived experience captured?", "Y", "Voice of the child", "Lived experience captured",
                            "Voice of the child captured", "Child's voice and lived experience captured"),
                    yesNoNa("Management oversight", "management_oversight", "Y, N or Not applicable: is there effective "
                            + "management oversight?", "Y"),
                    la())),

    EARLY_HELP("EARLY_HELP", "Early help plans", "Early help", "early_help_plan",
            "One row per early help plan (INPUTS.md B3), from the early help recording system. Families are known only "
                    + "by a reference.",
            List.of("start_date", "end_date"), List.of("family_key", "start_date"),
            List.of(
                    reference("Family reference", "family_key", "Required. The family's reference in the early help system "
                            + "(never a name or address).", "F-20931", "Family ID", "Household reference", "Family"),
                    date("Plan start", true, "start_date", "Required. The date the plan started.", "2025-04-07",
                            "Plan start date", "Start date", "Episode start date", "Episode start", "Early help start date"),
                    date("Plan end", false, "end_date", "The date the plan ended; blank while it is open.", "",
                            "Plan end date", "End date", "Closure date", "Episode end date", "Episode end", "Early help end date"),
                    yesNo("Whole-family plan", true, "whole_family", "Required. Y if the plan is a whole-family plan.", "Y",
                            "Whole family (Y/N)", "Whole family"),
                    yesNo("Multi-agency", true, "multi_agency", "Required. Y if more than one agency contributes to the plan.",
                            "Y", "Multi-agency (Y/N)", "Multi-agency plan"),
                    code("Lead agency", false, AgencyCodes.AGENCY_SECTOR, "lead_agency", "The kind of agency leading the plan "
                            + "(lead practitioner's agency).", "Education", "Lead practitioner agency"),
                    yesNo("Neglect identified", true, "neglect_identified", "Required. Y if neglect was identified as a need "
                            + "when the plan started.", "Y", "Neglect identified (Y/N)", "Neglect", "Neglect a need", "Neglect identified as a need"),
                    la())),

    HEALTH_APPOINTMENTS("HEALTH", "Health appointments (one row each)", "Appointments", "health_appointment",
            "One row per appointment for a child (INPUTS.md B4, first form), from a health provider's system: whether "
                    + "the child was brought. Use this or the monthly counts, not both for the same service and months.",
            List.of("appointment_date"), List.of(),
            List.of(
                    reference("Child reference", "child_key", "Required. The child's reference in the health system (an NHS "
                            + "number is scrambled on loading and never stored).", "H-77120", "Child ID", "Patient reference",
                            "NHS number", "Client ID", "Patient ID", "Client reference"),
                    date("Appointment date", true, "appointment_date", "Required.", "2025-05-02", "Date", "Date of appointment"),
                    code("Service", true, AgencyCodes.HEALTH_SERVICE, "service", "Required. Antenatal, Postnatal / health "
                            + "visiting, Dental, Paediatric, GP or Other.", "Dental", "Clinic", "Service type", "Clinic / Service"),
                    code("Outcome", true, AgencyCodes.APPOINTMENT_OUTCOME, "outcome", "Required. Attended, Was not brought, or "
                            + "Cancelled (cancelled appointments are left out of the count).", "Was not brought",
                            "Attendance", "Appointment outcome", "Attendance status", "Attendance outcome", "Appointment status",
                            "Attended or did not attend", "Attendance code"),
                    la())),

    HEALTH_MONTHLY("HEALTH", "Health appointments (monthly counts)", "Appointments by month", "health_monthly",
            "Appointments and was-not-brought counts per service per month (INPUTS.md B4, second form), for providers that "
                    + "report counts rather than rows.",
            List.of("month_end"), List.of("month_end", "service"),
            List.of(
                    month("Month", "month_end", "Required. The month the counts are for: 2025-04, April 2025, or any date in "
                            + "the month.", "2025-04", "Period", "Reporting month"),
                    code("Service", true, AgencyCodes.HEALTH_SERVICE, "service", "Required. Antenatal, Postnatal / health "
                            + "visiting, Dental, Paediatric, GP or Other.", "Postnatal / health visiting", "Clinic"),
                    number("Appointments", true, 0, 10_000_000, "appointments", "Required. Appointments offered in the month "
                            + "(cancelled ones left out).", "412", "Appointments offered", "Total appointments"),
                    number("Was not brought", true, 0, 10_000_000, "was_not_brought", "Required. Of those, how many the child "
                            + "was not brought to.", "37", "WNB", "Not brought", "DNA"),
                    la())),

    GCP2("GCP2", "Graded Care Profile 2 assessments", "GCP2", "gcp2_assessment",
            "One row per Graded Care Profile 2 assessment completed (INPUTS.md B5). A later assessment of the same child "
                    + "shows whether care has changed.",
            List.of("assessment_date"), List.of("assessment_ref"),
            List.of(
                    text("Assessment reference", true, 40, "assessment_ref", "Required. Your reference for the assessment.",
                            "GCP2-0192", "Assessment ID"),
                    reference("Child reference", "child_key", "Required. The child's reference (the same reference each "
                            + "time the child is assessed, so change can be seen).", "C-558812", "Child ID", "Case reference"),
                    date("Assessment date", true, "assessment_date", "Required. The date the assessment was completed.",
                            "2025-06-12", "Date", "Date completed", "Date of assessment"),
                    code("Agency", false, AgencyCodes.AGENCY_SECTOR, "agency_sector", "The kind of agency that completed it.",
                            "Early help", "Agency sector"),
                    code("Tier", false, AgencyCodes.TIER, "tier", "The level of need at the time.", "Early help"),
                    number("Physical care", true, 1, 5, "physical_care", "Required. Grade 1 (best) to 5.", "3",
                            "Area 1 physical care", "Physical care grade", "Area A physical care", "A physical care",
                            "Area of care A physical", "Physical", "Physical care score"),
                    number("Safety", true, 1, 5, "safety", "Required. Grade 1 to 5.", "2", "Area 2 safety", "Safety grade", "Area B safety",
                            "B safety", "Area of care B safety", "Safety score"),
                    number("Love and care", true, 1, 5, "love_and_care", "Required. Grade 1 to 5.", "3",
                            "Area 3 love and care", "Love and care grade", "Area C love", "Area C love and care", "C love",
                            "Area of care C love", "Love", "Love grade", "Love and care score"),
                    number("Esteem", true, 1, 5, "esteem", "Required. Grade 1 to 5.", "3", "Area 4 esteem", "Esteem grade", "Area D esteem",
                            "D esteem", "Area of care D esteem", "Esteem score"),
                    la())),

    POLICE("POLICE", "Police: neglect offences", "Police", "police_monthly",
            "Criminal neglect offences recorded per month (INPUTS.md B6), from the force's crime recording system, usually "
                    + "for the whole partnership (add the LA code column where the force can split by LA).",
            List.of("month_end"), List.of("month_end"),
            List.of(
                    month("Month", "month_end", "Required. The month the offences were recorded in: 2025-04, April 2025, or "
                            + "any date in the month.", "2025-04", "Period", "Month recorded"),
                    number("Neglect offences", true, 0, 1_000_000, "neglect_offences", "Required. Offences of child cruelty "
                            + "or neglect (Children and Young Persons Act 1933 s.1) recorded in the month.", "9",
                            "Criminal neglect offences", "Offences recorded", "Criminal neglect offences recorded"),
                    number("With earlier neglect concerns", true, 0, 1_000_000, "with_prior_concerns", "Required. Of those, "
                            + "how many involved a child with earlier neglect concerns recorded (a previous referral, "
                            + "notification or plan for neglect).", "4", "Of which with earlier neglect concerns",
                            "Prior neglect concerns"),
                    la())),

    FEEDBACK("FEEDBACK", "Feedback from families, children and practitioners", "Feedback", "feedback_response",
            "One row per answer to a feedback question (INPUTS.md B7), from surveys after early help, conferences, "
                    + "closure or training. No names: a respondent is described only by type.",
            List.of("response_date"), List.of(),
            List.of(
                    date("Date", true, "response_date", "Required. The date of the response.", "2025-07-03",
                            "Response date", "Date of response", "Completion time", "Submitted", "Submission date"),
                    code("Respondent", true, AgencyCodes.RESPONDENT, "respondent", "Required. Parent/carer, Child/young person "
                            + "or Practitioner.", "Parent/carer", "Respondent type", "Who responded"),
                    code("Stage", false, AgencyCodes.FEEDBACK_STAGE, "stage", "When the feedback was asked for: Early help, "
                            + "Child in need, Initial child protection conference, Review conference, Closure or Training.",
                            "Review conference", "Point of feedback"),
                    text("Question", false, 200, "question", "The question asked (the same wording each time, so answers "
                            + "can be compared).", "I felt listened to", "Survey question"),
                    number("Score", true, 1, 5, "score", "Required. The answer from 1 (strongly disagree / very poor) to 5 "
                            + "(strongly agree / very good).", "4", "Score (1-5)", "Rating", "Response", "Answer"),
                    la()));

    private final String kind;
    private final String title;
    private final String sheet;
    private final String table;
    private final String description;
    private final List<String> dateColumns;
    private final List<String> uniqueKey;
    private final List<AgencyColumn> columns;

    AgencySource(String kind, String title, String sheet, String table, String description, List<String> dateColumns,
                 List<String> uniqueKey, List<AgencyColumn> columns) {
        this.kind = kind;
        this.title = title;
        this.sheet = sheet;
        this.table = table;
        this.description = description;
        this.dateColumns = dateColumns;
        this.uniqueKey = uniqueKey;
        this.columns = columns;
    }

    /** The kind of return the catalogue's {@code sources:} names (TRAINING, AUDIT, ...). */
    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    /** The template's data sheet, and the name rejections give the table. */
    public String sheet() {
        return sheet;
    }

    /** The table rows are stored in (sql/schema/). */
    public String table() {
        return table;
    }

    public String description() {
        return description;
    }

    /** The stored date columns whose span says which months the file covers. */
    public List<String> dateColumns() {
        return dateColumns;
    }

    /** Stored columns no two rows of one file may share (a row given twice would count twice); empty: none. */
    public List<String> uniqueKey() {
        return uniqueKey;
    }

    /** What a row giving an earlier row's unique key again is told, the earlier row's number to fill in (%s). */
    public String repeatedKeyReason() {
        List<String> headings = uniqueKey.stream().map(this::headingOf).toList();
        return "This " + String.join(" and ", headings) + (headings.size() > 1 ? " are" : " is") + " already given at row %s: only that "
                + "row is used";
    }

    /** The template's heading of the column stored in {@code dbColumn} (the column's name where none has it). */
    public String headingOf(String dbColumn) {
        return columns.stream().filter(c -> dbColumn.equals(c.dbColumn())).findFirst().map(AgencyColumn::heading).orElse(dbColumn);
    }

    public List<AgencyColumn> columns() {
        return columns;
    }

    /** The template's file name in sample-data/templates/. */
    public String templateName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "-template.xlsx";
    }

    /** Each column's template heading and the other headings it answers to, for a table's header. */
    public java.util.Map<String, List<String>> aliases() {
        java.util.Map<String, List<String>> out = new java.util.LinkedHashMap<>();
        for (AgencyColumn c : columns) {
            out.put(c.heading(), c.headings().stream().filter(h -> !h.equals(c.heading())).toList());
        }
        return out;
    }

    /** Where in a header the column is, by any of its headings. */
    public java.util.Optional<Integer> indexOf(TableHeader header, AgencyColumn column) {
        for (String h : column.headings()) {
            var i = header.indexOf(h);
            if (i.isPresent()) {
                return i;
            }
        }
        return java.util.Optional.empty();
    }

    /** The source a header row belongs to: the one whose required columns it has, most columns matched first. */
    public static AgencySource recognise(TableHeader header) {
        AgencySource best = null;
        int bestMatched = 0;
        for (AgencySource s : values()) {
            boolean all = true;
            int matched = 0;
            for (AgencyColumn c : s.columns) {
                boolean has = s.indexOf(header, c).isPresent();
                matched += has ? 1 : 0;
                all &= has || !c.required();
            }
            if (all && matched > bestMatched) {
                best = s;
                bestMatched = matched;
            }
        }
        return best;
    }

    /** The source whose rows carry this table name (its sheet name: readers name rows so). */
    public static AgencySource bySheet(String sheet) {
        for (AgencySource s : values()) {
            if (s.sheet.equals(sheet)) {
                return s;
            }
        }
        throw new IllegalArgumentException("not a multi-agency table: " + sheet);
    }

    /**
     * The source a header row was meant for when it has no source's every required column: most of
     * one source's required columns, the one or few missing each misspelt (a heading one or two
     * letters off). Reading
     * it then rejects the file naming what is missing, where it would otherwise be passed over as
     * "not a return", and the partner's data silently left out.
     */
    /**
     * For a table no kind reads: the multi-agency template it looks most like (half or more of that
     * template's required headings are there, two at least), and the required headings it lacks, in
     * words for the person to act on; else empty. Only said, never read as that source.
     */
    public static java.util.Optional<String> closest(TableHeader header) {
        AgencySource best = null;
        List<String> bestMissing = null;
        int bestMatched = 1;
        for (AgencySource s : values()) {
            List<String> missing = new java.util.ArrayList<>();
            int required = 0;
            for (AgencyColumn c : s.columns) {
                if (c.required()) {
                    required++;
                    if (s.indexOf(header, c).isEmpty()) {
                        missing.add("'" + c.heading() + "'");
                    }
                }
            }
            int matched = required - missing.size();
            if (matched > bestMatched && matched * 2 >= required) {
                best = s;
                bestMissing = missing;
                bestMatched = matched;
            }
        }
        if (best == null) {
            return java.util.Optional.empty();
        }
        boolean one = bestMissing.size() == 1;
        return java.util.Optional.of("It looks most like the template for " + best.title() + " (sample-data/templates/"
                + best.templateName() + ") but has no " + (one ? "column" : "columns") + " headed "
                + String.join(" and ", bestMissing) + ": rename the " + (one ? "heading that holds it" : "headings that hold them")
                + " so, and it will be read");
    }

    public static AgencySource nearest(TableHeader header) {
        AgencySource best = null;
        int bestMatched = 0;
        boolean tie = false;
        for (AgencySource s : values()) {
            int required = 0;
            int matched = 0;
            for (AgencyColumn c : s.columns) {
                if (c.required()) {
                    required++;
                    matched += s.indexOf(header, c).isPresent() ? 1 : 0;
                }
            }
            int missing = required - matched;
            if (missing == 0 || matched < 2 || missing > Math.max(1, required / 3) || !eachMissingMisspelt(s, header)) {
                continue;
            }
            if (matched > bestMatched) {
                best = s;
                bestMatched = matched;
                tie = false;
            } else if (matched == bestMatched) {
                tie = true;
            }
        }
        return tie ? null : best;
    }

    /**
     * Whether every required column the header lacks has a heading that looks like a misspelling of
     * it: only then was the file meant for this source. Generic headings ("Date", "Month", "Rating")
     * are shared by many unrelated tables, which are passed over, not rejected as a partner's log.
     */
    private static boolean eachMissingMisspelt(AgencySource s, TableHeader header) {
        java.util.Set<String> taken = s.headingsTaken(header);
        return s.columns.stream().filter(c -> c.required() && s.indexOf(header, c).isEmpty())
                .allMatch(c -> header.lookalike(c.headings(), taken).isPresent());
    }

    /** The header's headings that are this source's columns: never taken for a misspelling of another. */
    private java.util.Set<String> headingsTaken(TableHeader header) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (AgencyColumn c : columns) {
            indexOf(header, c).ifPresent(i -> taken.add(org.neglectscorecard.ingest.TableHeader.key(header.names().get(i))));
        }
        return taken;
    }

    /** The required columns a header lacks, for a message naming them. */
    public List<String> missing(TableHeader header) {
        return columns.stream().filter(c -> c.required() && indexOf(header, c).isEmpty()).map(AgencyColumn::heading).toList();
    }

    /**
     * The required columns a header lacks, each quoted, with the heading that looks like a
     * misspelling of it where the row has one: "'Plan start' column (the heading 'Plan strat' looks
     * like a misspelling of it)".
     */
    public List<String> missingSaid(TableHeader header) {
        java.util.Set<String> taken = headingsTaken(header);
        return columns.stream().filter(c -> c.required() && indexOf(header, c).isEmpty())
                .map(c -> "'" + c.heading() + "' column" + header.lookalike(c.headings(), taken)
                        .map(h -> " (the heading '" + h + "' looks like a misspelling of it)").orElse(""))
                .toList();
    }
}
