package ru.moysklad.partners.bonus.adapter.out.kafka;

import org.springframework.stereotype.Component;

import ru.moysklad.partners.bonus.domain.ActivityAnnouncements;
import ru.moysklad.partners.bonus.domain.ActivityClaim;
import ru.moysklad.partners.events.ActivityLogged;
import ru.moysklad.partners.platform.outbox.EventIds;
import ru.moysklad.partners.platform.outbox.Outbox;

/** ActivityLogged for tier-service (P5, K2-K4), its id derived from the claim: one claim, one event. */
@Component
class ActivityLoggedPublisher implements ActivityAnnouncements {

    private final Outbox outbox;

    ActivityLoggedPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void activityLogged(ActivityClaim approved) {
        outbox.append(ActivityLogged.newBuilder()
                .setEventId(EventIds.derived("ActivityLogged", approved.claimId()))
                .setOccurredAt(approved.decidedAt())
                .setPartnerId(approved.partnerId())
                .setActivityId(approved.claimId())
                .setActivityType(approved.type())
                .setActivityDate(approved.activityDate())
                .setMarketingPoints(approved.points())
                .build());
    }
}
