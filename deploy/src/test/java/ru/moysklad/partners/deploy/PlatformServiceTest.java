package ru.moysklad.partners.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PlatformServiceTest {

    @Test
    void everyServiceButTheGatewayHasADatabaseNamedAfterIt() {
        assertThat(PlatformService.SALES.database()).contains("sales_service");
        assertThat(PlatformService.PARTNER.database()).contains("partner_service");
        assertThat(PlatformService.GATEWAY.database()).isEmpty();
    }

    @Test
    void portsAreTheAgreedDefaultsAndDistinct() {
        assertThat(PlatformService.GATEWAY.port()).isEqualTo(8080);
        assertThat(PlatformService.LEAD.port()).isEqualTo(8085);
        assertThat(Arrays.stream(PlatformService.values()).map(PlatformService::port).distinct()).hasSize(PlatformService.values().length);
    }

    @Test
    void theGatewayKnowsEveryOtherServiceByKey() {
        assertThat(Arrays.stream(PlatformService.values()).flatMap(s -> s.gatewayKey().stream()))
                .containsExactly("partner", "sales", "tier", "bonus", "lead");
    }

    @Test
    void theSummaryTableLinesUpItsColumns() {
        String table = LocalPlatform.table(java.util.List.of(
                new String[] {"gateway", "http://127.0.0.1:8080", "x"},
                new String[] {"Kafka", "127.0.0.1:9092", ""}));

        assertThat(table.lines()).containsExactly(
                "  gateway   http://127.0.0.1:8080   x",
                "  Kafka     127.0.0.1:9092");
    }
}
