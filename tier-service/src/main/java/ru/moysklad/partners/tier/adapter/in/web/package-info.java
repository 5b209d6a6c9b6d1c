/** The HTTP API of tier-service (behind the gateway under {@code /api/tier}). */
package ru.moysklad.partners.tier.adapter.in.web;
