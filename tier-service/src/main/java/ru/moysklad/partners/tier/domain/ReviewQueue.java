package ru.moysklad.partners.tier.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Port: puts a partner's review on the engine's input log, in the caller's transaction. */
public interface ReviewQueue {

    void reviewsDue(List<String> partnerIds, LocalDate reviewDate, String rulesVersion, Instant at);
}
