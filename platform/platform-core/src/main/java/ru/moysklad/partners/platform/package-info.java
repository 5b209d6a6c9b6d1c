/**
 * Shared event plumbing, written once for every service and switched on by auto-configuration:
 * the transactional outbox ({@code outbox}), the idempotent consumer ({@code inbox}) and the Kafka
 * wiring with dead letters ({@code kafka}). No business rules live here.
 */
package ru.moysklad.partners.platform;
