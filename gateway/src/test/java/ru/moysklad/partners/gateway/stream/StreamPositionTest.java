package ru.moysklad.partners.gateway.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StreamPositionTest {

    @Test
    void shouldReadBackWhatItWrites() {
        StreamPosition position = StreamPosition.empty()
                .with("partner.status-changes", 0, 15).with("partner.status-changes", 2, 4).with("lead.assignments", 1, 7);

        StreamPosition read = StreamPosition.parse(position.toString());

        assertThat(position.toString()).isEqualTo("partner.status-changes:15.0.4;lead.assignments:0.7");
        assertThat(read.offset("partner.status-changes", 2)).contains(4L);
        assertThat(read.offset("lead.assignments", 1)).contains(7L);
        assertThat(read.offset("lead.assignments", 5)).isEmpty();
        assertThat(read.offset("other", 0)).isEmpty();
    }

    @Test
    void shouldNotChangeThePositionItAdvancesFrom() {
        StreamPosition before = StreamPosition.empty().with("t", 0, 1);

        before.with("t", 0, 2);

        assertThat(before.offset("t", 0)).contains(1L);
    }

    @Test
    void shouldRefuseTextItDidNotWrite() {
        assertThatThrownBy(() -> StreamPosition.parse("garbage")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StreamPosition.parse("t:1.x")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> StreamPosition.parse("t:-1")).hasMessageContaining("negative");
        assertThatThrownBy(() -> StreamPosition.parse("t<script>:1")).hasMessageContaining("no valid topic");
    }
}
