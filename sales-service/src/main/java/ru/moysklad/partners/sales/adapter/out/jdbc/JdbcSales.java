package ru.moysklad.partners.sales.adapter.out.jdbc;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.sales.domain.RecordedSale;
import ru.moysklad.partners.sales.domain.Refund;
import ru.moysklad.partners.sales.domain.Sale;
import ru.moysklad.partners.sales.domain.SaleLine;
import ru.moysklad.partners.sales.domain.Sales;

@Repository
class JdbcSales implements Sales {

    private final JdbcClient jdbc;

    JdbcSales(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean add(Sale sale) {
        int inserted = jdbc.sql("""
                        INSERT INTO sale (sale_id, partner_id, client_account_id, paid_at, list_price_kopecks,
                                          partner_price_kopecks, partner_status, partner_suspended, new_client)
                        VALUES (:saleId, :partnerId, :clientAccountId, :paidAt, :listPrice, :partnerPrice, :status,
                                :suspended, :newClient)
                        ON CONFLICT (sale_id) DO NOTHING""")
                .param("saleId", sale.saleId())
                .param("partnerId", sale.partnerId())
                .param("clientAccountId", sale.clientAccountId())
                .param("paidAt", Timestamp.from(sale.paidAt()))
                .param("listPrice", sale.listPriceKopecks())
                .param("partnerPrice", sale.partnerPriceKopecks())
                .param("status", sale.standing().status().name())
                .param("suspended", sale.standing().suspended())
                .param("newClient", sale.newClient())
                .update();
        if (inserted == 0) {
            return false;
        }
        int lineNo = 0;
        for (SaleLine line : sale.lines()) {
            jdbc.sql("""
                            INSERT INTO sale_line (sale_id, line_no, kind, product_code, period_months, list_price_kopecks,
                                                   partner_price_kopecks, discount_rule_id, discount_basis_points)
                            VALUES (:saleId, :lineNo, :kind, :productCode, :periodMonths, :listPrice, :partnerPrice,
                                    :ruleId, :discount)""")
                    .param("saleId", sale.saleId())
                    .param("lineNo", ++lineNo)
                    .param("kind", line.kind().name())
                    .param("productCode", line.productCode())
                    .param("periodMonths", line.periodMonths())
                    .param("listPrice", line.listPriceKopecks())
                    .param("partnerPrice", line.partnerPriceKopecks())
                    .param("ruleId", line.discountRuleId())
                    .param("discount", line.discountBasisPoints())
                    .update();
        }
        return true;
    }

    @Override
    public Optional<RecordedSale> findForRefund(String saleId) {
        return jdbc.sql("""
                        SELECT sale_id, partner_id, client_account_id, paid_at, list_price_kopecks, partner_price_kopecks,
                               refunded_list_kopecks, refunded_partner_kopecks
                          FROM sale WHERE sale_id = :saleId FOR UPDATE""")
                .param("saleId", saleId)
                .query((rs, row) -> new RecordedSale(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)))
                .optional();
    }

    @Override
    public boolean refundRecorded(String refundId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM refund WHERE refund_id = :refundId)")
                .param("refundId", refundId).query(Boolean.class).single();
    }

    @Override
    public void addRefund(Refund refund) {
        jdbc.sql("""
                        INSERT INTO refund (refund_id, sale_id, partner_id, refunded_at, list_price_kopecks, partner_price_kopecks)
                        VALUES (:refundId, :saleId, :partnerId, :refundedAt, :listPrice, :partnerPrice)""")
                .param("refundId", refund.refundId())
                .param("saleId", refund.saleId())
                .param("partnerId", refund.partnerId())
                .param("refundedAt", Timestamp.from(refund.refundedAt()))
                .param("listPrice", refund.listPriceKopecks())
                .param("partnerPrice", refund.partnerPriceKopecks())
                .update();
        jdbc.sql("""
                        UPDATE sale SET refunded_list_kopecks = refunded_list_kopecks + :listPrice,
                                        refunded_partner_kopecks = refunded_partner_kopecks + :partnerPrice
                         WHERE sale_id = :saleId""")
                .param("listPrice", refund.listPriceKopecks())
                .param("partnerPrice", refund.partnerPriceKopecks())
                .param("saleId", refund.saleId())
                .update();
    }
}
