package ru.moysklad.partners.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;

import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class FailureClassifierTest {

    @Test
    void shouldTreatAnUnreachableDatabaseAsAnOutageToRetryNotAPoisonMessage() {
        var failure = new ListenerExecutionFailedException("listener failed",
                new CannotCreateTransactionException("no connection", new SQLTransientConnectionException("refused")));

        assertThat(FailureClassifier.isOutage(failure)).isTrue();
        assertThat(FailureClassifier.isOutage(new CannotGetJdbcConnectionException("down"))).isTrue();
        assertThat(FailureClassifier.isOutage(new TimeoutException("broker away"))).isTrue();
    }

    @Test
    void shouldTreatABrokenEventAsPoison() {
        assertThat(FailureClassifier.isOutage(new ListenerExecutionFailedException("listener failed",
                new IllegalArgumentException("negative partner price")))).isFalse();
        assertThat(FailureClassifier.isOutage(new SerializationException("not Avro"))).isFalse();
    }

    @Test
    void shouldGiveTheInnermostReason() {
        var failure = new ListenerExecutionFailedException("listener failed",
                new IllegalStateException("wrapped", new IllegalArgumentException("negative partner price")));

        assertThat(FailureClassifier.reasonOf(failure)).isEqualTo("IllegalArgumentException: negative partner price");
    }
}
