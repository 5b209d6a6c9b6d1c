package ru.moysklad.partners.sales.adapter.in.web;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.moysklad.partners.sales.application.AttachClientAccount;
import ru.moysklad.partners.sales.application.SalesQueries;
import ru.moysklad.partners.sales.application.SalesReports;

/** A partner's sales figures, sales with their lines, and client accounts (B9 attachment). */
@RestController
@RequestMapping("/api/sales/partners/{partnerId}")
class PartnerSalesController {

    private final SalesQueries queries;
    private final AttachClientAccount attachClientAccount;

    PartnerSalesController(SalesQueries queries, AttachClientAccount attachClientAccount) {
        this.queries = queries;
        this.attachClientAccount = attachClientAccount;
    }

    /** Net sales per calendar quarter (program time zone) of the period, and cumulative all-time figures. */
    @GetMapping("/summary")
    SalesReports.Summary summary(@PathVariable String partnerId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queries.summary(partnerId, from, to);
    }

    /** The sales paid in the period, each with its lines and the rule that priced each. */
    @GetMapping("/sales")
    List<SalesReports.SaleView> sales(@PathVariable String partnerId,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return queries.sales(partnerId, from, to);
    }

    @GetMapping("/client-accounts")
    List<SalesReports.ClientView> clients(@PathVariable String partnerId) {
        return queries.clients(partnerId);
    }

    /** B9: a Representative attaches a paid client account to itself; others get 403. */
    @PutMapping("/client-accounts/{clientAccountId}/attachment")
    AttachmentView attach(@PathVariable String partnerId, @PathVariable String clientAccountId) {
        return new AttachmentView(partnerId, clientAccountId, attachClientAccount.attach(partnerId, clientAccountId).name());
    }

    record AttachmentView(String partnerId, String clientAccountId, String outcome) {
    }
}
