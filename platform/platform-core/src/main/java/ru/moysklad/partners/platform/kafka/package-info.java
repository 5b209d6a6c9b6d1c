/**
 * Kafka wiring shared by every service: the Avro single-object serde on every producer and consumer,
 * the catalogue's topics and their dead-letter topics, and the error handler that retries transient
 * failures until they pass and sends poison messages to the dead-letter topic with the reason.
 */
package ru.moysklad.partners.platform.kafka;
