/**
 * Correlation ids: the id of the request (or event) that caused what a service does, accepted from
 * the caller or created, returned, logged (MDC {@code correlationId}), and carried into every event
 * the work publishes — so one can follow a lead form post or a billing payment through every service.
 */
package ru.moysklad.partners.platform.correlation;
