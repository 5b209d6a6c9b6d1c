package ru.moysklad.partners.sales.domain;

import java.time.Instant;

/** Port: the client accounts that ever paid, and through whom they first did (new clients, K5, B3). */
public interface ClientAccounts {

    /**
     * Records this sale as the client account's first paid sale unless one is recorded already;
     * true when it was the first (the client is new to the program, through this partner).
     */
    boolean claimFirstSale(String clientAccountId, String saleId, String partnerId, Instant paidAt);

    /** Whether the client account has any paid sale recorded. */
    boolean hasPaid(String clientAccountId);

    /** How an attachment (B9) went. */
    enum Attachment { ATTACHED, ALREADY_ATTACHED_HERE, ATTACHED_ELSEWHERE }

    /** Attaches a paid client account to a partner unless another partner has it attached. */
    Attachment attach(String clientAccountId, String partnerId, Instant at);
}
