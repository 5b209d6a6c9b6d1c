package ru.moysklad.partners.sales.adapter.out.jdbc;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.sales.application.ReportSettings;
import ru.moysklad.partners.sales.application.SalesReports;

@Repository
class JdbcSalesReports implements SalesReports {

    private static final String QUARTER_OF = "to_char(date_trunc('quarter', %s AT TIME ZONE :zone), 'YYYY-\"Q\"Q')";

    private final JdbcClient jdbc;
    private final ReportSettings settings;

    JdbcSalesReports(JdbcClient jdbc, ReportSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public Summary summary(String partnerId, Instant from, Instant to) {
        Map<String, long[]> byQuarter = new TreeMap<>();
        jdbc.sql("SELECT " + QUARTER_OF.formatted("paid_at") + " AS quarter, count(*), sum(partner_price_kopecks),"
                        + " sum(list_price_kopecks), sum(CASE WHEN new_client THEN 1 ELSE 0 END)"
                        + " FROM sale WHERE partner_id = :partnerId AND paid_at >= :from AND paid_at < :to GROUP BY 1")
                .params(period(partnerId, from, to))
                .query(rs -> {
                    byQuarter.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), 0, rs.getLong(5)});
                });
        boolean bySale = settings.refundsCountIn() == ReportSettings.RefundQuarter.SALE_QUARTER;
        String refundTime = bySale ? "s.paid_at" : "r.refunded_at";
        jdbc.sql("SELECT " + QUARTER_OF.formatted(refundTime) + " AS quarter, sum(r.partner_price_kopecks)"
                        + " FROM refund r JOIN sale s ON s.sale_id = r.sale_id"
                        + " WHERE r.partner_id = :partnerId AND " + refundTime + " >= :from AND " + refundTime + " < :to GROUP BY 1")
                .params(period(partnerId, from, to))
                .query(rs -> {
                    byQuarter.computeIfAbsent(rs.getString(1), quarter -> new long[5])[3] = rs.getLong(2);
                });
        List<QuarterFigures> quarters = byQuarter.entrySet().stream()
                .map(entry -> {
                    long[] figures = entry.getValue();
                    return new QuarterFigures(entry.getKey(), figures[0], figures[1], figures[2], figures[3],
                            figures[1] - figures[3], figures[4]);
                })
                .toList();
        return jdbc.sql("""
                        SELECT COALESCE(sum(partner_price_kopecks - refunded_partner_kopecks), 0),
                               COALESCE(sum(list_price_kopecks), 0), COALESCE(sum(refunded_partner_kopecks), 0)
                          FROM sale WHERE partner_id = :partnerId""")
                .param("partnerId", partnerId)
                .query((rs, row) -> new Summary(partnerId, rs.getLong(1), rs.getLong(2), rs.getLong(3), quarters))
                .single();
    }

    @Override
    public List<SaleView> sales(String partnerId, Instant from, Instant to) {
        List<SaleView> sales = jdbc.sql("""
                        SELECT sale_id, client_account_id, paid_at, partner_status, partner_suspended, new_client,
                               list_price_kopecks, partner_price_kopecks, refunded_partner_kopecks
                          FROM sale WHERE partner_id = :partnerId AND paid_at >= :from AND paid_at < :to
                         ORDER BY paid_at, sale_id""")
                .params(period(partnerId, from, to))
                .query((rs, row) -> new SaleView(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                        rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        List.of()))
                .list();
        if (sales.isEmpty()) {
            return sales;
        }
        Map<String, List<LineView>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT sale_id, kind, product_code, period_months, list_price_kopecks, partner_price_kopecks,
                               discount_rule_id, discount_basis_points
                          FROM sale_line WHERE sale_id IN (:saleIds) ORDER BY sale_id, line_no""")
                .param("saleIds", sales.stream().map(SaleView::saleId).toList())
                .query(rs -> {
                    lines.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new LineView(rs.getString(2),
                            rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getLong(6), rs.getString(7), rs.getInt(8)));
                });
        return sales.stream().map(sale -> new SaleView(sale.saleId(), sale.clientAccountId(), sale.paidAt(),
                sale.partnerStatus(), sale.suspended(), sale.newClient(), sale.listPriceKopecks(), sale.partnerPriceKopecks(),
                sale.refundedPartnerKopecks(), lines.getOrDefault(sale.saleId(), List.of()))).collect(Collectors.toList());
    }

    @Override
    public List<ClientView> clients(String partnerId) {
        return jdbc.sql("""
                        SELECT s.client_account_id, bool_or(ca.first_partner_id = :partnerId), min(ca.first_paid_at), count(*),
                               sum(s.partner_price_kopecks - s.refunded_partner_kopecks), bool_or(a.partner_id = :partnerId)
                          FROM sale s
                          JOIN client_account ca ON ca.client_account_id = s.client_account_id
                          LEFT JOIN client_attachment a ON a.client_account_id = s.client_account_id
                         WHERE s.partner_id = :partnerId
                         GROUP BY s.client_account_id ORDER BY s.client_account_id""")
                .param("partnerId", partnerId)
                .query((rs, row) -> new ClientView(rs.getString(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant(),
                        rs.getLong(4), rs.getLong(5), rs.getBoolean(6)))
                .list();
    }

    @Override
    public ProgramQuarter programQuarter(String quarter, Instant from, Instant to, int topPartners) {
        Map<String, Object> period = Map.of("from", Timestamp.from(from), "to", Timestamp.from(to),
                "zone", settings.timeZone().getId(), "top", topPartners);
        boolean bySale = settings.refundsCountIn() == ReportSettings.RefundQuarter.SALE_QUARTER;
        long refunded = bySale
                ? jdbc.sql("SELECT COALESCE(sum(refunded_partner_kopecks), 0) FROM sale WHERE paid_at >= :from AND paid_at < :to")
                        .params(period).query(Long.class).single()
                : jdbc.sql("SELECT COALESCE(sum(partner_price_kopecks), 0) FROM refund WHERE refunded_at >= :from AND refunded_at < :to")
                        .params(period).query(Long.class).single();
        List<Slice> byStatus = slices("SELECT partner_status, count(*), sum(partner_price_kopecks - refunded_partner_kopecks)"
                + " FROM sale WHERE paid_at >= :from AND paid_at < :to GROUP BY 1 ORDER BY 1", period);
        List<Slice> byMonth = slices("SELECT to_char(paid_at AT TIME ZONE :zone, 'YYYY-MM'), count(*),"
                + " sum(partner_price_kopecks - refunded_partner_kopecks)"
                + " FROM sale WHERE paid_at >= :from AND paid_at < :to GROUP BY 1 ORDER BY 1", period);
        List<Slice> top = slices("SELECT partner_id, count(*), sum(partner_price_kopecks - refunded_partner_kopecks) AS net"
                + " FROM sale WHERE paid_at >= :from AND paid_at < :to GROUP BY 1 ORDER BY net DESC, partner_id LIMIT :top", period);
        return jdbc.sql("SELECT count(*), count(DISTINCT partner_id), COALESCE(sum(partner_price_kopecks), 0),"
                        + " COALESCE(sum(list_price_kopecks), 0), COALESCE(sum(CASE WHEN new_client THEN 1 ELSE 0 END), 0)"
                        + " FROM sale WHERE paid_at >= :from AND paid_at < :to")
                .params(period)
                .query((rs, row) -> new ProgramQuarter(quarter, rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        refunded, rs.getLong(3) - refunded, rs.getLong(5), byStatus, byMonth, top))
                .single();
    }

    private List<Slice> slices(String sql, Map<String, Object> period) {
        return jdbc.sql(sql).params(period).query((rs, row) -> new Slice(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    private Map<String, Object> period(String partnerId, Instant from, Instant to) {
        return Map.of("partnerId", partnerId, "from", Timestamp.from(from), "to", Timestamp.from(to),
                "zone", settings.timeZone().getId());
    }
}
