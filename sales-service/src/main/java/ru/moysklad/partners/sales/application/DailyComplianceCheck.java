package ru.moysklad.partners.sales.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Checks every partner against C1 once a day (flags age: a partner can come to hold C1 without a new
 * sale), each partner in its own transaction; one instance runs it per day.
 */
@Service
public class DailyComplianceCheck {

    private static final Logger log = LoggerFactory.getLogger(DailyComplianceCheck.class);
    private static final int PAGE = 500;

    private final DailyChecks checks;
    private final CheckCompliance compliance;
    private final ReportSettings reportSettings;
    private final Clock clock;

    public DailyComplianceCheck(DailyChecks checks, CheckCompliance compliance, ReportSettings reportSettings, Clock clock) {
        this.checks = checks;
        this.compliance = compliance;
        this.reportSettings = reportSettings;
        this.clock = clock;
    }

    /** Runs today's check unless another instance did; returns how many partners it checked. */
    public int runToday() {
        LocalDate today = LocalDate.now(clock.withZone(reportSettings.timeZone()));
        if (!checks.claimRun("compliance", today)) {
            return 0;
        }
        return checkEveryPartner();
    }

    /** Checks every partner now, whether or not today's run happened. */
    public int checkEveryPartner() {
        int checked = 0;
        String after = "";
        for (List<String> page = checks.partnersAfter(after, PAGE); !page.isEmpty(); page = checks.partnersAfter(after, PAGE)) {
            for (String partnerId : page) {
                try {
                    compliance.check(partnerId);
                    checked++;
                } catch (RuntimeException e) {
                    log.warn("Compliance check of partner {} failed; the next run retries it: {}", partnerId, e.getMessage());
                }
            }
            after = page.get(page.size() - 1);
        }
        log.info("Compliance check covered {} partners", checked);
        return checked;
    }
}
