package ru.moysklad.partners.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

import ru.moysklad.partners.events.SaleRecorded;

class EventSchemasTest {

    @Test
    void shouldKnowTheCurrentAndEveryPublishedVersionOfEachEventType() {
        var schemas = EventSchemas.instance();
        for (var type : Topic.allEventTypes()) {
            var current = SpecificData.get().getSchema(type);
            assertThat(schemas.byFingerprint(EventSchemas.fingerprintOf(current))).isEqualTo(current);
            assertThat(EventSchemas.publishedVersionsOf(current.getFullName())).as(type.getSimpleName()).isNotEmpty();
        }
    }

    @Test
    void shouldNameOneTopicForEveryEventTypeKeyedByPartnerUnlessItIsALeadWithoutOne() {
        assertThat(Topic.carrying(SaleRecorded.class)).isEqualTo(Topic.PARTNER_SALES);
        assertThat(Topic.PARTNER_SALES.deadLetterTopicName()).isEqualTo("partner.sales.dlt");
        assertThat(Topic.values()).allSatisfy(topic -> assertThat(topic.key())
                .isEqualTo(topic == Topic.LEADS_CREATED || topic == Topic.LEAD_VENDOR_QUEUE ? KeyKind.LEAD_ID : KeyKind.PARTNER_ID));
        assertThat(Topic.values()).extracting(Topic::producer).allSatisfy(producer -> assertThat(producer)
                .isIn("partner-service", "sales-service", "tier-service", "bonus-service", "lead-service", "billing-platform"));
    }
}
