/**
 * The idempotent consumer. Kafka delivers at least once, so every handler records the event id it
 * applied in the same transaction as the effect; a redelivered event finds its id already there and
 * changes nothing. Insert-first (not check-then-insert), so two deliveries racing cannot both win.
 */
package ru.moysklad.partners.platform.inbox;
