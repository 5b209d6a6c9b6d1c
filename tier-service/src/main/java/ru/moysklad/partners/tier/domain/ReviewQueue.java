package ru.moysklad.partners.tier.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Port: puts partners' reviews on the engine's input log at once, returning when the log holds them
 * all. Not in the caller's transaction: a review put on the log twice (the run failed before
 * recording how far it got, and runs again) is applied once.
 */
public interface ReviewQueue {

    void reviewsDue(List<String> partnerIds, LocalDate reviewDate, String rulesVersion, Instant at);
}
