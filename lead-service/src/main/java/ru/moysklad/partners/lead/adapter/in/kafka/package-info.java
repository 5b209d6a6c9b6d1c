/** lead-service's way in from Kafka: partners' news that decides who may receive leads. */
package ru.moysklad.partners.lead.adapter.in.kafka;
