/**
 * The HTTP API of partner-service (behind the gateway under {@code /api/partners}). Which callers may
 * do what (vendor staff, partner users) is enforced at the gateway (issue 9).
 */
package ru.moysklad.partners.partner.adapter.in.web;
