package org.neglectscorecard.ingest.annexa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neglectscorecard.ingest.TableHeader;

/**
 * Annex A's List 3 (referrals) has a "Referral Date", which is also how some LAs head List 6's CIN
 * start date: by the headings only List 3 has, it is never read as children in need.
 */
class ReferralsAreNotChildrenInNeedTest {

    @Test
    void list3WithAReferralDateIsNotList6() {
        TableHeader list3 = new TableHeader("List 3", List.of("Child Unique ID", "Gender", "Referral Date (DD/MM/YYYY)",
                "Referral Source", "Referral NFA?", "Number of Referrals in Last 12 Months"), true);
        assertThat(AnnexAList.recognise(list3)).isNull();
        assertThat(AnnexAList.otherList(list3)).isEqualTo("List 3");

        TableHeader list6 = new TableHeader("List 6", List.of("Child Unique ID", "Gender", "Referral Date", "Primary Need Code",
                "CIN Closure Date"), true);
        assertThat(AnnexAList.recognise(list6)).isEqualTo(AnnexAList.LIST_6);
    }
}
