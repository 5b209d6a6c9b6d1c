package ru.moysklad.partners.bonus.adapter.in.schedule;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.bonus.application.BonusPoints;

/** Once a day, points past their expiry are booked out (only when {@code bonus.ledger.expire-after} is set). */
@Component
class ExpirySchedule {

    private final BonusPoints bonusPoints;

    ExpirySchedule(BonusPoints bonusPoints) {
        this.bonusPoints = bonusPoints;
    }

    @Scheduled(cron = "${bonus.ledger.expiry-cron:0 30 2 * * *}", zone = "${bonus.time-zone:Europe/Moscow}")
    void expireDuePoints() {
        bonusPoints.expire();
    }
}
