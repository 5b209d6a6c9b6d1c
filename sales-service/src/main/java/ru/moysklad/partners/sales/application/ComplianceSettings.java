package ru.moysklad.partners.sales.application;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import ru.moysklad.partners.sales.domain.ImitationCheck;

/**
 * Compliance checks ({@code sales.compliance.*}).
 *
 * @param c1Period          how long serving a single client with the discount takes to raise C1 (6 months)
 * @param dailyCheckCron    when the daily check of every partner runs, in the program time zone
 */
@ConfigurationProperties("sales.compliance")
public record ComplianceSettings(Duration c1Period, String dailyCheckCron) {

    public ComplianceSettings {
        c1Period = c1Period == null ? Duration.ofDays(183) : c1Period;
        dailyCheckCron = dailyCheckCron == null ? "0 0 3 * * *" : dailyCheckCron;
    }

    public ImitationCheck imitationCheck() {
        return new ImitationCheck(c1Period);
    }
}
