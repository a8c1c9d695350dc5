package org.neglectscorecard.ingest.agency;

import java.util.List;

/**
 * The code lists of the multi-agency sources (INPUTS.md section B): "code|label|other wordings".
 * Breakdowns show the labels (the code_label table is filled from here at start-up).
 */
public final class AgencyCodes {

    public static final CodeList AGENCY_SECTOR = CodeList.of("agency_sector",
            "HEALTH|Health|NHS|health visiting|school nursing|GP|hospital|midwifery",
            "POLICE|Police",
            "EDUCATION|Education|school|schools|early years|college",
            "CSC|Children's social care|childrens social care|social care|children's services|CSC",
            "EARLY_HELP|Early help|family help|family hubs|family hub|youth service|youth services|targeted youth support",
            "ASC|Adult social care|adult services|adults social care",
            "PROBATION|Probation",
            "HOUSING|Housing",
            "VCS|Voluntary/community|voluntary|community|voluntary and community|VCSE|third sector|charity|voluntary sector|community sector",
            "OTHER|Other");

    public static final CodeList COURSE = CodeList.of("course",
            "NEGLECT_AWARENESS|Neglect awareness|neglect awareness training|understanding neglect|neglect basic",
            "MA_NEGLECT|Multi-agency neglect|multi agency neglect training|multiagency neglect|neglect multi-agency",
            "GCP2|Graded Care Profile 2|GCP2|GCP 2|graded care profile|GCP2 training|GCP2 licence",
            "SCREENING_TOOL|Neglect screening tool|screening tool|neglect toolkit|neglect tool",
            "OTHER|Other");

    /**
     * A learning system's course title ("Neglect Awareness (Level 2) - e-learning", "GCP2 Practitioner
     * Training") as the course it is, by its words, where it is none of {@link #COURSE}'s wordings.
     * The most particular kind wins: a GCP2 course on neglect is GCP2, a multi-agency neglect course
     * is not awareness. A title with none of these words is no neglect course (a partnership's whole
     * log has its other courses too): Other, which no neglect indicator counts.
     */
    public static String courseOfTitle(String title) {
        String t = " " + title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
        if (t.matches(".* gcp ?2 .*") || t.contains(" graded care profile")) {
            return "GCP2";
        }
        if (t.matches(".* (neglect )?(screening|assessment) tool(kit|s)? .*") && t.contains("neglect")
                || t.matches(".* neglect tool(kit|s)? .*")) {
            return "SCREENING_TOOL";
        }
        if (t.contains("neglect")) {
            return t.matches(".* (multi ?agency|inter ?agency|partnership) .*") ? "MA_NEGLECT" : "NEGLECT_AWARENESS";
        }
        return "OTHER";
    }

    /**
     * What survey tools write for an answer on the feedback's five-point scale (1 strongly disagree to
     * 5 strongly agree, as the template says): Microsoft Forms and SmartSurvey export the words chosen.
     * Only scales whose five points are never in doubt: agreement and satisfaction. Not "good" or
     * "poor", which are 4 and 2 on one five-point scale and 3 and 1 on "Excellent ... Fair ... Poor".
     */
    public static final CodeList FEEDBACK_SCORE = CodeList.of("feedback_score",
            "1|Strongly disagree|very dissatisfied",
            "2|Disagree|dissatisfied",
            "3|Neither agree nor disagree|neither agree or disagree|neutral|neither satisfied nor dissatisfied|neither satisfied or dissatisfied",
            "4|Agree|satisfied",
            "5|Strongly agree|very satisfied");

    public static final CodeList DELIVERY = CodeList.of("delivery",
            "SINGLE|Single-agency|single|single agency",
            "MULTI|Multi-agency|multi|multi agency|multiagency|partnership");

    public static final CodeList TIER = CodeList.of("tier",
            "UNIVERSAL|Universal|universal services|no service",
            "EARLY_HELP|Early help|EH|family help",
            "CIN|Child in need|CIN|children in need",
            "CP|Child protection|CP|child protection plan|CPP",
            "CLA|Child looked after|CLA|looked after|children looked after|child in care|CIC");

    public static final CodeList AUDIT_KIND = CodeList.of("audit_kind",
            "MACA|Multi-agency case audit|multi agency audit|multi-agency audit|MACA|joint audit",
            "SINGLE|Single-agency audit|single agency audit|single-agency",
            "RAPID_REVIEW|Rapid review|RR",
            "CSPR|Child safeguarding practice review|LCSPR|local child safeguarding practice review|serious case review|SCR");

    public static final CodeList AUDIT_THEME = CodeList.of("audit_theme",
            "NEGLECT|Neglect|neglect theme",
            "OTHER|Other");

    /**
     * An audit's theme as trackers write it: a theme naming neglect, alone or with others ("Neglect /
     * Domestic abuse"), is a neglect audit; any other theme ("Domestic abuse", "Exploitation") is Other.
     * "Not neglect" is Other.
     */
    public static String themeOf(String theme) {
        String t = " " + theme.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
        return t.contains(" neglect") && !t.matches(".* (not|non|no) neglect.*") ? "NEGLECT" : "OTHER";
    }

    public static final CodeList GRADE = CodeList.of("grade",
            "OUTSTANDING|Outstanding|1",
            "GOOD|Good|2",
            "RI|Requires improvement|requires improvement to be good|RI|3",
            "INADEQUATE|Inadequate|4");

    public static final CodeList HEALTH_SERVICE = CodeList.of("health_service",
            "ANTENATAL|Antenatal|antenatal care|maternity|midwifery",
            "POSTNATAL|Postnatal / health visiting|postnatal|health visiting|health visitor|HV|new birth visit",
            "DENTAL|Dental|dentist|community dental",
            "PAEDIATRIC|Paediatric|paediatrics|community paediatrics|outpatients paediatric",
            "GP|GP|general practice|primary care",
            "OTHER|Other|school nursing|school health|school nurse");

    /**
     * A provider's name for a service ("Maternity - antenatal clinic", "Community Dental Service") as
     * the one service its words name, where it is none of {@link #HEALTH_SERVICE}'s wordings. Words
     * naming two services ("Antenatal and postnatal"), or none, are no service: refused as before.
     */
    public static String serviceOfWords(String name) {
        String t = " " + name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", " ") + " ";
        java.util.Set<String> named = new java.util.LinkedHashSet<>();
        if (t.matches(".* (antenatal|ante natal|maternity|midwife|midwifery|midwives) .*")) {
            named.add("ANTENATAL");
        }
        if (t.matches(".* (postnatal|post natal|health visiting|health visitor|health visitors|new birth|new births) .*")) {
            named.add("POSTNATAL");
        }
        if (t.matches(".* (dental|dentist|dentists|dentistry|orthodontic|orthodontics) .*")) {
            named.add("DENTAL");
        }
        if (t.matches(".* (paediatric|paediatrics|pediatric|pediatrics|child development) .*")) {
            named.add("PAEDIATRIC");
        }
        if (t.matches(".* (gp|gps|general practice|general practitioner|primary care) .*")) {
            named.add("GP");
        }
        if (t.matches(".* (school nursing|school nurse|school nurses|school health) .*")) {
            named.add("OTHER");
        }
        if (named.size() != 1) {
            throw new org.neglectscorecard.ingest.Values.BadValue("is not one of: " + String.join(", ", HEALTH_SERVICE.labels()));
        }
        return named.iterator().next();
    }

    /**
     * What learning systems write for a session's outcome for one person. A place still booked or on
     * a waiting list is no record of training (and is often dated ahead): not a word read here, so
     * such a row is refused saying to leave bookings out, rather than stored as not completed.
     */
    public static final CodeList COURSE_COMPLETION = CodeList.of("course_completion",
            "Y|Completed|Attended|Complete|Passed|Achieved|Attended in full|Completed in full",
            "N|Not completed|Did not attend|DNA|Not attended|No show|Incomplete|Partially attended|Left early|Failed|Absent|"
                    + "Non-attendance|Non attendance");

    /**
     * Appointment outcomes as health systems write them, and the NHS Data Dictionary's ATTENDED OR DID
     * NOT ATTEND codes (plain "3", or "3 - Did not attend - no advance warning given"): 5 and 6 seen;
     * 3, and 7 (arrived late and could not be seen), not brought, as NHS statistics count DNAs; 2 and
     * 4 cancelled beforehand. SystmOne's "Finished" is an appointment that took place, "Could not
     * attend" one the family called off. Code 0 (an appointment still to come) is no outcome.
     */
    public static final CodeList APPOINTMENT_OUTCOME = CodeList.of("appointment_outcome",
            "ATTENDED|Attended|seen|brought|finished|attended/seen|attended - seen|arrived and seen|5|6|"
                    + "attended on time|arrived late but was seen|arrived late - seen",
            "WNB|Was not brought|WNB|not brought|did not attend|DNA|3|7|did not attend - no advance warning given|"
                    + "arrived late and could not be seen|arrived late - not seen|arrived late not seen",
            "CANCELLED|Cancelled|cancelled by service|rearranged|cancelled by family|cancelled by patient|cancelled by parent|"
                    + "cancelled by clinic|rescheduled|cancelled by unit|cancelled by provider|cancelled by hospital|could not attend|"
                    + "2|4|appointment cancelled by, or on behalf of, the patient|appointment cancelled or postponed by the health care provider");

    public static final CodeList RESPONDENT = CodeList.of("respondent",
            "PARENT_CARER|Parent/carer|parent|carer|parent or carer|family",
            "CHILD_YP|Child/young person|child|young person|child or young person|CYP",
            "PRACTITIONER|Practitioner|professional|worker|staff");

    public static final CodeList FEEDBACK_STAGE = CodeList.of("feedback_stage",
            "EARLY_HELP|Early help",
            "CIN|Child in need|CIN",
            "ICPC|Initial child protection conference|ICPC",
            "REVIEW_CONFERENCE|Review conference|RCPC|review child protection conference",
            "CLOSURE|Closure|case closure|end of involvement",
            "TRAINING|Training|course");

    /** Every list, for the code_label table and the templates' lists sheet. */
    public static final List<CodeList> ALL = List.of(AGENCY_SECTOR, COURSE, DELIVERY, TIER, AUDIT_KIND, AUDIT_THEME, GRADE,
            HEALTH_SERVICE, APPOINTMENT_OUTCOME, RESPONDENT, FEEDBACK_STAGE);

    private AgencyCodes() {
    }
}
