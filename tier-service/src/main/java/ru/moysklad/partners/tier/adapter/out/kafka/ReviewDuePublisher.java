package ru.moysklad.partners.tier.adapter.out.kafka;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import ru.moysklad.partners.events.PartnerReviewDue;
import ru.moysklad.partners.platform.outbox.EventIds;
import ru.moysklad.partners.platform.outbox.Outbox;
import ru.moysklad.partners.tier.domain.ReviewQueue;

/** Publishes PartnerReviewDue to tier.inputs at once, with an id derived from the date and the partner, so that a repeat is known. */
@Component
class ReviewDuePublisher implements ReviewQueue {

    private final Outbox outbox;

    ReviewDuePublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void reviewsDue(List<String> partnerIds, LocalDate reviewDate, String rulesVersion, Instant at) {
        outbox.publishNow(partnerIds.stream().map(partnerId -> PartnerReviewDue.newBuilder()
                .setEventId(EventIds.derived("PartnerReviewDue", "review:" + reviewDate, partnerId))
                .setOccurredAt(at)
                .setPartnerId(partnerId)
                .setReviewDate(reviewDate)
                .setRulesVersion(rulesVersion)
                .build()).toList());
    }
}
