package ru.moysklad.partners.partner.domain;

import java.time.Instant;

/** A deliberate act of vendor staff on a partner (C2 suspension and reinstatement, billing decisions): who, when, why. */
public record AuditEntry(String partnerId, Instant at, String actor, String action, String reason) {
}
