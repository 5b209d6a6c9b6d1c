package ru.moysklad.partners.bonus.adapter.in.web;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.bonus.application.BonusPoints;
import ru.moysklad.partners.bonus.domain.Statement;

/** A partner's bonus points: the balance now, a statement for a period (days in the program time zone), redemptions. */
@RestController
@RequestMapping("/api/bonus/partners/{partnerId}")
class LedgerController {

    private final BonusPoints bonusPoints;

    LedgerController(BonusPoints bonusPoints) {
        this.bonusPoints = bonusPoints;
    }

    @GetMapping("/balance")
    Balance balance(@PathVariable String partnerId) {
        return new Balance(partnerId, bonusPoints.balance(partnerId));
    }

    /** @param from first day, inclusive (default: 1 January this year); @param to last day, inclusive (default: today) */
    @GetMapping("/statement")
    Statement statement(@PathVariable String partnerId,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return bonusPoints.statement(partnerId, from, to);
    }

    /**
     * Spends points on a reward from the catalogue: 201, or 200 for an idempotency key used before
     * (the same redemption, not a second one); 409 if it would take the balance below zero.
     */
    @PostMapping("/redemptions")
    ResponseEntity<RedemptionView> redeem(@PathVariable String partnerId, @RequestBody RedemptionRequest request) {
        BonusPoints.Redemption redemption = bonusPoints.redeem(partnerId, request.rewardCode(), request.idempotencyKey());
        RedemptionView view = new RedemptionView(partnerId, request.rewardCode(), -redemption.entry().points(), redemption.balance(),
                redemption.entry().bookedAt(), redemption.repeated());
        return redemption.repeated() ? ResponseEntity.ok(view) : ResponseEntity.status(HttpStatus.CREATED).body(view);
    }

    record Balance(String partnerId, long balance) {
    }

    record RedemptionRequest(String rewardCode, String idempotencyKey) {
    }

    record RedemptionView(String partnerId, String rewardCode, long points, long balance, Instant bookedAt, boolean repeated) {
    }
}
