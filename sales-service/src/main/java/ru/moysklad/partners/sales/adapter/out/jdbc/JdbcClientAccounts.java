package ru.moysklad.partners.sales.adapter.out.jdbc;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import ru.moysklad.partners.sales.domain.ClientAccounts;

@Repository
class JdbcClientAccounts implements ClientAccounts {

    private final JdbcClient jdbc;

    JdbcClientAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claimFirstSale(String clientAccountId, String saleId, String partnerId, Instant paidAt) {
        // Insert-first: of two payments of a new client racing, exactly one finds itself first.
        return jdbc.sql("""
                        INSERT INTO client_account (client_account_id, first_sale_id, first_partner_id, first_paid_at)
                        VALUES (:client, :saleId, :partnerId, :paidAt)
                        ON CONFLICT (client_account_id) DO NOTHING""")
                .param("client", clientAccountId)
                .param("saleId", saleId)
                .param("partnerId", partnerId)
                .param("paidAt", Timestamp.from(paidAt))
                .update() == 1
                || jdbc.sql("SELECT first_sale_id = :saleId FROM client_account WHERE client_account_id = :client")
                        .param("saleId", saleId)
                        .param("client", clientAccountId)
                        .query(Boolean.class).single();
    }

    @Override
    public boolean hasPaid(String clientAccountId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM client_account WHERE client_account_id = :client)")
                .param("client", clientAccountId)
                .query(Boolean.class).single();
    }

    @Override
    public Attachment attach(String clientAccountId, String partnerId, Instant at) {
        int inserted = jdbc.sql("""
                        INSERT INTO client_attachment (client_account_id, partner_id, attached_at) VALUES (:client, :partnerId, :at)
                        ON CONFLICT (client_account_id) DO NOTHING""")
                .param("client", clientAccountId)
                .param("partnerId", partnerId)
                .param("at", Timestamp.from(at))
                .update();
        if (inserted == 1) {
            return Attachment.ATTACHED;
        }
        String holder = jdbc.sql("SELECT partner_id FROM client_attachment WHERE client_account_id = :client")
                .param("client", clientAccountId).query(String.class).single();
        return holder.equals(partnerId) ? Attachment.ALREADY_ATTACHED_HERE : Attachment.ATTACHED_ELSEWHERE;
    }
}
