package ru.moysklad.partners.tier.adapter.out.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import ru.moysklad.partners.tier.domain.Benefit;
import ru.moysklad.partners.tier.domain.RuleSet;
import ru.moysklad.partners.tier.domain.Status;

/**
 * The benefit catalogue tells partners what they get; sales-service and bonus-service are what give
 * it, each by its own settings. This keeps the two saying the same: a discount or a bonus changed in
 * one place and not the other fails the build.
 */
class BenefitsMatchTheServicesSettingsTest {

    private static final List<Status> STATUSES = List.of(Status.PARTNER_START, Status.PARTNER, Status.EXPERT, Status.REPRESENTATIVE);

    private RuleSet rules;

    @BeforeEach
    void readTheShippedRuleSet() throws IOException {
        rules = new RuleSetFiles().ruleSets("").inForceOn(LocalDate.of(2026, 11, 25));
    }

    @Test
    void shouldStateTheDiscountsSalesServicePricesWith() throws IOException {
        Map<String, Object> pricing = settings("sales-service", "sales", "pricing");
        Map<String, Object> b1 = section(pricing, "b1");

        for (Status status : STATUSES) {
            assertThat(amount("B1", status)).as("B1 for " + status).isEqualByComparingTo(percent(b1.get(status.name())));
            assertThat(amount("B2", status)).as("B2 for " + status).isEqualByComparingTo(percent(pricing.get("b2")));
            assertThat(amount("B3", status)).as("B3 for " + status).isEqualByComparingTo(percent(pricing.get("b3-first-payment")));
        }
        assertThat(benefit("B3").detail()).contains(percent(pricing.get("b3-renewal")).stripTrailingZeros().toPlainString() + "%");
    }

    @Test
    void shouldStateTheBonusPointsBonusServiceCredits() throws IOException {
        Map<String, Object> ledger = settings("bonus-service", "bonus", "ledger");

        assertThat(amount("B4", Status.PARTNER_START)).isEqualByComparingTo(new BigDecimal(ledger.get("welcome-points").toString()));
        for (Status status : List.of(Status.PARTNER, Status.EXPERT, Status.REPRESENTATIVE)) {
            assertThat(amount("B7", status)).as("B7 for " + status)
                    .isEqualByComparingTo(new BigDecimal(ledger.get("extended-points-per-rouble").toString()));
        }
    }

    private Benefit benefit(String id) {
        return rules.benefits().benefits().stream().filter(benefit -> benefit.id().equals(id)).findFirst().orElseThrow();
    }

    private BigDecimal amount(String id, Status status) {
        return benefit(id).amountFor(status).orElseThrow();
    }

    private static BigDecimal percent(Object basisPoints) {
        return new BigDecimal(basisPoints.toString()).movePointLeft(2);
    }

    /** A section of another service's application.yml, read from the source tree the build runs in. */
    private static Map<String, Object> settings(String service, String... path) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("..", service, "src", "main", "resources", "application.yml"))) {
            Map<String, Object> section = new Yaml().load(in);
            for (String key : path) {
                section = section(section, key);
            }
            return section;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> section(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }
}
