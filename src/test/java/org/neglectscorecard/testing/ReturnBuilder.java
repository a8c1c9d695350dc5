package org.neglectscorecard.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.neglectscorecard.sample.CensusReturn;
import org.neglectscorecard.sample.CensusReturn.CAssessment;
import org.neglectscorecard.sample.CensusReturn.CChild;
import org.neglectscorecard.sample.CensusReturn.CEpisode;
import org.neglectscorecard.sample.CensusReturn.CPlan;

/** Child-level CIN census fixtures, written with the same writers as the sample data. */
public final class ReturnBuilder {

    private final String la;
    private final LocalDate reference;
    private final List<CChild> children = new ArrayList<>();

    public ReturnBuilder(String la, LocalDate reference) {
        this.la = la;
        this.reference = reference;
    }

    public ChildBuilder child(String id) {
        return new ChildBuilder(id);
    }

    public CensusReturn build() {
        return new CensusReturn(la, reference, children, false);
    }

    public final class ChildBuilder {
        private final String id;
        private String birth = "2015-06-01";
        private String gender = "1";
        private String ethnicity = "WBRI";
        private List<String> disabilities = List.of();
        private final List<CEpisode> episodes = new ArrayList<>();

        ChildBuilder(String id) {
            this.id = id;
        }

        public ChildBuilder born(String date) {
            this.birth = date;
            return this;
        }

        public ChildBuilder gender(String code) {
            this.gender = code;
            return this;
        }

        public ChildBuilder ethnicity(String code) {
            this.ethnicity = code;
            return this;
        }

        public ChildBuilder disabled(String... codes) {
            this.disabilities = List.of(codes);
            return this;
        }

        /** An episode; plans and assessments are added to the returned builder. */
        public EpisodeBuilder episode(String referral, String closure, String need) {
            EpisodeBuilder e = new EpisodeBuilder(this, String.valueOf(episodes.size() + 1), referral, closure, need);
            return e;
        }

        public ReturnBuilder done() {
            children.add(new CChild(id, null, birth, null, gender, ethnicity, disabilities, episodes));
            return ReturnBuilder.this;
        }
    }

    public final class EpisodeBuilder {
        private final ChildBuilder child;
        private final String ref;
        private final String referral;
        private final String closure;
        private final String need;
        private final List<CAssessment> assessments = new ArrayList<>();
        private final List<String[]> cinPlans = new ArrayList<>();
        private final List<CPlan> plans = new ArrayList<>();

        EpisodeBuilder(ChildBuilder child, String ref, String referral, String closure, String need) {
            this.child = child;
            this.ref = ref;
            this.referral = referral;
            this.closure = closure;
            this.need = need;
        }

        public EpisodeBuilder cpp(String start, String end, String initial, String latest, int previous) {
            plans.add(new CPlan(start, end, initial, latest, String.valueOf(previous)));
            return this;
        }

        public EpisodeBuilder cinPlan(String start, String end) {
            cinPlans.add(new String[] {start, end});
            return this;
        }

        public EpisodeBuilder assessment(String start, String authorised, String... factors) {
            assessments.add(new CAssessment(start, authorised, List.of(factors)));
            return this;
        }

        public ChildBuilder end() {
            child.episodes.add(new CEpisode(ref, referral, "2A", need, closure, closure == null ? null : "RC7", "false",
                    assessments, cinPlans, plans));
            return child;
        }
    }
}
