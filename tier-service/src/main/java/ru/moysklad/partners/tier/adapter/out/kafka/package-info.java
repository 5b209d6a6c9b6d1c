/** Maps tier-service's decisions to the Avro events of {@code schemas/} and appends them to the outbox. */
package ru.moysklad.partners.tier.adapter.out.kafka;
