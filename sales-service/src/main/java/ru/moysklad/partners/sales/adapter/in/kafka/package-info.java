/**
 * Events sales-service consumes: billing's payments (the Kafka way in, beside HTTP), and what the
 * other services announce about partners (registration, status, suspension) to price payments.
 * Each is applied once (by event id) in one transaction with its effect.
 */
package ru.moysklad.partners.sales.adapter.in.kafka;
