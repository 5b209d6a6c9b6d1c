package ru.moysklad.partners.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final Path PROJECT = Path.of("/repo");

    private static LaunchOptions parse(String... args) {
        return LaunchOptions.parse(List.of(args), Map.of(), PROJECT);
    }

    @Test
    void defaultsStartEverythingWithEmbeddedPostgresAndDataInTheRepository() {
        LaunchOptions options = parse();

        assertThat(options.services()).containsExactly(PlatformService.values());
        assertThat(options.services().get(options.services().size() - 1)).isEqualTo(PlatformService.GATEWAY);
        assertThat(options.dataDir()).isEqualTo(Path.of("/repo/.data"));
        assertThat(options.kafkaPort()).isEqualTo(9092);
        assertThat(options.kafkaControllerPort()).isEqualTo(9093);
        assertThat(options.postgresPort()).isEqualTo(5433);
        assertThat(options.embeddedPostgres()).isTrue();
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(300));
        assertThat(options.help()).isFalse();
    }

    @Test
    void onlyPicksServicesAndKeepsTheGatewayLast() {
        assertThat(parse("--only=gateway,tier-service, sales-service").services())
                .containsExactly(PlatformService.SALES, PlatformService.TIER, PlatformService.GATEWAY);
    }

    @Test
    void anEmptyOnlyStartsJustKafkaAndPostgres() {
        assertThat(parse("--only=").services()).isEmpty();
    }

    @Test
    void anUnknownServiceIsRefusedWithTheKnownNames() {
        assertThatThrownBy(() -> parse("--only=sales,tier-service"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown service 'sales'")
                .hasMessageContaining("sales-service");
    }

    @Test
    void theDataDirectoryComesFromTheOptionThenTheEnvironmentThenTheRepository() {
        Map<String, String> env = Map.of(LaunchOptions.DATA_DIR_ENV, "/from-env");

        assertThat(LaunchOptions.parse(List.of("--data-dir=/from-flag"), env, PROJECT).dataDir()).isEqualTo(Path.of("/from-flag"));
        assertThat(LaunchOptions.parse(List.of(), env, PROJECT).dataDir()).isEqualTo(Path.of("/from-env"));
        assertThat(LaunchOptions.parse(List.of(), Map.of(LaunchOptions.DATA_DIR_ENV, " "), PROJECT).dataDir())
                .isEqualTo(Path.of("/repo/.data"));
        assertThat(parse("--project-dir=/elsewhere").dataDir()).isEqualTo(Path.of("/elsewhere/.data"));
    }

    @Test
    void valuesMayFollowAsTheNextArgument() {
        LaunchOptions options = parse("--kafka-port", "19092", "--postgres-port", "15433", "--startup-timeout", "60");

        assertThat(options.kafkaPort()).isEqualTo(19092);
        assertThat(options.kafkaControllerPort()).isEqualTo(19093);
        assertThat(options.postgresPort()).isEqualTo(15433);
        assertThat(options.startupTimeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void aPostgresUrlSwitchesToAnExternalServer() {
        LaunchOptions options = parse("--postgres-url=jdbc:postgresql://127.0.0.1:5432/", "--postgres-user=root");

        assertThat(options.embeddedPostgres()).isFalse();
        assertThat(options.postgresUrl()).contains("jdbc:postgresql://127.0.0.1:5432/");
        assertThat(options.postgresUser()).isEqualTo("root");
        assertThat(options.postgresPassword()).isEmpty();
    }

    @Test
    void badInputIsRefusedWithAMessageForTheUser() {
        assertThatThrownBy(() -> parse("--kafka-prot=1")).hasMessageContaining("unknown option --kafka-prot");
        assertThatThrownBy(() -> parse("--bogus")).hasMessageContaining("unknown option --bogus");
        assertThatThrownBy(() -> parse("--kafka-port=abc")).hasMessageContaining("must be a number");
        assertThatThrownBy(() -> parse("--kafka-port=70000")).hasMessageContaining("port number");
        assertThatThrownBy(() -> parse("--kafka-port=9092", "--kafka-controller-port=9092")).hasMessageContaining("must differ");
        assertThatThrownBy(() -> parse("--data-dir")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> parse("sales-service")).hasMessageContaining("unexpected argument");
        assertThatThrownBy(() -> parse("--postgres-url=postgres://x")).hasMessageContaining("jdbc:postgresql://");
        assertThatThrownBy(() -> parse("--startup-timeout=0")).hasMessageContaining("positive");
    }

    @Test
    void helpNeedsNoValue() {
        assertThat(parse("--help").help()).isTrue();
        assertThat(LaunchOptions.USAGE).contains("--only=", "--data-dir=", LaunchOptions.DATA_DIR_ENV);
    }
}
