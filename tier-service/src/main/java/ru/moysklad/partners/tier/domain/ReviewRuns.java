package ru.moysklad.partners.tier.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Port: the record of each review date's run. */
public interface ReviewRuns {

    /** Starts the run of this date unless one exists; returns the run as it stands. */
    Run start(LocalDate reviewDate, String rulesVersion, Instant at);

    /**
     * The last partner, in id order, whose review the run of this date has put on the input log
     * ("" before the first); held until the transaction ends, so that two instances running the
     * same review take their pages one after the other.
     */
    String queuedThroughLocked(LocalDate reviewDate);

    /** Records a page of reviews put on the input log, through {@code lastPartnerId}. */
    void queued(LocalDate reviewDate, String lastPartnerId, int count);

    void finish(LocalDate reviewDate, Instant at);

    Optional<Run> find(LocalDate reviewDate);

    List<Run> all();

    /**
     * @param partnersReviewed whose review this run put on the input log
     * @param partnersDemoted  whom the engine demoted at this review date so far
     */
    record Run(LocalDate reviewDate, String rulesVersion, Instant startedAt, Instant finishedAt, long partnersReviewed,
               long partnersDemoted) {

        public boolean finished() {
            return finishedAt != null;
        }
    }
}
