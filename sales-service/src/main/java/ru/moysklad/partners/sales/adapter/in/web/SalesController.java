package ru.moysklad.partners.sales.adapter.in.web;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.sales.application.RecordSale;
import ru.moysklad.partners.sales.domain.ProductKind;
import ru.moysklad.partners.sales.domain.Sale;
import ru.moysklad.partners.sales.domain.SaleLine;

@RestController
@RequestMapping("/api/sales")
class SalesController {

    private final RecordSale recordSale;

    SalesController(RecordSale recordSale) {
        this.recordSale = recordSale;
    }

    /** A paid sale reported by the billing platform; reporting the same payment id again changes nothing. */
    @PostMapping("/sales")
    ResponseEntity<SaleReceipt> report(@Valid @RequestBody ReportedSale reported) {
        RecordSale.Outcome outcome = recordSale.record(reported.toSale());
        return ResponseEntity.status(outcome == RecordSale.Outcome.RECORDED ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new SaleReceipt(reported.saleId(), outcome.name()));
    }

    record ReportedSale(
            @NotBlank @Size(max = 100) String saleId,
            @NotBlank @Size(max = 100) String partnerId,
            @NotBlank @Size(max = 100) String clientAccountId,
            @NotNull Instant paidAt,
            @NotEmpty @Size(max = 100) List<@Valid @NotNull ReportedLine> lines) {

        Sale toSale() {
            return new Sale(saleId, partnerId, clientAccountId, paidAt,
                    lines.stream().map(line -> SaleLine.atListPrice(line.kind(), line.productCode(),
                            line.periodMonths(), line.listPriceKopecks())).toList());
        }
    }

    record ReportedLine(
            @NotNull ProductKind kind,
            @NotBlank @Size(max = 100) String productCode,
            @Positive @Max(120) int periodMonths,
            @PositiveOrZero @Max(100_000_000_000L) long listPriceKopecks) {
    }

    record SaleReceipt(String saleId, String outcome) {
    }
}
