package ru.moysklad.partners.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void eachServiceGetsItsOwnDatabaseOnTheGivenServer() {
        PostgresServer server = PostgresServer.unconnected("jdbc:postgresql://db.local:5432/", "app", null);

        assertThat(server.serverUrl()).isEqualTo("jdbc:postgresql://db.local:5432/");
        assertThat(server.jdbcUrl("sales_service")).isEqualTo("jdbc:postgresql://db.local:5432/sales_service");
        assertThat(server.password()).isEmpty();
        assertThat(server.isEmbedded()).isFalse();
    }

    @Test
    void aDatabaseInTheUrlIsDroppedAndParametersAreKept() {
        PostgresServer server = PostgresServer.unconnected("jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable", "u", "p");

        assertThat(server.jdbcUrl("tier_service")).isEqualTo("jdbc:postgresql://127.0.0.1:5432/tier_service?sslmode=disable");
        assertThat(PostgresServer.unconnected("jdbc:postgresql://h:1", "u", "p").jdbcUrl("x")).isEqualTo("jdbc:postgresql://h:1/x");
    }

    @Test
    void anUrlThatIsNotPostgresIsRefused() {
        assertThatThrownBy(() -> PostgresServer.unconnected("jdbc:mysql://h:3306/", "u", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jdbc:postgresql://host:port/");
    }

    @Test
    void onlyPlainDatabaseNamesAreCreated() {
        PostgresServer server = PostgresServer.unconnected("jdbc:postgresql://h:1/", "u", "p");

        assertThatThrownBy(() -> server.ensureDatabase("x; DROP DATABASE y"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
