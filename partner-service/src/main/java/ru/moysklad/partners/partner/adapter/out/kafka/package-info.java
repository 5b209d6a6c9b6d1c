/** Maps partner-service's changes to the Avro events of {@code schemas/} and appends them to the outbox. */
package ru.moysklad.partners.partner.adapter.out.kafka;
