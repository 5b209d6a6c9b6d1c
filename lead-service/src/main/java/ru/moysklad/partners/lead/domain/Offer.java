package ru.moysklad.partners.lead.domain;

import java.time.Instant;

/**
 * One assignment of a lead to a partner, as it is recorded: the partner's status then, when it was
 * offered, until when the partner may answer (B6), and why it was chosen.
 *
 * @param attempt the assignment this is: 1 for the lead's first
 */
public record Offer(int attempt, String partnerId, ProgramStatus partnerStatus, Instant at, Instant respondBy, String reason) {
}
