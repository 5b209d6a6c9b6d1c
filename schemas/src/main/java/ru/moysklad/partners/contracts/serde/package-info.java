/**
 * The wire format of every event: Avro binary in the specification's single-object encoding (two
 * marker bytes, the writer schema's 64-bit fingerprint, the record), behind Kafka's
 * {@code Serializer}/{@code Deserializer} so that a registry-based serde can replace it by
 * configuration. A registry is not reachable here; the fingerprint plays its role, resolved against
 * every version kept in {@link ru.moysklad.partners.contracts.EventSchemas}.
 */
package ru.moysklad.partners.contracts.serde;
