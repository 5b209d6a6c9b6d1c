/**
 * The gateway: the platform's only public entry. It routes each service's API under one origin
 * ({@code /api/partners}, {@code /api/sales}, {@code /api/tier}, {@code /api/bonus}, {@code /api/leads});
 * the services' addresses come from {@code platform.services.*}. Sub-packages: {@code access} (who
 * may call what, pure Java), {@code security} (tokens and the access table applied), {@code web}
 * (problem+json answers and correlation ids).
 */
package ru.moysklad.partners.gateway;
