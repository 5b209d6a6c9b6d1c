package ru.moysklad.partners.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What every service must do before anything else: start on the real broker and its own migrated
 * database, and say so on its health endpoint. A service's {@code *IT} extends this.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@WithRealInfrastructure
public abstract class ServiceStartsHealthy {

    @LocalServerPort
    protected int port;
    @Autowired
    protected JdbcClient jdbc;
    @Value("${spring.application.name}")
    private String service;

    @Test
    void shouldStartOnItsOwnMigratedDatabaseAndReportHealthUp() throws IOException, InterruptedException {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("SELECT current_database()").query(String.class).single())
                .isEqualTo(RealInfrastructure.databaseNameFor(service + "_test"));
    }
}
