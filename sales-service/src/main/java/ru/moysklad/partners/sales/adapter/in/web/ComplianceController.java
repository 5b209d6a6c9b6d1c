package ru.moysklad.partners.sales.adapter.in.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.sales.application.CheckCompliance;
import ru.moysklad.partners.sales.application.DailyComplianceCheck;
import ru.moysklad.partners.sales.domain.ComplianceFlags;

/** Compliance flags (C1) for account managers. */
@RestController
@RequestMapping("/api/sales/compliance")
class ComplianceController {

    private final CheckCompliance compliance;
    private final DailyComplianceCheck dailyCheck;

    ComplianceController(CheckCompliance compliance, DailyComplianceCheck dailyCheck) {
        this.compliance = compliance;
        this.dailyCheck = dailyCheck;
    }

    /** Open flags, newest first (with {@code includeCleared=true}, cleared ones too). */
    @GetMapping("/flags")
    List<ComplianceFlags.Flag> flags(@RequestParam(defaultValue = "false") boolean includeCleared) {
        return compliance.flags(includeCleared);
    }

    /** Runs the daily check of every partner now (vendor staff), e.g. after changing the C1 period. */
    @PostMapping("/checks")
    CheckRun checkNow() {
        return new CheckRun(dailyCheck.checkEveryPartner());
    }

    record CheckRun(int partnersChecked) {
    }
}
