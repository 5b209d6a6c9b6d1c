package ru.moysklad.partners.tier.adapter.in.schedule;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.tier.application.Reviews;

/**
 * Runs the latest review date's review if it has not finished: on the day itself, or the first
 * day the service runs after it. Every instance may try; each partner is still reviewed once.
 */
@Component
@ConditionalOnProperty(name = "tier.review.scheduled", havingValue = "true", matchIfMissing = true)
class ReviewSchedule {

    private final Reviews reviews;

    ReviewSchedule(Reviews reviews) {
        this.reviews = reviews;
    }

    @Scheduled(cron = "${tier.review.cron:0 10 0 * * *}", zone = "${tier.review.zone:Europe/Moscow}")
    void reviewWhenDue() {
        reviews.runDue();
    }
}
