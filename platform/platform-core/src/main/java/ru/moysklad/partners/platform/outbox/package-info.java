/**
 * The transactional outbox: a service writes its events into a table in the same database
 * transaction as the change they announce, and the relay publishes them to Kafka afterwards, at
 * least once and in commit order. So a change is never announced without being made, nor made
 * without being announced, whatever crashes in between.
 */
package ru.moysklad.partners.platform.outbox;
