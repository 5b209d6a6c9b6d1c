package ru.moysklad.partners.contracts.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.events.ProductKind;
import ru.moysklad.partners.events.SaleLine;
import ru.moysklad.partners.events.SaleRecorded;

class AvroSingleObjectSerdeTest {

    private final AvroSingleObjectSerializer serializer = new AvroSingleObjectSerializer();
    private final AvroSingleObjectDeserializer deserializer = new AvroSingleObjectDeserializer();

    @Test
    void shouldRoundTripAnEventWithTheSchemaFingerprintInTheMessage() {
        SaleRecorded sale = SaleRecorded.newBuilder()
                .setEventId("e-1").setOccurredAt(Instant.parse("2026-03-01T10:00:00Z")).setPartnerId("p-1")
                .setSaleId("pay-1").setClientAccountId("c-1").setPaidAt(Instant.parse("2026-03-01T09:59:00Z"))
                .setListPriceKopecks(1_000_000).setPartnerPriceKopecks(600_000).setNewClient(true)
                .setLines(List.of(SaleLine.newBuilder().setKind(ProductKind.TARIFF).setProductCode("BASIC")
                        .setPeriodMonths(12).setListPriceKopecks(1_000_000).setPartnerPriceKopecks(600_000)
                        .setDiscountRuleId("B1").setDiscountBasisPoints(4000).build()))
                .build();

        byte[] bytes = serializer.serialize("partner.sales", sale);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(deserializer.deserialize("partner.sales", bytes)).isEqualTo(sale);
    }

    @Test
    void shouldReadAMessageWrittenWithAnOlderPublishedVersion() {
        // v1 as published, written as an old producer would: decoded into today's generated class.
        Schema v1 = ru.moysklad.partners.contracts.EventSchemas.publishedVersionsOf(ActivityLogged.getClassSchema().getFullName()).get(0);
        GenericRecord old = new GenericData.Record(v1);
        old.put("eventId", "e-2");
        old.put("occurredAt", 1_700_000_000_000L);
        old.put("partnerId", "p-2");
        old.put("activityId", "a-1");
        old.put("activityType", "WEBINAR");
        old.put("activityDate", (int) LocalDate.of(2026, 5, 1).toEpochDay());
        old.put("marketingPoints", 20);

        byte[] bytes = encode(v1, old);
        ActivityLogged read = (ActivityLogged) deserializer.deserialize("partner.activities", bytes);

        assertThat(read.getActivityType()).isEqualTo("WEBINAR");
        assertThat(read.getActivityDate()).isEqualTo(LocalDate.of(2026, 5, 1));
    }

    @Test
    void shouldRejectBytesThatAreNotAvroWithAReason() {
        assertThatThrownBy(() -> deserializer.deserialize("partner.sales", "{\"json\":true}".getBytes()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not an Avro single-object message");
    }

    @Test
    void shouldRejectAMessageWrittenWithAnUnknownSchema() {
        Schema stranger = SchemaBuilder.record("Stranger").namespace("elsewhere").fields().requiredString("x").endRecord();
        GenericRecord record = new GenericData.Record(stranger);
        record.put("x", "y");

        assertThatThrownBy(() -> deserializer.deserialize("partner.sales", encode(stranger, record)))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema fingerprint");
    }

    @Test
    void shouldRejectATruncatedMessage() {
        byte[] bytes = serializer.serialize("partner.activities", ActivityLogged.newBuilder()
                .setEventId("e-3").setOccurredAt(Instant.now()).setPartnerId("p-3").setActivityId("a-3")
                .setActivityType("ARTICLE").setActivityDate(LocalDate.now()).setMarketingPoints(5).build());
        byte[] truncated = java.util.Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> deserializer.deserialize("partner.activities", truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("corrupt ru.moysklad.partners.events.ActivityLogged");
    }

    private static byte[] encode(Schema schema, GenericRecord record) {
        try {
            var buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
