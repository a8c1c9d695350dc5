package org.neglectscorecard.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PseudonymiserTest {

    @Test
    void theSameChildGetsTheSameKeyAndNoOneElseDoes() {
        Pseudonymiser p = new Pseudonymiser("the partnership's own secret key");
        assertThat(p.childKey("821", "1234")).isEqualTo(p.childKey("821", "1234")).hasSize(32).doesNotContain("1234");
        assertThat(p.childKey("821", "1234")).isNotEqualTo(p.childKey("822", "1234"));
        assertThat(new Pseudonymiser("another partnership's key!").childKey("821", "1234")).isNotEqualTo(p.childKey("821", "1234"));
    }

    @Test
    void theKeyIsNeverShown() {
        Pseudonymiser p = new Pseudonymiser("the partnership's own secret key");
        assertThat(p.toString()).doesNotContain("secret");
        assertThat(p.fingerprint()).hasSize(16).isNotEqualTo(new Pseudonymiser("another partnership's key!").fingerprint());
    }

    @Test
    void shortKeysAreRefusedAndTheSampleKeyIsKnown() {
        assertThatThrownBy(() -> new Pseudonymiser("short")).hasMessageContaining("at least 16");
        assertThat(new Pseudonymiser(Pseudonymiser.SAMPLE_KEY).isSampleKey()).isTrue();
        assertThat(new Pseudonymiser("the partnership's own secret key").isSampleKey()).isFalse();
    }
}
