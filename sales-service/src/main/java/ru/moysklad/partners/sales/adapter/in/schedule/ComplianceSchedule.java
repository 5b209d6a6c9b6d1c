package ru.moysklad.partners.sales.adapter.in.schedule;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.moysklad.partners.sales.application.DailyComplianceCheck;

@Component
class ComplianceSchedule {

    private final DailyComplianceCheck dailyCheck;

    ComplianceSchedule(DailyComplianceCheck dailyCheck) {
        this.dailyCheck = dailyCheck;
    }

    @Scheduled(cron = "${sales.compliance.daily-check-cron:0 0 3 * * *}", zone = "${sales.reports.time-zone:Europe/Moscow}")
    void daily() {
        dailyCheck.runToday();
    }
}
