package ru.moysklad.partners.tier.domain;

import java.time.Instant;
import java.time.LocalDate;

/** Port: puts a partner's review on the engine's input log, in the caller's transaction. */
public interface ReviewQueue {

    void reviewDue(String partnerId, LocalDate reviewDate, String rulesVersion, Instant at);
}
