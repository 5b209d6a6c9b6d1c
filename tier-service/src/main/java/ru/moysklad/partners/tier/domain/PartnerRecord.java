package ru.moysklad.partners.tier.domain;

import java.time.Instant;

/** A partner as tier-service keeps it: its status on record, whether it is suspended, since when, and its facts. */
public record PartnerRecord(Status status, boolean suspended, Instant statusSince, PartnerFacts facts) {
}
