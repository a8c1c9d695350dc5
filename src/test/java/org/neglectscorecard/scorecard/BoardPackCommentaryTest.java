package org.neglectscorecard.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A lead officer's long commentary made the board pack a ninth page: when nothing else makes it
 * fit, each card's commentary and action are cut to their first sentences, the whole being in the
 * workbook's Commentary sheet.
 */
class BoardPackCommentaryTest {

    @Test
    void aShortCommentaryIsShownWhole() {
        assertThat(BoardPack.shortened("Up after the spring courses.")).isEqualTo("Up after the spring courses.");
        assertThat(BoardPack.shortened(null)).isNull();
    }

    @Test
    void aLongOneIsCutAtASentenceAndSaysWhereTheRestIs() {
        String first = "Training numbers rose sharply after the spring programme, with health visitors and school staff "
                + "taking up most of the new places.";
        String second = "Confidence scores rose in every agency, most in primary care, where the GP practice leads attended "
                + "the multi-agency course together.";
        String rest = " The summer programme will focus on police and housing, whose staff were least represented. ".repeat(10);
        String cut = BoardPack.shortened(first + " " + second + rest);
        assertThat(cut).isEqualTo(first + " " + second + " (In full in the workbook's Commentary sheet.)");
        assertThat(cut.length()).isLessThan(BoardPack.SHORT_TEXT + 60);
    }

    @Test
    void oneLongSentenceIsCutAtAWord() {
        String cut = BoardPack.shortened("word ".repeat(100).strip());
        assertThat(cut).endsWith("word\u2026 (In full in the workbook's Commentary sheet.)").doesNotContain("wor\u2026");
    }
}
