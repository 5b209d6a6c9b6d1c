/** Maps sales-service's domain facts to the Avro events of {@code schemas/} and appends them to the outbox. */
package ru.moysklad.partners.sales.adapter.out.kafka;
