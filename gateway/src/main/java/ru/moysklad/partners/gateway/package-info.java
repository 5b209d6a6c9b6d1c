/**
 * The gateway: the platform's only public entry. It routes each service's API under one origin
 * ({@code /api/partners}, {@code /api/sales}, {@code /api/tier}, {@code /api/bonus}, {@code /api/leads});
 * the services' addresses come from {@code platform.services.*}.
 *
 * <p>Foundation (issue 3): routing and health. Authentication, the public lead form's protections,
 * problem+json errors, correlation ids and the dashboards' live stream follow with issue 9.
 */
package ru.moysklad.partners.gateway;
