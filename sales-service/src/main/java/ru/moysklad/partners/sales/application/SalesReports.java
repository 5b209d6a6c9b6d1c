package ru.moysklad.partners.sales.application;

import java.time.Instant;
import java.util.List;

/**
 * Port: read models of a partner's sales, net of refunds, for partners and account managers. Quarters
 * are calendar quarters in the program time zone.
 */
public interface SalesReports {

    /** Net sales of one calendar quarter, e.g. 2026-Q1. */
    record QuarterFigures(String quarter, long sales, long partnerPriceKopecks, long listPriceKopecks,
                          long refundedPartnerKopecks, long netPartnerPriceKopecks, long newClients) {
    }

    record Summary(String partnerId, long netCumulativePartnerPriceKopecks, long cumulativeListPriceKopecks,
                   long refundedPartnerKopecks, List<QuarterFigures> quarters) {
    }

    record LineView(String kind, String productCode, int periodMonths, long listPriceKopecks, long partnerPriceKopecks,
                    String discountRuleId, int discountBasisPoints) {
    }

    record SaleView(String saleId, String clientAccountId, Instant paidAt, String partnerStatus, boolean suspended,
                    boolean newClient, long listPriceKopecks, long partnerPriceKopecks, long refundedPartnerKopecks,
                    List<LineView> lines) {
    }

    record ClientView(String clientAccountId, boolean newThroughThisPartner, Instant firstPaidAt, long sales,
                      long partnerPriceKopecks, boolean attachedHere) {
    }

    /** One slice of the programme's quarter: a status, a month or a partner. */
    record Slice(String key, long sales, long netPartnerPriceKopecks) {
    }

    /**
     * The whole programme's sales in one quarter, for the vendor's dashboards. The totals count
     * refunds as the partners' own reports do ({@code sales.reports.refunds-count-in}); the slices
     * count each refund against the sale it refunds.
     */
    record ProgramQuarter(String quarter, long sales, long partners, long partnerPriceKopecks, long listPriceKopecks,
                          long refundedPartnerKopecks, long netPartnerPriceKopecks, long newClients,
                          List<Slice> byStatus, List<Slice> byMonth, List<Slice> topPartners) {
    }

    ProgramQuarter programQuarter(String quarter, Instant from, Instant to, int topPartners);

    /** Quarters of sales paid in [from, to), plus all-time cumulative figures. */
    Summary summary(String partnerId, Instant from, Instant to);

    List<SaleView> sales(String partnerId, Instant from, Instant to);

    List<ClientView> clients(String partnerId);
}
