package ru.moysklad.partners.sales.adapter.in.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.sales.application.QuotePrices;
import ru.moysklad.partners.sales.application.RecordPayment;
import ru.moysklad.partners.sales.application.RecordRefund;
import ru.moysklad.partners.sales.application.SalesQueries;
import ru.moysklad.partners.sales.application.SalesReports;
import ru.moysklad.partners.sales.domain.InvalidPayment;
import ru.moysklad.partners.sales.domain.Payment;
import ru.moysklad.partners.sales.domain.PaymentItem;
import ru.moysklad.partners.sales.domain.ProductKind;
import ru.moysklad.partners.sales.domain.SaleLine;

@RestController
@RequestMapping("/api/sales")
class SalesController {

    private static final BigDecimal KOPECKS_PER_ROUBLE = BigDecimal.valueOf(100);

    private final RecordPayment recordPayment;
    private final QuotePrices quotePrices;
    private final RecordRefund recordRefund;
    private final SalesQueries queries;

    SalesController(RecordPayment recordPayment, QuotePrices quotePrices, RecordRefund recordRefund, SalesQueries queries) {
        this.recordPayment = recordPayment;
        this.quotePrices = quotePrices;
        this.recordRefund = recordRefund;
        this.queries = queries;
    }

    /**
     * A paid payment reported by the billing platform (the HTTP way in, beside the billing.payments
     * topic); reporting the same payment id again, either way, changes nothing.
     */
    @PostMapping("/payments")
    ResponseEntity<PaymentReceipt> report(@Valid @RequestBody ReportedPayment reported) {
        RecordPayment.Outcome outcome = recordPayment.record(new Payment(reported.paymentId(), reported.partnerId(),
                reported.clientAccountId(), reported.paidAt(), items(reported.items())));
        return ResponseEntity.status(outcome == RecordPayment.Outcome.RECORDED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new PaymentReceipt(reported.paymentId(), outcome.name()));
    }

    /** A full or partial refund of a recorded payment, reported by billing; once per refund id. */
    @PostMapping("/refunds")
    ResponseEntity<RefundReceipt> refund(@Valid @RequestBody ReportedRefund reported) {
        Map<String, String> problems = new LinkedHashMap<>();
        long kopecks = kopecks(reported.listPrice(), "listPrice", problems);
        if (!problems.isEmpty()) {
            throw new InvalidPayment(problems);
        }
        RecordRefund.Outcome outcome = recordRefund.record(reported.refundId(), reported.paymentId(), reported.partnerId(),
                reported.refundedAt(), kopecks);
        return ResponseEntity.status(outcome == RecordRefund.Outcome.RECORDED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new RefundReceipt(reported.refundId(), outcome.name()));
    }

    /** What a basket would cost the partner today, line by line, with the rule that priced each. */
    /** The whole programme's sales in a calendar quarter (default: this one), for vendor staff's dashboards. */
    @GetMapping("/reports/quarter")
    SalesReports.ProgramQuarter programQuarter(@RequestParam(required = false) String quarter) {
        return queries.programQuarter(quarter);
    }

    @PostMapping("/partners/{partnerId}/quote")
    QuoteView quote(@PathVariable String partnerId, @Valid @RequestBody QuoteRequest request) {
        QuotePrices.Quote quote = quotePrices.quote(partnerId, request.clientAccountId(), items(request.items()));
        return new QuoteView(partnerId, quote.at(), quote.standing().status().name(), quote.standing().suspended(),
                quote.newClient(), roubles(quote.listPriceKopecks()), roubles(quote.partnerPriceKopecks()),
                quote.lines().stream().map(QuoteLine::of).toList());
    }

    private static List<PaymentItem> items(List<ReportedItem> items) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<PaymentItem> converted = new java.util.ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ReportedItem item = items.get(i);
            converted.add(new PaymentItem(item.kind(), item.productCode(), item.periodMonths(),
                    kopecks(item.listPrice(), "items[" + i + "].listPrice", problems)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPayment(problems);
        }
        return converted;
    }

    /** Roubles with kopecks become whole kopecks; a third decimal is refused, never rounded away. */
    private static long kopecks(BigDecimal roubles, String field, Map<String, String> problems) {
        if (roubles.stripTrailingZeros().scale() > 2) {
            problems.put(field, "roubles with at most two decimals (kopecks)");
            return 0;
        }
        return roubles.multiply(KOPECKS_PER_ROUBLE).longValueExact();
    }

    private static BigDecimal roubles(long kopecks) {
        return BigDecimal.valueOf(kopecks, 2);
    }

    record ReportedPayment(
            @NotBlank @Size(max = 100) String paymentId,
            @NotBlank @Size(max = 100) String partnerId,
            @NotBlank @Size(max = 100) String clientAccountId,
            @NotNull Instant paidAt,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull ReportedItem> items) {
    }

    record ReportedItem(
            @NotNull ProductKind kind,
            @NotBlank @Size(max = 100) String productCode,
            @NotNull @Positive @Max(120) Integer periodMonths,
            @NotNull @Positive @jakarta.validation.constraints.DecimalMax("1000000000") BigDecimal listPrice) {
    }

    record QuoteRequest(@Size(max = 100) String clientAccountId,
                        @NotEmpty @Size(max = 100) List<@Valid @NotNull ReportedItem> items) {
    }

    record PaymentReceipt(String paymentId, String outcome) {
    }

    record ReportedRefund(
            @NotBlank @Size(max = 100) String refundId,
            @NotBlank @Size(max = 100) String paymentId,
            @Size(max = 100) String partnerId,
            @NotNull Instant refundedAt,
            @NotNull @Positive @jakarta.validation.constraints.DecimalMax("1000000000") BigDecimal listPrice) {
    }

    record RefundReceipt(String refundId, String outcome) {
    }

    record QuoteView(String partnerId, Instant at, String partnerStatus, boolean suspended, boolean newClient,
                     BigDecimal listPrice, BigDecimal partnerPrice, List<QuoteLine> lines) {
    }

    record QuoteLine(String kind, String productCode, int periodMonths, BigDecimal listPrice, BigDecimal partnerPrice,
                     String discountRuleId, BigDecimal discountPercent) {
        static QuoteLine of(SaleLine line) {
            return new QuoteLine(line.kind().name(), line.productCode(), line.periodMonths(), roubles(line.listPriceKopecks()),
                    roubles(line.partnerPriceKopecks()), line.discountRuleId(), BigDecimal.valueOf(line.discountBasisPoints(), 2));
        }
    }
}
