/**
 * The one place that names every topic, its key and the event types it carries, and the registry of
 * every schema version a consumer may meet on them.
 *
 * <p>The Avro schemas themselves live in {@code src/main/avro} (generated into
 * {@code ru.moysklad.partners.events}); every version ever published is kept under {@code published/}
 * so that consumers can read messages written with an older one.
 */
package ru.moysklad.partners.contracts;
