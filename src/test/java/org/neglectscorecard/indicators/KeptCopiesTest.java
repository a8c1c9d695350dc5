package org.neglectscorecard.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Which copies of a period rerun again and again are let go (replaced_value): only those older
 * than the latest copy a completed run published. A board may hold that one, and a run stopped
 * since published nothing, so its copy says nothing a reader has; letting the published one go
 * would let the next rerun withhold what it showed differently.
 */
class KeptCopiesTest {

    @Test
    void copiesOlderThanTheLatestPublishedGo() {
        // Runs 3 and 7 completed; 9 stopped part-way. 7's copy is what a board may hold: 3's and 1's go.
        assertThat(IndicatorEngine.olderThanLatestPublished(List.of(9L, 7L, 3L, 1L), Set.of(3L, 7L))).containsExactly(1L, 3L);
    }

    @Test
    void theLatestPublishedCopyStaysWithTheStoppedRunsAfterIt() {
        assertThat(IndicatorEngine.olderThanLatestPublished(List.of(4L, 5L, 6L), Set.of(4L))).isEmpty();
    }

    @Test
    void withNoCompletedRunAmongThemEveryCopyStays() {
        // Runs that all stopped published nothing; which of them a later completed run follows is not known yet.
        assertThat(IndicatorEngine.olderThanLatestPublished(List.of(2L, 5L), Set.of(1L))).isEmpty();
        assertThat(IndicatorEngine.olderThanLatestPublished(List.of(), Set.of(1L))).isEmpty();
    }
}
